namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>What <c>Hold()</c> returns: runs the release once, on the first <see cref="Dispose"/>.</summary>
internal sealed class HoldReleaser : IDisposable
{
    private Action? _release;

    /// <summary>A releaser that runs <paramref name="release"/>.</summary>
    public HoldReleaser(Action release) => _release = release;

    /// <summary>Releases (only the first time).</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
