using ActorProc.Tests.Support;
using Microsoft.CSharp.RuntimeBinder;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Managers;

public sealed class NamespaceSpec(ManagerFixture fixture) : ChildProcessSpec, IClassFixture<ManagerFixture>
{
    private readonly mp.Manager _manager = fixture.Manager;

    [Fact]
    public void Values_set_by_name_are_read_back_typed_and_a_missing_name_throws_KeyNotFoundException()
    {
        var ns = _manager.Namespace();
        ns["x"] = 1;
        ns.Set("name", "ns");

        Assert.Equal(1, ns["x"]);
        Assert.Equal(1, ns.Get<int>("x"));
        Assert.Equal("ns", ns.Get<string>("name"));
        Assert.Contains("'y'", Assert.Throws<KeyNotFoundException>(() => ns["y"]).Message);
        Assert.Throws<KeyNotFoundException>(() => ns.Get<int>("y"));
        Assert.Throws<ArgumentException>(() => ns[""] = 1);
    }

    [Fact]
    public void Get_of_another_type_throws_InvalidCastException_naming_both_types()
    {
        var ns = _manager.Namespace();
        ns["x"] = 1;

        var e = Assert.Throws<InvalidCastException>(() => ns.Get<string>("x"));
        Assert.Contains("System.Int32", e.Message);
        Assert.Contains("System.String", e.Message);
    }

    [Fact]
    public void TryGet_Contains_Remove_and_a_null_value()
    {
        var ns = _manager.Namespace();
        ns["n"] = null;

        Assert.True(ns.TryGet<string>("n", out var n));
        Assert.Null(n);
        Assert.False(ns.TryGet<int>("missing", out _));
        Assert.True(ns.Contains("n"));
        Assert.True(ns.Remove("n"));
        Assert.False(ns.Contains("n"));
        Assert.False(ns.Remove("n"));
    }

    [Fact]
    public void Dynamic_members_read_and_write_the_namespace()
    {
        var ns = _manager.Namespace();
        dynamic d = ns;
        d.count = 3;
        d.label = "three";

        Assert.Equal(3, (int)d.count);
        Assert.Equal("three", ns.Get<string>("label"));
        Assert.Equal(["count", "label"], ns.GetDynamicMemberNames());
        Assert.Throws<RuntimeBinderException>(() => (object)d.missing);
        Assert.Equal("Namespace(count=3, label='three')", ns.ToString());
        Assert.Equal(new Dictionary<string, object?> { ["count"] = 3, ["label"] = "three" }, ns.ToDictionary());
    }

    [Fact]
    public void A_child_process_sets_values_the_parent_reads()
    {
        var ns = _manager.Namespace();
        ns["x"] = 1;
        var child = Start(() =>
        {
            ns["x"] = ns.Get<int>("x") + 1;
            ns["from"] = mp.Process.Current.Name;
        });

        Assert.True(child.Join(Long));
        Assert.Equal(0, child.ExitCode);
        Assert.Equal(2, ns["x"]);
        Assert.Equal(child.Name, ns["from"]);
    }
}
