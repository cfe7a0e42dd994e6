using ActorProc.Multiprocessing.Runtime;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Processes;

/// <summary>
/// Spare children: the runtime keeps one started child ready and starts another when it is taken. The spare pool is
/// process-wide, so these tests run alone: a test in another collection starting a process would take the spare
/// they count.
/// </summary>
[Collection(SpareCollection.Name)]
public sealed class SpareSpec : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_spare_child_serves_the_next_start()
    {
        var warmup = new mp.Process(static () => { });
        warmup.Start();
        warmup.Join(Long);
        var runtime = ProcessRuntime.Get();
        var deadline = DateTime.UtcNow + Long;
        while (runtime.Spares.Count == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.Equal(1, runtime.Settings.Spares);
        Assert.Equal(1, runtime.Spares.Count);
        var file = _files["spare"];
        var p = new mp.Process(() => TempFiles.Write(file, Environment.ProcessId.ToString()));

        p.Start();

        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(p.Pid.ToString(), TempFiles.WaitForText(file));
    }

    [Fact]
    public void A_spare_is_started_again_while_the_child_that_took_the_last_one_still_runs()
    {
        var runtime = ProcessRuntime.Get();
        var release = new mp.Event();
        var p = new mp.Process(() => release.Wait());
        p.Start();
        try
        {
            // The refill waits for the child to end or for spare-refill-delay (100 ms), whichever comes first.
            var deadline = DateTime.UtcNow + Long;
            while (runtime.Spares.Count == 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            Assert.Equal(TimeSpan.FromMilliseconds(100), runtime.Settings.SpareRefillDelay);
            Assert.Equal(1, runtime.Spares.Count);
            Assert.True(p.IsAlive);
        }
        finally
        {
            release.Set();
            Assert.True(p.Join(Long));
        }

        Assert.Equal(0, p.ExitCode);
    }
}

