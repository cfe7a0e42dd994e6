"""Python multiprocessing counterparts of ActorProc's shared value figures ('name value unit' lines).

- shared-value-read / -write: ns per `v.value` read / write of the default `Value('i')` (synchronized wrapper: each
  access takes its RLock) in the creating process; the honest counterpart of ActorProc's SharedValue<int>.Value.
- shared-value-read-child / -write-child: the same, measured in a child process that received the value.
- shared-value-read-nolock / -write-nolock: `Value('i', lock=False)` (raw ctypes access, no lock).
Each figure includes the Python loop itself, as a Python program pays it.
"""
import multiprocessing as mp
import time


def read_ns(v, n):
    best = float("inf")
    for _ in range(3):
        s = 0
        t = time.perf_counter()
        for _ in range(n):
            s += v.value
        best = min(best, (time.perf_counter() - t) / n * 1e9)
    return best


def write_ns(v, n):
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for i in range(n):
            v.value = i
        best = min(best, (time.perf_counter() - t) / n * 1e9)
    return best


def _child(v, out, n):
    out[0] = read_ns(v, n)
    out[1] = write_ns(v, n)


if __name__ == "__main__":
    n = 1_000_000
    v = mp.Value("i", 0)
    out = mp.Array("d", 2, lock=False)
    p = mp.Process(target=_child, args=(v, out, n))
    p.start()
    p.join()
    print(f"shared-value-read {read_ns(v, n):.2f} ns")
    print(f"shared-value-write {write_ns(v, n):.2f} ns")
    print(f"shared-value-read-child {out[0]:.2f} ns")
    print(f"shared-value-write-child {out[1]:.2f} ns")
    raw = mp.Value("i", 0, lock=False)
    print(f"shared-value-read-nolock {read_ns(raw, n):.2f} ns")
    print(f"shared-value-write-nolock {write_ns(raw, n):.2f} ns")
