using System.Security.Cryptography;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Pipes;

public sealed record PipeOrder(int Id, string Customer, List<string> Items);

/// <summary>Pipes between real processes: order, framing, end of stream, bytes, large and typed messages, crashes.</summary>
public sealed class PipeSpec : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly List<mp.Process> _started = [];

    public void Dispose()
    {
        foreach (var p in _started)
        {
            if (p.Pid is not null && p.IsAlive)
            {
                p.Kill();
                p.Join(Long);
            }
        }
    }

    [Fact]
    public void Parent_and_child_hold_a_conversation_over_a_duplex_pipe()
    {
        var (parent, child) = mp.Pipe.Create();
        // Sent before the child uses its end: they move with the end to the child.
        parent.Send("hello");
        parent.Send("how are you");
        var p = Start(new mp.Process(() =>
        {
            while (true)
            {
                var text = child.Recv<string>();
                if (text == "bye")
                {
                    child.Send("bye");
                    return;
                }

                child.Send(text.ToUpperInvariant());
            }
        }));

        Assert.Equal("HELLO", parent.Recv<string>());
        Assert.Equal("HOW ARE YOU", parent.Recv<string>());
        for (int i = 0; i < 20; i++)
        {
            parent.Send("round " + i);
            Assert.Equal("ROUND " + i, parent.Recv<string>());
        }

        parent.Send("bye");
        Assert.Equal("bye", parent.Recv<string>());
        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void A_simplex_pipe_returns_the_receive_end_first_and_each_end_works_one_way()
    {
        var (reader, writer) = mp.Pipe.Create(duplex: false);
        Assert.True(reader.Readable);
        Assert.False(reader.Writable);
        Assert.False(writer.Readable);
        Assert.True(writer.Writable);
        Assert.Throws<InvalidOperationException>(() => reader.Send(1));
        Assert.Throws<InvalidOperationException>(() => writer.Recv<int>());
        Assert.Throws<InvalidOperationException>(() => writer.Poll());
        Assert.Throws<InvalidOperationException>(() => reader.SendBytes([1]));

        var p = Start(new mp.Process(() =>
        {
            writer.Send("from the child");
            writer.Close();
        }));

        Assert.Equal("from the child", reader.Recv<string>());
        Assert.Throws<EndOfStreamException>(() => reader.Recv<string>());
        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void Many_messages_arrive_in_order_and_are_never_merged()
    {
        var (reader, writer) = mp.Pipe.Create(duplex: false);
        const int Count = 5000;
        var p = Start(new mp.Process(() =>
        {
            for (int i = 0; i < Count; i++)
            {
                if (i % 2 == 0)
                {
                    writer.Send(i);
                }
                else
                {
                    var bytes = new byte[i % 37];
                    bytes.AsSpan().Fill((byte)i);
                    writer.SendBytes(bytes);
                }
            }

            writer.Close();
        }));

        for (int i = 0; i < Count; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal(i, reader.Recv<int>());
            }
            else
            {
                var bytes = reader.RecvBytes();
                Assert.Equal(i % 37, bytes.Length);
                Assert.All(bytes, b => Assert.Equal((byte)i, b));
            }
        }

        Assert.Throws<EndOfStreamException>(() => reader.RecvBytes());
        Assert.True(p.Join(Long));
    }

    [Fact]
    public void Poll_with_and_without_a_timeout_never_consumes()
    {
        var (reader, writer) = mp.Pipe.Create(duplex: false);
        var (control, remote) = mp.Pipe.Create();
        Assert.False(reader.Poll());
        Assert.False(reader.Poll(TimeSpan.FromMilliseconds(50)));

        var p = Start(new mp.Process(() =>
        {
            remote.Recv<string>();
            writer.Send(42);
            writer.Send(43);
            remote.Recv<string>();
        }));

        Assert.False(reader.Poll(TimeSpan.FromMilliseconds(100)));
        control.Send("go");
        Assert.True(reader.Poll(Long));
        Assert.True(reader.Poll());
        Assert.True(reader.Poll(TimeSpan.FromMilliseconds(10)));
        Assert.True(reader.Poll(null));
        Assert.Equal(42, reader.Recv<int>());
        Assert.True(reader.Poll(Long));
        Assert.Equal(43, reader.Recv<int>());
        Assert.False(reader.Poll());
        control.Send("done");
        Assert.True(p.Join(Long));
    }

    [Fact]
    public void Recv_throws_EndOfStream_once_the_peer_closed_and_the_pipe_is_drained()
    {
        var (parent, child) = mp.Pipe.Create();
        var p = Start(new mp.Process(() =>
        {
            child.Send(1);
            child.Send(2);
            child.Close();
        }));

        Assert.True(p.Join(Long));
        Assert.Equal(1, parent.Recv<int>());
        Assert.True(parent.Poll());
        Assert.Equal(2, parent.Recv<int>());
        Assert.True(parent.Poll(), "Poll reports the end of the stream (Recv would not block)");
        Assert.Throws<EndOfStreamException>(() => parent.Recv<int>());
        Assert.Throws<EndOfStreamException>(() => parent.Recv<int>());
        Assert.Throws<IOException>(() => parent.Send(3));
    }

    [Fact]
    public void Closing_the_parents_unused_copy_of_the_childs_end_does_not_close_the_end()
    {
        var (parent, child) = mp.Pipe.Create();
        var p = Start(new mp.Process(() => child.Send(child.Recv<int>() + 1)));

        // The usual Python pattern: the parent closes its copy of the end it gave away.
        child.Close();
        parent.Send(1);
        Assert.Equal(2, parent.Recv<int>());
        Assert.True(p.Join(Long));

        // The child ended while holding its end: the end is closed.
        Assert.Throws<EndOfStreamException>(() => parent.Recv<int>());
    }

    [Fact]
    public void A_closed_connection_throws_ObjectDisposedException()
    {
        var (a, b) = mp.Pipe.Create();
        a.Send(1);
        a.Close();
        a.Close();
        Assert.True(a.Closed);
        Assert.Throws<ObjectDisposedException>(() => a.Recv<int>());
        Assert.Throws<ObjectDisposedException>(() => a.Send(1));
        Assert.Throws<ObjectDisposedException>(() => a.Poll());
        Assert.Throws<ObjectDisposedException>(() => a.RecvBytes());
        Assert.Equal(1, b.Recv<int>());
        Assert.Throws<EndOfStreamException>(() => b.Recv<int>());
        b.Dispose();
        Assert.Throws<ObjectDisposedException>(() => b.Recv<int>());
    }

    [Fact]
    public void Bytes_go_both_ways_and_a_too_small_maxLength_leaves_the_message_in_the_pipe()
    {
        var (parent, child) = mp.Pipe.Create();
        var p = Start(new mp.Process(() =>
        {
            var received = child.RecvBytes();
            child.SendBytes(received.Reverse().ToArray());
            child.SendBytes([]);
            child.Send("an object");
        }));

        parent.SendBytes("abcdef"u8);
        var error = Assert.Throws<IOException>(() => parent.RecvBytes(maxLength: 3));
        Assert.Contains("6 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxLength 3", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => parent.Recv<string>());
        Assert.Equal("fedcba"u8.ToArray(), parent.RecvBytes(maxLength: 6));
        Assert.Empty(parent.RecvBytes());

        // A message sent with Send comes as its serialized form; Recv would have read it.
        Assert.NotEmpty(parent.RecvBytes());
        Assert.Throws<ArgumentOutOfRangeException>(() => parent.RecvBytes(-1));
        Assert.True(p.Join(Long));
    }

    [Fact]
    public void A_64_MiB_message_crosses_both_ways()
    {
        var (parent, child) = mp.Pipe.Create();
        var big = new byte[64 * 1024 * 1024];
        new Random(7).NextBytes(big);
        var expected = SHA256.HashData(big);

        // Sent before the child uses its end: it moves to the child with the end.
        parent.Send(big);
        var p = Start(new mp.Process(() =>
        {
            var received = child.Recv<byte[]>();
            child.Send(SHA256.HashData(received));
            child.SendBytes(received);
        }));

        Assert.Equal(expected, parent.Recv<byte[]>());
        var echoed = parent.RecvBytes();
        Assert.Equal(big.Length, echoed.Length);
        Assert.Equal(expected, SHA256.HashData(echoed));
        Assert.True(p.Join(Long));
    }

    [Fact]
    public void Typed_messages_keep_their_type()
    {
        var (parent, child) = mp.Pipe.Create();
        var p = Start(new mp.Process(() =>
        {
            var order = child.Recv<PipeOrder>();
            child.Send(order with { Items = [.. order.Items, "receipt"] });
            child.Send(new List<int> { 1, 2, 3 });
            child.Send(new Dictionary<string, int> { ["x"] = 1 });
            child.Send<string?>(null);
            child.Send((3, "tuple"));
        }));

        parent.Send(new PipeOrder(7, "Ada", ["tea", "cake"]));
        var back = parent.Recv<PipeOrder>();
        Assert.Equal(7, back.Id);
        Assert.Equal("Ada", back.Customer);
        Assert.Equal(["tea", "cake", "receipt"], back.Items);
        Assert.Equal([1, 2, 3], parent.Recv<List<int>>());
        Assert.IsType<Dictionary<string, int>>(parent.Recv<object>());
        Assert.Null(parent.Recv<string?>());
        Assert.Throws<InvalidCastException>(() => parent.Recv<string>());
        Assert.True(p.Join(Long));
    }

    [Fact]
    public async Task RecvAsync_waits_without_a_thread_and_cancellation_consumes_nothing()
    {
        var (a, b) = mp.Pipe.Create();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.RecvAsync<int>(cts.Token).AsTask());

        var pending = a.RecvAsync<int>();
        Assert.False(pending.IsCompleted);
        b.Send(5);
        Assert.Equal(5, await pending.AsTask().WaitAsync(Long));

        var p = Start(AsyncIncrement(b));
        a.Send(41);
        Assert.Equal(42, await a.RecvAsync<int>().AsTask().WaitAsync(Long));
        Assert.True(p.Join(Long));
    }

    [Fact]
    public async Task When_the_process_holding_the_peer_end_is_killed_Recv_drains_then_throws_EndOfStream()
    {
        var (parent, child) = mp.Pipe.Create();
        var (control, remoteControl) = mp.Pipe.Create();
        var p = Start(new mp.Process(() =>
        {
            child.Send(1);
            child.Send(2);
            child.Send(3);
            // Same stream as 1, 2, 3: when the parent has this, it has them.
            remoteControl.Send("sent");
            Thread.Sleep(Timeout.Infinite);
        }));

        Assert.Equal("sent", control.Recv<string>());
        p.Kill();
        Assert.True(p.Join(Long));

        Assert.Equal(1, parent.Recv<int>());
        Assert.Equal(2, parent.Recv<int>());
        Assert.Equal(3, parent.Recv<int>());
        // Recv ends (instead of hanging) once the dead peer's messages are drained.
        await Task.Run(() => Assert.Throws<EndOfStreamException>(() => parent.Recv<int>())).WaitAsync(Long);
        Assert.Throws<EndOfStreamException>(() => control.Recv<string>());
    }

    [Fact]
    public async Task When_the_creating_process_is_killed_calls_fail_fast_with_OwnerProcessGoneException()
    {
        var (toParent, fromChild) = mp.Pipe.Create(duplex: false);
        var p = Start(new mp.Process(() =>
        {
            var (a, b) = mp.Pipe.Create();
            fromChild.Send(a);
            fromChild.Send(b);
            Thread.Sleep(Timeout.Infinite);
        }));

        var a = toParent.Recv<mp.Connection>();
        var b = toParent.Recv<mp.Connection>();
        Assert.False(a.Poll()); // a is now held here; b is still in the child
        p.Kill();
        Assert.True(p.Join(Long));

        // Both fail instead of hanging.
        await Task.Run(() => Assert.Throws<mp.OwnerProcessGoneException>(() => a.Recv<int>())).WaitAsync(Long);
        await Task.Run(() => Assert.Throws<mp.OwnerProcessGoneException>(() => b.Send(1))).WaitAsync(Long);
    }

    [Fact]
    public void An_end_can_move_between_processes_and_keeps_its_order()
    {
        var (parent, wandering) = mp.Pipe.Create();
        for (int i = 0; i < 5; i++)
        {
            parent.Send(i);
        }

        var first = Start(new mp.Process(() =>
        {
            wandering.Send(wandering.Recv<int>() * 10);
            wandering.Send(wandering.Recv<int>() * 10);
        }));
        Assert.Equal(0, parent.Recv<int>());
        Assert.Equal(10, parent.Recv<int>());
        Assert.True(first.Join(Long));

        // The first child ended while holding the end: the end is closed.
        Assert.Throws<EndOfStreamException>(() => parent.Recv<int>());
    }

    [Fact]
    public void An_end_moves_from_one_live_child_to_another_mid_conversation_and_nothing_is_lost_or_reordered()
    {
        var (parent, wandering) = mp.Pipe.Create();
        var (control, firstControl) = mp.Pipe.Create();
        var first = Start(new mp.Process(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                wandering.Send(wandering.Recv<int>() * 10);
            }

            firstControl.Send("half");
            firstControl.Recv<string>(); // stays alive (still holding nothing) until told to go
        }));

        for (int i = 0; i < 10; i++)
        {
            parent.Send(i);
        }

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(i * 10, parent.Recv<int>());
        }

        Assert.Equal("half", control.Recv<string>());

        // 5..9 were sent to the first child (some may still be on its direct link): they move with the end.
        var second = Start(new mp.Process(() =>
        {
            while (wandering.Recv<int>() is var x && x >= 0)
            {
                wandering.Send(x * 100);
            }
        }));
        for (int i = 5; i < 10; i++)
        {
            Assert.Equal(i * 100, parent.Recv<int>());
        }

        for (int i = 10; i < 200; i++)
        {
            parent.Send(i);
            Assert.Equal(i * 100, parent.Recv<int>());
        }

        parent.Send(-1);
        Assert.True(second.Join(Long));
        Assert.Equal(0, second.ExitCode);
        control.Send("go");
        Assert.True(first.Join(Long));
        Assert.Equal(0, first.ExitCode);
    }

    [Fact]
    public void A_connection_sent_through_a_pipe_works_in_the_receiving_process()
    {
        var (parent, child) = mp.Pipe.Create();
        var (reader, writer) = mp.Pipe.Create(duplex: false);
        var p = Start(new mp.Process(() =>
        {
            var w = child.Recv<mp.Connection>();
            w.Send("through a sent connection");
            w.Close();
        }));

        parent.Send(writer);
        Assert.Equal("through a sent connection", reader.Recv<string>());
        Assert.Throws<EndOfStreamException>(() => reader.Recv<string>());
        Assert.True(p.Join(Long));
    }

    [Fact]
    public void Two_children_talk_to_each_other_directly()
    {
        var (left, right) = mp.Pipe.Create();
        var (pingResult, pingWriter) = mp.Pipe.Create(duplex: false);
        var (pongResult, pongWriter) = mp.Pipe.Create(duplex: false);
        var ping = Start(new mp.Process(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                left.Send(i);
                if (left.Recv<int>() != i + 1)
                {
                    throw new InvalidOperationException("wrong reply");
                }
            }

            left.Close();
            pingWriter.Send("ping done");
        }));
        var pong = Start(new mp.Process(() =>
        {
            try
            {
                while (true)
                {
                    right.Send(right.Recv<int>() + 1);
                }
            }
            catch (EndOfStreamException)
            {
                pongWriter.Send("pong saw the end");
            }
        }));

        Assert.Equal("ping done", pingResult.Recv<string>());
        Assert.Equal("pong saw the end", pongResult.Recv<string>());
        Assert.True(ping.Join(Long));
        Assert.True(pong.Join(Long));
        Assert.Equal(0, ping.ExitCode);
        Assert.Equal(0, pong.ExitCode);
    }

    // A separate method: a closure in the test would share its captures (the local CancellationTokenSource too).
    private static mp.Process AsyncIncrement(mp.Connection end) => new(async () =>
    {
        var x = await end.RecvAsync<int>();
        end.Send(x + 1);
    });

    private mp.Process Start(mp.Process p)
    {
        _started.Add(p);
        p.Start();
        return p;
    }
}
