namespace ActorProc.Multiprocessing.Protocol;

/// <summary>The identity a child takes on, and what it knows of its parent.</summary>
/// <param name="Name">The process name.</param>
/// <param name="Identity">The position in the process tree (<c>[1, 2]</c> is the second child of the first child), used for the names of its own children.</param>
/// <param name="Daemon">Whether it ends with its parent.</param>
/// <param name="ParentName">The parent's name.</param>
/// <param name="ParentPid">The parent's pid.</param>
/// <param name="ParentIdentity">The parent's identity.</param>
/// <param name="CurrentDirectory">The parent's working directory at <c>Start</c> (a spare was started earlier).</param>
internal sealed record ProcessInfo(string Name, int[] Identity, bool Daemon, string ParentName, int ParentPid, int[] ParentIdentity, string CurrentDirectory);
