using System.Diagnostics;

namespace ActorProc.Examples.Tests.Support;

/// <summary>
/// Runs an example as a real process (<c>dotnet &lt;dll&gt;</c>, stdin closed, output captured) with a timeout,
/// kills its whole process tree when the timeout passes, and reports and kills any of its processes left
/// running after it exited.
/// </summary>
public static class ExampleRunner
{
    // After the example exits, its children get a parent-death signal; give them this long to go.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="example"/>, waiting at most <paramref name="timeout"/>.</summary>
    public static async Task<ExampleRun> RunAsync(Example example, TimeSpan timeout)
    {
        // Processes of an earlier, aborted run are not this run's leak: remember them, and kill them now.
        var before = OsProcessTable.WithCommandLineContaining(example.CommandLineMarker);
        before.ForEach(OsProcessTable.Kill);

        var info = new ProcessStartInfo(Dotnet())
        {
            WorkingDirectory = example.OutputDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(example.Dll);

        using var process = new Process { StartInfo = info };
        var stdout = new CapturedOutput();
        var stderr = new CapturedOutput();
        process.OutputDataReceived += (_, e) => stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close(); // examples may not read stdin: a read sees the end at once
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        int? exitCode = null;
        if (process.WaitForExit(timeout))
        {
            exitCode = process.ExitCode;
        }
        else
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(Grace);
        }

        var elapsed = clock.Elapsed;
        var leftovers = await LeftoversAsync(example, before);
        leftovers.ForEach(OsProcessTable.Kill);

        // The output is complete once both pipes are at their end (a leftover holding them open was killed above);
        // should a pipe stay open anyway, what was read so far is reported.
        try
        {
            await Task.WhenAll(stdout.Ended, stderr.Ended).WaitAsync(Grace);
        }
        catch (TimeoutException)
        {
            stderr.Add("[the example tests: output still open after the example and its leftovers ended; shown as far as read]");
        }
        return new ExampleRun(exitCode, stdout.Text, stderr.Text, elapsed, leftovers);
    }

    // The example's processes still running once the grace period after its exit has passed.
    private static async Task<List<OsProcess>> LeftoversAsync(Example example, List<OsProcess> before)
    {
        var until = DateTime.UtcNow + Grace;
        while (true)
        {
            var running = OsProcessTable.WithCommandLineContaining(example.CommandLineMarker).Except(before).ToList();
            if (running.Count == 0 || DateTime.UtcNow > until)
            {
                return running;
            }

            await Task.Delay(50);
        }
    }

    // The dotnet muxer running these tests (dotnet test starts the test host with it), else the one on PATH.
    private static string Dotnet()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var processPath = Environment.ProcessPath;
        return processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
    }
}
