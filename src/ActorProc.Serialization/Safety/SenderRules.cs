using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ActorProc.Serialization.Safety;

/// <summary>Types that can never cross a process, whatever the allow-list says; refused at the sender.</summary>
internal static class SenderRules
{
    private static readonly (Type Type, string Reason)[] Refused =
    [
        (typeof(SafeHandle), "OS handles are process-local"),
        (typeof(CriticalHandle), "OS handles are process-local"),
        (typeof(WaitHandle), "wait handles are process-local"),
        (typeof(Stream), "streams are process-local; send the bytes instead"),
        (typeof(TextReader), "readers are process-local; send the text instead"),
        (typeof(TextWriter), "writers are process-local"),
        (typeof(Thread), "threads are process-local"),
        (typeof(Task), "tasks are process-local; send the result instead"),
        (typeof(ValueTask), "tasks are process-local; send the result instead"),
        (typeof(Socket), "sockets are process-local"),
        (typeof(CancellationToken), "cancellation is process-local"),
        (typeof(CancellationTokenSource), "cancellation is process-local"),
        (typeof(CancellationTokenRegistration), "cancellation is process-local"),
        (typeof(Process), "processes are process-local"),
        (typeof(Assembly), "reflection objects are process-local; send a Type or a name"),
        (typeof(Module), "reflection objects are process-local; send a Type or a name"),
        (typeof(AppDomain), "app domains are process-local"),
        (typeof(System.Threading.Timer), "timers are process-local"),
        (typeof(SynchronizationContext), "synchronization contexts are process-local"),
        (typeof(ExecutionContext), "execution contexts are process-local"),
    ];

    /// <summary>Why values of the type cannot be sent, or null.</summary>
    public static string? GetRefusal(Type type)
    {
        if (type.IsPointer || type.IsFunctionPointer || type.IsByRef)
        {
            return "pointers cannot cross a process";
        }

        if (type == typeof(IntPtr) || type == typeof(UIntPtr))
        {
            return "native pointers and handles cannot cross a process";
        }

        if (type.IsByRefLike)
        {
            return "ref structs cannot be stored or sent";
        }

        if (type.IsDefined(typeof(NotSerializableAttribute), inherit: true))
        {
            return "it is marked [NotSerializable]";
        }

        if (type.IsConstructedGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return "tasks are process-local; send the result instead";
        }

        if (typeof(MemberInfo).IsAssignableFrom(type) && !typeof(Type).IsAssignableFrom(type))
        {
            return "reflection objects are process-local; send a Type or a name";
        }

        foreach (var (refused, reason) in Refused)
        {
            if (refused.IsAssignableFrom(type))
            {
                return reason;
            }
        }

        return null;
    }
}
