using ActorProc.Multiprocessing.Queues;
using ActorProc.Serialization;

namespace ActorProc.Tests.Queues;

/// <summary>The building blocks of queues: item ring, item arena, consumer counters.</summary>
public sealed class QueueInternalsSpec
{
    [Fact]
    public void The_item_ring_keeps_FIFO_order_through_growth_and_puts_returned_items_back_in_front_in_order()
    {
        var data = new byte[1000];
        var ring = new ItemRing();
        for (int i = 0; i < 40; i++)
        {
            ring.AddLast(new QueueItem(data, i, 1));
        }

        var held = new ItemRing();
        for (int i = 0; i < 5; i++)
        {
            held.AddLast(ring.RemoveFirst());
        }

        ring.MoveToFront(held);

        Assert.Equal(0, held.Count);
        Assert.Equal(Enumerable.Range(0, 40), Enumerable.Range(0, 40).Select(_ => ring.RemoveFirst().Offset));
        Assert.Throws<InvalidOperationException>(() => ring.RemoveFirst());
    }

    [Fact]
    public void Arena_items_are_whole_slices_even_when_an_item_does_not_fit_in_the_current_chunk()
    {
        var serializer = new Serializer();
        var values = Enumerable.Range(0, 200).Select(i => new string('x', (i * 7919) % 3000)).Append(new string('y', 200_000)).ToList();
        var items = values.Select(v => ItemArena.Serialize(serializer, v)).ToList();

        Assert.Equal(values, items.Select(item => serializer.Deserialize<string>(item.Bytes)));
    }

    [Fact]
    public void A_value_that_cannot_be_serialized_leaves_the_arena_as_it_was()
    {
        var serializer = new Serializer();
        var before = ItemArena.Serialize(serializer, "before");
        Assert.Throws<SerializationException>(() => ItemArena.Serialize<object>(serializer, new MemoryStream()));
        var after = ItemArena.Serialize(serializer, "after");

        Assert.Equal("before", serializer.Deserialize<string>(before.Bytes));
        Assert.Equal("after", serializer.Deserialize<string>(after.Bytes));
        Assert.Equal(before.Offset + before.Length, after.Offset);
    }

    [Fact]
    public void Consumer_counters_are_read_by_the_owner_whose_open_removes_the_file()
    {
        using var consumer = ConsumerCounters.Create();
        Assert.NotNull(consumer);
        consumer.Returned = 41;
        consumer.Done = 7;

        using var owner = ConsumerCounters.Open(consumer.Path, consumer.Token);

        Assert.NotNull(owner);
        Assert.False(File.Exists(consumer.Path));
        Assert.Equal(41, owner.Returned);
        consumer.Returned = 42;
        Assert.Equal(42, owner.Returned);
        Assert.Equal(7, owner.Done);
    }

    [Fact]
    public void Consumer_counters_are_not_opened_with_a_wrong_token_or_outside_their_folder()
    {
        using var consumer = ConsumerCounters.Create();
        Assert.NotNull(consumer);
        var wrong = (byte[])consumer.Token.Clone();
        wrong[0] ^= 1;

        Assert.Null(ConsumerCounters.Open(consumer.Path, wrong));
        Assert.True(File.Exists(consumer.Path));
        var elsewhere = Path.Combine(Path.GetTempPath(), "sub", "..", "elsewhere", Path.GetFileName(consumer.Path));
        Assert.Null(ConsumerCounters.Open(elsewhere, consumer.Token));
        consumer.DeleteFile();
        Assert.Null(ConsumerCounters.Open(consumer.Path, consumer.Token));
    }
}
