using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ActorProc.Hosting;

/// <summary>
/// Configures the actor system that <see cref="ActorProcServiceCollectionExtensions.AddActorProc(IServiceCollection, Action{ActorProcBuilder}?)"/>
/// hosts: its name, where its settings come from, and the top-level actors created when the host starts.
/// </summary>
public sealed class ActorProcBuilder
{
    private readonly List<string> _hocon = [];
    private readonly List<Action<ActorSystem, ActorRegistry, IServiceProvider>> _starters = [];

    internal ActorProcBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services (to register services the actors need).</summary>
    public IServiceCollection Services { get; }

    /// <summary>The actor system's name; <c>actorproc</c> unless set.</summary>
    public string SystemName { get; private set; } = "actorproc";

    /// <summary>
    /// The <c>IConfiguration</c> section that holds the <c>actorproc</c> settings (the keys of hocon/actorproc.conf below
    /// <c>actorproc</c>); <c>actorproc</c> unless set, null for none.
    /// </summary>
    public string? ConfigSection { get; private set; } = "actorproc";

    internal IReadOnlyList<string> Hocon => _hocon;

    internal IReadOnlyList<Action<ActorSystem, ActorRegistry, IServiceProvider>> Starters => _starters;

    /// <summary>Names the actor system.</summary>
    /// <param name="name">Letters, digits, '-', '_' and '.'.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or has other characters.</exception>
    public ActorProcBuilder WithSystemName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ProcessRuntime.IsValidSystemName(name))
        {
            throw new ArgumentException($"Actor system name '{name}' is invalid: use letters, digits, '-', '_' and '.'.", nameof(name));
        }

        SystemName = name;
        return this;
    }

    /// <summary>
    /// Reads the <c>actorproc</c> settings from this section of the host's configuration instead of <c>actorproc</c>:
    /// e.g. <c>"MyApp:Actors"</c> for <c>{ "MyApp": { "Actors": { "loglevel": "debug" } } }</c> in appsettings.json.
    /// Keys are the lower-case, dashed names of hocon/actorproc.conf; values are converted as HOCON's
    /// (<c>"10s"</c>, <c>"on"</c>). Null reads no section.
    /// </summary>
    /// <param name="section">The section path (<c>:</c>-separated), or null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="section"/> is empty or blank.</exception>
    public ActorProcBuilder WithConfigSection(string? section)
    {
        if (section is not null && string.IsNullOrWhiteSpace(section))
        {
            throw new ArgumentException("The configuration section path is empty; pass null to read no section.", nameof(section));
        }

        ConfigSection = section;
        return this;
    }

    /// <summary>
    /// Adds HOCON settings over those of the configuration section (a later call overrides an earlier one). The text
    /// is parsed when the host starts: a syntax error fails the start with a <see cref="Configuration.HoconParseException"/>.
    /// </summary>
    /// <param name="hocon">HOCON text with full paths, e.g. <c>actorproc.loglevel = debug</c>.</param>
    /// <returns>This builder.</returns>
    public ActorProcBuilder WithHocon(string hocon)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        _hocon.Add(hocon);
        return this;
    }

    /// <summary>
    /// Creates top-level actors when the host starts, before any hosted service's <c>StartAsync</c> (calls run in
    /// the order they were added). An exception fails the host's start with that exception.
    /// </summary>
    /// <param name="starter">Creates actors with <c>system.ActorOf</c> and registers the ones others need.</param>
    /// <returns>This builder.</returns>
    public ActorProcBuilder WithActors(Action<ActorSystem, ActorRegistry, IServiceProvider> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add(starter);
        return this;
    }

    /// <summary>Creates top-level actors when the host starts; see <see cref="WithActors(Action{ActorSystem, ActorRegistry, IServiceProvider})"/>.</summary>
    /// <param name="starter">Creates actors with <c>system.ActorOf</c>.</param>
    /// <returns>This builder.</returns>
    public ActorProcBuilder WithActors(Action<ActorSystem, IServiceProvider> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, _, services) => starter(system, services));
        return this;
    }
}
