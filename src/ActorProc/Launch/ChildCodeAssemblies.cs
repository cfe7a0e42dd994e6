using System.Collections.Concurrent;
using System.Reflection;

namespace ActorProc.Multiprocessing.Launch;

/// <summary>
/// The assemblies holding code this process has sent to children (process targets, pool funcs), by simple name, so
/// that a spare started later loads them while it waits instead of when its first target arrives (about 0.5 ms of
/// file mapping and binding per assembly on the start it serves). Loading runs no user code. Bounded to
/// <see cref="MaxNames"/> names.
/// </summary>
internal sealed class ChildCodeAssemblies
{
    /// <summary>The most names kept (and sent in a spare's bootstrap).</summary>
    public const int MaxNames = 32;

    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);
    private Assembly? _last;

    /// <summary>Starts with the entry assembly of this application (where a program's targets usually are).</summary>
    public ChildCodeAssemblies() => Note(Assembly.GetEntryAssembly());

    /// <summary>The names noted so far.</summary>
    public string[] Names => [.. _names.Keys];

    /// <summary>Notes the assembly declaring <paramref name="code"/>'s method (cheap when it is the last one noted).</summary>
    public void Note(Delegate code) => Note(code.Method.DeclaringType?.Assembly);

    /// <summary>Notes the assembly of <paramref name="type"/> (a <see cref="Process"/> subclass).</summary>
    public void Note(Type type) => Note(type.Assembly);

    private void Note(Assembly? assembly)
    {
        if (assembly is null || ReferenceEquals(assembly, Volatile.Read(ref _last)))
        {
            return;
        }

        Volatile.Write(ref _last, assembly);
        if (!assembly.IsDynamic && !assembly.IsCollectible && _names.Count < MaxNames && assembly.GetName().Name is { } name)
        {
            _names.TryAdd(name, 0);
        }
    }

    /// <summary>In a spare: loads each named assembly that is not loaded yet; one that cannot be found is skipped.</summary>
    public static void Preload(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            try
            {
                Assembly.Load(new AssemblyName(name));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
            {
                // Not on this child's probing paths (a plugin the parent loaded from a file): its first use loads it.
            }
        }
    }
}
