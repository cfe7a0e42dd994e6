namespace ActorProc.Examples.Tests.Support;

/// <summary>A process seen in /proc.</summary>
/// <param name="Pid">Its id.</param>
/// <param name="StartTime">Its start time in clock ticks after boot (with the pid, names it even after pid reuse).</param>
/// <param name="CommandLine">Its command line, arguments separated by spaces.</param>
public sealed record OsProcess(int Pid, long StartTime, string CommandLine)
{
    /// <inheritdoc />
    public override string ToString() => $"{Pid}: {CommandLine}";
}
