namespace ActorProc.Multiprocessing.Pools;

/// <summary>In the pool: a runner as it is shipped to workers (once per worker that gets one of its tasks).</summary>
/// <param name="Id">The runner's id in this pool.</param>
/// <param name="Runner">The serialized <see cref="PoolRunner"/>.</param>
/// <param name="Func">The serialized func of a Map/Starmap job; null for runners whose tasks bring their func.</param>
/// <param name="Persistent">True for the Apply/Submit runners, kept by workers for the pool's life; false for a job's runner, dropped when the job ends.</param>
internal sealed record RunnerSpec(int Id, byte[] Runner, byte[]? Func, bool Persistent)
{
    /// <summary>The message that ships it.</summary>
    public RunnerLoad Load { get; } = new(Id, Runner, Func);
}
