using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

/// <summary>Starts real child processes for the synchronization specs and kills any left running.</summary>
public abstract class SyncSpecBase : ChildProcessSpec
{
    protected static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    protected static void JoinOk(mp.Process p)
    {
        Assert.True(p.Join(Long), "the child did not end in time");
        Assert.Equal(0, p.ExitCode);
    }

    /// <summary>Kills <paramref name="p"/> with SIGKILL and waits until it has ended.</summary>
    protected static void KillAndJoin(mp.Process p)
    {
        p.Kill();
        Assert.True(p.Join(Long));
        Assert.Equal(-9, p.ExitCode);
    }

    /// <summary>Runs a blocking call on another thread and fails when it does not return within <see cref="Long"/>.</summary>
    protected static T Within<T>(Func<T> call)
    {
        var task = Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(Long), "the call did not return in time");
        return task.Result;
    }

    /// <summary>Polls <paramref name="condition"/> every few ms until it holds; false when <paramref name="timeout"/> passed first.</summary>
    protected static bool Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }

    /// <summary>Runs a blocking call on a thread of its own.</summary>
    protected static Task<T> Background<T>(Func<T> call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The name of the exception <paramref name="action"/> throws, or "none".</summary>
    protected static string ThrownBy(Action action)
    {
        try
        {
            action();
            return "none";
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }

    /// <summary>An actor in this process that hands the first message it gets to the returned task (for handles sent by children).</summary>
    protected static (IActorRef Inbox, Task<object> Received) Inbox()
    {
        var received = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inbox = ProcessRuntime.Get().System.ActorOf(Props.Create(() => new InboxActor(received)));
        return (inbox, received.Task);
    }

    private sealed class InboxActor : ReceiveActor
    {
        public InboxActor(TaskCompletionSource<object> received) => ReceiveAny(m => received.TrySetResult(m));
    }
}
