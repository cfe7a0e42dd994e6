using System.Diagnostics;
using Spectre.Console;
using mp = ActorProc.Multiprocessing;

// ActorProc in under a minute: Python's multiprocessing in .NET, each process an OS process with its own actor
// system. Processes, a queue, a lock over a shared value, a pool map with a progress bar, and crashes survived.
// No `if __name__ == "__main__"` guard: a child never runs this Main, only the target it was given.
var summary = new List<(string Step, string Result, TimeSpan Took)>();
var total = Stopwatch.StartNew();

// 1. Processes: three children say hello from their own OS process; the parent joins them.
var watch = Stopwatch.StartNew();
var children = Enumerable.Range(1, 3)
    .Select(i => new mp.Process(() => Console.WriteLine($"  hello from {mp.Process.Current.Name}, pid {Environment.ProcessId}, parent {mp.Process.Parent?.Pid}")))
    .ToList();
children.ForEach(p => p.Start());
children.ForEach(p => p.Join());
AnsiConsole.MarkupLine($"[green]1. processes[/]  {children.Count} children ran in their own OS processes, exit codes {string.Join(", ", children.Select(p => p.ExitCode))}");
summary.Add(("processes", $"{children.Count} started and joined, exit codes 0", watch.Elapsed));

// 2. A queue: a producer process puts 100,000 numbers and a sentinel; this process sums them.
watch.Restart();
var numbers = new mp.Queue<int>();
var producer = new mp.Process(() =>
{
    for (int i = 1; i <= 100_000; i++)
    {
        numbers.Put(i);
    }

    numbers.Put(-1);
});
producer.Start();
long sum = 0;
for (int n = numbers.Get(); n != -1; n = numbers.Get())
{
    sum += n;
}

producer.Join();
AnsiConsole.MarkupLine($"[green]2. queue[/]      100,000 items from a producer process, sum {sum:N0} (expected {100_000L * 100_001 / 2:N0})");
summary.Add(("queue", $"sum {sum:N0}", watch.Elapsed));

// 3. A lock: four processes add 250 each to a value in shared memory, under the value's crash-safe lock.
watch.Restart();
var counter = new mp.SharedValue<int>(0);
var adders = Enumerable.Range(0, 4).Select(_ => new mp.Process(() =>
{
    for (int i = 0; i < 250; i++)
    {
        using (counter.GetLock().Hold())
        {
            counter.Value += 1;
        }
    }
})).ToList();
adders.ForEach(p => p.Start());
adders.ForEach(p => p.Join());
AnsiConsole.MarkupLine($"[green]3. lock[/]       4 processes x 250 locked increments of a shared value = {counter.Value}");
summary.Add(("lock + shared value", $"{counter.Value} (exact)", watch.Elapsed));

// 4. A pool map with a progress bar: 40 jobs of ~50 ms on 2 worker processes.
watch.Restart();
using var pool = new mp.Pool(processes: 2);
List<int> squares = [];
AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
    .Start(ctx =>
    {
        var task = ctx.AddTask("4. pool map", maxValue: 40);
        var progress = new Progress<mp.PoolProgress>(p => task.Value = p.Done);
        squares = pool.Map(Work.SlowSquare, Enumerable.Range(1, 40), progress, chunksize: 1);
        task.Value = 40;
    });
AnsiConsole.MarkupLine($"[green]4. pool[/]       squares of 1..40 on 2 workers, sum {squares.Sum():N0} (expected {Enumerable.Range(1, 40).Sum(i => i * i):N0})");
summary.Add(("pool map", $"40 results in order, sum {squares.Sum():N0}", watch.Elapsed));

// 5. Crashes survived: a worker that dies fails only its own task and is replaced; a lock held by a killed
//    process is released (Python's Pool would hang, and the lock would stay held for ever).
watch.Restart();
int exitCode;
try
{
    pool.Apply(Work.CrashTheWorker);
    exitCode = 0;
}
catch (mp.WorkerCrashedException e)
{
    exitCode = e.ExitCode;
}

int afterCrash = pool.Apply(() => 6 * 7);
var (reacquired, holderExit) = Work.LockOfAKilledProcess();
AnsiConsole.MarkupLine($"[green]5. crashes[/]    a worker exited with {exitCode} mid-task: WorkerCrashedException, the pool still answers {afterCrash}; "
    + $"the lock of a killed process ({holderExit}) was {(reacquired ? "released" : "NOT released")}");
summary.Add(("crash survived", $"pool answered {afterCrash}, lock {(reacquired ? "released" : "held")}", watch.Elapsed));

var table = new Table().AddColumn("step").AddColumn("result").AddColumn(new TableColumn("took").RightAligned());
foreach (var (step, result, took) in summary)
{
    table.AddRow(step, Markup.Escape(result), $"{took.TotalMilliseconds:N0} ms");
}

AnsiConsole.Write(table);
bool ok = children.All(p => p.ExitCode == 0) && sum == 100_000L * 100_001 / 2 && counter.Value == 1000
    && squares.SequenceEqual(Enumerable.Range(1, 40).Select(i => i * i)) && exitCode == 3 && afterCrash == 42 && reacquired;
AnsiConsole.MarkupLine(ok ? $"[bold green]all good[/] in {total.Elapsed.TotalSeconds:F1} s" : "[bold red]something went wrong[/]");
return ok ? 0 : 1;

internal static class Work
{
    public static int SlowSquare(int x)
    {
        Thread.Sleep(50);   // stands for real work
        return x * x;
    }

    public static int CrashTheWorker()
    {
        mp.Process.Exit(3);
        return 0;
    }

    // In its own method: a lambda captures the whole closure of the scope it is written in (in top-level statements,
    // every captured local of Main), and a process target must only capture what can cross a process.
    public static (bool Reacquired, int? HolderExit) LockOfAKilledProcess()
    {
        var lockTaken = new mp.Lock();
        var holder = new mp.Process(() =>
        {
            lockTaken.Acquire();
            Thread.Sleep(Timeout.Infinite);   // holds the lock until it is killed
        });
        holder.Start();
        while (lockTaken.Acquire(TimeSpan.Zero))
        {
            lockTaken.Release();               // not taken by the child yet
            Thread.Sleep(10);
        }

        holder.Kill();
        bool reacquired = lockTaken.Acquire(TimeSpan.FromSeconds(30));
        holder.Join();
        return (reacquired, holder.ExitCode);
    }
}
