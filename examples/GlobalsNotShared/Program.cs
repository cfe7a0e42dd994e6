// Processes are independent: a static field changed in a child is unchanged in the parent
// (Python: a module global changed in a child process).
using mp = ActorProc.Multiprocessing;

var p1 = new mp.Process(Globals.Task);
var p2 = new mp.Process(Globals.Study);
p1.Start();
p2.Start();
Console.WriteLine($"Main process completed {Globals.N}");
p1.Join();
p2.Join();
Console.WriteLine($"After both children ended, the parent still sees n = {Globals.N}");

internal static class Globals
{
    public static int N;

    public static void Task()
    {
        N = 1000 + N;
        Console.WriteLine($"task {N}");
    }

    public static void Study()
    {
        N = 10000 + N;
        Console.WriteLine($"study {N}");
    }
}
