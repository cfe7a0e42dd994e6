// A conversation over a Pipe: the parent and a child each hold one end of a duplex connection.
using mp = ActorProc.Multiprocessing;

var (parentEnd, childEnd) = mp.Pipe.Create();
var child = new mp.Process(() => Talk.Child(childEnd));
child.Start();

parentEnd.Send("Hello, child. What is 6 times 7?");
Console.WriteLine($"parent heard: {parentEnd.Recv<string>()}");
parentEnd.Send(new Question(6, 7));
Console.WriteLine($"parent heard: {parentEnd.Recv<int>()}");
parentEnd.Send("bye");
Console.WriteLine($"parent heard: {parentEnd.Recv<string>()}");
child.Join();
parentEnd.Close();

internal sealed record Question(int A, int B);

internal static class Talk
{
    public static void Child(mp.Connection conn)
    {
        Console.WriteLine($"child heard: {conn.Recv<string>()}");
        conn.Send("Let me think.");
        var question = conn.Recv<Question>();
        conn.Send(question.A * question.B);
        Console.WriteLine($"child heard: {conn.Recv<string>()}");
        conn.Send("bye, parent");
        conn.Close();
    }
}
