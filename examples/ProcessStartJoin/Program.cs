// Two processes work while the parent keeps printing (Python: Process(target=task).start()).
// No `if __name__ == '__main__'` guard: the children never run this Main.
using mp = ActorProc.Multiprocessing;

var p1 = new mp.Process(Work.Task);
var p2 = new mp.Process(Work.Study);
p1.Start();
p2.Start();
Console.WriteLine("Main process completed");

for (int i = 0; i < 6; i++)
{
    Console.WriteLine("------------------------hahaha");
    Thread.Sleep(200);
}

p1.Join();
p2.Join();
Console.WriteLine($"{p1.Name} (pid {p1.Pid}) exited with {p1.ExitCode}; {p2.Name} (pid {p2.Pid}) exited with {p2.ExitCode}");

internal static class Work
{
    public static void Task()
    {
        for (int i = 0; i < 6; i++)
        {
            Console.WriteLine($"Main process {i} working");
            Thread.Sleep(200);
        }
    }

    public static void Study()
    {
        for (int i = 0; i < 5; i++)
        {
            Console.WriteLine($"Main process {i} studying");
            Thread.Sleep(200);
        }
    }
}
