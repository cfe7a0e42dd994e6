using System.Reflection;
using System.Reflection.Emit;

namespace ActorProc.Serialization.Exceptions;

/// <summary>Compiled setters for the private fields of <see cref="Exception"/> that have no public setter.</summary>
internal static class ExceptionFields
{
    /// <summary>Sets <c>Exception._message</c>.</summary>
    public static readonly Action<Exception, string?> SetMessage = CreateSetter<string?>("_message");

    /// <summary>Sets <c>Exception._innerException</c>.</summary>
    public static readonly Action<Exception, Exception?> SetInnerException = CreateSetter<Exception?>("_innerException");

    /// <summary>Sets <c>Exception._HResult</c>.</summary>
    public static readonly Action<Exception, int> SetHResult = CreateSetter<int>("_HResult");

    private static Action<Exception, TValue> CreateSetter<TValue>(string name)
    {
        var field = typeof(Exception).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"Exception.{name} not found on this runtime.");
        var method = new DynamicMethod("Set" + name, typeof(void), [typeof(Exception), typeof(TValue)], typeof(ExceptionFields).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Action<Exception, TValue>>();
    }
}
