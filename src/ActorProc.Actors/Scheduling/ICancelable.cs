namespace ActorProc.Actors;

/// <summary>A handle to scheduled work that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels the work if it has not run yet (repeating work stops repeating). Idempotent.</summary>
    void Cancel();
}
