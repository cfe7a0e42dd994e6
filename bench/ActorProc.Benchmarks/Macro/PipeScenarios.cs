using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>
/// <c>pipe-roundtrip</c>: this process sends an int on a duplex <see cref="mp.Pipe"/>, a child process receives it
/// and sends it back, this process receives it; mean µs per round trip. Python: the same over <c>multiprocessing.Pipe</c>.
/// </summary>
public static class PipeScenarios
{
    /// <summary>The best (lowest) mean µs per round trip of <paramref name="runs"/> runs of <paramref name="roundTrips"/> each, against one child.</summary>
    public static double RoundTrip(int roundTrips = 20_000, int runs = 3)
    {
        var (parent, child) = mp.Pipe.Create();
        var echo = new mp.Process(() => Echo(child), "pipe-echo");
        echo.Start();
        try
        {
            // Warm-up: the child's end attaches on its first use, codecs are built, the JIT settles.
            Measure(parent, Math.Max(1, roundTrips / 4));
            return Enumerable.Range(0, runs).Min(_ => Measure(parent, roundTrips));
        }
        finally
        {
            parent.Close();
            if (!echo.Join(TimeSpan.FromSeconds(10)))
            {
                echo.Kill();
                echo.Join();
            }
        }
    }

    private static double Measure(mp.Connection end, int roundTrips)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < roundTrips; i++)
        {
            end.Send(i);
            if (end.Recv<int>() != i)
            {
                throw new InvalidOperationException("The echo child answered out of order.");
            }
        }

        return watch.Elapsed.TotalMicroseconds / roundTrips;
    }

    private static void Echo(mp.Connection end)
    {
        try
        {
            while (true)
            {
                end.Send(end.Recv<int>());
            }
        }
        catch (EndOfStreamException)
        {
            // The benchmark closed its end: done.
        }
    }
}
