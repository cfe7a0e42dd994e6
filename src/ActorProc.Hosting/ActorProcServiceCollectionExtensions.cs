using ActorProc.Actors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorProc.Hosting;

/// <summary>Hosts the ActorProc actor system of this process in a Microsoft.Extensions.Hosting application.</summary>
public static class ActorProcServiceCollectionExtensions
{
    /// <summary>
    /// Registers the actor system of this process as a hosted service, configured from the host's
    /// <c>IConfiguration</c> (section <c>actorproc</c>, e.g. from <c>builder.Configuration.AddHoconFile("app.conf")</c>),
    /// logging to the host's <c>ILoggerFactory</c>, with the log events of its child processes.
    /// </summary>
    /// <remarks>
    /// <para>Services: <see cref="ActorSystem"/> (a singleton, started when first resolved or when the host starts) and
    /// <see cref="ActorRegistry"/>. The system starts and <see cref="ActorProcBuilder.WithActors(Action{ActorSystem, ActorRegistry, IServiceProvider})"/>
    /// runs before any hosted service's <c>StartAsync</c>; an invalid setting or a throwing actor factory fails the host's start
    /// with that exception.</para>
    /// <para>It stops after every other hosted service: non-daemon child processes are joined, the actors stop, then daemon
    /// children get SIGTERM (SIGKILL after <c>actorproc.process.daemon-terminate-timeout</c>). When the host's shutdown
    /// timeout (<c>HostOptions.ShutdownTimeout</c>) passes first, every child still running is killed. When the actor system
    /// terminates by itself, the host stops (<c>IHostApplicationLifetime.StopApplication</c>).</para>
    /// </remarks>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the system's name, configuration and top-level actors; null for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException">AddActorProc was already called on <paramref name="services"/> (one actor system per process).</exception>
    public static IServiceCollection AddActorProc(this IServiceCollection services, Action<ActorProcBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ActorProcHostedService)))
        {
            throw new InvalidOperationException("AddActorProc was already called: a process hosts one ActorProc actor system.");
        }

        var builder = new ActorProcBuilder(services);
        configure?.Invoke(builder);
        services.AddSingleton(ActorProcOptions.From(builder));
        services.AddSingleton<ActorRegistry>();
        services.AddSingleton<ActorProcHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<ActorProcHostedService>());
        services.AddSingleton(sp => sp.GetRequiredService<ActorProcHostedService>().System);
        return services;
    }

    /// <summary>Registers the actor system named <paramref name="systemName"/>; see <see cref="AddActorProc(IServiceCollection, Action{ActorProcBuilder}?)"/>.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="systemName">The actor system's name: letters, digits, '-', '_' and '.'.</param>
    /// <param name="configure">Sets the system's configuration and top-level actors; null for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> is not a valid name.</exception>
    /// <exception cref="InvalidOperationException">AddActorProc was already called on <paramref name="services"/>.</exception>
    public static IServiceCollection AddActorProc(this IServiceCollection services, string systemName, Action<ActorProcBuilder>? configure = null) =>
        services.AddActorProc(builder =>
        {
            builder.WithSystemName(systemName);
            configure?.Invoke(builder);
        });
}
