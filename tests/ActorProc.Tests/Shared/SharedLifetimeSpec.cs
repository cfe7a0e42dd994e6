using System.Runtime.CompilerServices;
using ActorProc.Actors;
using ActorProc.Multiprocessing;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Multiprocessing.Shared;
using ActorProc.Tests.Synchronization;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Shared;

/// <summary>Where segments live and when their files under /dev/shm go away.</summary>
[Collection(SharedCollection.Name)]
public sealed class SharedLifetimeSpec : SyncSpecBase
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_segment_is_a_private_file_under_dev_shm_named_with_the_tree_prefix()
    {
        var v = new mp.SharedValue<int>();
        var w = new mp.SharedValue<int>();
        string name = v.Block.Name!;
        string path = SegmentNames.PathOf(name);

        Assert.StartsWith(SharedSegments.TreePrefix(ProcessRuntime.Get()), name, StringComparison.Ordinal);
        Assert.True(SegmentNames.TryParseCreator(name, out int pid, out _));
        Assert.Equal(Environment.ProcessId, pid);
        Assert.NotEqual(name, w.Block.Name);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.True(new FileInfo(path).Length >= SharedSegment.HeaderSize + sizeof(int));
    }

    [Fact]
    public void A_segment_opens_only_with_its_id_and_shape()
    {
        var id = SegmentId.New();
        string name = SegmentNames.NewName(SharedSegments.TreePrefix(ProcessRuntime.Get()));
        var created = SharedSegment.Create(name, id, 8, 4);
        try
        {
            Assert.Null(SharedSegment.TryOpen(name, SegmentId.New(), 8, 4));
            Assert.Null(SharedSegment.TryOpen(name, id, 4, 8));
            Assert.Null(SharedSegment.TryOpen(name, id, 8, 5));
            Assert.Null(SharedSegment.TryOpen(name + "0", id, 8, 4));

            var opened = SharedSegment.TryOpen(name, id, 8, 4);
            Assert.NotNull(opened);
            SharedMemoryAccess.Write(created.Data + 8, 1234L);
            Assert.Equal(1234L, SharedMemoryAccess.Read<long>(opened.Data + 8));
            opened.Release();
        }
        finally
        {
            SharedSegment.Unlink(name);
            created.Release();
        }
    }

    [Fact]
    public void The_segment_file_is_removed_once_the_creating_process_has_dropped_the_value()
    {
        var (path, value) = CreateAndDrop();

        Assert.True(Eventually(() => Collect() && !value.IsAlive && !File.Exists(path), Long), "the segment file is still there");
    }

    [Fact]
    public void A_child_using_a_value_the_creator_dropped_keeps_the_segment_until_it_ends()
    {
        var queue = new mp.Queue<mp.SharedValue<int>>();
        var used = new mp.Event();
        var release = new mp.Event();
        var child = Start(() =>
        {
            var v = queue.Get();
            v.Value = 5;
            used.Set();
            release.Wait();
            GC.KeepAlive(v);
        });
        var (path, owner, value) = PutAndDrop(queue);
        Assert.True(used.Wait(Long));

        Collect();
        Assert.False(value.IsAlive);

        // The creator's attachment has told the owner it is done (before this ask, from the finalizer): the child's keeps it.
        var bytes = OwnerCall.Ask<byte[]>(owner, new SharedRead(0, 1), "test", Long);
        Assert.Equal(5, BitConverter.ToInt32(bytes));
        Assert.True(File.Exists(path));

        release.Set();
        JoinOk(child);
        Assert.True(Eventually(() => !File.Exists(path), Long), "the segment file is still there after the child ended");
    }

    [Fact]
    public void When_a_creating_child_is_killed_a_process_using_its_array_removes_the_file_and_keeps_its_mapping()
    {
        var queue = new mp.Queue<mp.SharedArray<int>>();
        var creator = Start(() =>
        {
            var created = new mp.SharedArray<int>([1, 2, 3]);
            queue.Put(created);
            Thread.Sleep(Timeout.Infinite);
        });
        var a = queue.Get(Long);
        Assert.Equal([1, 2, 3], a.ToArray());
        string path = SegmentNames.PathOf(a.Block.Name!);
        Assert.True(File.Exists(path));

        KillAndJoin(creator);

        Assert.True(Eventually(() => !File.Exists(path), Long), "the segment file of the killed creator is still there");
        a[0] = 10;
        Assert.Equal([10, 2, 3], a.ToArray());
        Assert.Throws<OwnerProcessGoneException>(() => a.GetLock().Acquire());
    }

    [Fact]
    public void A_creating_child_that_ends_normally_removes_its_file_and_users_keep_their_mapping()
    {
        var queue = new mp.Queue<mp.SharedValue<int>>();
        var go = new mp.Event();
        var creator = Start(() =>
        {
            queue.Put(new mp.SharedValue<int>(5));
            go.Wait();
        });
        var v = queue.Get(Long);
        Assert.Equal(5, v.Value);
        string path = SegmentNames.PathOf(v.Block.Name!);
        Assert.True(File.Exists(path));

        go.Set();
        JoinOk(creator);

        Assert.False(File.Exists(path), "the creating child removes its segment files in its exit sequence");
        v.Value = 6;
        Assert.Equal(6, v.Value);
    }

    [Fact]
    public void A_handle_first_used_after_its_creating_child_ended_throws_OwnerProcessGone_and_removes_the_file()
    {
        var queue = new mp.Queue<mp.SharedValue<int>>();
        var creator = Start(() => queue.Put(new mp.SharedValue<int>(8)));
        JoinOk(creator);
        var v = queue.Get(Long);
        string path = SegmentNames.PathOf(v.Block.Name!);

        var e = Assert.Throws<OwnerProcessGoneException>(() => v.Value);

        Assert.Contains("SharedValue", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_sweep_removes_segment_files_whose_creating_process_is_gone_and_keeps_the_others()
    {
        var ended = Start(() => { });
        JoinOk(ended);
        string prefix = SharedSegments.TreePrefix(ProcessRuntime.Get());
        string dead = SegmentNames.PathOf($"{prefix}{ended.Pid}-{SegmentNames.StartTimeOf(Environment.ProcessId)}-{new string('a', 32)}");
        string live = SegmentNames.PathOf(SegmentNames.NewName(prefix));
        File.WriteAllBytes(dead, [0]);
        File.WriteAllBytes(live, [0]);
        try
        {
            SharedSegments.SweepDeadCreators(now: true);

            Assert.False(File.Exists(dead));
            Assert.True(File.Exists(live));
        }
        finally
        {
            File.Delete(dead);
            File.Delete(live);
        }
    }

    private static bool Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string Path, WeakReference Value) CreateAndDrop()
    {
        var v = new mp.SharedValue<int>(1);
        string path = SegmentNames.PathOf(v.Block.Name!);
        Assert.True(File.Exists(path));
        return (path, new WeakReference(v));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string Path, IActorRef Owner, WeakReference Value) PutAndDrop(mp.Queue<SharedValue<int>> queue)
    {
        var v = new mp.SharedValue<int>(1);
        queue.Put(v);
        return (SegmentNames.PathOf(v.Block.Name!), v.Block.Attachment.Owner, new WeakReference(v));
    }
}
