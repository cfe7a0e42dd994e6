using System.Runtime.CompilerServices;
using ActorProc.Multiprocessing.Pools;

namespace ActorProc.Multiprocessing;

/// <summary>
/// The result of <see cref="Pool.ApplyAsync{TResult}"/> or <see cref="Pool.MapAsync{T, TResult}(Func{T, TResult}, IEnumerable{T}, int?, Action{List{TResult}}?, Action{Exception}?)"/>,
/// as Python's <c>AsyncResult</c>; it can also be awaited (<c>await result</c>).
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class AsyncResult<T>
{
    private readonly Task<T> _task;

    internal AsyncResult(Task<T> task) => _task = task;

    /// <summary>True once the task has completed (successfully, with an exception, or cancelled by <see cref="Pool.Terminate"/>).</summary>
    public bool Ready => _task.IsCompleted;

    /// <summary>Whether the task completed without an exception.</summary>
    /// <exception cref="InvalidOperationException">The result is not <see cref="Ready"/> yet.</exception>
    public bool Successful => _task.IsCompleted
        ? _task.IsCompletedSuccessfully
        : throw new InvalidOperationException("The result is not ready yet; Successful is only known once Ready is true.");

    /// <summary>The task behind the result.</summary>
    internal Task<T> Task => _task;

    /// <summary>Waits for the result and returns it, or rethrows the task's exception (the exception type the worker threw).</summary>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    /// <returns>The result.</returns>
    /// <exception cref="TimeoutException">The result was not ready within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException">The pool was terminated before the task completed.</exception>
    public T Get(TimeSpan? timeout = null)
    {
        if (!WaitCore(timeout))
        {
            throw new TimeoutException($"The result was not ready within {timeout}.");
        }

        return _task.GetAwaiter().GetResult();
    }

    /// <summary>Waits until the result is ready or <paramref name="timeout"/> passed; never throws the task's exception.</summary>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    public void Wait(TimeSpan? timeout = null) => WaitCore(timeout);

    /// <summary>Lets <c>await result</c> wait for the result (and rethrow the task's exception).</summary>
    /// <returns>The awaiter of the underlying task.</returns>
    public TaskAwaiter<T> GetAwaiter() => _task.GetAwaiter();

    private bool WaitCore(TimeSpan? timeout) => TaskWaits.Wait(_task, timeout);
}
