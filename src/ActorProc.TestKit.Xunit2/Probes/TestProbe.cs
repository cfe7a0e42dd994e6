using System.Diagnostics;
using ActorProc.Actors;
using ActorProc.Actors.Dispatch;

namespace ActorProc.TestKit.Xunit2;

/// <summary>
/// An actor the test controls: pass <see cref="Ref"/> as a sender or a target, then assert on what it
/// received with the <c>Expect...</c> methods. All waits are dilated by the TestKit time factor, and inside
/// <see cref="Within(TimeSpan, Action)"/> they are bounded by the block's remaining time.
/// </summary>
public sealed class TestProbe
{
    private readonly ProbeQueue _queue = new();
    private readonly TestKitSettings _settings;
    private long _deadline = long.MaxValue;

    internal TestProbe(ActorSystem system, TestKitSettings settings, string? name)
    {
        System = system;
        _settings = settings;
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_queue)), name ?? "testProbe-" + Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>The probe's actor ref.</summary>
    public IActorRef Ref { get; }

    /// <summary>The system the probe lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>The sender of the last message taken by an expectation.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The remaining time of the innermost <see cref="Within(TimeSpan, Action)"/>, or the default expectation time.</summary>
    public TimeSpan RemainingOrDefault => Remaining(null);

    /// <summary>Number of messages received and not yet taken.</summary>
    public int MessageCount => _queue.Count;

    /// <summary>Sends a message to the probe's ref's target with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Replies to <see cref="LastSender"/>.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Forwards a message to a target keeping <see cref="LastSender"/> as sender.</summary>
    public void Forward(IActorRef target, object message) => target.Tell(message, LastSender);

    /// <summary>Expects a message of type <typeparamref name="T"/> and returns it.</summary>
    public T ExpectMsg<T>(TimeSpan? duration = null) => ExpectMsg<T>(_ => true, duration, $"a message of type {typeof(T).Name}");

    /// <summary>Expects a message equal to <paramref name="message"/>.</summary>
    public T ExpectMsg<T>(T message, TimeSpan? duration = null) =>
        ExpectMsg<T>(m => Equals(m, message), duration, $"message {Describe(message)}");

    /// <summary>Expects a message of type <typeparamref name="T"/> for which <paramref name="isMessage"/> holds.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return ExpectMsg(isMessage, duration, $"a message of type {typeof(T).Name} matching the predicate");
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> from <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null)
    {
        var message = ExpectMsg<T>(duration);
        if (!LastSender.Equals(sender))
        {
            throw new TestKitAssertionException($"Expected {Describe(message)} from {sender} but it came from {LastSender}.");
        }

        return message;
    }

    /// <summary>Expects one message that equals any of <paramref name="messages"/>.</summary>
    public T ExpectMsgAnyOf<T>(params T[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return ExpectMsg<T>(m => messages.Contains(m), null, $"any of [{string.Join(", ", messages.Select(m => Describe(m)))}]");
    }

    /// <summary>Expects no message during <paramref name="duration"/>.</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        var wait = _settings.Dilated(duration);
        if (_queue.TryTake(out var envelope, wait))
        {
            LastSender = envelope.Sender ?? ActorRefs.Nobody;
            throw new TestKitAssertionException($"Expected no message for {wait} but received {Describe(envelope.Message)} from {envelope.Sender}.");
        }
    }

    /// <summary>Expects no message during the default no-message time.</summary>
    public void ExpectNoMsg() => ExpectNoMsg(_settings.ExpectNoMessageDefault);

    /// <summary>Expects the <see cref="Terminated"/> of a watched actor.</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), duration, $"Terminated of {target}");
    }

    /// <summary>Watches an actor so that its <see cref="Terminated"/> reaches this probe; returns once the watch is in place.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Ref.Ask<ProbeWatch>(new ProbeWatch(actor), _settings.Dilated(_settings.SingleExpectDefault)).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Stops watching an actor.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Ref.Ask<ProbeUnwatch>(new ProbeUnwatch(actor), _settings.Dilated(_settings.SingleExpectDefault)).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Receives messages until one matches <paramref name="isMessage"/>, dropping the others; returns it.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return FishForMessage<object>(m => isMessage(m), duration);
    }

    /// <summary>Receives messages until one of type <typeparamref name="T"/> matches, dropping the others; returns it.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var end = Stopwatch.GetTimestamp() + ToTicks(Remaining(duration));
        var skipped = new List<object>();
        while (true)
        {
            var left = TimeSpan.FromSeconds((double)(end - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (!_queue.TryTake(out var envelope, left))
            {
                throw new TestKitAssertionException(
                    $"Timeout ({Remaining(duration)}) while fishing for a {typeof(T).Name}; skipped {skipped.Count} message(s): [{string.Join(", ", skipped.Select(Describe))}].");
            }

            LastSender = envelope.Sender ?? ActorRefs.Nobody;
            if (envelope.Message is T typed && isMessage(typed))
            {
                return typed;
            }

            skipped.Add(envelope.Message);
        }
    }

    /// <summary>Receives exactly <paramref name="count"/> messages within the duration.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? duration = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var end = Stopwatch.GetTimestamp() + ToTicks(Remaining(duration));
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var left = TimeSpan.FromSeconds((double)(end - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (!_queue.TryTake(out var envelope, left))
            {
                throw new TestKitAssertionException($"Timeout ({Remaining(duration)}) while receiving {count} messages: got {messages.Count}.");
            }

            LastSender = envelope.Sender ?? ActorRefs.Nobody;
            messages.Add(envelope.Message);
        }

        return messages;
    }

    /// <summary>
    /// Runs <paramref name="action"/>, bounding every expectation inside by the block's remaining time, and
    /// fails when the block took longer than <paramref name="max"/> (dilated).
    /// </summary>
    public void Within(TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within(max, () =>
        {
            action();
            return true;
        });
    }

    /// <summary>Runs <paramref name="function"/> within <paramref name="max"/> and returns its result.</summary>
    public T Within<T>(TimeSpan max, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var dilated = _settings.Dilated(max);
        var start = Stopwatch.GetTimestamp();
        var outer = _deadline;
        _deadline = Math.Min(outer, start + ToTicks(dilated));
        try
        {
            var result = function();
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed > dilated)
            {
                throw new TestKitAssertionException($"The block took {elapsed.TotalMilliseconds:F0} ms, more than the allowed {dilated.TotalMilliseconds:F0} ms.");
            }

            return result;
        }
        finally
        {
            _deadline = outer;
        }
    }

    /// <summary>Retries <paramref name="assertion"/> until it stops throwing or the duration runs out (then rethrows its last exception).</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var end = Stopwatch.GetTimestamp() + ToTicks(Remaining(duration));
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < end)
            {
                Thread.Sleep(pause);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="max"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = Remaining(max);
        var end = Stopwatch.GetTimestamp() + ToTicks(wait);
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() >= end)
            {
                throw new TestKitAssertionException($"The condition did not become true within {wait}.");
            }

            Thread.Sleep(pause);
        }
    }

    internal TimeSpan Remaining(TimeSpan? duration)
    {
        var wanted = duration is { } d ? _settings.Dilated(d) : _settings.Dilated(_settings.SingleExpectDefault);
        if (_deadline == long.MaxValue)
        {
            return wanted;
        }

        var left = TimeSpan.FromSeconds((double)(_deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
        if (left < TimeSpan.Zero)
        {
            left = TimeSpan.Zero;
        }

        return duration is null || left < wanted ? left : wanted;
    }

    private T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? duration, string what)
    {
        var wait = Remaining(duration);
        if (!_queue.TryTake(out var envelope, wait))
        {
            throw new TestKitAssertionException($"Timeout ({wait}) while waiting for {what}.");
        }

        LastSender = envelope.Sender ?? ActorRefs.Nobody;
        if (envelope.Message is T typed && isMessage(typed))
        {
            return typed;
        }

        throw new TestKitAssertionException($"Expected {what} but received {Describe(envelope.Message)} from {envelope.Sender?.ToString() ?? "NoSender"}.");
    }

    private static long ToTicks(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? long.MaxValue / 2 : (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static string Describe(object? message) => message is null ? "null" : $"{message.GetType().Name} '{message}'";
}
