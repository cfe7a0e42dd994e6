using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

[Collection(SyncCollection.Name)]
public sealed class EventSpec : SyncSpecBase
{
    [Fact]
    public void Set_Clear_IsSet_and_Wait_in_the_creating_process()
    {
        var e = new mp.Event();
        Assert.False(e.IsSet);
        Assert.False(e.Wait(TimeSpan.Zero));
        Assert.False(e.Wait(TimeSpan.FromMilliseconds(50)));

        e.Set();
        Assert.True(e.IsSet);
        Assert.True(e.Wait());
        Assert.True(e.Wait(TimeSpan.Zero));

        e.Clear();
        Assert.False(e.IsSet);
        Assert.False(e.Wait(TimeSpan.Zero));
    }

    [Fact]
    public void Set_wakes_every_waiting_child()
    {
        var e = new mp.Event();
        var ready = new List<string>();
        var done = new List<string>();
        var children = new List<mp.Process>();
        for (int n = 0; n < 3; n++)
        {
            var readyFile = Files[$"ready{n}"];
            var doneFile = Files[$"done{n}"];
            ready.Add(readyFile);
            done.Add(doneFile);
            children.Add(Start(() =>
            {
                TempFiles.Write(readyFile, $"{e.IsSet}|{e.Wait(TimeSpan.FromMilliseconds(50))}");
                TempFiles.Write(doneFile, $"{e.Wait()}|{e.IsSet}");
            }));
        }

        Assert.All(ready, f => Assert.Equal("False|False", TempFiles.WaitForText(f)));
        Thread.Sleep(Short);
        Assert.All(done, f => Assert.False(File.Exists(f)));

        e.Set();

        foreach (var p in children)
        {
            JoinOk(p);
        }

        Assert.All(done, f => Assert.Equal("True|True", TempFiles.WaitForText(f)));
    }

    [Fact]
    public void A_child_sets_and_clears_the_parents_event()
    {
        var e = new mp.Event();
        var go = Files["go"];
        var p = Start(() =>
        {
            e.Set();
            TempFiles.WaitForText(go);
            e.Clear();
        });

        Assert.True(Within(() => e.Wait(Long)));
        Assert.True(e.IsSet);
        TempFiles.Write(go, "go");
        JoinOk(p);
        Assert.False(e.IsSet);
    }

    [Fact]
    public async Task WaitAsync_completes_on_Set_and_is_cancelled_here_and_in_a_child()
    {
        var file = Files["async"];
        var e = new mp.Event();
        Assert.False(await e.WaitAsync(TimeSpan.FromMilliseconds(50)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => e.WaitAsync(cts.Token));

        var p = Start(WaitsAsyncInChild(e, file));
        Assert.Equal("cancelled|False", TempFiles.WaitForText(file + ".1"));

        var waiting = e.WaitAsync();
        Assert.False(waiting.IsCompleted);
        e.Set();

        Assert.True(await waiting.WaitAsync(Long));
        await p.JoinAsync().WaitAsync(Long);
        Assert.Equal("True", TempFiles.WaitForText(file));
    }

    // Built apart from the test method so that the child's closure does not share the test's captured locals.
    private static Action WaitsAsyncInChild(mp.Event e, string file) => () =>
    {
        using var childCts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        string cancelled = ThrownBy(() => e.WaitAsync(childCts.Token).GetAwaiter().GetResult());
        bool timedOut = e.WaitAsync(TimeSpan.FromMilliseconds(50)).GetAwaiter().GetResult();
        TempFiles.Write(file + ".1", $"{(cancelled.Contains("Canceled") ? "cancelled" : cancelled)}|{timedOut}");
        TempFiles.Write(file, e.WaitAsync().GetAwaiter().GetResult().ToString());
    };
}
