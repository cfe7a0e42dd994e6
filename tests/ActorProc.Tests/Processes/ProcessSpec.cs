using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Processes;

public sealed class ProcessSpec : ChildProcessSpec
{
    private static int _global;
    [Fact]
    public void Target_runs_in_a_new_os_process_and_ends_with_exit_code_0()
    {
        var file = Files["pid"];
        var p = Start(new mp.Process(() => TempFiles.Write(file, Environment.ProcessId.ToString())));

        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
        Assert.False(p.IsAlive);
        Assert.NotEqual(Environment.ProcessId, p.Pid);
        Assert.Equal(p.Pid.ToString(), TempFiles.WaitForText(file));
    }

    [Fact]
    public void Before_start_there_is_no_pid_no_exit_code_and_the_process_is_not_alive()
    {
        var p = new mp.Process(static () => { });
        Assert.Null(p.Pid);
        Assert.Null(p.ExitCode);
        Assert.False(p.IsAlive);
        Assert.Throws<InvalidOperationException>(() => p.Join());
        Assert.Throws<InvalidOperationException>(() => p.Terminate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public void Process_Exit_sets_the_exit_code(int code)
    {
        var p = Start(new mp.Process(() => mp.Process.Exit(code)));
        Assert.True(p.Join(Long));
        Assert.Equal(code, p.ExitCode);
    }

    [Fact]
    public void Environment_Exit_sets_the_exit_code()
    {
        var p = Start(new mp.Process(static () => Environment.Exit(137)));
        Assert.True(p.Join(Long));
        Assert.Equal(137, p.ExitCode);
    }

    [Fact]
    public void An_unhandled_exception_ends_the_child_with_exit_code_1()
    {
        var p = Start(new mp.Process(static () => throw new InvalidOperationException("boom in child")));
        Assert.True(p.Join(Long));
        Assert.Equal(1, p.ExitCode);
    }

    [Fact]
    public void An_exception_on_another_thread_of_the_child_also_ends_it_with_exit_code_1()
    {
        var p = Start(new mp.Process(static () =>
        {
            var thread = new Thread(() => throw new InvalidOperationException("boom on a thread"));
            thread.Start();
            Thread.Sleep(Timeout.Infinite);
        }));
        Assert.True(p.Join(Long));
        Assert.Equal(1, p.ExitCode);
    }

    [Fact]
    public void Terminate_ends_the_child_with_minus_15()
    {
        var ready = Files["ready"];
        var p = Start(new mp.Process(() =>
        {
            TempFiles.Write(ready, "up");
            Thread.Sleep(Timeout.Infinite);
        }));
        TempFiles.WaitForText(ready);
        Assert.True(p.IsAlive);

        p.Terminate();

        Assert.True(p.Join(Long));
        Assert.Equal(-15, p.ExitCode);
    }

    [Fact]
    public void Kill_ends_the_child_with_minus_9()
    {
        var p = Start(new mp.Process(static () => Thread.Sleep(Timeout.Infinite)));
        Assert.False(p.Join(TimeSpan.FromMilliseconds(100)));
        Assert.True(p.IsAlive);

        p.Kill();

        Assert.True(p.Join(Long));
        Assert.Equal(-9, p.ExitCode);
        Assert.False(OsProcesses.IsRunning(p.Pid!.Value));
    }

    [Fact]
    public async Task An_async_target_runs_to_completion()
    {
        var file = Files["async"];
        var p = Start(new mp.Process(async () =>
        {
            await Task.Delay(10);
            TempFiles.Write(file, "done");
        }));

        await p.JoinAsync().WaitAsync(Long);
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("done", TempFiles.WaitForText(file));
    }

    [Fact]
    public async Task A_failing_async_target_ends_with_exit_code_1()
    {
        var p = Start(new mp.Process(static async () =>
        {
            await Task.Yield();
            throw new FormatException("async boom");
        }));

        await p.JoinAsync().WaitAsync(Long);
        Assert.Equal(1, p.ExitCode);
    }

    [Fact]
    public async Task JoinAsync_can_be_cancelled_while_the_child_runs()
    {
        var p = Start(new mp.Process(static () => Thread.Sleep(Timeout.Infinite)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => p.JoinAsync(cts.Token));
        Assert.True(p.IsAlive);
    }

    [Fact]
    public void A_target_capturing_a_stream_fails_at_Start_with_the_field_and_its_type()
    {
        var stream = new MemoryStream();
        var p = new mp.Process(() => stream.WriteByte(1));

        var error = Assert.Throws<ArgumentException>(p.Start);

        Assert.Contains("stream", error.Message);
        Assert.Contains("MemoryStream", error.Message);
        Assert.Null(p.Pid);
    }

    [Fact]
    public void A_target_capturing_this_fails_at_Start()
    {
        var p = new mp.Process(() => Files.Dispose());
        var error = Assert.Throws<ArgumentException>(p.Start);
        Assert.Contains(nameof(ProcessSpec), error.Message);
    }

    [Fact]
    public void Start_twice_throws()
    {
        var p = Start(new mp.Process(static () => { }));
        Assert.Throws<InvalidOperationException>(p.Start);
        p.Join(Long);
    }

    [Fact]
    public void Daemon_cannot_change_after_start_and_close_refuses_a_running_process()
    {
        var p = Start(new mp.Process(static () => Thread.Sleep(Timeout.Infinite)));
        Assert.Throws<InvalidOperationException>(() => p.Daemon = true);
        Assert.Throws<InvalidOperationException>(p.Close);
        p.Kill();
        p.Join(Long);
        p.Close();
        Assert.Throws<InvalidOperationException>(() => p.Join());
        Assert.Throws<InvalidOperationException>(p.Start);
    }

    [Fact]
    public void Default_names_count_up_and_a_given_name_is_kept()
    {
        var a = new mp.Process(static () => { });
        var b = new mp.Process(static () => { });
        var named = new mp.Process(static () => { }, name: "worker");

        Assert.Matches("^Process-[0-9]+$", a.Name);
        Assert.Equal(int.Parse(a.Name["Process-".Length..]) + 1, int.Parse(b.Name["Process-".Length..]));
        Assert.Equal("worker", named.Name);
    }

    [Fact]
    public void The_child_knows_its_name_pid_and_parent()
    {
        var file = Files["who"];
        int parentPid = Environment.ProcessId;
        var p = Start(new mp.Process(
            () =>
            {
                var me = mp.Process.Current;
                var parent = mp.Process.Parent!;
                TempFiles.Write(file, $"{me.Name}|{me.Pid == Environment.ProcessId}|{me.Daemon}|{parent.Name}|{parent.Pid}|{parent.IsAlive}");
            },
            name: "named-child",
            daemon: true));

        Assert.True(p.Join(Long));
        Assert.Equal($"named-child|True|True|MainProcess|{parentPid}|True", TempFiles.WaitForText(file));
        Assert.Equal("MainProcess", mp.Process.Current.Name);
        Assert.Null(mp.Process.Parent);
        Assert.True(mp.Process.Current.IsAlive);
    }

    [Fact]
    public void Nested_processes_are_named_Process_N_colon_M()
    {
        var file = Files["nested"];
        var p = Start(new mp.Process(() =>
        {
            var inner = new mp.Process(static () => { });
            inner.Start();
            inner.Join();
            TempFiles.Write(file, $"{mp.Process.Current.Name}>{inner.Name}>{inner.ExitCode}");
        }));

        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal($"{p.Name}>{p.Name}:1>0", TempFiles.WaitForText(file));
    }

    [Fact]
    public void Globals_are_not_shared()
    {
        var file = Files["global"];
        _global = 5;
        var p = Start(new mp.Process(() =>
        {
            int before = _global;
            _global = 1000;
            TempFiles.Write(file, $"{before},{_global}");
        }));

        Assert.True(p.Join(Long));
        Assert.Equal("0,1000", TempFiles.WaitForText(file));
        Assert.Equal(5, _global);
    }

    [Fact]
    public void A_subclass_runs_its_Run_override_with_its_fields_in_the_child()
    {
        var file = Files["subclass"];
        var p = Start(new Greeter(file, "hello"));

        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal($"hello from {p.Pid}", TempFiles.WaitForText(file));
    }

    [Fact]
    public void Run_called_directly_runs_in_the_calling_process()
    {
        var file = Files["direct"];
        new Greeter(file, "hi").Run();
        Assert.Equal($"hi from {Environment.ProcessId}", TempFiles.WaitForText(file));
    }

    [Fact]
    public void ActiveChildren_lists_running_children_and_forgets_ended_ones()
    {
        var p = Start(new mp.Process(static () => Thread.Sleep(Timeout.Infinite)));
        Assert.Contains(p, mp.Process.ActiveChildren());

        p.Kill();
        p.Join(Long);

        Assert.DoesNotContain(p, mp.Process.ActiveChildren());
    }

    [Fact]
    public void CpuCount_is_the_processor_count()
    {
        Assert.Equal(Environment.ProcessorCount, mp.Process.CpuCount);
    }


    private sealed class Greeter : mp.Process
    {
        private readonly string _file;
        private readonly string _greeting;

        public Greeter(string file, string greeting)
        {
            _file = file;
            _greeting = greeting;
        }

        public override void Run() => TempFiles.Write(_file, $"{_greeting} from {Environment.ProcessId}");
    }
}
