namespace ActorProc.Multiprocessing;

/// <summary>An unbounded FIFO queue shared by processes with the small API of Python's <c>multiprocessing.SimpleQueue</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public class SimpleQueue<T>
{
    private readonly Queue<T> _queue = new();

    /// <summary>Whether the queue looked empty (approximate).</summary>
    public bool IsEmpty => _queue.IsEmpty;

    /// <summary>Adds an item.</summary>
    /// <exception cref="ArgumentException">The item cannot be serialized.</exception>
    public void Put(T item) => _queue.Put(item);

    /// <summary>Removes and returns the next item, waiting as long as needed.</summary>
    public T Get() => _queue.Get();

    /// <summary>Removes and returns the next item asynchronously.</summary>
    public ValueTask<T> GetAsync(CancellationToken cancellationToken = default) => _queue.GetAsync(cancellationToken);

    /// <summary>No more puts through this handle.</summary>
    public void Close() => _queue.Close();
}
