using System.Reflection;

// Child process entry. The parent application's deps file is this process's dependency list, so the
// ActorProc assembly (and the user's) resolve from the parent's bin directory. Everything else lives in
// ActorProc.Multiprocessing.Runtime.ChildEntry; this assembly stays free of references so that the
// ActorProc package can depend on it without a cycle.
var entry = Type.GetType("ActorProc.Multiprocessing.Runtime.ChildEntry, ActorProc", throwOnError: true)!
    .GetMethod("Run", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
return (int)entry.Invoke(null, [args])!;
