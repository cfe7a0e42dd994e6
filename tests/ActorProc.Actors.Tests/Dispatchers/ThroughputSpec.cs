namespace ActorProc.Actors.Tests.Dispatchers;

public class ThroughputSpec(ITestOutputHelper output)
    : TestKit("actorproc.actor { default-dispatcher.throughput = 3, dispatchers.fair.throughput = 1 }", output)
{
    /// <summary>
    /// Counts messages per mailbox turn: one turn is one thread-pool work item, and the pool restores the default
    /// execution context after every work item, so an <see cref="AsyncLocal{T}"/> set in a handler lives exactly one turn.
    /// </summary>
    private sealed class TurnCounter : ReceiveActor
    {
        private static readonly AsyncLocal<int> InTurn = new();

        public TurnCounter(IActorRef probe)
        {
            Receive<Gate>(g =>
            {
                InTurn.Value++;
                g.Block(probe, Self);
            });
            Receive<int>(_ =>
            {
                InTurn.Value++;
                probe.Tell(InTurn.Value);
            });
        }
    }

    private int[] TurnPositions(Props props)
    {
        var actor = Sys.ActorOf(props);
        var gate = new Gate();
        actor.Tell(gate, TestActor);
        ExpectMsg(Gate.Blocked);
        for (var i = 0; i < 7; i++)
        {
            actor.Tell(i, TestActor);
        }

        gate.Release();
        return ReceiveN(7).Cast<int>().ToArray();
    }

    [Fact]
    public void The_default_dispatcher_throughput_from_HOCON_bounds_the_messages_per_turn()
    {
        Assert.Equal(3, Sys.Settings.Throughput);

        var positions = TurnPositions(Props.Create(() => new TurnCounter(TestActor)));

        // The gate message took the first slot of the first turn.
        Assert.Equal([2, 3, 1, 2, 3, 1, 2], positions);
    }

    [Fact]
    public void A_named_dispatcher_from_HOCON_applies_its_own_throughput()
    {
        var positions = TurnPositions(Props.Create(() => new TurnCounter(TestActor)).WithDispatcher("fair"));

        Assert.Equal([1, 1, 1, 1, 1, 1, 1], positions);
    }

    [Fact]
    public void An_unknown_dispatcher_is_rejected_by_ActorOf()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new TurnCounter(TestActor)).WithDispatcher("missing")));
    }
}
