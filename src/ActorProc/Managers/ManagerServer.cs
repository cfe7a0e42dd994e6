using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Remote;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// The server of a manager: the actor at <c>/system/manager</c> of the manager process, which creates the shared
/// objects (their owners live in this process), keeps the named namespaces every client finds by name, and stops the
/// process on <see cref="ManagerShutdown"/>.
/// </summary>
internal sealed class ManagerServer : ReceiveActor
{
    /// <summary>The server's name under <c>/system</c> (a client that connects by address finds it there).</summary>
    public const string Name = "manager";

    private readonly Dictionary<string, IActorRef> _namespaces = new(StringComparer.Ordinal);

    // Every object created here stays referenced until the manager shuts down (a shared value's segment lives as long
    // as a handle of it is alive in its creating process).
    private readonly List<object> _created = [];

    public ManagerServer(string address, TaskCompletionSource stopped)
    {
        Receive<ManagerCreate>(OnCreate);
        Receive<ManagerNamedNamespace>(named =>
        {
            if (!_namespaces.TryGetValue(named.Name, out var owner))
            {
                _namespaces[named.Name] = owner = new StoreOwner(ProcessRuntime.Get(), "dict", new DictStore().Handle);
            }

            Sender.Tell(owner);
        });
        Receive<ManagerHello>(_ => Sender.Tell(new ManagerInfo(address)));
        Receive<ManagerShutdown>(_ =>
        {
            Sender.Tell(new ManagerStopping());
            stopped.TrySetResult();
        });
    }

    /// <summary>
    /// The target of the manager process: listens for clients at <see cref="ManagerServerStart.ListenAt"/> with the
    /// manager's key (besides the process tree's own socket), starts the server, reports to the starting process and
    /// serves until shut down. A start that fails (e.g. the port is in use) is reported and ends the process.
    /// </summary>
    public static void Serve(ManagerServerStart start)
    {
        var runtime = ProcessRuntime.Get();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var endPoint = runtime.Remote.AddListener(start.ListenAt is null ? null : EndPointText.Parse(start.ListenAt), start.AuthKey ?? runtime.AuthKey);
            string address = EndPointText.Format(endPoint);
            var server = runtime.System.SystemActorOf(Props.Create(() => new ManagerServer(address, stopped)), Name);
            start.ReadyTo.Tell(new ManagerStarted(server, address), ActorRefs.NoSender);
        }
        catch (Exception e)
        {
            start.ReadyTo.Tell(new ManagerStartFailed($"{e.GetType().Name}: {e.Message}"), ActorRefs.NoSender);
            return;
        }

        stopped.Task.GetAwaiter().GetResult();
    }

    private void OnCreate(ManagerCreate create)
    {
        object reply;
        try
        {
            var runtime = ProcessRuntime.Get();
            reply = runtime.Serializer.Deserialize<ManagerCreation>(create.Creation, runtime.System).Create();
            _created.Add(reply);
        }
        catch (Exception e)
        {
            reply = new Status.Failure(e);
        }

        Sender.Tell(reply);
    }
}
