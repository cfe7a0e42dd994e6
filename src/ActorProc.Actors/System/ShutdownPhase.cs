namespace ActorProc.Actors;

/// <summary>The phases of <see cref="ActorSystem.Terminate"/>, in order; tasks can be added to each.</summary>
public enum ShutdownPhase
{
    /// <summary>Before any actor stops (e.g. stop accepting work, join non-daemon child processes).</summary>
    BeforeUserStop,

    /// <summary>After <c>/user</c> and all its actors stopped, before <c>/system</c> (e.g. terminate daemon processes, close remoting).</summary>
    BeforeSystemStop,

    /// <summary>After every actor stopped (release resources such as socket files).</summary>
    AfterSystemStop,
}
