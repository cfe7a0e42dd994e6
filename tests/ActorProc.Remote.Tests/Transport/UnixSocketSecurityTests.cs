using System.Net.Sockets;
using System.Runtime.Versioning;
using ActorProc.Remote.Tests.Transport.Support;
using ActorProc.Remote.Transport;
using Xunit;

namespace ActorProc.Remote.Tests.Transport;

[UnsupportedOSPlatform("windows")]
public sealed class UnixSocketSecurityTests
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Socket_directory_is_0700_socket_file_is_0600_and_both_vanish_on_dispose()
    {
        TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        string socketPath = Assert.IsType<UnixDomainSocketEndPoint>(listener.LocalEndPoint).ToString();
        string directory = Assert.IsType<string>(listener.SocketDirectory);

        Assert.Equal(directory, Path.GetDirectoryName(socketPath));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(directory));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(socketPath));

        await listener.DisposeAsync();

        Assert.False(Path.Exists(socketPath));
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task Each_listener_gets_its_own_private_directory()
    {
        await using TransportListener first = TransportListener.BindUnix(TestOptions.Identity("a"), TestOptions.Create());
        await using TransportListener second = TransportListener.BindUnix(TestOptions.Identity("b"), TestOptions.Create());

        Assert.NotEqual(first.SocketDirectory, second.SocketDirectory);
    }

    [Fact]
    public async Task Explicit_unix_path_gets_mode_0600_and_is_removed_on_dispose()
    {
        string directory = Directory.CreateTempSubdirectory("actorproc-test-").FullName;
        try
        {
            string path = Path.Combine(directory, "explicit.sock");
            TransportListener listener = TransportListener.Bind(new UnixDomainSocketEndPoint(path), TestOptions.Identity("s"), TestOptions.Create());
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));

            await listener.DisposeAsync();

            Assert.False(Path.Exists(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Disposed_listener_refuses_accept_and_closes_links_nobody_took()
    {
        TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        using AuthenticatedLink client = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("c"), TestOptions.Create()).Guard();
        var inbox = new RecordingHandler();
        await using TransportConnection<byte[]> connection = client.Start(TestOptions.BytesWriter, inbox);

        await listener.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => listener.AcceptAsync().AsTask());
        Assert.Equal(DisconnectReason.ClosedByPeer, (await connection.Completion.Guard()).Reason);
    }
}
