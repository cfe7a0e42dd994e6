using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Remote;
using Xunit.Abstractions;
using mp = ActorProc.Multiprocessing;
using TestKitBase = ActorProc.TestKit.Xunit2.TestKit;

namespace ActorProc.Tests.Processes;

/// <summary>A process target can talk to actors of its parent through captured refs.</summary>
public sealed class ProcessMessagingSpec : TestKitBase
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    public ProcessMessagingSpec(ITestOutputHelper output)
        : base(output: output) => RemoteExtension.Start(Sys, ProcessRuntime.Get().AuthKey);

    [Fact]
    public void Messages_sent_right_before_the_child_ends_are_all_delivered_in_order()
    {
        var target = TestActor;
        var p = new mp.Process(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                target.Tell(i);
            }
        });
        p.Start();

        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(i, ExpectMsg<int>(Long));
        }

        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void Messages_sent_before_Process_Exit_are_delivered()
    {
        var target = TestActor;
        var p = new mp.Process(() =>
        {
            target.Tell("last words");
            mp.Process.Exit(5);
        });
        p.Start();

        ExpectMsg("last words", Long);
        Assert.True(p.Join(Long));
        Assert.Equal(5, p.ExitCode);
    }
}
