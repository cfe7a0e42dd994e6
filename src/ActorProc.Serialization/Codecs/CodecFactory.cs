using System.Collections.Immutable;
using System.Numerics;
using ActorProc.Serialization.Codecs.Arrays;
using ActorProc.Serialization.Codecs.Collections;
using ActorProc.Serialization.Codecs.Objects;
using ActorProc.Serialization.Delegates;
using ActorProc.Serialization.Exceptions;
using ActorProc.Serialization.Safety;
using ActorProc.Serialization.Surrogates;

namespace ActorProc.Serialization.Codecs;

/// <summary>Chooses and constructs the codec for a type (dependencies are resolved later in Initialize).</summary>
internal static class CodecFactory
{
    public static Codec Create(Type type, CodecRegistry registry)
    {
        var surrogates = registry.Surrogates;
        for (int i = 0; i < surrogates.Count; i++)
        {
            if (surrogates[i].SourceType.IsAssignableFrom(type))
            {
                return Make(typeof(SurrogatedCodec<>), [type], surrogates[i], i);
            }
        }

        if (typeof(Type).IsAssignableFrom(type))
        {
            return new TypeCodec();
        }

        string? refusal = SenderRules.GetRefusal(type);
        if (refusal is null && registry.GetRefusal(type) is { } notAllowed)
        {
            refusal = "not on the allow-list: " + notAllowed;
        }

        if (refusal is not null)
        {
            return Make(typeof(RefusingCodec<>), [type], refusal);
        }

        if (PrimitiveMethods.IsPrimitive(type))
        {
            return Make(typeof(PrimitiveCodec<>), [type]);
        }

        if (type == typeof(Uri))
        {
            return new ConvertedCodec<Uri, string>(u => u.OriginalString, s => new Uri(s, UriKind.RelativeOrAbsolute));
        }

        if (type == typeof(Version))
        {
            return new ConvertedCodec<Version, string>(v => v.ToString(), Version.Parse);
        }

        if (type == typeof(BigInteger))
        {
            return new ConvertedCodec<BigInteger, byte[]>(b => b.ToByteArray(), bytes => new BigInteger(bytes));
        }

        if (type.IsEnum)
        {
            return Make(typeof(EnumCodec<>), [type]);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Make(typeof(NullableCodec<>), [underlying]);
        }

        if (type.IsArray)
        {
            return CreateArrayCodec(type);
        }

        if (typeof(Delegate).IsAssignableFrom(type) && !type.IsAbstract && type != typeof(MulticastDelegate))
        {
            return Make(typeof(DelegateCodec<>), [type]);
        }

        if (typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract)
        {
            return Make(typeof(ExceptionCodec<>), [type]);
        }

        if (CollectionCodecs.TryCreate(type) is { } collection)
        {
            return collection;
        }

        if (type.IsInterface || type.IsAbstract || type == typeof(string) || type.ContainsGenericParameters)
        {
            return Make(typeof(AbstractCodec<>), [type]);
        }

        return Make(typeof(ObjectCodec<>), [type]);
    }

    private static Codec CreateArrayCodec(Type type)
    {
        Type element = type.GetElementType()!;
        if (!type.IsSZArray)
        {
            return Make(typeof(MultiDimArrayCodec<,>), [type, element]);
        }

        if (BlittableArrayCodec.IsBlittable(element))
        {
            return Make(typeof(BlittableArrayCodec<>), [element]);
        }

        return Make(typeof(ArrayCodec<>), [element]);
    }

    /// <summary>Instantiates a generic codec class.</summary>
    public static Codec Make(Type definition, Type[] args, params object?[] ctorArgs) =>
        (Codec)Activator.CreateInstance(definition.MakeGenericType(args), ctorArgs)!;

    /// <summary>Whether a type is one of the immutable collections (used by the allow-list too).</summary>
    public static bool IsImmutableCollection(Type definition) =>
        definition == typeof(ImmutableArray<>) || definition == typeof(ImmutableList<>)
        || definition == typeof(ImmutableDictionary<,>) || definition == typeof(ImmutableHashSet<>);
}
