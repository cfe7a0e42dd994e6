using ActorProc.Multiprocessing.Launch;

namespace ActorProc.Tests.Processes;

/// <summary>The one thread children are started from: started by the first start, ended once its runtime stops.</summary>
public sealed class ChildLauncherSpec
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_launcher_thread_starts_with_the_first_work_and_ends_when_stopped_after_the_queued_work()
    {
        var launcher = new ChildLauncher(new Dictionary<string, string>());
        Assert.False(launcher.IsThreadStarted);

        Thread? ranOn = null;
        using var ran = new ManualResetEventSlim();
        Assert.True(launcher.TryPost(() =>
        {
            ranOn = Thread.CurrentThread;
            ran.Set();
        }));
        Assert.True(ran.Wait(Long));
        Assert.True(launcher.IsThreadStarted);
        Assert.Equal("ActorProc launcher", ranOn!.Name);

        bool lastRan = false;
        Assert.True(launcher.TryPost(() => lastRan = true));
        launcher.Stop();

        Assert.True(ranOn.Join(Long));
        Assert.True(lastRan);
        Assert.False(launcher.TryPost(() => { }));
    }

    [Fact]
    public void A_stopped_launcher_refuses_a_start_with_a_clear_exception()
    {
        var launcher = new ChildLauncher(new Dictionary<string, string>());
        launcher.Stop();

        var error = Assert.Throws<InvalidOperationException>(() => launcher.Launch(new Multiprocessing.Runtime.ChildBootstrap([1], "r", 1, "", ForwardLogs: false, Spare: false, [])));
        Assert.Contains("stopped", error.Message, StringComparison.Ordinal);
    }
}
