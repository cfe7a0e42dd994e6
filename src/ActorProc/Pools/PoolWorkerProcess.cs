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
    /// In a spare child waiting for work: runs the serializer over the pool's work orders and messages once, and a
    /// worker over one batch of tasks (an Apply of each common result kind, a Submit of an action, a Map of ints) with
    /// its results dropped, so that a pool served by the spare does not pay for building codecs and compiling the
    /// worker's code before its first result. Only code specific to the user's own types is left for the first task.
    /// </summary>
    internal static void WarmUp(Serializer serializer, ActorSystem system)
    {
        var nobody = system.DeadLetters;
        // Not through a constructor: that would take a number from this process's count of child processes.
        var worker = (PoolWorkerProcess)RuntimeHelpers.GetUninitializedObject(typeof(PoolWorkerProcess));
        serializer.Deserialize<Process>(serializer.SerializeToArray<Process>(worker), system);
        var settings = PoolSettings.FromConfig(system.Settings.Config);
        // The work order itself goes through the serializer in RunOneBatch.
        ChildWarmUp.RoundTrip(serializer, system, settings, new PoolWorkerReady(1, nobody, Environment.ProcessId), new PoolResults(1, [1], [1], [[1]], 1));
        RunOneBatch(serializer, system, settings);
    }

    // A worker of this process runs one batch as a pool would send it, through the serializer both ways; its
    // results go nowhere.
    private static void RunOneBatch(Serializer serializer, ActorSystem system, PoolSettings settings)
    {
        PoolRunner[] runners = [new CallRunner<int>(), new CallRunner<object>(), new ActionRunner(), new MapRunner<int, int>()];
        byte[]?[] funcs = [null, null, null, serializer.SerializeToArray<Func<int, int>>(static x => x + 1)];
        byte[][] payloads =
        [
            serializer.SerializeToArray<Func<int>>(static () => 1),
            serializer.SerializeToArray<Func<object>>(static () => "warm"),
            serializer.SerializeToArray<Action>(static () => { }),
            serializer.SerializeToArray(new[] { 1, 2 }),
        ];
        var loads = new RunnerLoad[runners.Length];
        for (int i = 0; i < runners.Length; i++)
        {
            loads[i] = new RunnerLoad(i + 1, serializer.SerializeToArray(runners[i]), funcs[i]);
        }

        var work = new PoolWork([1, 2, 3, 4], [1, 2, 3, 4], payloads, loads, null, Stop: false);
        using var worker = new PoolWorker(serializer, system, ActorRefs.Nobody, 0, 0, settings, flushOnExit: false);
        worker.Inbox.Tell(serializer.Deserialize<PoolWork>(serializer.SerializeToArray(work), system), ActorRefs.NoSender);
        worker.Inbox.Tell(PoolWork.StopWorker, ActorRefs.NoSender);
        worker.Run();
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
