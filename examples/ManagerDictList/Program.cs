// Data sharing through a Manager, as in Python's `Manager().dict()` and `Manager().list()`: a dict and a list live
// in a manager process; a child process changes them through proxies and the parent sees the changes. Then four
// workers add to the same dict and list, counting under a lock from the same manager.
using mp = ActorProc.Multiprocessing;

using var manager = mp.Manager.Start();

var d = manager.Dict<object, object?>();
var l = manager.List<int>();
for (int i = 0; i < 10; i++)
{
    l.Add(i);
}

var p = new mp.Process(() => Sharing.Fill(d, l));
p.Start();
p.Join();
Console.WriteLine(d);
Console.WriteLine(l);

var squares = manager.List<int>();
var tally = manager.Dict<string, int>();
var guard = manager.Lock();
tally["count"] = 0;
var workers = Enumerable.Range(1, 4).Select(w => new mp.Process(() => Sharing.Square(w, squares, tally, guard))).ToList();
workers.ForEach(w => w.Start());
workers.ForEach(w => w.Join());
Console.WriteLine($"squares: [{string.Join(", ", squares.Order())}]");
Console.WriteLine($"count: {tally["count"]}");

internal static class Sharing
{
    // Python's f(d, l): d[1] = '1'; d['2'] = 2; d[0.25] = None; l.reverse()
    public static void Fill(IDictionary<object, object?> d, IList<int> l)
    {
        d[1] = "1";
        d["2"] = 2;
        d[0.25] = null;
        var items = l.ToList();
        for (int i = 0; i < items.Count; i++)
        {
            l[i] = items[items.Count - 1 - i];
        }
    }

    public static void Square(int n, IList<int> squares, IDictionary<string, int> tally, mp.Lock guard)
    {
        squares.Add(n * n);
        using (guard.Hold())
        {
            tally["count"] = tally["count"] + 1;
        }
    }
}
