using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class CodecCacheTests
{
    [Fact]
    public void Codec_for_a_type_is_built_once_and_then_reused()
    {
        var serializer = new Serializer();
        var account = new Account("a", 1);
        account.Add(new Money(1, "x"));
        serializer.SerializeToArray(account);
        int builtAfterFirst = serializer.Registry.BuildCount;
        Assert.True(builtAfterFirst > 0);
        var codec = serializer.Registry.Get(typeof(Account));
        for (int i = 0; i < 50; i++)
        {
            var bytes = serializer.SerializeToArray(account);
            serializer.Deserialize<Account>(bytes);
        }

        Assert.Equal(builtAfterFirst, serializer.Registry.BuildCount);
        Assert.Same(codec, serializer.Registry.Get(typeof(Account)));
    }

    [Fact]
    public void Recursive_types_build_without_looping()
    {
        var serializer = new Serializer();
        serializer.SerializeToArray(new Node { Next = new Node() });
        int built = serializer.Registry.BuildCount;
        serializer.SerializeToArray(new Node());
        Assert.Equal(built, serializer.Registry.BuildCount);
    }

    [Fact]
    public void Concurrent_use_from_many_threads_gives_correct_results()
    {
        var serializer = new Serializer();
        Parallel.For(0, 200, i =>
        {
            var person = new Person("p" + i, i, DateTime.UnixEpoch);
            Assert.Equal(person, serializer.Deserialize<Person>(serializer.SerializeToArray(person)));
        });
    }
}
