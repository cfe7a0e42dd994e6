using System.Buffers;
using ActorProc.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace ActorProc.Remote.Tests.Transport.Support;

internal static class TestOptions
{
    public static readonly FrameWriter<byte[]> BytesWriter = static (item, payload) => payload.Write(item);

    public static byte[] Key(byte seed = 1)
    {
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)((i * 31) + seed);
        }

        return key;
    }

    public static TransportOptions Create(
        byte[]? key = null,
        int maxFrameSize = TransportOptions.DefaultMaxFrameSize,
        TimeSpan? handshakeTimeout = null,
        FaultInjector? faults = null,
        ILoggerFactory? loggerFactory = null) => new()
        {
            AuthKey = key ?? Key(),
            MaxFrameSize = maxFrameSize,
            HandshakeTimeout = handshakeTimeout ?? TimeSpan.FromSeconds(5),
            FaultInjector = faults,
            LoggerFactory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        };

    public static byte[] Identity(string name) => System.Text.Encoding.UTF8.GetBytes(name);

    /// <summary>Guards awaits in tests so a bug fails the test instead of hanging the suite.</summary>
    public static Task<T> Guard<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(30));

    public static Task Guard(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(30));
}
