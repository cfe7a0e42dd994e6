using System.Globalization;
using ActorProc.Actors;
using ActorProc.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorProc.TestKit.Xunit2;

/// <summary>
/// Base class for actor tests in xunit: each test class instance gets its own <see cref="Sys"/> (terminated
/// at dispose), a <see cref="TestActor"/> whose messages the <c>Expect...</c> methods assert on, probes,
/// event filters, and logs routed to the test's <see cref="ITestOutputHelper"/>.
/// </summary>
/// <example>
/// <code>
/// public class EchoSpec(ITestOutputHelper output) : TestKit(output: output)
/// {
///     [Fact]
///     public void Echo_replies_with_the_same_text()
///     {
///         var echo = Sys.ActorOf(Props.Create&lt;Echo&gt;());
///         echo.Tell("hi", TestActor);
///         ExpectMsg("hi");
///     }
/// }
/// </code>
/// </example>
public abstract class TestKit : IDisposable
{
    private readonly TestProbe _testActor;
    private readonly ILoggerFactory _loggerFactory;
    private bool _disposed;

    /// <summary>Creates the test's actor system.</summary>
    /// <param name="config">HOCON for the test's system (over the reference defaults), or null.</param>
    /// <param name="output">xunit's output helper; when given, the system's logs go to the test output.</param>
    protected TestKit(string? config = null, ITestOutputHelper? output = null)
    {
        var hocon = ReferenceConfig.WithDefaults(config);
        Settings = ReadSettings(hocon);
        _loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (output is not null)
            {
                builder.AddProvider(new TestOutputLoggerProvider(output));
            }
        });
        Sys = ActorSystem.Create(GetType().Name.Replace('`', '-'), hocon, _loggerFactory);
        _testActor = new TestProbe(Sys, Settings, "testActor");
        EventFilter = new EventFilterFactory(Sys, Settings);
    }

    /// <summary>The test's actor system.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The TestKit's timing settings.</summary>
    public TestKitSettings Settings { get; }

    /// <summary>The actor whose received messages the <c>Expect...</c> methods look at.</summary>
    public IActorRef TestActor => _testActor.Ref;

    /// <summary>The sender of the last message taken by an expectation.</summary>
    public IActorRef LastSender => _testActor.LastSender;

    /// <summary>Builds log-event filters (<c>EventFilter.Exception&lt;T&gt;().ExpectOne(...)</c>).</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>The remaining time of the innermost <see cref="Within(TimeSpan, Action)"/>, or the default.</summary>
    public TimeSpan RemainingOrDefault => _testActor.RemainingOrDefault;

    /// <summary>Creates another probe.</summary>
    public TestProbe CreateTestProbe(string? name = null) => new(Sys, Settings, name);

    /// <summary>Multiplies a duration by the configured time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => Settings.Dilated(duration);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(TimeSpan?)"/>
    public T ExpectMsg<T>(TimeSpan? duration = null) => _testActor.ExpectMsg<T>(duration);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T message, TimeSpan? duration = null) => _testActor.ExpectMsg(message, duration);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Predicate{T}, TimeSpan?)"/>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? duration = null) => _testActor.ExpectMsg(isMessage, duration);

    /// <inheritdoc cref="TestProbe.ExpectMsgFrom{T}(IActorRef, TimeSpan?)"/>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null) => _testActor.ExpectMsgFrom<T>(sender, duration);

    /// <inheritdoc cref="TestProbe.ExpectMsgAnyOf{T}(T[])"/>
    public T ExpectMsgAnyOf<T>(params T[] messages) => _testActor.ExpectMsgAnyOf(messages);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg(TimeSpan)"/>
    public void ExpectNoMsg(TimeSpan duration) => _testActor.ExpectNoMsg(duration);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg()"/>
    public void ExpectNoMsg() => _testActor.ExpectNoMsg();

    /// <inheritdoc cref="TestProbe.ExpectTerminated(IActorRef, TimeSpan?)"/>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? duration = null) => _testActor.ExpectTerminated(target, duration);

    /// <inheritdoc cref="TestProbe.Watch(IActorRef)"/>
    public IActorRef Watch(IActorRef actor) => _testActor.Watch(actor);

    /// <inheritdoc cref="TestProbe.Unwatch(IActorRef)"/>
    public IActorRef Unwatch(IActorRef actor) => _testActor.Unwatch(actor);

    /// <inheritdoc cref="TestProbe.FishForMessage(Predicate{object}, TimeSpan?)"/>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? duration = null) => _testActor.FishForMessage(isMessage, duration);

    /// <inheritdoc cref="TestProbe.FishForMessage{T}(Predicate{T}, TimeSpan?)"/>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? duration = null) => _testActor.FishForMessage(isMessage, duration);

    /// <inheritdoc cref="TestProbe.ReceiveN(int, TimeSpan?)"/>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? duration = null) => _testActor.ReceiveN(count, duration);

    /// <inheritdoc cref="TestProbe.Within(TimeSpan, Action)"/>
    public void Within(TimeSpan max, Action action) => _testActor.Within(max, action);

    /// <inheritdoc cref="TestProbe.Within{T}(TimeSpan, Func{T})"/>
    public T Within<T>(TimeSpan max, Func<T> function) => _testActor.Within(max, function);

    /// <inheritdoc cref="TestProbe.AwaitAssert(Action, TimeSpan?, TimeSpan?)"/>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) => _testActor.AwaitAssert(assertion, duration, interval);

    /// <inheritdoc cref="TestProbe.AwaitCondition(Func{bool}, TimeSpan?, TimeSpan?)"/>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null) => _testActor.AwaitCondition(condition, max);

    /// <summary>Terminates the test's actor system, failing when it does not end within the shutdown timeout.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system; override to release more, calling the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        var timeout = Settings.Dilated(Settings.ShutdownTimeout);
        try
        {
            if (!Sys.Terminate().Wait(timeout))
            {
                throw new TestKitAssertionException($"Actor system {Sys.Name} did not terminate within {timeout}.");
            }
        }
        finally
        {
            _loggerFactory.Dispose();
        }
    }

    private static TestKitSettings ReadSettings(Config config)
    {
        var test = config.GetConfig("actorproc.test");
        var factor = test.GetDouble("timefactor", 1.0);
        var fromEnvironment = Environment.GetEnvironmentVariable("ACTORPROC_TEST_TIMEFACTOR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (!double.TryParse(fromEnvironment, NumberStyles.Float, CultureInfo.InvariantCulture, out factor))
            {
                throw new ConfigException($"ACTORPROC_TEST_TIMEFACTOR = '{fromEnvironment}' is not a number.");
            }
        }

        if (factor <= 0)
        {
            throw new ConfigException($"Setting 'actorproc.test.timefactor' = '{factor}' is not valid: it must be positive.");
        }

        return new TestKitSettings
        {
            TimeFactor = factor,
            SingleExpectDefault = test.GetTimeSpan("single-expect-default", allowInfinite: false),
            ExpectNoMessageDefault = test.GetTimeSpan("expect-no-message-default", allowInfinite: false),
            ShutdownTimeout = test.GetTimeSpan("shutdown-timeout", allowInfinite: false),
            FilterLeeway = test.GetTimeSpan("filter-leeway", allowInfinite: false),
        };
    }
}
