using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ActorProc.Serialization.Codecs;
using ActorProc.Serialization.Codecs.Objects;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Safety;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Exceptions;

/// <summary>
/// Codec for exceptions: message, stack trace text, source, HResult, inner exception, Data entries,
/// then the fields declared by subclasses of <see cref="Exception"/> (so AggregateException's inner
/// exceptions and user exception fields travel). On the receiver the original stack trace becomes
/// the exception's remote stack trace, visible in <see cref="Exception.StackTrace"/> and kept when thrown.
/// Subclass fields of process-local types (tokens, tasks) are skipped.
/// </summary>
/// <typeparam name="T">The exception type.</typeparam>
internal sealed class ExceptionCodec<T> : Codec<T>
    where T : Exception
{
    private Codec<Exception?> _inner = null!;
    private Codec<object?> _object = null!;
    private Action<ObjectWriter, T> _writeFields = null!;
    private FieldsReader<T> _readFields = null!;

    public override void Initialize(CodecRegistry registry)
    {
        _inner = registry.Get<Exception?>();
        _object = registry.Get<object?>();
        List<FieldInfo> fields = FieldLayout.GetFields(typeof(T), stopAt: typeof(Exception))
            .Where(f => SenderRules.GetRefusal(f.FieldType) is null && FieldLayout.GetFieldRefusal(f) is null)
            .ToList();
        (_writeFields, _readFields) = FieldEmitter.Emit<T>(fields, registry);
    }

    public override void Write(ObjectWriter writer, T value)
    {
        writer.WriteString(value.Message);
        writer.WriteString(value.StackTrace);
        writer.WriteString(SafeSource(value));
        writer.WriteInt32(value.HResult);
        try
        {
            writer.WriteValue(value.InnerException, _inner);
        }
        catch (PathException e)
        {
            e.AddField("InnerException");
            throw;
        }

        WriteData(writer, value.Data);
        _writeFields(writer, value);
    }

    private static string? SafeSource(Exception exception)
    {
        try
        {
            return exception.Source;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private void WriteData(ObjectWriter writer, IDictionary data)
    {
        var entries = new List<DictionaryEntry>();
        foreach (DictionaryEntry entry in data)
        {
            entries.Add(entry);
        }

        writer.WriteLength(entries.Count);
        foreach (var entry in entries)
        {
            try
            {
                writer.WriteValue(entry.Key, _object);
                writer.WriteValue(entry.Value, _object);
            }
            catch (PathException e)
            {
                e.AddField($"Data[{entry.Key}]");
                throw;
            }
        }
    }

    public override T Read(ObjectReader reader)
    {
        var exception = (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
        reader.Track(exception);
        ExceptionFields.SetMessage(exception, reader.ReadString());
        string? stackTrace = reader.ReadString();
        exception.Source = reader.ReadString();
        ExceptionFields.SetHResult(exception, reader.ReadInt32());
        ExceptionFields.SetInnerException(exception, reader.ReadValue(_inner));
        int count = reader.ReadLength(2);
        for (int i = 0; i < count; i++)
        {
            object key = reader.ReadValue(_object) ?? throw ObjectReader.Malformed("null exception data key");
            exception.Data[key] = reader.ReadValue(_object);
        }

        _readFields(reader, ref exception);
        if (!string.IsNullOrEmpty(stackTrace))
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(exception, stackTrace);
        }

        return exception;
    }
}
