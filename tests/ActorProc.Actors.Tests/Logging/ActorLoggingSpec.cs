using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorProc.Actors.Tests.Logging;

public class ActorLoggingSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed record Captured(LogLevel Level, string Category, string Message, Exception? Exception);

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<Captured> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue(new Captured(logLevel, category, formatter(state, exception), exception));
        }
    }

    private sealed class Chatty : ReceiveActor
    {
        public Chatty()
        {
            var log = Context.GetLogger();
            Receive<int>(n =>
            {
                log.Info("processing {Count} items", n);
                log.Debug("debug is below the configured level");
                log.Warning("careful with {Count}", n);
                Sender.Tell("logged", Self);
            });
        }
    }

    [Fact]
    public async Task Context_GetLogger_writes_to_the_ILoggerFactory_with_the_actor_path_and_level_filter()
    {
        var provider = new CapturingProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        using var system = ActorSystem.Create("logging", "actorproc.loglevel = info", factory);
        var actor = system.ActorOf(Props.Create<Chatty>(), "chatty");

        Assert.Equal("logged", await actor.Ask<string>(3, TimeSpan.FromSeconds(3)));

        var entries = provider.Entries.Where(e => e.Message.Contains("/user/chatty", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, entries.Length);
        Assert.Equal(LogLevel.Information, entries[0].Level);
        Assert.Equal($"[actorproc://logging/user/chatty] processing 3 items", entries[0].Message);
        Assert.Equal(typeof(Chatty).FullName, entries[0].Category);
        Assert.Equal(LogLevel.Warning, entries[1].Level);
        Assert.Equal($"[actorproc://logging/user/chatty] careful with 3", entries[1].Message);
    }

    [Fact]
    public void Log_events_are_published_on_the_event_stream()
    {
        Sys.EventStream.Subscribe<LogEvent>(TestActor);
        var actor = Sys.ActorOf(Props.Create<Chatty>(), "published");

        actor.Tell(5, ActorRefs.NoSender);

        var info = ExpectMsg<LogEvent>(e => e.Level == LogLevel.Information && e.LogSource.EndsWith("/user/published", StringComparison.Ordinal));
        Assert.Equal("processing 5 items", info.Message);
        Assert.Equal(typeof(Chatty), info.LogClass);
    }
}
