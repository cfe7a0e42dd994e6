using System.Diagnostics;
using System.Reflection;
using ActorProc.Tests.Support;

namespace ActorProc.Hosting.Tests.Hosting;

/// <summary>Runs examples/WorkerService as a user would: it must end by itself with exit code 0.</summary>
public sealed class WorkerServiceExampleSpec
{
    [Fact]
    public async Task The_worker_service_example_logs_its_childs_events_and_exits_0()
    {
        var dll = typeof(WorkerServiceExampleSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkerServiceDll").Value!;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        using var example = Process.Start(info)!;
        long? startTime = OsProcesses.StartTime(example.Id);
        var stdout = example.StandardOutput.ReadToEndAsync();
        var stderr = example.StandardError.ReadToEndAsync();
        try
        {
            await example.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        }
        finally
        {
            OsProcesses.KillIfSame(example.Id, startTime);
        }

        string output = await stdout;
        Assert.True(example.ExitCode == 0, $"exit code {example.ExitCode}{Environment.NewLine}{output}{Environment.NewLine}{await stderr}");
        Assert.Matches(@"WorkerService\.Counter\[0\] => process counter \(pid \d+\) Counted 3", output);
        Assert.Contains("Child counter exited with 0; tally 6", output, StringComparison.Ordinal);
    }
}
