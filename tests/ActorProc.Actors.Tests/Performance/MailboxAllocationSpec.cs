using System.Runtime.CompilerServices;

namespace ActorProc.Actors.Tests.Performance;

public class MailboxAllocationSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private const int Tells = 10_000;

    private sealed class Sink : ReceiveActor
    {
        public Sink(IActorRef probe, StrongBox<int> processed)
        {
            Receive<Gate>(g => g.Block(probe, Self));
            ReceiveAny(_ => Interlocked.Increment(ref processed.Value));
        }
    }

    private readonly ITestOutputHelper _output = output;

    /// <summary>Sends bursts to a blocked actor (so no Tell schedules the mailbox) and returns the bytes the last burst allocated.</summary>
    private long MeasureBurstsToBlockedActor(int burst)
    {
        var processed = new StrongBox<int>();
        var sink = Sys.ActorOf(Props.Create(() => new Sink(TestActor, processed)));
        var message = new object();
        var measured = 0L;
        for (var round = 1; round <= 3; round++)
        {
            var gate = new Gate();
            sink.Tell(gate, TestActor);
            ExpectMsg(Gate.Blocked);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < burst; i++)
            {
                sink.Tell(message, ActorRefs.NoSender);
            }

            measured = GC.GetAllocatedBytesForCurrentThread() - before;
            gate.Release();
            var expected = round * burst;
            AwaitCondition(() => Volatile.Read(ref processed.Value) == expected);
        }

        _output.WriteLine($"{measured} bytes for {burst} Tells to a blocked actor");
        return measured;
    }

    [Fact]
    public void Tell_to_a_busy_actor_allocates_nothing_while_the_backlog_fits_the_queue_segment()
    {
        Assert.Equal(0, MeasureBurstsToBlockedActor(1000));
    }

    [Fact]
    public void Tell_to_a_busy_actor_with_a_large_backlog_allocates_only_queue_segments()
    {
        // ConcurrentQueue (net10) caps segments at 1024 slots and never reuses a drained one, so a backlog of
        // 10,000 envelopes (24 bytes a slot) costs about ten fresh segments; nothing else may allocate.
        var measured = MeasureBurstsToBlockedActor(Tells);

        Assert.InRange(measured, 1, ((Tells / 1024) + 1) * ((1024 * 24) + 512));
    }

    [Fact]
    public void Tell_that_schedules_an_idle_actor_allocates_nothing_on_the_calling_thread()
    {
        var processed = new StrongBox<int>();
        var sink = Sys.ActorOf(Props.Create(() => new Sink(TestActor, processed)));
        var message = new object();

        long Round(int count, int alreadyProcessed)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 1; i <= count; i++)
            {
                sink.Tell(message, ActorRefs.NoSender);
                var spin = default(SpinWait);
                while (Volatile.Read(ref processed.Value) != alreadyProcessed + i)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Round(2000, 0);
        var measured = Round(2000, 2000);

        _output.WriteLine($"{measured} bytes for 2000 Tells that each scheduled the idle actor");
        Assert.Equal(0, measured);
    }
}
