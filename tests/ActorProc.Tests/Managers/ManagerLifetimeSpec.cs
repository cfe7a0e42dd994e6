using System.Net;
using System.Net.Sockets;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Managers;

public sealed class ManagerLifetimeSpec : ChildProcessSpec
{
    [Fact]
    public void After_Shutdown_proxy_and_handle_calls_throw_OwnerProcessGoneException_and_the_manager_is_closed()
    {
        var manager = mp.Manager.Start();
        var d = manager.Dict<string, int>();
        var l = manager.List<int>();
        var ns = manager.Namespace();
        var q = manager.Queue<int>();
        var guard = manager.Lock();
        d["a"] = 1;
        l.Add(1);
        var server = manager.ServerProcess!;

        manager.Shutdown();

        Assert.False(server.IsAlive);
        Assert.Equal(0, server.ExitCode);
        Assert.Throws<mp.OwnerProcessGoneException>(() => d["a"]);
        Assert.Throws<mp.OwnerProcessGoneException>(() => d["b"] = 2);
        Assert.Throws<mp.OwnerProcessGoneException>(() => l.Count);
        Assert.Throws<mp.OwnerProcessGoneException>(() => ns["x"] = 1);
        Assert.Throws<mp.OwnerProcessGoneException>(() => q.Get());
        Assert.Throws<mp.OwnerProcessGoneException>(() => guard.Acquire());
        Assert.Throws<ObjectDisposedException>(() => manager.Dict<int, int>());
        manager.Shutdown();
        manager.Dispose();
    }

    [Fact]
    public async Task Calls_fail_with_OwnerProcessGoneException_when_the_manager_process_is_killed_waiting_ones_too()
    {
        using var manager = mp.Manager.Start();
        var d = manager.Dict<string, int>();
        var q = manager.Queue<int>();
        d["a"] = 1;
        var waiting = Task.Factory.StartNew(() => q.Get(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        manager.ServerProcess!.Kill();
        Assert.True(manager.ServerProcess.Join(Long));

        await Assert.ThrowsAsync<mp.OwnerProcessGoneException>(() => waiting.WaitAsync(Long));
        var call = Task.Run(() => d["a"]);
        await Assert.ThrowsAsync<mp.OwnerProcessGoneException>(() => call.WaitAsync(Long));
    }

    [Fact]
    public void Disposing_a_started_manager_ends_its_process_and_disposing_a_connected_one_only_disconnects()
    {
        var key = "a key of at least sixteen bytes"u8.ToArray();
        mp.Process server;
        using (var manager = mp.Manager.Start(authKey: key))
        {
            server = manager.ServerProcess!;
            var connected = mp.Manager.Connect(manager.Address, key);
            var d = connected.Dict<string, int>();
            connected.Dispose();

            Assert.Throws<ObjectDisposedException>(() => connected.List<int>());
            d["still"] = 1;
            Assert.Equal(1, d["still"]);
            Assert.True(server.IsAlive);
        }

        Assert.False(server.IsAlive);
    }

    [Fact]
    public void Bad_addresses_and_keys_throw_ArgumentException_before_any_process_starts()
    {
        Assert.Throws<ArgumentException>(() => mp.Manager.Start("no port here"));
        Assert.Throws<ArgumentException>(() => mp.Manager.Start("127.0.0.1:70000"));
        Assert.Throws<ArgumentException>(() => mp.Manager.Start("unix:relative/path"));
        Assert.Throws<ArgumentException>(() => mp.Manager.Start("tcp://::1:5000"));
        Assert.Throws<ArgumentException>(() => mp.Manager.Start(authKey: new byte[8]));
        Assert.Throws<ArgumentNullException>(() => mp.Manager.Connect(null!, new byte[16]));
        Assert.Throws<ArgumentNullException>(() => mp.Manager.Connect("127.0.0.1:1", null!));
        Assert.Throws<ArgumentException>(() => mp.Manager.Connect("127.0.0.1:1", new byte[15]));
    }

    [Fact]
    public void Start_on_a_port_in_use_throws_IOException_naming_the_address()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var e = Assert.Throws<IOException>(() => mp.Manager.Start($"127.0.0.1:{port}"));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
    }
}
