using ActorProc.Multiprocessing.Shared;
using ActorProc.Tests.Support;
using ActorProc.Tests.Synchronization;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Shared;

/// <summary>A process that cannot map the segment (as on another host) reads and writes by message with the owner.</summary>
[Collection(SharedCollection.Name)]
public sealed class SharedFallbackSpec : SyncSpecBase
{
    [Fact]
    public void A_child_that_cannot_map_the_segment_reads_and_writes_by_message()
    {
        var v = new mp.SharedValue<long>(11);
        var points = new mp.SharedArray<Point3>(3);
        var report = Files["report"];
        var child = Start(() =>
        {
            SharedSegments.MappingDisabled = true;
            long before = v.Value;
            using (v.GetLock().Hold())
            {
                v.Value = before + 1;
            }

            points[1] = new Point3(1, 2, 3);
            var all = points.ToArray();
            TempFiles.Write(report, $"{before}|{v.Block.Attachment.Data == 0}|{points.Block.Attachment.Data == 0}|{all[1]}|{ThrownBy(() => _ = points[3])}");
        });

        JoinOk(child);

        Assert.Equal("11|True|True|Point3 { X = 1, Y = 2, Z = 3 }|ArgumentOutOfRangeException", TempFiles.WaitForText(report));
        Assert.Equal(12, v.Value);
        Assert.Equal(new Point3(1, 2, 3), points[1]);
    }

    [Fact]
    public void A_large_array_is_read_by_message_in_pieces()
    {
        var big = new mp.SharedArray<long>([.. Enumerable.Range(0, 20_000).Select(i => (long)i)]);
        var sum = new mp.SharedValue<long>();
        var child = Start(() =>
        {
            SharedSegments.MappingDisabled = true;
            var copy = big.ToArray();
            big[19_999] = -1;
            sum.Value = copy.Sum() + (copy.Length == 20_000 ? 0 : 1_000_000_000);
        });

        JoinOk(child);

        Assert.Equal(Enumerable.Range(0, 20_000).Sum(i => (long)i), sum.Value);
        Assert.Equal(-1, big[19_999]);
    }

    [Fact]
    public void Children_by_message_and_mapped_share_locked_increments_exactly()
    {
        var counter = new mp.SharedValue<int>();
        var workers = new List<mp.Process>();
        for (int n = 0; n < 2; n++)
        {
            bool byMessage = n == 0;
            workers.Add(Start(() =>
            {
                SharedSegments.MappingDisabled = byMessage;
                for (int i = 0; i < 200; i++)
                {
                    using (counter.GetLock().Hold())
                    {
                        counter.Value += 1;
                    }
                }
            }));
        }

        workers.ForEach(JoinOk);

        Assert.Equal(400, counter.Value);
    }
}
