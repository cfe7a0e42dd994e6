using System.Text;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Processes;

/// <summary>Children write to the parent's console. Replaces Console.Out/Error, so it runs alone.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProcessOutputSpec
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public void Child_stdout_and_stderr_reach_the_parents_console()
    {
        var (output, error) = Capture(() =>
        {
            var p = new mp.Process(static () =>
            {
                Console.WriteLine("hello from the child");
                Console.Error.WriteLine("a warning from the child");
                Console.Write("no newline at the end");
            });
            p.Start();
            Assert.True(p.Join(Long));
            Assert.Equal(0, p.ExitCode);
        });

        Assert.Contains("hello from the child" + Environment.NewLine + "no newline at the end", output);
        Assert.DoesNotContain("ACTORPROC-EXIT", output);
        Assert.Contains("a warning from the child", error);
    }

    [Fact]
    public void An_unhandled_exception_prints_the_process_name_and_the_exception_to_stderr()
    {
        var (_, error) = Capture(() =>
        {
            var p = new mp.Process(static () => throw new InvalidOperationException("the child failed"), name: "failing-child");
            p.Start();
            Assert.True(p.Join(Long));
            Assert.Equal(1, p.ExitCode);
        });

        Assert.Contains("Process failing-child:", error);
        Assert.Contains("System.InvalidOperationException: the child failed", error);
        Assert.Contains(" at ", error);
    }

    private static (string Output, string Error) Capture(Action action)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Synchronized(output));
        Console.SetError(TextWriter.Synchronized(error));
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }

        return (output.ToString(), error.ToString());
    }
}
