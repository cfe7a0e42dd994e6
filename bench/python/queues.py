"""Python multiprocessing counterparts of ActorProc's queue figures ('name value unit' lines).

- queue-oneway: items/s through a multiprocessing.Queue from a producer process to the parent.
"""
import multiprocessing as mp
import time


def _produce(q, n):
    for i in range(n):
        q.put(i)


def one_way(n):
    q = mp.Queue()
    p = mp.Process(target=_produce, args=(q, n))
    p.start()
    q.get()
    t = time.perf_counter()
    for _ in range(n - 1):
        q.get()
    elapsed = time.perf_counter() - t
    p.join()
    return (n - 1) / elapsed


if __name__ == "__main__":
    print(f"queue-oneway {max(one_way(200_000) for _ in range(3)):.2f} items/s")
