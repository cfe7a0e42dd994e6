using System.Reflection;
using System.Reflection.Emit;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Types;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Objects;

/// <summary>Reads fields into a value in place (works for structs and for readonly fields).</summary>
/// <typeparam name="T">The type whose fields are read.</typeparam>
/// <param name="reader">The reader.</param>
/// <param name="value">The instance to fill.</param>
internal delegate void FieldsReader<T>(ObjectReader reader, ref T value);

/// <summary>
/// Emits, once per type, IL that writes and reads a list of fields: primitives through direct calls
/// to the writer/reader, everything else through the field type's codec. Readonly fields are set
/// with stfld from a DynamicMethod that skips visibility checks. The writer wraps the fields in a
/// try/catch that adds the failing field's name to the error path.
/// </summary>
internal static class FieldEmitter
{
    private static readonly MethodInfo WriteFieldMethod = typeof(ObjectWriter).GetMethod(nameof(ObjectWriter.WriteField))!;
    private static readonly MethodInfo ReadFieldMethod = typeof(ObjectReader).GetMethod(nameof(ObjectReader.ReadField))!;
    private static readonly MethodInfo ThrowMethod = typeof(PathException).GetMethod(nameof(PathException.ThrowNotSerializable))!;
    private static readonly MethodInfo AddFieldMethod = typeof(PathException).GetMethod(nameof(PathException.AddFieldByIndex))!;

    /// <summary>Builds the writer and reader for the given fields of <typeparamref name="T"/>.</summary>
    public static (Action<ObjectWriter, T> Write, FieldsReader<T> Read) Emit<T>(IReadOnlyList<FieldInfo> fields, CodecRegistry registry)
    {
        var state = new object[fields.Count + 1];
        var names = new string[fields.Count];
        var refusals = new string?[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            names[i] = FieldLayout.DisplayName(fields[i]);
            refusals[i] = FieldLayout.GetFieldRefusal(fields[i]);
            if (refusals[i] is null && !PrimitiveMethods.IsPrimitive(fields[i].FieldType))
            {
                state[i] = registry.Get(fields[i].FieldType);
            }
        }

        state[fields.Count] = names;
        var write = EmitWriter<T>(fields, refusals, state);
        var read = EmitReader<T>(fields, refusals, state);
        return (write, read);
    }

    private static Action<ObjectWriter, T> EmitWriter<T>(IReadOnlyList<FieldInfo> fields, string?[] refusals, object[] state)
    {
        var method = new DynamicMethod(
            "Write_" + typeof(T).Name, typeof(void), [typeof(object[]), typeof(ObjectWriter), typeof(T)], typeof(FieldEmitter).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var index = il.DeclareLocal(typeof(int));
        il.BeginExceptionBlock();
        for (int i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Stloc, index);
            if (refusals[i] is { } refusal)
            {
                il.Emit(OpCodes.Ldstr, TypeNames.Friendly(field.FieldType));
                il.Emit(OpCodes.Ldstr, refusal);
                il.Emit(OpCodes.Call, ThrowMethod);
                continue;
            }

            il.Emit(OpCodes.Ldarg_1);
            il.Emit(typeof(T).IsValueType ? OpCodes.Ldarga_S : OpCodes.Ldarg_S, (byte)2);
            il.Emit(OpCodes.Ldfld, field);
            if (PrimitiveMethods.TryGet(field.FieldType, out var write, out _))
            {
                il.Emit(OpCodes.Call, write);
            }
            else
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                il.Emit(OpCodes.Call, WriteFieldMethod.MakeGenericMethod(field.FieldType));
            }
        }

        il.BeginCatchBlock(typeof(PathException));
        il.Emit(OpCodes.Ldloc, index);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, fields.Count);
        il.Emit(OpCodes.Ldelem_Ref);
        il.Emit(OpCodes.Call, AddFieldMethod);
        il.Emit(OpCodes.Rethrow);
        il.EndExceptionBlock();
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Action<ObjectWriter, T>>(state);
    }

    private static FieldsReader<T> EmitReader<T>(IReadOnlyList<FieldInfo> fields, string?[] refusals, object[] state)
    {
        var method = new DynamicMethod(
            "Read_" + typeof(T).Name, typeof(void), [typeof(object[]), typeof(ObjectReader), typeof(T).MakeByRefType()], typeof(FieldEmitter).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        for (int i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (refusals[i] is not null)
            {
                continue;
            }

            il.Emit(OpCodes.Ldarg_2);
            if (!typeof(T).IsValueType)
            {
                il.Emit(OpCodes.Ldind_Ref);
            }

            il.Emit(OpCodes.Ldarg_1);
            if (PrimitiveMethods.TryGet(field.FieldType, out _, out var read))
            {
                il.Emit(OpCodes.Call, read);
            }
            else
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                il.Emit(OpCodes.Call, ReadFieldMethod.MakeGenericMethod(field.FieldType));
            }

            il.Emit(OpCodes.Stfld, field);
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<FieldsReader<T>>(state);
    }
}
