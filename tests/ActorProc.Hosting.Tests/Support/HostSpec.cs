using ActorProc.Configuration;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorProc.Hosting.Tests.Support;

/// <summary>
/// Base of specs that build Generic Hosts with AddActorProc: every host is stopped and disposed at the end (so the
/// process runtime is free for the next spec), after which every child still running is killed.
/// </summary>
[Collection(HostCollection.Name)]
public abstract class HostSpec : ChildProcessSpec, IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];

    protected CapturingLoggerProvider Logs { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try
            {
                using var timeout = new CancellationTokenSource(Long);
                await host.StopAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                // Never started, or already stopped.
            }
            finally
            {
                host.Dispose();
            }
        }

        if (ProcessRuntime.Existing is { } runtime)
        {
            await runtime.AbortAsync().WaitAsync(Long);
        }
    }

    /// <summary>A host with AddActorProc, logging to <see cref="Logs"/>, its configuration given as HOCON text.</summary>
    protected IHost BuildHost(Action<ActorProcBuilder>? configure = null, string? hocon = null, Action<HostApplicationBuilder>? customize = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
        if (hocon is not null)
        {
            builder.Configuration.AddHoconString(hocon);
        }

        customize?.Invoke(builder);
        builder.Services.AddActorProc(configure);
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    protected static T Get<T>(IHost host)
        where T : notnull => host.Services.GetRequiredService<T>();
}
