"""Python counterparts of ActorProc's in-process figures, printed as 'name value unit' lines.

- inproc-pingpong: one pair of threads per core bouncing a window of messages through queue.Queue
  (the closest thing Python has to two actors in one process).
- ask-roundtrip: a request/reply through two queue.Queue between the main thread and a worker thread.
- idle-actor-memory: an asyncio "actor" (a Queue and a Task awaiting it), measured with tracemalloc.
"""
import asyncio
import os
import queue
import sys
import threading
import time
import tracemalloc


def pingpong(pairs, messages, window):
    done = threading.Barrier(pairs * 2 + 1)

    def pinger(to_pong, from_pong):
        for _ in range(window):
            to_pong.put(1)
        sent = window
        for _ in range(messages):
            from_pong.get()
            if sent < messages:
                to_pong.put(1)
                sent += 1
        to_pong.put(None)
        done.wait()

    def ponger(to_pong, from_pong):
        while True:
            m = to_pong.get()
            if m is None:
                break
            from_pong.put(m)
        done.wait()

    threads = []
    for _ in range(pairs):
        a, b = queue.SimpleQueue(), queue.SimpleQueue()
        threads.append(threading.Thread(target=pinger, args=(a, b)))
        threads.append(threading.Thread(target=ponger, args=(a, b)))
    start = time.perf_counter()
    for t in threads:
        t.start()
    done.wait()
    elapsed = time.perf_counter() - start
    for t in threads:
        t.join()
    return 2 * pairs * messages / elapsed


def ask(count):
    requests, replies = queue.SimpleQueue(), queue.SimpleQueue()

    def echo():
        while True:
            m = requests.get()
            if m is None:
                return
            replies.put(m)

    t = threading.Thread(target=echo)
    t.start()
    for _ in range(2000):
        requests.put(1)
        replies.get()
    start = time.perf_counter()
    for _ in range(count):
        requests.put(1)
        replies.get()
    elapsed = time.perf_counter() - start
    requests.put(None)
    t.join()
    return elapsed * 1e6 / count


def idle_actor_memory(count):
    async def actor(q):
        while True:
            await q.get()

    async def main():
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        queues = [asyncio.Queue() for _ in range(count)]
        tasks = [asyncio.ensure_future(actor(q)) for q in queues]
        await asyncio.sleep(0.1)  # let every task start and block on its queue
        after = tracemalloc.get_traced_memory()[0]
        for t in tasks:
            t.cancel()
        return (after - before) / count

    return asyncio.run(main())


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else None
    if only in (None, "pingpong"):
        best = max(pingpong(os.cpu_count(), 100_000, 1000) for _ in range(3))
        print(f"inproc-pingpong {best:.2f} msg/s")
    if only in (None, "ask"):
        best = min(ask(50_000) for _ in range(3))
        print(f"ask-roundtrip {best:.2f} us")
    if only in (None, "idle-actor-memory"):
        print(f"idle-actor-memory {idle_actor_memory(20_000):.2f} bytes")
