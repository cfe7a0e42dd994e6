using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorProc.Serialization.Surrogates;

namespace ActorProc.Serialization.Codecs;

/// <summary>
/// The per-serializer cache of codecs. A codec is built once per type under a lock (so that
/// recursive types see their own shell) and published only when the whole build succeeded.
/// </summary>
internal sealed class CodecRegistry
{
    private readonly ConcurrentDictionary<Type, Codec> _codecs = new();
    private readonly ConcurrentDictionary<Type, string?> _allowVerdicts = new();
    private readonly Dictionary<Type, Codec> _building = new();
    private readonly object _buildLock = new();
    private int _buildDepth;
    private int _buildCount;

    public CodecRegistry(SerializerOptions options)
    {
        Options = options;
        Surrogates = options.Surrogates.ToArray();
    }

    /// <summary>The options this registry serves.</summary>
    public SerializerOptions Options { get; }

    /// <summary>The surrogates, in registration order (their index goes on the wire).</summary>
    public IReadOnlyList<Surrogate> Surrogates { get; }

    /// <summary>How many codecs were built so far (for cache tests).</summary>
    public int BuildCount => Volatile.Read(ref _buildCount);

    /// <summary>Returns the codec for <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Codec<T> Get<T>()
    {
        var last = LastUsed<T>.Entry;
        if (last is not null && ReferenceEquals(last.Owner, this))
        {
            return last.Codec;
        }

        return GetSlow<T>();
    }

    private Codec<T> GetSlow<T>()
    {
        var codec = (Codec<T>)Get(typeof(T));
        LastUsed<T>.Entry = new LastUsed<T>(this, codec);
        return codec;
    }

    /// <summary>Returns the codec for a type, building it on first use.</summary>
    public Codec Get(Type type)
    {
        if (_codecs.TryGetValue(type, out var codec))
        {
            return codec;
        }

        return Build(type);
    }

    private Codec Build(Type type)
    {
        lock (_buildLock)
        {
            if (_codecs.TryGetValue(type, out var codec) || _building.TryGetValue(type, out codec))
            {
                return codec;
            }

            _buildDepth++;
            try
            {
                codec = CodecFactory.Create(type, this);
                _building[type] = codec;
                Interlocked.Increment(ref _buildCount);
                codec.Initialize(this);
                if (_buildDepth == 1)
                {
                    foreach (var pair in _building)
                    {
                        _codecs[pair.Key] = pair.Value;
                    }

                    _building.Clear();
                }

                return codec;
            }
            catch
            {
                if (_buildDepth == 1)
                {
                    _building.Clear();
                }

                throw;
            }
            finally
            {
                _buildDepth--;
            }
        }
    }

    /// <summary>Returns why a type may not be deserialized, or null if it may (cached).</summary>
    public string? GetRefusal(Type type) =>
        _allowVerdicts.GetOrAdd(type, t => Options.AllowList.IsAllowed(t, out var reason) ? null : reason ?? "not allowed");

    /// <summary>Throws <see cref="UnsafeTypeException"/> unless the type is on the allow-list.</summary>
    public void EnsureAllowed(Type type)
    {
        string? reason = GetRefusal(type);
        if (reason is not null)
        {
            throw new UnsafeTypeException(type, reason);
        }
    }

    private sealed class LastUsed<T>
    {
        // Immutable entries, so a plain static is race-free: a reader sees either entry whole.
        public static LastUsed<T>? Entry;

        public LastUsed(CodecRegistry owner, Codec<T> codec)
        {
            Owner = owner;
            Codec = codec;
        }

        public CodecRegistry Owner { get; }

        public Codec<T> Codec { get; }
    }
}
