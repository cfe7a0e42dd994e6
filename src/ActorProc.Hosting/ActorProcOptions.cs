using ActorProc.Actors;

namespace ActorProc.Hosting;

/// <summary>What an <see cref="ActorProcBuilder"/> collected, fixed when <c>AddActorProc</c> returns.</summary>
internal sealed record ActorProcOptions(
    string SystemName,
    string? ConfigSection,
    IReadOnlyList<string> Hocon,
    IReadOnlyList<Action<ActorSystem, ActorRegistry, IServiceProvider>> Starters)
{
    public static ActorProcOptions From(ActorProcBuilder builder) =>
        new(builder.SystemName, builder.ConfigSection, [.. builder.Hocon], [.. builder.Starters]);
}
