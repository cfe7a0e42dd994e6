using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>What the Dict and List stores share: reading request bytes in the manager process, boxed replies, and the snapshot size limit.</summary>
internal static class StoreReplies
{
    /// <summary>Room left in a frame for the envelope around a snapshot.</summary>
    private const int FrameMargin = 64 * 1024;

    /// <summary>A boxed true (no allocation per reply).</summary>
    public static readonly object True = true;

    /// <summary>A boxed false.</summary>
    public static readonly object False = false;

    /// <summary>A boxed bool.</summary>
    public static object Box(bool value) => value ? True : False;

    /// <summary>Reads an object a proxy serialized; false with a fault when this process cannot read it (e.g. its type is unknown here).</summary>
    public static bool TryRead(byte[]? bytes, string what, out object? value, out ProxyFault? fault)
    {
        value = null;
        fault = null;
        if (bytes is null)
        {
            fault = new ProxyFault(ProxyFaultKind.Unreadable, $"The request carried no {what}.");
            return false;
        }

        try
        {
            var runtime = ProcessRuntime.Get();
            value = runtime.Serializer.Deserialize<object?>(bytes, runtime.System);
            return true;
        }
        catch (Exception e)
        {
            fault = new ProxyFault(ProxyFaultKind.Unreadable, $"The manager process cannot read the {what}: {e.Message}");
            return false;
        }
    }

    /// <summary>A snapshot reply, or a fault when it would not fit in one remoting frame.</summary>
    public static object Snapshot(byte[][] keys, byte[][] values)
    {
        long size = 0;
        foreach (var key in keys)
        {
            size += key.Length + 5;
        }

        foreach (var value in values)
        {
            size += value.Length + 5;
        }

        long limit = ProcessRuntime.Get().Remote.Settings.MaximumFrameSize - FrameMargin;
        return size <= limit
            ? new ProxyItems(keys, values)
            : new ProxyFault(ProxyFaultKind.Unreadable, $"The snapshot would be {size} bytes, above what one message may carry ({limit} bytes; actorproc.remote.maximum-frame-size).");
    }
}
