using ActorProc.Actors;
using ActorProc.Multiprocessing.Pipes;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing;

/// <summary>Python's <c>multiprocessing.Pipe</c>: a pair of connected <see cref="Connection"/>s.</summary>
public static class Pipe
{
    /// <summary>
    /// Creates a pipe. Duplex: both ends send and receive. Simplex: the first end only receives and the second only
    /// sends (Python's order: receive end, send end). The pipe is owned by this process: when it ends, calls on the
    /// ends fail with <see cref="OwnerProcessGoneException"/>.
    /// </summary>
    /// <param name="duplex">Whether both ends send and receive.</param>
    /// <returns>The two ends; when simplex, (receive end, send end).</returns>
    public static (Connection, Connection) Create(bool duplex = true)
    {
        var runtime = ProcessRuntime.Get();
        var pipe = Guid.NewGuid();
        var first = PipeEndpoint.Create(runtime, pipe, 0, readable: true, writable: duplex);
        var second = PipeEndpoint.Create(runtime, pipe, 1, readable: duplex, writable: true);
        first.StartHeld(second);
        second.StartHeld(first);
        IActorRef owner;
        try
        {
            owner = runtime.CreateOwner(Props.Create(() => new PipeOwner(first, second)));
        }
        catch
        {
            first.Discard();
            second.Discard();
            throw;
        }

        first.BindOwner(owner);
        second.BindOwner(owner);
        PipeRegistry.Register(first);
        PipeRegistry.Register(second);
        return (new Connection(owner, first), new Connection(owner, second));
    }
}
