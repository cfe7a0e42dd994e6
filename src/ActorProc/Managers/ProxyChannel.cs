using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// What a Dict, List or Namespace proxy holds: the owner of its object in the manager process (a <see cref="StoreOwner"/>
/// ref, all that crosses a process) and what the object is called in messages. Each call is one request/reply with the owner (a blocking
/// ask, as handles make), and fails fast with <see cref="OwnerProcessGoneException"/> once the manager is gone.
/// </summary>
internal sealed class ProxyChannel
{
    /// <summary>
    /// <see cref="ICollection{T}.CopyTo"/> of a proxy: the arguments are checked before the round trip, then a snapshot
    /// is copied (ArgumentException when it does not fit).
    /// </summary>
    public static void CopySnapshot<T>(Func<List<T>> snapshot, T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(arrayIndex, array.Length);
        var items = snapshot();
        if (array.Length - arrayIndex < items.Count)
        {
            throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.", nameof(array));
        }

        items.CopyTo(array, arrayIndex);
    }

    // Room left in a frame for the request around a key and a value.
    private const int FrameMargin = 64 * 1024;

    private readonly IActorRef _owner;
    private readonly string _what;

    public ProxyChannel(IActorRef owner, string what)
    {
        _owner = owner;
        _what = what;
    }

    /// <summary>Sends one request and returns the reply; a refusal throws its exception here.</summary>
    /// <exception cref="OwnerProcessGoneException">The manager was shut down or its process died.</exception>
    public object Call(ProxyOp op, int index = 0, byte[]? key = null, byte[]? value = null)
    {
        var reply = OwnerCall.Ask<object>(_owner, new ProxyRequest(op, index, key, value), _what);
        return reply is ProxyFault fault ? throw fault.ToException() : reply;
    }

    /// <summary>A call whose reply is a bool.</summary>
    public bool CallBool(ProxyOp op, int index = 0, byte[]? key = null, byte[]? value = null) => (bool)Call(op, index, key, value);

    /// <summary>
    /// Serializes a key, value or item for a request, always as an object (with its type), so the owner can read keys
    /// whatever the proxy's type arguments, and proxies with other type arguments read what this one wrote.
    /// </summary>
    /// <exception cref="ArgumentException">It cannot cross a process (the message names the field and type).</exception>
    /// <exception cref="ArgumentException">It is larger than one remoting message may carry.</exception>
    public byte[] Write<T>(T value, string paramName)
    {
        var runtime = ProcessRuntime.Get();
        byte[] bytes;
        try
        {
            bytes = runtime.Serializer.SerializeToArray<object?>(value);
        }
        catch (SerializationException e)
        {
            throw new ArgumentException($"The {paramName} cannot be stored in the {_what}: {e.Message}", paramName, e);
        }

        long limit = runtime.Remote.Settings.MaximumFrameSize - FrameMargin;
        return bytes.Length <= limit
            ? bytes
            : throw new ArgumentException($"The {paramName} serializes to {bytes.Length} bytes, above what one message to the manager may carry ({limit} bytes; actorproc.remote.maximum-frame-size).", paramName);
    }

    /// <summary>Reads a key, value or item from a reply.</summary>
    /// <exception cref="InvalidCastException">The stored object is not a <typeparamref name="T"/> (a proxy of the same object with other type arguments stored it).</exception>
    public T Read<T>(byte[] bytes)
    {
        var runtime = ProcessRuntime.Get();
        return (T)runtime.Serializer.Deserialize<object?>(bytes, runtime.System)!;
    }
}
