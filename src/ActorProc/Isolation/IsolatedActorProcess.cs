using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Isolation;

/// <summary>The child process of an isolated actor: builds the actor from its serialized factory and runs until it stops.</summary>
internal sealed class IsolatedActorProcess : Process
{
    private readonly byte[] _factory;
    private readonly string _actorType;
    private readonly string _actorName;
    private readonly IActorRef _proxy;
    private readonly int _incarnation;

    public IsolatedActorProcess(byte[] factory, Type actorType, string actorName, IActorRef proxy, int incarnation, string processName)
        : base(processName, daemon: true)
    {
        _incarnation = incarnation;
        _factory = factory;
        _actorType = actorType.AssemblyQualifiedName!;
        _actorName = actorName;
        _proxy = proxy;
    }

    public override void Run()
    {
        var system = ProcessRuntime.Get().System;
        var factory = ProcessRuntime.Get().Serializer.Deserialize<Func<ActorBase>>(_factory, system);
        var actorType = Type.GetType(_actorType, throwOnError: true)!;
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.SystemActorOf(Props.Create(() => new IsolatedActorHost(Props.FromFactory(actorType, factory), _actorName, _proxy, _incarnation, stopped)), "isolated");
        stopped.Task.GetAwaiter().GetResult();
    }
}
