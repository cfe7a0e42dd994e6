using System.Reflection;
using ActorProc.Serialization.Codecs;
using ActorProc.Serialization.Codecs.Objects;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Safety;
using ActorProc.Serialization.Types;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Delegates;

/// <summary>
/// Codec for delegates: for each entry of the invocation list, the method (declaring type, metadata
/// token, name, generic arguments) and the target object graph. Only methods of user assemblies
/// are accepted; targets must be compiler-generated closures (or null for static methods).
/// </summary>
/// <typeparam name="T">The delegate type.</typeparam>
internal sealed class DelegateCodec<T> : Codec<T>
    where T : Delegate
{
    private Codec<object?> _target = null!;

    public override void Initialize(CodecRegistry registry) => _target = registry.Get<object?>();

    public override void Write(ObjectWriter writer, T value)
    {
        var list = value.GetInvocationList();
        writer.WriteLength(list.Length);
        for (int i = 0; i < list.Length; i++)
        {
            try
            {
                WriteEntry(writer, list[i]);
            }
            catch (PathException e) when (list.Length > 1)
            {
                e.AddIndex(i);
                throw;
            }
        }
    }

    private void WriteEntry(ObjectWriter writer, Delegate entry)
    {
        MethodInfo method = entry.Method;
        object? target = entry.Target;
        Type? declaring = method.DeclaringType;
        if (declaring is null || method is not { MetadataToken: not 0 } || declaring.Assembly.IsDynamic)
        {
            throw PathException.NotSerializable(TypeNames.Friendly(typeof(T)), "the delegate points to a dynamic method");
        }

        if (FrameworkAssemblies.IsFramework(declaring.Assembly))
        {
            throw PathException.NotSerializable(
                TypeNames.Friendly(typeof(T)), $"the delegate points to {declaring.Name}.{method.Name} in a framework assembly; only methods of your own assemblies can be sent");
        }

        if (target is not null && !method.IsStatic && !FieldLayout.IsCompilerGenerated(target.GetType()))
        {
            string reason = method.Name.StartsWith('<')
                ? FieldLayout.CapturedThisReason
                : $"the delegate is bound to an instance of {TypeNames.Friendly(target.GetType())}; use a static method or a lambda that captures only locals";
            throw PathException.NotSerializable(TypeNames.Friendly(target.GetType()), reason).AddField("target");
        }

        writer.WriteTypeRef(declaring);
        writer.WriteInt32(method.MetadataToken);
        writer.WriteString(method.Name);
        var genericArgs = method.IsGenericMethod ? method.GetGenericArguments() : Type.EmptyTypes;
        writer.WriteLength(genericArgs.Length);
        foreach (var arg in genericArgs)
        {
            writer.WriteTypeRef(arg);
        }

        try
        {
            writer.WriteValue(target, _target);
        }
        catch (PathException e)
        {
            e.AddField("target");
            throw;
        }
    }

    public override T Read(ObjectReader reader)
    {
        reader.SkipTracking();
        int count = reader.ReadLength();
        if (count == 0)
        {
            throw ObjectReader.Malformed("empty delegate");
        }

        Delegate? result = null;
        for (int i = 0; i < count; i++)
        {
            result = Delegate.Combine(result, ReadEntry(reader));
        }

        return (T)result!;
    }

    private Delegate ReadEntry(ObjectReader reader)
    {
        Type declaring = reader.ReadTypeRef();
        int token = reader.ReadInt32();
        string name = reader.ReadString() ?? throw ObjectReader.Malformed("missing method name");
        if (FrameworkAssemblies.IsFramework(declaring.Assembly) || declaring.Assembly.IsDynamic)
        {
            throw new UnsafeTypeException(declaring, $"delegates may only point to methods of user assemblies, not to {declaring}.{name}");
        }

        MethodInfo method = MethodResolver.Resolve(declaring, token, name);
        int genericCount = reader.ReadLength();
        if (genericCount != (method.IsGenericMethodDefinition ? method.GetGenericArguments().Length : 0))
        {
            throw ObjectReader.Malformed($"wrong generic arity for {name}");
        }

        if (genericCount > 0)
        {
            var args = new Type[genericCount];
            for (int g = 0; g < genericCount; g++)
            {
                args[g] = reader.ReadTypeRef();
            }

            try
            {
                method = method.MakeGenericMethod(args);
            }
            catch (ArgumentException e)
            {
                throw new SerializationException($"Generic arguments do not fit {name}.", e);
            }
        }

        object? target = reader.ReadValue(_target);
        if (!method.IsStatic && target is null)
        {
            throw ObjectReader.Malformed($"instance method {name} without a target");
        }

        return Delegate.CreateDelegate(typeof(T), target, method, throwOnBindFailure: false)
            ?? throw new SerializationException($"Method {declaring}.{name} does not fit delegate type {typeof(T)}.");
    }
}
