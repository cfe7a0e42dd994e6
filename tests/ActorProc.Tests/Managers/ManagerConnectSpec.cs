using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Managers;

public sealed class ManagerConnectSpec : ChildProcessSpec
{
    private static readonly byte[] Key = "the manager's own secret key"u8.ToArray();

    [Fact]
    public void A_tcp_manager_reports_its_real_port_and_Connect_with_its_key_reaches_the_same_process()
    {
        using var manager = mp.Manager.Start("tcp://127.0.0.1:0", Key);
        Assert.StartsWith("tcp://127.0.0.1:", manager.Address);
        Assert.NotEqual("tcp://127.0.0.1:0", manager.Address);

        using var connected = mp.Manager.Connect(manager.Address, Key);
        Assert.Equal(manager.Address, connected.Address);
        var d = connected.Dict<string, int>();
        d["x"] = 1;
        var shared = manager.Queue<IDictionary<string, int>>();
        shared.Put(d);
        Assert.Equal(1, shared.Get(Long)["x"]);

        // The objects made through the connection live in the manager process.
        manager.Shutdown();
        Assert.Throws<mp.OwnerProcessGoneException>(() => d["x"]);
    }

    [Fact]
    public void A_child_process_connects_by_address_and_its_grandchild_uses_the_handles_it_got()
    {
        using var manager = mp.Manager.Start("127.0.0.1:0", Key);
        var results = manager.List<string>();
        var address = manager.Address;
        var key = Key;
        var child = Start(() =>
        {
            using var connected = mp.Manager.Connect(address, key);
            var q = connected.Queue<string>();
            var grandchild = new mp.Process(() => q.Put("from the grandchild"));
            grandchild.Start();
            results.Add(q.Get());
            grandchild.Join();
        });

        Assert.True(child.Join(Long));
        Assert.Equal(0, child.ExitCode);
        Assert.Equal(["from the grandchild"], results);
    }

    [Fact]
    public void A_process_that_connects_finds_shared_objects_in_a_named_namespace()
    {
        using var manager = mp.Manager.Start("127.0.0.1:0", Key);
        var jobs = manager.Queue<string>();
        manager.Namespace("registry")["jobs"] = jobs;
        var address = manager.Address;
        var key = Key;
        var worker = Start(() =>
        {
            using var connected = mp.Manager.Connect(address, key);
            var found = connected.Namespace("registry").Get<mp.Queue<string>>("jobs");
            found.Put("done by " + mp.Process.Current.Name);
        });

        Assert.Equal("done by " + worker.Name, jobs.Get(Long));
        Assert.True(worker.Join(Long));
        Assert.NotSame(manager.Namespace("registry"), manager.Namespace("other"));
        Assert.False(manager.Namespace("other").Contains("jobs"));
        Assert.Throws<ArgumentException>(() => manager.Namespace(""));
    }

    [Fact]
    public void Connect_with_a_wrong_key_throws_AuthenticationException()
    {
        using var manager = mp.Manager.Start("tcp://127.0.0.1:0", Key);

        var refused = Assert.Throws<AuthenticationException>(() => mp.Manager.Connect(manager.Address, "not the manager's secret key"u8.ToArray()));
        Assert.Contains(manager.Address, refused.Message);
        using var connected = mp.Manager.Connect(manager.Address, Key);
        Assert.Empty(connected.List<int>());
    }

    [Fact]
    public void Connect_where_nothing_listens_throws_IOException()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Throws<IOException>(() => mp.Manager.Connect($"tcp://127.0.0.1:{port}", Key));
    }

    [Fact]
    public void A_manager_without_an_address_listens_on_a_Unix_socket_that_Connect_accepts()
    {
        using var manager = mp.Manager.Start(authKey: Key);
        Assert.StartsWith("unix:/", manager.Address);

        using var connected = mp.Manager.Connect(manager.Address, Key);
        var ns = connected.Namespace();
        ns["ok"] = true;
        Assert.True(ns.Get<bool>("ok"));
    }
}
