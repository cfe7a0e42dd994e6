namespace ActorProc.Actors.Tests.Mailboxes;

public class PriorityMailboxSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed record Job(int Priority, string Name);

    private sealed class Blockable : ReceiveActor
    {
        public Blockable(IActorRef probe)
        {
            Receive<Gate>(g => g.Block(probe, Self));
            Receive<Job>(j => probe.Tell(j.Name));
        }
    }

    [Fact]
    public void Lower_priority_numbers_are_processed_first_and_equal_priorities_in_arrival_order()
    {
        var props = Props.Create(() => new Blockable(TestActor))
            .WithPriorityMailbox(m => m is Job j ? j.Priority : 0);
        var actor = Sys.ActorOf(props);
        var gate = new Gate();
        actor.Tell(gate, TestActor);
        ExpectMsg(Gate.Blocked);

        actor.Tell(new Job(5, "low-1"), TestActor);
        actor.Tell(new Job(1, "high-1"), TestActor);
        actor.Tell(new Job(3, "mid-1"), TestActor);
        actor.Tell(new Job(1, "high-2"), TestActor);
        actor.Tell(new Job(5, "low-2"), TestActor);
        actor.Tell(new Job(1, "high-3"), TestActor);
        gate.Release();

        Assert.Equal(["high-1", "high-2", "high-3", "mid-1", "low-1", "low-2"], ReceiveN(6).Cast<string>());
    }
}
