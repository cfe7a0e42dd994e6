"""Python multiprocessing counterparts of ActorProc's cross-process figures ('name value unit' lines).

- remote-pingpong: two processes bouncing a window of messages over multiprocessing.Pipe; every delivered
  message counts (the counterpart of actor ping-pong between two actor systems in two OS processes).
- remote-roundtrip: request/reply latency over multiprocessing.Pipe.
"""
import multiprocessing as mp
import sys
import time


def _ponger(conn):
    while True:
        m = conn.recv()
        if m is None:
            return
        conn.send(m)


class _Peer:
    """A ponger in a second process, connected by a Pipe and warmed up; ends the process on exit."""

    def __enter__(self):
        self.conn, there = mp.Pipe()
        self.process = mp.Process(target=_ponger, args=(there,))
        self.process.start()
        for _ in range(2000):
            self.conn.send(1)
            self.conn.recv()
        return self.conn

    def __exit__(self, *exc):
        self.conn.send(None)
        self.process.join()


def pingpong(messages, window):
    with _Peer() as here:
        start = time.perf_counter()
        for _ in range(window):
            here.send(1)
        sent = window
        for _ in range(messages):
            here.recv()
            if sent < messages:
                here.send(1)
                sent += 1
        return 2 * messages / (time.perf_counter() - start)


def roundtrip(count):
    with _Peer() as here:
        start = time.perf_counter()
        for _ in range(count):
            here.send(1)
            here.recv()
        return (time.perf_counter() - start) * 1e6 / count


if __name__ == "__main__":
    mp.set_start_method("spawn")
    only = sys.argv[1] if len(sys.argv) > 1 else None
    if only in (None, "remote-pingpong"):
        print(f"remote-pingpong {max(pingpong(200_000, 100) for _ in range(2)):.2f} msg/s")
    if only in (None, "remote-roundtrip"):
        print(f"remote-roundtrip {min(roundtrip(20_000) for _ in range(3)):.2f} us")
