using System.Buffers;
using System.Text.Json;
using ActorProc.Serialization;
using BenchmarkDotNet.Attributes;

namespace ActorProc.Benchmarks.Serialization;

/// <summary>A small actor message.</summary>
public sealed record SmallMessage(int Id, long Sequence, string Name, Guid CorrelationId, DateTime SentAt, bool Urgent);

/// <summary>A struct of primitives, serialized without allocating.</summary>
public struct PrimitiveStruct
{
    public int A;
    public long B;
    public double C;
    public bool D;
    public short E;
    public Guid F;
}

/// <summary>ActorProc.Serialization against System.Text.Json.</summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private static readonly JsonSerializerOptions JsonOptions = new();
    private readonly Serializer _serializer = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly SmallMessage _message = new(42, 1234567890123L, "hello-wrld", Guid.NewGuid(), DateTime.UtcNow, true);
    private PrimitiveStruct _struct = new() { A = 1, B = 2, C = 3.5, D = true, E = 7, F = Guid.NewGuid() };

    /// <summary>Serialize and deserialize the small message with ActorProc.Serialization.</summary>
    [Benchmark]
    public SmallMessage ActorProcRoundTrip()
    {
        _buffer.ResetWrittenCount();
        _serializer.Serialize(_buffer, _message);
        return _serializer.Deserialize<SmallMessage>(_buffer.WrittenSpan);
    }

    /// <summary>Serialize and deserialize the small message with System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public SmallMessage SystemTextJsonRoundTrip()
    {
        byte[] utf8 = JsonSerializer.SerializeToUtf8Bytes(_message, JsonOptions);
        return JsonSerializer.Deserialize<SmallMessage>(utf8, JsonOptions)!;
    }

    /// <summary>Serialize a struct of primitives into a reused buffer (must allocate nothing).</summary>
    [Benchmark]
    public int ActorProcSerializePrimitiveStruct()
    {
        _buffer.ResetWrittenCount();
        _serializer.Serialize(_buffer, _struct);
        return _buffer.WrittenCount;
    }
}
