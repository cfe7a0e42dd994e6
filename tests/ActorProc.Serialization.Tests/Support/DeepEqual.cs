using System.Collections;
using System.Reflection;

namespace ActorProc.Serialization.Tests.Support;

/// <summary>Structural comparison of object graphs (fields, collections, cycles).</summary>
public static class DeepEqual
{
    public static void AssertEqual(object? expected, object? actual)
    {
        var visited = new HashSet<(object, object)>(new PairComparer());
        if (!Equal(expected, actual, "root", visited, out string where))
        {
            Assert.Fail("Graphs differ at " + where);
        }
    }

    private static bool Equal(object? a, object? b, string path, HashSet<(object, object)> visited, out string where)
    {
        where = path;
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        Type type = a.GetType();
        if (type != b.GetType())
        {
            where = $"{path}: type {type} vs {b.GetType()}";
            return false;
        }

        if (type.IsPrimitive || a is string || a is decimal || a is DateTime || a is DateTimeOffset || a is TimeSpan || a is Guid || type.IsEnum || a is Type)
        {
            bool same = a.Equals(b) && (a is not DateTime d || d.Kind == ((DateTime)b).Kind);
            where = $"{path}: {a} vs {b}";
            return same;
        }

        if (!type.IsValueType && !visited.Add((a, b)))
        {
            return true;
        }

        if (a is IDictionary da && b is IDictionary db)
        {
            if (da.Count != db.Count)
            {
                where = path + ": count";
                return false;
            }

            foreach (DictionaryEntry entry in da)
            {
                if (!db.Contains(entry.Key) || !Equal(entry.Value, db[entry.Key], $"{path}[{entry.Key}]", visited, out where))
                {
                    where = where == path ? $"{path}[{entry.Key}] missing" : where;
                    return false;
                }
            }

            return true;
        }

        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count)
            {
                where = path + ": count";
                return false;
            }

            for (int i = 0; i < la.Count; i++)
            {
                if (!Equal(la[i], lb[i], $"{path}[{i}]", visited, out where))
                {
                    return false;
                }
            }

            return true;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!Equal(field.GetValue(a), field.GetValue(b), path + "." + field.Name, visited, out where))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed class PairComparer : IEqualityComparer<(object, object)>
    {
        public bool Equals((object, object) x, (object, object) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((object, object) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
