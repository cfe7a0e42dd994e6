using System.Diagnostics;
using System.Globalization;
using ActorProc.Actors;
using ActorProc.Remote;

// A peer actor system in its own process for the remoting tests.
// Usage: dotnet ActorProc.Remote.TestHost.dll <parent-pid> [hocon]
// The auth key arrives as the first stdin line (base64), never in argv or the environment. The host prints
// "READY <address>" once its actors exist, and exits when stdin reaches EOF or the parent process dies.
if (args.Length < 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parentPid))
{
    Console.Error.WriteLine("usage: ActorProc.Remote.TestHost <parent-pid> [hocon]");
    return 2;
}

var keyLine = Console.In.ReadLine();
if (string.IsNullOrWhiteSpace(keyLine))
{
    Console.Error.WriteLine("expected the base64 auth key on the first stdin line");
    return 2;
}

var system = ActorSystem.Create("testhost", args.Length > 1 ? args[1] : null);
var remote = RemoteExtension.Start(system, Convert.FromBase64String(keyLine.Trim()));
system.ActorOf(Props.Create(() => new HostEcho()), "echo");
system.ActorOf(Props.Create(() => new HostEcho()), "victim");
system.ActorOf(Props.Create(() => new HostEcho()), "other");

var stdinClosed = Task.Run(() =>
{
    while (Console.In.ReadLine() is not null)
    {
    }
});
Task parentExited;
try
{
    parentExited = Process.GetProcessById(parentPid).WaitForExitAsync();
}
catch (ArgumentException)
{
    parentExited = Task.CompletedTask;
}

Console.Out.WriteLine("READY " + remote.Address);
Console.Out.Flush();

await Task.WhenAny(stdinClosed, parentExited, system.WhenTerminated);
await system.Terminate();
return 0;

/// <summary>Replies with what it gets; "stop" stops it.</summary>
internal sealed class HostEcho : ReceiveActor
{
    public HostEcho()
    {
        Receive<string>(s => s == "stop", _ => Context.Stop(Self));
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}
