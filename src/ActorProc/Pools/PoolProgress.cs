namespace ActorProc.Multiprocessing;

/// <summary>
/// How far a <see cref="Pool.Map{T, TResult}(Func{T, TResult}, IEnumerable{T}, IProgress{PoolProgress}?, int?)"/>,
/// <c>MapAsync</c> or <c>Imap</c> has got: <see cref="Done"/> input items have their result, out of <see cref="Total"/>.
/// </summary>
/// <param name="Done">How many items have a result (or failed), counted in items, not chunks.</param>
/// <param name="Total">How many items there are; null when the input's length is not known (a lazy <c>Imap</c> input).</param>
public readonly record struct PoolProgress(int Done, int? Total);
