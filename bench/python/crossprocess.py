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


def pingpong(messages, window):
    here, there = mp.Pipe()
    p = mp.Process(target=_ponger, args=(there,))
    p.start()
    for _ in range(1000):
        here.send(1)
        here.recv()
    start = time.perf_counter()
    for _ in range(window):
        here.send(1)
    sent = window
    for _ in range(messages):
        here.recv()
        if sent < messages:
            here.send(1)
            sent += 1
    elapsed = time.perf_counter() - start
    here.send(None)
    p.join()
    return 2 * messages / elapsed


def roundtrip(count):
    here, there = mp.Pipe()
    p = mp.Process(target=_ponger, args=(there,))
    p.start()
    for _ in range(2000):
        here.send(1)
        here.recv()
    start = time.perf_counter()
    for _ in range(count):
        here.send(1)
        here.recv()
    elapsed = time.perf_counter() - start
    here.send(None)
    p.join()
    return elapsed * 1e6 / count


if __name__ == "__main__":
    mp.set_start_method("spawn")
    only = sys.argv[1] if len(sys.argv) > 1 else None
    if only in (None, "remote-pingpong"):
        print(f"remote-pingpong {max(pingpong(200_000, 100) for _ in range(2)):.2f} msg/s")
    if only in (None, "remote-roundtrip"):
        print(f"remote-roundtrip {min(roundtrip(20_000) for _ in range(3)):.2f} us")
