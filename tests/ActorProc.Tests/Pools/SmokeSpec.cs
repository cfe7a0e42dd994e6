using ActorProc.Multiprocessing;
using ActorProc.Tests.Support;
using Xunit.Abstractions;

namespace ActorProc.Tests.Pools;

public sealed class SmokeSpec(ITestOutputHelper output) : ChildProcessSpec
{
    [Fact]
    public void Smoke()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        using var pool = new Pool(2);
        Assert.Equal(42, pool.Apply(() => 42));
        output.WriteLine($"first apply {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        for (int i = 0; i < 1000; i++)
        {
            pool.Apply(() => 1);
        }

        output.WriteLine($"apply {sw.Elapsed.TotalMicroseconds / 1000} us");
        sw.Restart();
        var r = pool.Map(x => x * 2, Enumerable.Range(0, 100_000));
        output.WriteLine($"map 100k {sw.ElapsedMilliseconds} ms");
        Assert.Equal(Enumerable.Range(0, 100_000).Select(x => x * 2), r);
        sw.Restart();
        r = pool.Map(x => x * 2, Enumerable.Range(0, 100_000), 1);
        output.WriteLine($"map 100k c1 {sw.ElapsedMilliseconds} ms");
        Assert.Equal(Enumerable.Range(0, 100_000).Select(x => x * 2), r);
    }
}
