using ActorProc.Actors;
using ActorProc.Configuration;
using ActorProc.Hosting.Tests.Support;
using ActorProc.Multiprocessing.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorProc.Hosting.Tests.Hosting;

public sealed class HostStartSpec : HostSpec
{
    [Fact]
    public async Task The_actor_system_is_a_DI_singleton_named_and_configured_from_IConfiguration()
    {
        var host = BuildHost(actorProc => actorProc.WithSystemName("orders"), hocon: "actorproc { loglevel = debug, process.spares = 0 }");
        await host.StartAsync();

        var system = Get<ActorSystem>(host);
        Assert.Same(system, Get<ActorSystem>(host));
        Assert.Equal("orders", system.Name);
        Assert.Equal(LogLevel.Debug, system.Settings.LogLevel);

        // It is the actor system of this process: processes, queues and locks live in it.
        var runtime = ProcessRuntime.Existing;
        Assert.NotNull(runtime);
        Assert.Same(system, runtime.System);
        Assert.Equal(0, runtime.Settings.Spares);
    }

    [Fact]
    public async Task Settings_come_from_a_HOCON_file_added_to_the_configuration()
    {
        var file = Files["app.conf"];
        File.WriteAllText(file, "actorproc {\n  loglevel = warning\n  process { daemon-terminate-timeout = 7s }\n}\n");
        var host = BuildHost(customize: builder => builder.Configuration.AddHoconFile(file));
        await host.StartAsync();

        Assert.Equal(LogLevel.Warning, Get<ActorSystem>(host).Settings.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(7), ProcessRuntime.Existing!.Settings.DaemonTerminateTimeout);
    }

    [Fact]
    public async Task WithHocon_overrides_the_configuration_and_a_later_call_overrides_an_earlier_one()
    {
        var host = BuildHost(
            actorProc => actorProc.WithHocon("actorproc.loglevel = error\nactorproc.log-dead-letters = 3").WithHocon("actorproc.loglevel = warning"),
            hocon: "actorproc.loglevel = debug");
        await host.StartAsync();

        var settings = Get<ActorSystem>(host).Settings;
        Assert.Equal(LogLevel.Warning, settings.LogLevel);
        Assert.Equal(3, settings.LogDeadLetters);
    }

    [Fact]
    public async Task Settings_are_read_from_the_configured_section()
    {
        var host = BuildHost(
            actorProc => actorProc.WithConfigSection("MyApp:Actors"),
            customize: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MyApp:Actors:loglevel"] = "error",
                ["actorproc:loglevel"] = "debug",
            }));
        await host.StartAsync();

        Assert.Equal(LogLevel.Error, Get<ActorSystem>(host).Settings.LogLevel);
    }

    [Fact]
    public async Task Actors_are_created_before_every_hosted_service_starts_and_are_found_in_the_registry()
    {
        // The probe is registered before AddActorProc, so it starts first among the hosted services.
        var host = BuildHost(
            actorProc => actorProc.WithActors((system, registry, _) => registry.Register<EchoActor>(system.ActorOf(Props.Create<EchoActor>(), "echo"))),
            customize: builder => builder.Services.AddSingleton<RegistryProbe>().AddHostedService(sp => sp.GetRequiredService<RegistryProbe>()));
        await host.StartAsync();

        Assert.True(Get<RegistryProbe>(host).SawEchoAtStart);
        var echo = Get<ActorRegistry>(host).Get<EchoActor>();
        Assert.Equal("/user/echo", echo.Path.ToStringWithoutAddress());
        Assert.Equal("hello", await echo.Ask<string>("hello", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_hosted_service_can_take_the_actor_system_in_its_constructor()
    {
        var host = BuildHost(
            actorProc => actorProc.WithActors((system, _) => system.ActorOf(Props.Create<EchoActor>(), "echo")),
            customize: builder => builder.Services.AddSingleton<SystemConsumer>().AddHostedService(sp => sp.GetRequiredService<SystemConsumer>()));
        await host.StartAsync();

        var consumer = Get<SystemConsumer>(host);
        Assert.Same(Get<ActorSystem>(host), consumer.System);
        Assert.Equal("ping", consumer.Reply);
    }

    [Fact]
    public async Task A_second_host_in_the_same_process_fails_to_start_while_the_first_runs()
    {
        var first = BuildHost();
        await first.StartAsync();
        var second = BuildHost();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync());
        Assert.Contains("already running", error.Message, StringComparison.Ordinal);
        Assert.Equal("ping", await Get<ActorSystem>(first).ActorOf(Props.Create<EchoActor>()).Ask<string>("ping", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AddActorProc_refuses_a_second_call_and_an_invalid_system_name()
    {
        var services = new ServiceCollection();
        services.AddActorProc();
        Assert.Throws<InvalidOperationException>(() => services.AddActorProc());

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddActorProc("my system"));
        Assert.Contains("'my system'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddActorProc(b => b.WithConfigSection(" ")));
    }

    [Fact]
    public void ActorRegistry_names_a_missing_or_duplicate_key()
    {
        var registry = new ActorRegistry();
        var missing = Assert.Throws<KeyNotFoundException>(() => registry.Get<EchoActor>());
        Assert.Contains(typeof(EchoActor).FullName!, missing.Message, StringComparison.Ordinal);
        Assert.False(registry.TryGet<EchoActor>(out _));

        registry.Register<EchoActor>(ActorRefs.Nobody);
        Assert.True(registry.TryGet<EchoActor>(out var found));
        Assert.Same(ActorRefs.Nobody, found);
        Assert.Throws<InvalidOperationException>(() => registry.Register<EchoActor>(ActorRefs.Nobody));
    }

    private sealed class RegistryProbe(ActorRegistry registry) : IHostedService
    {
        public bool SawEchoAtStart { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            SawEchoAtStart = registry.TryGet<EchoActor>(out _);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class SystemConsumer(ActorSystem system) : IHostedService
    {
        public ActorSystem System { get; } = system;

        public string? Reply { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var echo = await System.ActorSelection("/user/echo").ResolveOne(TimeSpan.FromSeconds(10));
            Reply = await echo.Ask<string>("ping", TimeSpan.FromSeconds(10), cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
