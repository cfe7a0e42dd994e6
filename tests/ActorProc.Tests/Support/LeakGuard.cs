using ActorProc.Multiprocessing.Runtime;
using ActorProc.Multiprocessing.Shared;
using ActorProc.Multiprocessing.Synchronization;
using Xunit.Abstractions;
using Xunit.Sdk;

// Shared by the test projects that start child processes (linked with <Compile Include>); each project's csproj
// names LeakGuardLastOrderer as its TestCollectionOrderer (an <AssemblyAttribute> with its own assembly name).
namespace ActorProc.Tests.Support;

/// <summary>The leak guard's collection: not parallel, so it runs after every parallel collection, and ordered last.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LeakGuardCollection
{
    public const string Name = "zz-leak-guard";
}

/// <summary>Orders collections by name with the leak guard last.</summary>
public sealed class LeakGuardLastOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.Contains(LeakGuardCollection.Name, StringComparison.Ordinal)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}

/// <summary>
/// Fails the run when a test left a child process (or an orphaned grandchild) of this test assembly running, or a
/// shared memory segment of this run in /dev/shm.
/// </summary>
[Collection(LeakGuardCollection.Name)]
public sealed class LeakGuardSpec
{
    [Fact]
    public void No_test_left_a_child_process_running()
    {
        // Children of this assembly run ActorProc.ChildHost with this assembly's runtimeconfig, whoever their parent is.
        var marker = Path.Combine(AppContext.BaseDirectory, typeof(LeakGuardSpec).Assembly.GetName().Name + ".runtimeconfig.json");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        List<string> leaked;
        do
        {
            var spares = ProcessRuntime.Existing?.Spares.Pids ?? [];
            leaked = [.. ChildHostProcesses(marker).Where(p => !spares.Contains(p.Pid)).Select(p => $"{p.Pid}: {p.CommandLine}")];
            if (leaked.Count == 0)
            {
                return;
            }

            Thread.Sleep(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("Child processes left running by the tests:" + Environment.NewLine + string.Join(Environment.NewLine, leaked));
    }

    [Fact]
    public void No_test_left_a_shared_memory_segment()
    {
        if (ProcessRuntime.Existing is not { } runtime)
        {
            return;
        }

        // Ended children are let go (their targets may hold handles), then every value nothing references any more:
        // the owner of each removes its file once the creating process and every user have dropped it. The segments
        // holding this process's semaphores and events live as long as this process (as those objects do): not a leak.
        Multiprocessing.Process.ActiveChildren();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        IReadOnlyList<string> left;
        do
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            left = [.. SharedSegments.TreeFiles(runtime).Except(SyncArena.Names)];
            if (left.Count == 0)
            {
                return;
            }

            Thread.Sleep(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("Shared memory segments of this test run left in /dev/shm:" + Environment.NewLine + string.Join(Environment.NewLine, left));
    }

    private static IEnumerable<(int Pid, string CommandLine)> ChildHostProcesses(string marker)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains("ActorProc.ChildHost.dll", StringComparison.Ordinal) && commandLine.Contains(marker, StringComparison.Ordinal) && OsProcesses.IsRunning(pid))
            {
                yield return (pid, commandLine);
            }
        }
    }
}
