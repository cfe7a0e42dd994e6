using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Collections;

/// <summary>
/// Writes a collection's comparer as a code: default, one of the well-known string comparers, or
/// (for user comparers) the comparer object itself.
/// </summary>
internal static class ComparerCodec
{
    private const byte Custom = 255;

    private static readonly object[] WellKnown =
    [
        StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase, StringComparer.InvariantCulture, StringComparer.InvariantCultureIgnoreCase,
    ];

    public static void Write(ObjectWriter writer, object? comparer, object defaultComparer)
    {
        if (comparer is null || ReferenceEquals(comparer, defaultComparer))
        {
            writer.WriteByte(0);
            return;
        }

        for (int i = 0; i < WellKnown.Length; i++)
        {
            if (ReferenceEquals(comparer, WellKnown[i]))
            {
                writer.WriteByte((byte)(i + 1));
                return;
            }
        }

        writer.WriteByte(Custom);
        try
        {
            writer.WriteValue<object>(comparer, writer.Registry.Get<object>());
        }
        catch (PathException e)
        {
            e.AddField("comparer");
            throw;
        }
    }

    public static TComparer? Read<TComparer>(ObjectReader reader)
        where TComparer : class
    {
        byte code = reader.ReadByte();
        object? comparer = code switch
        {
            0 => null,
            Custom => reader.ReadValue(reader.Registry.Get<object>()),
            _ when code <= WellKnown.Length => WellKnown[code - 1],
            _ => throw ObjectReader.Malformed($"unknown comparer code {code}"),
        };
        if (comparer is not null && comparer is not TComparer)
        {
            throw ObjectReader.Malformed($"{comparer.GetType()} is not a {typeof(TComparer)}");
        }

        return (TComparer?)comparer;
    }
}
