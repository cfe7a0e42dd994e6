// Data sharing with Value and Array (the Python tutorial's "Data Sharing" scenario, as in Python's docs):
// a child process sets a shared number and negates a shared array in place; the parent then sees both.
// Then four processes add to a shared counter under its lock, and nothing is lost.
using System.Globalization;
using mp = ActorProc.Multiprocessing;

var num = new mp.SharedValue<double>(0.0);                              // Value('d', 0.0)
var arr = new mp.SharedArray<int>([.. Enumerable.Range(0, 10)]);      // Array('i', range(10))

var p = new mp.Process(() => Negate(num, arr));
p.Start();
p.Join();

Console.WriteLine(num.Value.ToString(CultureInfo.InvariantCulture));   // 3.1415927
Console.WriteLine($"[{string.Join(", ", arr.ToArray())}]");            // [0, -1, -2, ..., -9]

var counter = new mp.SharedValue<int>(0);
var workers = Enumerable.Range(0, 4).Select(_ => new mp.Process(() => Count(counter, 1000))).ToList();
workers.ForEach(w => w.Start());
workers.ForEach(w => w.Join());
Console.WriteLine($"counter = {counter.Value} (4 processes x 1000 increments under the value's lock)");

static void Negate(mp.SharedValue<double> n, mp.SharedArray<int> a)
{
    n.Value = 3.1415927;
    for (int i = 0; i < a.Length; i++)
    {
        a[i] = -a[i];
    }
}

static void Count(mp.SharedValue<int> counter, int times)
{
    for (int i = 0; i < times; i++)
    {
        // `v.Value += 1` is a read and a write: without the lock, increments made at the same time are lost.
        using (counter.GetLock().Hold())
        {
            counter.Value += 1;
        }
    }
}
