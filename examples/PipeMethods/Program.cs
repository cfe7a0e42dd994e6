// Python: p1, p2 = Pipe(duplex=False); send/recv, poll(timeout), send_bytes/recv_bytes, close, EOFError at the end.
// A simplex pipe carries messages one way: Pipe.Create(duplex: false) returns (receive end, send end), as Python.
using System.Text;
using mp = ActorProc.Multiprocessing;

var (receiver, sender) = mp.Pipe.Create(duplex: false);
var child = new mp.Process(() => Writer.Write(sender));

// poll(): is anything waiting? Nothing yet: the child has not started.
Console.WriteLine($"poll() before the child starts: {receiver.Poll()}");
child.Start();

// poll(timeout): wait up to 10 s for the first message.
Console.WriteLine($"poll(10 s) once the child runs: {receiver.Poll(TimeSpan.FromSeconds(10))}");

// recv(): any serializable object, in the order sent.
Console.WriteLine($"recv: {receiver.Recv<string>()}");
Console.WriteLine($"recv: [{string.Join(", ", receiver.Recv<int[]>())}]");

// recv_bytes(): a message sent with send_bytes.
Console.WriteLine($"recv_bytes: {Encoding.UTF8.GetString(receiver.RecvBytes())}");

// The child closed its end: once everything sent was received, recv raises (Python's EOFError).
try
{
    receiver.Recv<string>();
}
catch (EndOfStreamException)
{
    Console.WriteLine("recv after the sender closed: EndOfStreamException (Python: EOFError)");
}

// The receive end cannot send: a simplex pipe is one-way.
try
{
    receiver.Send("backwards");
}
catch (InvalidOperationException)
{
    Console.WriteLine("send on the receive end: InvalidOperationException (one-way pipe)");
}

child.Join();
receiver.Close();

internal static class Writer
{
    public static void Write(mp.Connection conn)
    {
        conn.Send("hello through the pipe");
        conn.Send(new[] { 1, 2, 3 });
        conn.SendBytes(Encoding.UTF8.GetBytes("raw bytes"));
        conn.Close(); // the reader gets EndOfStreamException after the last message
    }
}
