using System.Runtime.CompilerServices;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The child process of one pool worker (a daemon, as Python's pool workers): runs the pool's initializer, tells
/// the pool's router where to send work, then runs tasks until the pool stops it or it has run
/// <c>maxTasksPerChild</c> tasks, and exits with code 0.
/// </summary>
internal sealed class PoolWorkerProcess : Process
{
    private readonly IActorRef _router;
    private readonly IActorRef _results;
    private readonly int _workerId;
    private readonly byte[]? _initializer;
    private readonly int _maxTasks;
    private readonly PoolSettings _settings;

    public PoolWorkerProcess(string name, IActorRef router, IActorRef results, int workerId, byte[]? initializer, int maxTasks, PoolSettings settings)
        : base(name, daemon: true)
    {
        _router = router;
        _results = results;
        _workerId = workerId;
        _initializer = initializer;
        _maxTasks = maxTasks;
        _settings = settings;
    }

    /// <summary>
    /// In a spare child waiting for work: runs the serializer over the pool's work orders and messages once, so that a
    /// pool served by the spare does not pay for building (and compiling) their codecs before its first result.
    /// </summary>
    internal static void WarmUp(Serializer serializer, ActorSystem system)
    {
        var nobody = system.DeadLetters;
        // Not through a constructor: that would take a number from this process's count of child processes.
        var worker = (PoolWorkerProcess)RuntimeHelpers.GetUninitializedObject(typeof(PoolWorkerProcess));
        serializer.Deserialize<Process>(serializer.SerializeToArray<Process>(worker), system);
        object[] messages =
        [
            PoolSettings.FromConfig(system.Settings.Config),
            new PoolWorkerReady(1, nobody, Environment.ProcessId),
            new PoolWork([1], [1], [[1]], [new RunnerLoad(1, [1], null)], [1], false),
            new PoolResults(1, [1], [1], [[1]], 1),
        ];
        foreach (var message in messages)
        {
            serializer.Deserialize<object>(serializer.SerializeToArray(message), system);
        }
    }

    public override void Run()
    {
        var runtime = ProcessRuntime.Get();
        if (_initializer is not null)
        {
            try
            {
                runtime.Serializer.Deserialize<Action>(_initializer, runtime.System)();
            }
            catch (Exception e)
            {
                _router.Tell(new PoolWorkerInitFailed(_workerId, RemoteErrors.Encode(runtime.Serializer, e)), ActorRefs.NoSender);
                throw;
            }
        }

        using var worker = new PoolWorker(runtime.Serializer, runtime.System, _results, _workerId, _maxTasks, _settings);
        _router.Tell(new PoolWorkerReady(_workerId, worker.Inbox, Environment.ProcessId), ActorRefs.NoSender);
        worker.Run();
    }
}
