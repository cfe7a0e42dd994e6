using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class RandomGraphPropertyTests
{
    [Fact]
    public void Hundreds_of_random_graphs_round_trip_deeply_equal()
    {
        for (int seed = 0; seed < 400; seed++)
        {
            var generator = new GraphGenerator(seed);
            object? graph = generator.Next();
            object? copy = RoundTrip.Copy(graph);
            try
            {
                DeepEqual.AssertEqual(graph, copy);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: {e.Message}");
            }
        }
    }

    [Fact]
    public void Random_graphs_in_a_typed_container_round_trip()
    {
        for (int seed = 1000; seed < 1200; seed++)
        {
            var generator = new GraphGenerator(seed);
            var items = new WithItems();
            for (int i = 0; i < 5; i++)
            {
                items.Items.Add(generator.Next(3));
                items.ByName["n" + i] = generator.Next(2);
            }

            DeepEqual.AssertEqual(items, RoundTrip.Copy(items));
        }
    }

    [Fact]
    public void Serializing_the_same_graph_twice_gives_the_same_bytes()
    {
        var graph = new GraphGenerator(7).Next();
        Assert.Equal(RoundTrip.Default.SerializeToArray(graph), RoundTrip.Default.SerializeToArray(graph));
    }
}
