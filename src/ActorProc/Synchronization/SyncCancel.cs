namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>The caller cancelled the waiting call <paramref name="Id"/>; the owner answers it with <see cref="SyncResult.Cancelled"/> unless it completed first.</summary>
/// <param name="Id">The id of the <see cref="SyncRequest"/>.</param>
internal sealed record SyncCancel(long Id);
