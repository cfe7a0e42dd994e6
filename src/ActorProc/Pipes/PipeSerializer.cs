using System.Buffers;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>
/// Turns pipe messages into bytes and back: the remoting's serializer settings (allow-list, actor refs), without
/// its limit on the length of one collection, since a pipe carries messages of any size (in chunks of
/// <see cref="ChunkSize"/> bytes, far below the remoting's maximum frame size).
/// </summary>
internal static class PipeSerializer
{
    /// <summary>The largest item a pipe hands to the remoting; longer messages travel in several.</summary>
    public const int ChunkSize = 256 * 1024;

    private const int MaxRetainedScratch = 1024 * 1024;
    private static readonly object Gate = new();
    private static Serializer? _serializer;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    /// <summary>The bytes of <paramref name="value"/>.</summary>
    /// <exception cref="SerializationException">The value cannot cross a process boundary.</exception>
    public static byte[] Serialize<T>(ProcessRuntime runtime, T value)
    {
        var scratch = _scratch ??= new ArrayBufferWriter<byte>(256);
        scratch.ResetWrittenCount();
        try
        {
            For(runtime).Serialize<object?>(scratch, value);
            return scratch.WrittenSpan.ToArray();
        }
        finally
        {
            if (scratch.Capacity > MaxRetainedScratch)
            {
                _scratch = null;
            }
        }
    }

    /// <summary>The value whose bytes are <paramref name="payload"/>.</summary>
    public static object? Deserialize(ProcessRuntime runtime, byte[] payload) => For(runtime).Deserialize<object?>(payload, runtime.System);

    private static Serializer For(ProcessRuntime runtime)
    {
        if (Volatile.Read(ref _serializer) is { } serializer)
        {
            return serializer;
        }

        lock (Gate)
        {
            if (_serializer is null)
            {
                var remote = runtime.Serializer.Options;
                var options = new SerializerOptions
                {
                    AllowList = remote.AllowList,
                    PreserveObjectReferences = remote.PreserveObjectReferences,
                    MaxDepth = remote.MaxDepth,
                    MaxCollectionLength = Array.MaxLength,
                };
                foreach (var surrogate in remote.Surrogates)
                {
                    options.Surrogates.Add(surrogate);
                }

                Volatile.Write(ref _serializer, new Serializer(options));
            }

            return _serializer!;
        }
    }
}
