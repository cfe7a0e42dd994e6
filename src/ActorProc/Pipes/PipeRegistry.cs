using System.Collections.Concurrent;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>
/// The pipe ends this process holds: one endpoint per (pipe, end), shared by every copy of a
/// <see cref="Connection"/> for that end in this process, and the attach that moves an end here.
/// </summary>
internal static class PipeRegistry
{
    private static readonly ConcurrentDictionary<(Guid Pipe, int End), Slot> Slots = new();
    private static readonly object WatcherGate = new();
    private static IActorRef? _watcher;

    /// <summary>Records an endpoint created here together with its pipe (it holds its end from the start).</summary>
    public static void Register(PipeEndpoint endpoint) => Slots.GetOrAdd((endpoint.Pipe, endpoint.End), static _ => new Slot()).Current = endpoint;

    /// <summary>
    /// The endpoint holding end <paramref name="end"/> of <paramref name="pipe"/> in this process; when there is none,
    /// moves the end here: a new endpoint asks the owner, which has the previous holder hand over its state.
    /// </summary>
    /// <exception cref="OwnerProcessGoneException">The pipe's owner is gone.</exception>
    /// <exception cref="ObjectDisposedException">The end was closed (or the process holding it ended).</exception>
    public static PipeEndpoint Attach(IActorRef owner, Guid pipe, int end, bool readable, bool writable) =>
        AttachAsync(owner, pipe, end, readable, writable, synchronous: true).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Attach"/>.</summary>
    public static ValueTask<PipeEndpoint> AttachAsync(IActorRef owner, Guid pipe, int end, bool readable, bool writable) =>
        AttachAsync(owner, pipe, end, readable, writable, synchronous: false);

    private static async ValueTask<PipeEndpoint> AttachAsync(IActorRef owner, Guid pipe, int end, bool readable, bool writable, bool synchronous)
    {
        var slot = Slots.GetOrAdd((pipe, end), static _ => new Slot());
        if (synchronous)
        {
            slot.Gate.Wait();
        }
        else
        {
            await slot.Gate.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (slot.Current is { HasCustody: true } current)
            {
                return current;
            }

            var runtime = ProcessRuntime.Get();
            var endpoint = PipeEndpoint.Create(runtime, pipe, end, readable, writable);
            PipeAttachReply reply;
            try
            {
                endpoint.BindOwner(owner);
                var ask = OwnerCall.AskAsync<PipeAttachReply>(owner, new PipeAttach(end, endpoint), "pipe");
                reply = synchronous ? ask.GetAwaiter().GetResult() : await ask.ConfigureAwait(false);
            }
            catch
            {
                endpoint.Discard();
                throw;
            }

            // The owner sends the end's state to the endpoint before it answers, on the same stream.
            if (!reply.Ok || !endpoint.HasCustody)
            {
                endpoint.Discard();
                throw new ObjectDisposedException(nameof(Connection), reply.Reason ?? "This end of the pipe could not be attached.");
            }

            slot.Current = endpoint;
            return endpoint;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Death-watches the process at <paramref name="process"/> for <paramref name="endpoint"/> (its peer is there).</summary>
    public static void WatchPeer(ProcessRuntime runtime, PipeEndpoint endpoint, Address process)
    {
        if (ProcessLiveness.WatchTarget(process) is { } target)
        {
            Watcher(runtime).Tell(new PipePeerWatcher.WatchPeer(endpoint, process, target), ActorRefs.NoSender);
        }
    }

    /// <summary>Forgets a retired endpoint.</summary>
    public static void Forget(ProcessRuntime runtime, PipeEndpoint endpoint)
    {
        if (Slots.TryGetValue((endpoint.Pipe, endpoint.End), out var slot))
        {
            // No wait on the gate here: an attach holding it may be retiring this very endpoint.
            if (ReferenceEquals(slot.Current, endpoint))
            {
                slot.Current = null;
                Slots.TryRemove(KeyValuePair.Create((endpoint.Pipe, endpoint.End), slot));
            }
        }

        if (Volatile.Read(ref _watcher) is { } watcher)
        {
            watcher.Tell(new PipePeerWatcher.Forget(endpoint), ActorRefs.NoSender);
        }
    }

    private static IActorRef Watcher(ProcessRuntime runtime)
    {
        if (Volatile.Read(ref _watcher) is { } watcher)
        {
            return watcher;
        }

        lock (WatcherGate)
        {
            return _watcher ??= runtime.System.SystemActorOf(Props.Create(() => new PipePeerWatcher()), "pipe-peers");
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public PipeEndpoint? Current { get; set; }
    }
}
