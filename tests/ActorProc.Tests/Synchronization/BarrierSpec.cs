using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

[Collection(SyncCollection.Name)]
public sealed class BarrierSpec : SyncSpecBase
{
    [Fact]
    public void Parties_in_three_processes_pass_together_with_distinct_indices_round_after_round()
    {
        var b = new mp.Barrier(3);
        Assert.Equal(3, b.Parties);
        var files = new List<string>();
        var children = new List<mp.Process>();
        for (int n = 0; n < 2; n++)
        {
            var file = Files[$"index{n}"];
            files.Add(file);
            children.Add(Start(() =>
            {
                int first = b.Wait();
                int second = b.Wait();
                TempFiles.Write(file, $"{first},{second}");
            }));
        }

        Assert.True(Eventually(() => b.NWaiting == 2, Long));
        int mine = b.Wait();
        int mineAgain = Within(() => b.Wait());
        foreach (var p in children)
        {
            JoinOk(p);
        }

        var rounds = files.Select(f => TempFiles.WaitForText(f).Split(',').Select(int.Parse).ToArray()).ToList();
        Assert.Equal(new[] { 0, 1, 2 }, rounds.Select(r => r[0]).Append(mine).Order());
        Assert.Equal(new[] { 0, 1, 2 }, rounds.Select(r => r[1]).Append(mineAgain).Order());
        Assert.Equal(2, mine);
        Assert.Equal(0, b.NWaiting);
        Assert.False(b.IsBroken);
    }

    [Fact]
    public void A_wait_that_times_out_breaks_the_barrier_until_Reset()
    {
        var b = new mp.Barrier(2);
        Assert.Throws<mp.BrokenBarrierException>(() => b.Wait(TimeSpan.FromMilliseconds(50)));
        Assert.True(b.IsBroken);
        Assert.Throws<mp.BrokenBarrierException>(() => b.Wait());

        b.Reset();
        Assert.False(b.IsBroken);

        var timed = new mp.Barrier(2, TimeSpan.FromMilliseconds(50));
        Assert.Throws<mp.BrokenBarrierException>(() => timed.Wait());
        Assert.True(timed.IsBroken);
        Assert.Throws<ArgumentOutOfRangeException>(() => new mp.Barrier(0));
        Assert.Equal(0, new mp.Barrier(1).Wait());
    }

    [Fact]
    public void Abort_and_Reset_break_the_wait_of_a_child()
    {
        var b = new mp.Barrier(3);
        var file = Files["child"];
        var go = Files["go"];
        var p = Start(() =>
        {
            string first = ThrownBy(() => b.Wait());
            TempFiles.Write(file + ".1", first);
            TempFiles.WaitForText(go);
            string second = ThrownBy(() => b.Wait());
            TempFiles.Write(file, $"{second}|{b.IsBroken}");
        });

        Assert.True(Eventually(() => b.NWaiting == 1, Long));
        b.Abort();
        Assert.Equal("BrokenBarrierException", TempFiles.WaitForText(file + ".1"));
        Assert.True(b.IsBroken);
        b.Reset();
        TempFiles.Write(go, "go");

        Assert.True(Eventually(() => b.NWaiting == 1, Long));
        b.Reset();

        JoinOk(p);
        Assert.Equal("BrokenBarrierException|False", TempFiles.WaitForText(file));
        Assert.False(b.IsBroken);
    }

    [Fact]
    public async Task WaitAsync_passes_and_a_cancelled_wait_breaks_the_barrier()
    {
        var b = new mp.Barrier(2);
        var file = Files["child"];
        var p = Start(() => TempFiles.Write(file, b.WaitAsync().GetAwaiter().GetResult().ToString()));
        int mine = await b.WaitAsync().WaitAsync(Long);
        await p.JoinAsync().WaitAsync(Long);
        Assert.Equal(1, mine + int.Parse(TempFiles.WaitForText(file)));

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.WaitAsync(cts.Token));
        Assert.True(b.IsBroken);
        await Assert.ThrowsAsync<mp.BrokenBarrierException>(() => b.WaitAsync(TimeSpan.FromMilliseconds(50)));
    }
}
