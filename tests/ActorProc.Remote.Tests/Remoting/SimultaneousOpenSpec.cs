using ActorProc.Actors;
using ActorProc.TestKit.Xunit2;
using Xunit;

namespace ActorProc.Remote.Tests.Remoting;

/// <summary>Two systems that open an association to each other at the same moment end up with one working link.</summary>
public sealed class SimultaneousOpenSpec
{
    [Fact]
    public async Task Both_sides_opening_at_once_keep_exactly_one_working_association()
    {
        for (var round = 0; round < 5; round++)
        {
            await using var a = ActorSystem.Create("open-a", RemotingSupport.Config);
            await using var b = ActorSystem.Create("open-b", RemotingSupport.Config);
            var remoteA = RemoteExtension.Start(a, RemotingSupport.Key);
            var remoteB = RemoteExtension.Start(b, RemotingSupport.Key);
            var echoA = a.ActorOf(Props.Create(() => new Echo()), "echo");
            var echoB = b.ActorOf(Props.Create(() => new Echo()), "echo");
            var bFromA = a.ResolveActorRef(echoB.Path.WithAddress(remoteB.Address));
            var aFromB = b.ResolveActorRef(echoA.Path.WithAddress(remoteA.Address));

            using var go = new ManualResetEventSlim();
            var asks = new[]
            {
                Task.Run(async () => { go.Wait(); return await bFromA.Ask<string>("from a", TimeSpan.FromSeconds(5)); }),
                Task.Run(async () => { go.Wait(); return await aFromB.Ask<string>("from b", TimeSpan.FromSeconds(5)); }),
            };
            go.Set();

            Assert.Equal(new[] { "from a", "from b" }, await Task.WhenAll(asks));

            // Still one healthy association each way after the losing connection was dropped.
            Assert.Equal("again", await bFromA.Ask<string>("again", TimeSpan.FromSeconds(5)));
            Assert.False(remoteA.IsQuarantined(remoteB.Address));
            Assert.False(remoteB.IsQuarantined(remoteA.Address));
        }
    }
}
