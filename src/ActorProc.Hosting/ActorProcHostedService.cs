using System.Runtime.ExceptionServices;
using ActorProc.Actors;
using ActorProc.Configuration;
using ActorProc.Multiprocessing.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorProc.Hosting;

/// <summary>
/// Runs the process runtime (the actor system of this process, its remoting and its child processes) for the host:
/// starts it when <see cref="System"/> is first resolved or in <see cref="StartingAsync"/>, whichever comes first,
/// creates the top-level actors in <see cref="StartingAsync"/> (before every hosted service's <c>StartAsync</c>), and
/// stops the process tree in <see cref="StoppedAsync"/> (after every hosted service's <c>StopAsync</c>) within the
/// host's shutdown timeout. When the actor system terminates by itself, it stops the host.
/// </summary>
internal sealed class ActorProcHostedService(
    ActorProcOptions options,
    ActorRegistry registry,
    IServiceProvider services) : IHostedLifecycleService, IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private ProcessRuntime? _runtime;
    private ExceptionDispatchInfo? _startFailure;
    private ILogger? _logger;
    private int _stopping;

    /// <summary>The actor system, started on first use.</summary>
    /// <exception cref="ConfigException">A setting is invalid (the same exception on every use).</exception>
    /// <exception cref="HoconParseException">HOCON given to <see cref="ActorProcBuilder.WithHocon"/> is malformed.</exception>
    /// <exception cref="InvalidOperationException">Another ActorProc runtime is running in this process.</exception>
    public ActorSystem System => Runtime.System;

    private ProcessRuntime Runtime
    {
        get
        {
            lock (_gate)
            {
                if (_runtime is not null)
                {
                    return _runtime;
                }

                _startFailure?.Throw();
                try
                {
                    var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
                    _logger = loggerFactory.CreateLogger("ActorProc.Hosting");
                    _runtime = ProcessRuntime.StartHosted(options.SystemName, BuildConfig(), loggerFactory);
                    return _runtime;
                }
                catch (Exception e)
                {
                    _startFailure = ExceptionDispatchInfo.Capture(e);
                    throw;
                }
            }
        }
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var runtime = Runtime;
        try
        {
            foreach (var starter in options.Starters)
            {
                starter(runtime.System, registry, services);
            }
        }
        catch
        {
            // The host will not stop what did not start: end the process tree now, then fail the start with the exception.
            Volatile.Write(ref _stopping, 1);
            await runtime.AbortAsync().ConfigureAwait(false);
            throw;
        }

        _ = runtime.System.WhenTerminated.ContinueWith(
            _ => OnTerminated(runtime.System),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _logger?.LogInformation("ActorProc actor system {SystemName} started at {Address}", runtime.System.Name, runtime.Remote.Address);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        ProcessRuntime? runtime;
        lock (_gate)
        {
            runtime = _runtime;
        }

        if (runtime is null)
        {
            return;
        }

        Volatile.Write(ref _stopping, 1);
        try
        {
            await runtime.TerminateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger?.LogWarning(
                "The host's shutdown timeout passed before ActorProc actor system {SystemName} terminated: its child processes were killed and it terminates in the background",
                runtime.System.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        ProcessRuntime? runtime;
        lock (_gate)
        {
            runtime = _runtime;
        }

        // Disposed without a stop (the host failed to start after this service started): nothing may outlive the host.
        if (runtime is not null && !runtime.System.WhenTerminated.IsCompleted)
        {
            Volatile.Write(ref _stopping, 1);
            await runtime.AbortAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void OnTerminated(ActorSystem system)
    {
        if (Volatile.Read(ref _stopping) != 0)
        {
            return;
        }

        _logger?.LogWarning("ActorProc actor system {SystemName} terminated; stopping the host", system.Name);
        services.GetService<IHostApplicationLifetime>()?.StopApplication();
    }

    // The section's settings under `actorproc`, then each WithHocon over them (the runtime adds the reference configuration).
    private Config BuildConfig()
    {
        var config = Config.Empty;
        if (options.ConfigSection is { } path && services.GetService<IConfiguration>() is { } configuration)
        {
            var settings = configuration.GetSection(path).AsEnumerable(makePathsRelative: true)
                .Where(setting => setting.Key.Length > 0 && setting.Value is not null)
                .Select(setting => KeyValuePair.Create("actorproc:" + setting.Key, setting.Value))
                .ToList();
            if (settings.Count > 0)
            {
                config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().ToConfig();
            }
        }

        foreach (var hocon in options.Hocon)
        {
            config = Config.Parse(hocon, "AddActorProc(...).WithHocon").WithFallback(config);
        }

        return config;
    }
}
