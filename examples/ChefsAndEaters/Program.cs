// Producer/consumer with a JoinableQueue: two chefs cook, two eaters (daemon processes) eat; the main process
// waits until the chefs are done and every dish was eaten (q.Join), then ends, and the daemon eaters end with it.
using mp = ActorProc.Multiprocessing;

var q = new mp.JoinableQueue<string>();
var chefs = new[]
{
    new mp.Process(Kitchen.Cook("Little King", "Bun", q)),
    new mp.Process(Kitchen.Cook("Cho", "Shredded potato", q)),
};
var eaters = new[]
{
    new mp.Process(Kitchen.Eat("Dai", q), daemon: true),
    new mp.Process(Kitchen.Eat("Little Yang", q), daemon: true),
};

foreach (var p in chefs.Concat(eaters))
{
    p.Start();
}

foreach (var chef in chefs)
{
    chef.Join();
}

q.Join(); // every dish put on the queue has been eaten (TaskDone)
Console.WriteLine("All dishes cooked and eaten; the main process ends and the daemon eaters end with it.");

internal static class Kitchen
{
    public static Action Cook(string name, string food, mp.JoinableQueue<string> q) => () =>
    {
        for (int i = 0; i < 5; i++)
        {
            Thread.Sleep(Random.Shared.Next(20, 60)); // cooking time
            var dish = $"{food}{i}";
            q.Put(dish);
            Console.WriteLine($"Chef {name} made {dish}");
        }
    };

    public static Action Eat(string name, mp.JoinableQueue<string> q) => () =>
    {
        while (true)
        {
            var dish = q.Get();
            Thread.Sleep(Random.Shared.Next(20, 60)); // eating time
            Console.WriteLine($"Eater {name} ate {dish}");
            q.TaskDone();
        }
    };
}
