using System.Buffers;
using System.Runtime.InteropServices;
using ActorProc.Serialization.Codecs;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization;

/// <summary>
/// A binary object-graph serializer for messages between processes that run the same assemblies.
/// Thread-safe; create one per configuration and reuse it (codecs are generated once per type and cached).
/// </summary>
public sealed class Serializer
{
    [ThreadStatic]
    private static ObjectWriter? _threadWriter;

    [ThreadStatic]
    private static ObjectReader? _threadReader;

    private readonly CodecRegistry _registry;

    /// <summary>Creates a serializer.</summary>
    /// <param name="options">The options; defaults when null.</param>
    public Serializer(SerializerOptions? options = null)
    {
        Options = options ?? new SerializerOptions();
        if (Options.MaxDepth < 1 || Options.MaxCollectionLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxDepth must be positive and MaxCollectionLength not negative.");
        }

        _registry = new CodecRegistry(Options);
    }

    /// <summary>The options in use.</summary>
    public SerializerOptions Options { get; }

    internal CodecRegistry Registry => _registry;

    /// <summary>
    /// Writes a value. The runtime type of the value is written (as a compact manifest) when it differs
    /// from <typeparamref name="T"/>; shared references and cycles are preserved when enabled.
    /// </summary>
    /// <typeparam name="T">The static type the receiver will ask for.</typeparam>
    /// <param name="writer">Where the bytes go.</param>
    /// <param name="value">The value (may be null).</param>
    /// <exception cref="SerializationException">Some part of the value cannot cross a process; the message names its path.</exception>
    public void Serialize<T>(IBufferWriter<byte> writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var objectWriter = RentWriter();
        try
        {
            WriteRoot(objectWriter, value);
            objectWriter.CopyTo(writer);
        }
        finally
        {
            ReturnWriter(objectWriter);
        }
    }

    /// <summary>Writes a value into a new array.</summary>
    /// <typeparam name="T">The static type the receiver will ask for.</typeparam>
    /// <param name="value">The value (may be null).</param>
    /// <returns>The serialized bytes.</returns>
    /// <exception cref="SerializationException">Some part of the value cannot cross a process; the message names its path.</exception>
    public byte[] SerializeToArray<T>(T value)
    {
        var objectWriter = RentWriter();
        try
        {
            WriteRoot(objectWriter, value);
            return objectWriter.WrittenSpan.ToArray();
        }
        finally
        {
            ReturnWriter(objectWriter);
        }
    }

    /// <summary>Writes a value whose static type is only known at run time.</summary>
    /// <param name="writer">Where the bytes go.</param>
    /// <param name="value">The value (may be null).</param>
    /// <param name="declared">The static type the receiver will ask for.</param>
    public void Serialize(IBufferWriter<byte> writer, object? value, Type declared)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(declared);
        var objectWriter = RentWriter();
        try
        {
            try
            {
                _registry.Get(declared).WriteRoot(objectWriter, value);
            }
            catch (PathException e)
            {
                throw e.ToSerializationException();
            }

            objectWriter.CopyTo(writer);
        }
        finally
        {
            ReturnWriter(objectWriter);
        }
    }

    /// <summary>Reads a value.</summary>
    /// <typeparam name="T">The static type written by the sender.</typeparam>
    /// <param name="data">The bytes of exactly one message.</param>
    /// <param name="state">Handed to surrogates (for instance the receiving actor system).</param>
    /// <returns>The value.</returns>
    /// <exception cref="UnsafeTypeException">The data names a type that is not on the allow-list.</exception>
    /// <exception cref="SerializationException">The data is truncated or malformed.</exception>
    public T Deserialize<T>(ReadOnlySpan<byte> data, object? state = null)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(data.Length);
        try
        {
            data.CopyTo(rented);
            return ReadRoot(rented, 0, data.Length, state, static (reader, registry) => reader.ReadValue(registry.Get<T>()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads a value from a (possibly multi-segment) sequence.</summary>
    /// <typeparam name="T">The static type written by the sender.</typeparam>
    /// <param name="data">The bytes of exactly one message.</param>
    /// <param name="state">Handed to surrogates.</param>
    /// <returns>The value.</returns>
    public T Deserialize<T>(in ReadOnlySequence<byte> data, object? state = null)
    {
        if (data.IsSingleSegment && MemoryMarshal.TryGetArray(data.First, out var segment))
        {
            return ReadRoot(segment.Array!, segment.Offset, segment.Count, state, static (reader, registry) => reader.ReadValue(registry.Get<T>()));
        }

        if (data.Length > Array.MaxLength)
        {
            throw new SerializationException("The message is too large.");
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent((int)data.Length);
        try
        {
            data.CopyTo(rented);
            return ReadRoot(rented, 0, (int)data.Length, state, static (reader, registry) => reader.ReadValue(registry.Get<T>()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads a value whose static type is only known at run time.</summary>
    /// <param name="data">The bytes of exactly one message.</param>
    /// <param name="expected">The static type written by the sender.</param>
    /// <param name="state">Handed to surrogates.</param>
    /// <returns>The value.</returns>
    public object? Deserialize(ReadOnlySpan<byte> data, Type expected, object? state = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        byte[] rented = ArrayPool<byte>.Shared.Rent(data.Length);
        try
        {
            data.CopyTo(rented);
            return ReadRoot(rented, 0, data.Length, state, (reader, registry) => registry.Get(expected).ReadRoot(reader));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void WriteRoot<T>(ObjectWriter writer, T value)
    {
        try
        {
            writer.WriteValue(value, _registry.Get<T>());
        }
        catch (PathException e)
        {
            throw e.ToSerializationException();
        }
    }

    private TResult ReadRoot<TResult>(byte[] buffer, int offset, int count, object? state, Func<ObjectReader, CodecRegistry, TResult> read)
    {
        var reader = _threadReader ?? new ObjectReader(_registry);
        _threadReader = null;
        reader.Reset(_registry, buffer, offset, count, state);
        try
        {
            TResult result = read(reader, _registry);
            if (reader.Remaining != 0)
            {
                throw ObjectReader.Malformed($"{reader.Remaining} bytes left after the value");
            }

            return result;
        }
        catch (SerializationException)
        {
            throw;
        }
        catch (Exception e)
        {
            // Defense in depth: whatever hostile data provokes surfaces as a SerializationException.
            throw new SerializationException("The data is malformed: " + e.Message, e);
        }
        finally
        {
            reader.Release();
            _threadReader = reader;
        }
    }

    private ObjectWriter RentWriter()
    {
        var writer = _threadWriter ?? new ObjectWriter(_registry);
        _threadWriter = null;
        writer.Reset(_registry);
        return writer;
    }

    private static void ReturnWriter(ObjectWriter writer)
    {
        writer.Reset(writer.Registry);
        _threadWriter = writer;
    }
}
