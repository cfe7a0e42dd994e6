using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Handles;

/// <summary>
/// For owners of shared objects: which process a caller belongs to, and an actor to death-watch for that
/// process's end (its <c>/system/processes</c>, which every ActorProc process has). Death-watching it gives
/// <see cref="Terminated"/> when the caller's process dies (its association is lost).
/// </summary>
internal static class ProcessLiveness
{
    /// <summary>The address of the process <paramref name="caller"/> lives in.</summary>
    public static Address ProcessOf(IActorRef caller) => caller.Path.Address;

    /// <summary>
    /// The actor to watch for the end of the process at <paramref name="process"/>; null when it is this
    /// process (which cannot outlive its own objects).
    /// </summary>
    public static IActorRef? WatchTarget(Address process)
    {
        var runtime = ProcessRuntime.Get();
        if (process.HasLocalScope || process.Equals(runtime.Remote.Address))
        {
            return null;
        }

        return runtime.System.ResolveActorRef(new RootActorPath(process).Child("system").Child("processes"));
    }
}
