// Ticket buying: eight buyers read the remaining tickets from a shared file, think, then buy. Without a lock
// the checks interleave and more tickets are sold than exist; with a Lock around check-and-buy it is exact.
using mp = ActorProc.Multiprocessing;

var file = Path.Combine(Path.GetTempPath(), $"tickets-{Environment.ProcessId}.txt");
try
{
    Console.WriteLine($"Without a lock: {Tickets.Sell(file, null)} tickets sold of 3");
    Console.WriteLine($"With a lock:    {Tickets.Sell(file, new mp.Lock())} tickets sold of 3");
}
finally
{
    File.Delete(file);
}

internal static class Tickets
{
    public static int Sell(string file, mp.Lock? @lock)
    {
        WriteAtomically(file, "3");
        var sold = new mp.Queue<string>();
        var buyers = Enumerable.Range(1, 8).Select(i => new mp.Process(() => Buy($"buyer {i}", file, @lock, sold))).ToList();
        buyers.ForEach(b => b.Start());
        buyers.ForEach(b => b.Join());
        int count = 0;
        while (sold.TryGet(out var who, TimeSpan.Zero))
        {
            count++;
        }

        return count;
    }

    private static void Buy(string name, string file, mp.Lock? @lock, mp.Queue<string> sold)
    {
        using (@lock?.Hold())
        {
            int left = int.Parse(File.ReadAllText(file));
            Console.WriteLine($"{name} sees {left} tickets left");
            Thread.Sleep(100); // the network round trip of a real booking
            if (left > 0)
            {
                WriteAtomically(file, (left - 1).ToString());
                sold.Put(name);
                Console.WriteLine($"{name} bought a ticket");
            }
        }
    }

    // Write a temporary file and rename it over the old one: a reader sees the old or the new count, never the
    // half-written (empty) file that File.WriteAllText leaves for a moment (int.Parse would throw in a buyer).
    private static void WriteAtomically(string file, string text)
    {
        var temp = $"{file}.{Environment.ProcessId}";
        File.WriteAllText(temp, text);
        File.Move(temp, file, overwrite: true);
    }
}
