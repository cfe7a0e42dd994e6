using System.Globalization;
using System.Text;

namespace ActorProc.Actors;

/// <summary>
/// The location of an actor: an <see cref="Address"/> followed by the names of its ancestors and its own
/// name, e.g. <c>actorproc://sys/user/parent/child</c>. Paths compare by address and names; the
/// <see cref="Uid"/> (which tells one incarnation of a name from the next) is left out of equality.
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    /// <summary>The uid of a path that names no particular incarnation.</summary>
    public const long UndefinedUid = 0;

    private string? _text;

    private protected ActorPath(string name, long uid)
    {
        Name = name;
        Uid = uid;
    }

    /// <summary>The address of the actor system the path belongs to.</summary>
    public abstract Address Address { get; }

    /// <summary>The last element's name ("" for the root).</summary>
    public string Name { get; }

    /// <summary>The incarnation uid, or <see cref="UndefinedUid"/>.</summary>
    public long Uid { get; }

    /// <summary>The parent path; the root returns itself.</summary>
    public abstract ActorPath Parent { get; }

    /// <summary>The root path of this path's address.</summary>
    public abstract RootActorPath Root { get; }

    /// <summary>The number of elements below the root.</summary>
    public abstract int Depth { get; }

    /// <summary>The element names below the root, outermost first.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var names = new string[Depth];
            ActorPath p = this;
            for (var i = names.Length - 1; i >= 0; i--)
            {
                names[i] = p.Name;
                p = p.Parent;
            }

            return names;
        }
    }

    /// <summary>Creates the child path with the given name.</summary>
    public ActorPath Child(string name) => new ChildActorPath(this, name, UndefinedUid);

    /// <summary>Creates the child path with the given name and uid.</summary>
    public ActorPath Child(string name, long uid) => new ChildActorPath(this, name, uid);

    /// <summary>Appends several elements ("a/b/c" or separate names).</summary>
    public static ActorPath operator /(ActorPath path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(name);
        var result = path;
        foreach (var element in name.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            result = result.Child(element);
        }

        return result;
    }

    /// <summary>Returns this path with a different uid.</summary>
    public abstract ActorPath WithUid(long uid);

    /// <summary>Returns the same path with another address (used when a local path is shown to a remote system).</summary>
    public ActorPath WithAddress(Address address)
    {
        ActorPath result = new RootActorPath(address);
        foreach (var element in Elements)
        {
            result = result.Child(element);
        }

        return Uid == UndefinedUid ? result : result.WithUid(Uid);
    }

    /// <summary>The path below the address, e.g. <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Depth == 0)
        {
            return "/";
        }

        var sb = new StringBuilder();
        AppendElements(sb);
        return sb.ToString();
    }

    /// <summary>The full string form with the uid, e.g. <c>actorproc://sys/user/a#12345</c>.</summary>
    public string ToSerializationFormat() =>
        Uid == UndefinedUid ? ToString() : ToString() + "#" + Uid.ToString(CultureInfo.InvariantCulture);

    private void AppendElements(StringBuilder sb)
    {
        if (Depth == 0)
        {
            return;
        }

        Parent.AppendElements(sb);
        sb.Append('/').Append(Name);
    }

    /// <summary>Parses a full path such as <c>actorproc://sys/user/a</c>, optionally ending in <c>#uid</c>.</summary>
    /// <exception cref="FormatException">The text is not an actor path.</exception>
    public static ActorPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var path) ? path : throw new FormatException($"'{text}' is not a valid actor path (expected protocol://system[@host[:port]]/name/...).");
    }

    /// <summary>Tries to parse a full actor path.</summary>
    public static bool TryParse(string text, out ActorPath path)
    {
        path = null!;
        if (text is null || !Address.TryParse(text, out var address, out var rest))
        {
            return false;
        }

        long uid = UndefinedUid;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!long.TryParse(rest.AsSpan(hash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uid))
            {
                return false;
            }

            rest = rest[..hash];
        }

        ActorPath result = new RootActorPath(address);
        foreach (var element in rest.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            result = result.Child(Uri.UnescapeDataString(element));
        }

        path = uid == UndefinedUid ? result : result.WithUid(uid);
        return true;
    }

    /// <summary>Checks an actor name: not empty, not starting with '$' (reserved), only URI-safe characters.</summary>
    /// <exception cref="InvalidActorNameException">The name is not valid; the message says why.</exception>
    public static void ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidActorNameException("An actor name must not be null or empty.");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name '{name}' is invalid: names starting with '$' are reserved.");
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';()".Contains(c)))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is invalid: character '{c}' is not allowed (use letters, digits and -_.*$+:@&=,!~';()).");
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (other is null)
        {
            return false;
        }

        ActorPath a = this, b = other;
        while (true)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Depth != b.Depth || a.Name != b.Name)
            {
                return false;
            }

            if (a.Depth == 0)
            {
                return a.Address.Equals(b.Address);
            }

            a = a.Parent;
            b = b.Parent;
        }
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        ActorPath p = this;
        while (p.Depth > 0)
        {
            hash.Add(p.Name);
            p = p.Parent;
        }

        hash.Add(p.Address);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public int CompareTo(ActorPath? other) => string.CompareOrdinal(ToString(), other?.ToString());

    /// <summary>The full string form without uid, e.g. <c>actorproc://sys/user/a</c>.</summary>
    public override string ToString() => _text ??= Address + ToStringWithoutAddress();

    /// <summary>Equality operator.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);
}
