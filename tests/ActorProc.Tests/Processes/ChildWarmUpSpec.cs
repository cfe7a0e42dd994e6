using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Tests.Processes;

/// <summary>
/// What a child runs beside its start: the warm-up steps must work (a failure would be ignored in a child and only
/// cost the time it should save, so these tests are where it shows).
/// </summary>
public sealed class ChildWarmUpSpec
{
    [Fact]
    public void The_serializer_warm_up_round_trips_its_graph_through_a_new_serializer()
    {
        var error = Record.Exception(ChildWarmUp.PrimeSerializer);
        Assert.Null(error);
    }

    [Fact]
    public void The_transport_warm_up_opens_a_socket_and_computes_an_hmac()
    {
        var error = Record.Exception(ChildWarmUp.PrimeTransport);
        Assert.Null(error);
    }
}
