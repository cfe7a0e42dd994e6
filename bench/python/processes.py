"""Python multiprocessing counterparts of ActorProc's process figures ('name value unit' lines).

- process-start-join-cold: start+join of an empty target with the 'spawn' start method (a fresh interpreter,
  as ActorProc's cold start is a fresh .NET process); median of runs.
- process-start-join-warm: the same with 'fork' (a copy of a process that is already running, the nearest
  counterpart of ActorProc serving a start from a spare child).
- process-idle-rss / process-idle-pss: memory of an idle 'spawn' child (MB).
"""
import multiprocessing as mp
import statistics
import time


def _empty():
    pass


def _idle(event):
    event.wait()


def start_join(ctx, runs):
    times = []
    for _ in range(runs + 1):
        t = time.perf_counter()
        p = ctx.Process(target=_empty)
        p.start()
        p.join()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times[1:])


def _kb(path, key):
    with open(path) as f:
        for line in f:
            if line.startswith(key):
                return float(line[len(key):].split()[0])
    raise KeyError(key)


def idle_memory():
    ctx = mp.get_context("spawn")
    event = ctx.Event()
    p = ctx.Process(target=_idle, args=(event,))
    p.start()
    time.sleep(1.5)
    rss = _kb(f"/proc/{p.pid}/status", "VmRSS:") / 1024
    pss = _kb(f"/proc/{p.pid}/smaps_rollup", "Pss:") / 1024
    event.set()
    p.join()
    return rss, pss


if __name__ == "__main__":
    print(f"process-start-join-cold {start_join(mp.get_context('spawn'), 15):.2f} ms")
    print(f"process-start-join-warm {start_join(mp.get_context('fork'), 15):.2f} ms")
    rss, pss = idle_memory()
    print(f"process-idle-rss {rss:.2f} MB")
    print(f"process-idle-pss {pss:.2f} MB")
