using System.Net;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Transport.Support;

/// <summary>A listener plus one client connection and its accepted server connection, both carrying byte arrays.</summary>
internal sealed class ConnectedPair : IAsyncDisposable
{
    private ConnectedPair(
        TransportListener listener,
        TransportConnection<byte[]> client,
        TransportConnection<byte[]> server,
        RecordingHandler clientInbox,
        RecordingHandler serverInbox)
    {
        Listener = listener;
        Client = client;
        Server = server;
        ClientInbox = clientInbox;
        ServerInbox = serverInbox;
    }

    public TransportListener Listener { get; }

    public TransportConnection<byte[]> Client { get; }

    public TransportConnection<byte[]> Server { get; }

    public RecordingHandler ClientInbox { get; }

    public RecordingHandler ServerInbox { get; }

    /// <summary>Binds <paramref name="bindTo"/> (null: private Unix socket) and connects one client.</summary>
    public static async Task<ConnectedPair> CreateAsync(
        EndPoint? bindTo = null, TransportOptions? serverOptions = null, TransportOptions? clientOptions = null)
    {
        serverOptions ??= TestOptions.Create();
        clientOptions ??= TestOptions.Create();
        TransportListener listener = bindTo is null
            ? TransportListener.BindUnix(TestOptions.Identity("server"), serverOptions)
            : TransportListener.Bind(bindTo, TestOptions.Identity("server"), serverOptions);
        var clientInbox = new RecordingHandler();
        var serverInbox = new RecordingHandler();
        Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();
        AuthenticatedLink clientLink = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("client"), clientOptions).Guard();
        AuthenticatedLink serverLink = await accepting.Guard();
        TransportConnection<byte[]> client = clientLink.Start(TestOptions.BytesWriter, clientInbox);
        TransportConnection<byte[]> server = serverLink.Start(TestOptions.BytesWriter, serverInbox);
        return new ConnectedPair(listener, client, server, clientInbox, serverInbox);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        await Listener.DisposeAsync();
    }
}
