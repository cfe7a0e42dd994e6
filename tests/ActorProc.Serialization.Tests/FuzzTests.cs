using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class FuzzTests
{
    private static readonly Serializer Serializer = new(new SerializerOptions { MaxCollectionLength = 100_000 });

    private static void AssertOnlySerializationException(byte[] data)
    {
        try
        {
            Serializer.Deserialize<object>(data);
        }
        catch (SerializationException)
        {
        }

        try
        {
            Serializer.Deserialize<Holder>(data);
        }
        catch (SerializationException)
        {
        }
    }

    private static List<byte[]> ValidMessages()
    {
        var messages = new List<byte[]>();
        for (int seed = 0; seed < 40; seed++)
        {
            messages.Add(Serializer.SerializeToArray(new GraphGenerator(seed).Next()));
        }

        int captured = 5;
        messages.Add(Serializer.SerializeToArray<object>((Func<int, int>)(x => x + captured)));
        messages.Add(Serializer.SerializeToArray<object>(new AggregateException(new InvalidOperationException("x"))));
        messages.Add(Serializer.SerializeToArray(new Holder { Anything = new Circle("c", 2), Greeter = new PoliteGreeter() }));
        return messages;
    }

    [Fact]
    public void Random_buffers_only_ever_raise_serialization_exceptions()
    {
        var random = new Random(1);
        for (int i = 0; i < 3000; i++)
        {
            var data = new byte[random.Next(64)];
            random.NextBytes(data);
            AssertOnlySerializationException(data);
        }
    }

    [Fact]
    public void Every_truncation_of_valid_messages_only_raises_serialization_exceptions()
    {
        foreach (var message in ValidMessages())
        {
            for (int length = 0; length < message.Length; length++)
            {
                AssertOnlySerializationException(message[..length]);
            }
        }
    }

    [Fact]
    public void Mutated_valid_messages_only_raise_serialization_exceptions()
    {
        var random = new Random(2);
        var messages = ValidMessages();
        for (int i = 0; i < 4000; i++)
        {
            var data = (byte[])messages[random.Next(messages.Count)].Clone();
            if (data.Length == 0)
            {
                continue;
            }

            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                data[random.Next(data.Length)] = random.Next(3) == 0 ? (byte)0xFF : (byte)random.Next(256);
            }

            AssertOnlySerializationException(data);
        }
    }
}
