"""Python multiprocessing counterparts of ActorProc's queue figures ('name value unit' lines).

- queue-oneway: items/s through a multiprocessing.Queue from a producer process to the parent.
- queue-oneway-bounded: as queue-oneway through a multiprocessing.Queue(maxsize=1000).
- queue-oneway-remote-owner: items/s through a multiprocessing.Queue created by the parent, from a producer
  process to a consumer process (the consumer measures).
"""
import multiprocessing as mp
import time


def _produce(q, n):
    for i in range(n):
        q.put(i)


def _consume(q, n, rate):
    q.get()
    t = time.perf_counter()
    for _ in range(n - 1):
        q.get()
    rate.put((n - 1) / (time.perf_counter() - t))


def one_way(n, maxsize=0):
    q = mp.Queue(maxsize)
    p = mp.Process(target=_produce, args=(q, n))
    p.start()
    q.get()
    t = time.perf_counter()
    for _ in range(n - 1):
        q.get()
    elapsed = time.perf_counter() - t
    p.join()
    return (n - 1) / elapsed


def one_way_remote_owner(n):
    q = mp.Queue()
    rate = mp.Queue()
    consumer = mp.Process(target=_consume, args=(q, n, rate))
    producer = mp.Process(target=_produce, args=(q, n))
    consumer.start()
    producer.start()
    result = rate.get()
    producer.join()
    consumer.join()
    return result


if __name__ == "__main__":
    print(f"queue-oneway {max(one_way(200_000) for _ in range(3)):.2f} items/s")
    print(f"queue-oneway-bounded {max(one_way(200_000, maxsize=1000) for _ in range(3)):.2f} items/s")
    print(f"queue-oneway-remote-owner {max(one_way_remote_owner(200_000) for _ in range(3)):.2f} items/s")
