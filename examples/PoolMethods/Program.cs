using System.Diagnostics;
using Spectre.Console;
using mp = ActorProc.Multiprocessing;

// Python's Pool methods, one by one: apply, apply_async, map, map_async, imap, imap_unordered, starmap; then a
// crawl-like job (fetch = wait for the network, parse = some CPU) done serially and on a pool, with a progress bar.
AnsiConsole.MarkupLine($"[bold]{mp.Process.CpuCount} CPUs[/]; main process pid {Environment.ProcessId}");

using (var pool = new mp.Pool(processes: 2))
{
    // Both workers boot in parallel; wait until both answer, so that the timings below are not start-up.
    while (pool.Map(Crawl.WhoAmI, Enumerable.Range(0, 4), chunksize: 1).Distinct().Count() < 2)
    {
    }

    // apply: run one call in a worker and wait for it.
    int workerPid = pool.Apply(() => Environment.ProcessId);
    AnsiConsole.MarkupLine($"[green]apply[/]           square(7) = {pool.Apply(() => Crawl.Square(7))} (worker pid {workerPid})");

    // apply_async: do not wait; the callback runs when the result is there, then Get returns it.
    var pending = pool.ApplyAsync(() => Crawl.Square(8), callback: r => AnsiConsole.MarkupLine($"[grey]                callback got {r}[/]"));
    AnsiConsole.MarkupLine($"[green]apply_async[/]     square(8) = {pending.Get()}");

    // map: the whole list, results in input order.
    var squares = pool.Map(Crawl.Square, Enumerable.Range(0, 10));
    AnsiConsole.MarkupLine($"[green]map[/]             {string.Join(", ", squares)}");

    // map_async: the same without waiting; await it (or Get).
    var asyncSquares = await pool.MapAsync(Crawl.Square, Enumerable.Range(10, 5));
    AnsiConsole.MarkupLine($"[green]map_async[/]       {string.Join(", ", asyncSquares)}");

    // imap: lazily, one result at a time, in order (the input may be endless: only what is taken is computed).
    var firstFive = pool.Imap(Crawl.Square, Crawl.Naturals()).Take(5);
    AnsiConsole.MarkupLine($"[green]imap[/]            {string.Join(", ", firstFive)} (from an endless input)");

    // imap_unordered: results as they finish; the slow first item comes last.
    var finishOrder = pool.ImapUnordered(Crawl.SlowFirst, [0, 1, 2, 3]);
    AnsiConsole.MarkupLine($"[green]imap_unordered[/]  {string.Join(", ", finishOrder)} (item 0 is slow)");

    // starmap: a func of two arguments over pairs.
    var powers = pool.Starmap((int b, int e) => (long)Math.Pow(b, e), [(2, 10), (3, 4), (10, 3)]);
    AnsiConsole.MarkupLine($"[green]starmap[/]         {string.Join(", ", powers)}");
}

// The crawl: 24 pages, each 150 ms of waiting plus a little parsing.
string[] urls = [.. Enumerable.Range(1, 24).Select(i => $"https://example.test/page/{i}")];

var serial = Stopwatch.StartNew();
int serialLinks = urls.Select(Crawl.FetchAndParse).Sum(p => p.Links);
serial.Stop();
AnsiConsole.MarkupLine($"\n[bold]serial[/]   {urls.Length} pages, {serialLinks} links in {serial.Elapsed.TotalSeconds:F2} s");

using (var crawlers = new mp.Pool(processes: 6))
{
    // Time the crawl, not the start: wait until all six workers answer (they boot in parallel).
    while (crawlers.Map(Crawl.WhoAmI, Enumerable.Range(0, 12), chunksize: 1).Distinct().Count() < 6)
    {
    }

    var parallel = Stopwatch.StartNew();
    List<Page> pages = [];
    AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .Start(ctx =>
        {
            var bar = ctx.AddTask("crawling", maxValue: urls.Length);
            var progress = new Progress<mp.PoolProgress>(p => bar.Value = p.Done);
            pages = crawlers.Map(Crawl.FetchAndParse, urls, progress, chunksize: 1);
            bar.Value = urls.Length;
        });
    parallel.Stop();
    AnsiConsole.MarkupLine($"[bold]parallel[/] {pages.Count} pages, {pages.Sum(p => p.Links)} links in {parallel.Elapsed.TotalSeconds:F2} s on 6 processes "
        + $"({serial.Elapsed.TotalSeconds / parallel.Elapsed.TotalSeconds:F1}x faster), fetched by {pages.Select(p => p.Pid).Distinct().Count()} worker processes");
}

/// <summary>A crawled page.</summary>
internal sealed record Page(string Url, int Links, int Pid);

internal static class Crawl
{
    public static int Square(int x) => x * x;

    public static int WhoAmI(int _)
    {
        Thread.Sleep(30);
        return Environment.ProcessId;
    }

    public static IEnumerable<int> Naturals()
    {
        for (int i = 1; ; i++)
        {
            yield return i;
        }
    }

    public static int SlowFirst(int x)
    {
        Thread.Sleep(x == 0 ? 300 : 20);
        return x;
    }

    public static Page FetchAndParse(string url)
    {
        Thread.Sleep(150); // the network
        int links = 0;
        foreach (char c in url.Replace("page", "page/link/a/b", StringComparison.Ordinal))
        {
            links += c == '/' ? 1 : 0;
        }

        return new Page(url, links, Environment.ProcessId);
    }
}
