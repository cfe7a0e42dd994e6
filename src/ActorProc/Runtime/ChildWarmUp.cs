using System.Net.Sockets;
using System.Security.Cryptography;
using ActorProc.Multiprocessing.Launch;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>
/// Work a child does on a thread-pool thread while its main thread is busy starting the runtime or waiting, so that
/// the messages on its start path do not pay for building codecs (and loading and compiling the serializer's code)
/// when they arrive. On a machine with two cores this runs beside the main thread instead of after it.
/// </summary>
/// <remarks>
/// Every step only builds or compiles what a real message would; a failure costs only the time it would have saved
/// (the first real message builds what is missing), so it is logged and otherwise ignored.
/// </remarks>
internal static class ChildWarmUp
{
    private static Exception? _primeFailure;

    /// <summary>
    /// As soon as the child runs, while the main thread reads the bootstrap and starts the actor system: first what
    /// remoting's start will use (the socket layer's one-time set-up, the random number generator and HMAC, about 12 ms in a fresh
    /// process), then a throwaway serializer over a small graph (a record of primitives, strings and arrays, a
    /// delegate), which loads and compiles what every serializer of the process shares (code emission, the default
    /// allow-list, the delegate codec).
    /// </summary>
    public static void BeginSharedSerializerCode() =>
        ThreadPool.UnsafeQueueUserWorkItem<object?>(
            static _ =>
            {
                try
                {
                    PrimeTransport();
                    PrimeSerializer();
                }
                catch (Exception e)
                {
                    // Only an optimisation, and the runtime that could log it may not exist yet: BeginStartPath reports
                    // it when it failed by then.
                    Volatile.Write(ref _primeFailure, e);
                }
            },
            null,
            preferLocal: false);

    /// <summary>
    /// Once the runtime is up: the codecs of the messages of a process start (target, system messages, exit report)
    /// in this process's serializer; for a spare also the assemblies of code its parent sent to children
    /// (<paramref name="preload"/>) and a pool worker's first batch.
    /// </summary>
    public static void BeginStartPath(ProcessRuntime runtime, bool spare, string[] preload) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                if (Volatile.Read(ref _primeFailure) is { } primeFailure)
                {
                    state.Runtime.System.Log.Warning("Warming up the child's sockets and serializer failed: {Error}", primeFailure.ToString());
                }

                try
                {
                    if (state.Spare)
                    {
                        ChildCodeAssemblies.Preload(state.Preload);
                    }

                    Process.WarmUp(state.Runtime.Serializer, state.Runtime.System);
                    if (state.Spare)
                    {
                        Pools.PoolWorkerProcess.WarmUp(state.Runtime.Serializer, state.Runtime.System);
                    }
                }
                catch (Exception e)
                {
                    state.Runtime.System.Log.Warning("Warming up the child's start path failed: {Error}", e.ToString());
                }
            },
            (Runtime: runtime, Spare: spare, Preload: preload),
            preferLocal: false);

    /// <summary>Serializes and reads back each of <paramref name="messages"/>, which builds (and compiles) their codecs.</summary>
    internal static void RoundTrip(Serializer serializer, object? state, params object[] messages)
    {
        foreach (var message in messages)
        {
            serializer.Deserialize<object>(serializer.SerializeToArray(message), state);
        }
    }

    /// <summary>The one-time costs of a first socket, random bytes and HMAC in a process (public for the test of this warm-up).</summary>
    internal static void PrimeTransport()
    {
        using (new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
        }

        HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), "warm-up"u8);
    }

    /// <summary>One round trip of a small graph through a new serializer (public for the test of this warm-up).</summary>
    internal static void PrimeSerializer()
    {
        var serializer = new Serializer();
        var sample = new Sample(1, 2, "three", [4], [5, 6], static x => x + 1);
        var copy = serializer.Deserialize<object>(serializer.SerializeToArray<object>(sample), null);
        if (copy is not Sample { Text: "three" } read || read.Next(1) != 2)
        {
            throw new InvalidOperationException("The serializer warm-up read back something else.");
        }
    }

    private sealed record Sample(long Long, int Int, string Text, byte[] Bytes, int[] Ints, Func<int, int> Next);
}
