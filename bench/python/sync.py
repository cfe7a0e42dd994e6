"""Python multiprocessing counterparts of ActorProc's pipe and synchronization figures ('name value unit' lines).

- pipe-roundtrip: parent send, child recv + send back, parent recv over multiprocessing.Pipe (us).
- semaphore-handoff: round trip of a permit between two processes through two Semaphores (us).
- event-set-to-wake: half the round trip of two processes waking each other through two Events (us).
- lock-uncontended: acquire+release of a multiprocessing.Lock in one process (ns).
"""
import multiprocessing as mp
import time


def _echo(conn, n):
    for _ in range(n):
        conn.send(conn.recv())


def pipe_roundtrip(n=20_000):
    a, b = mp.Pipe()
    p = mp.Process(target=_echo, args=(b, n + 1000))
    p.start()
    for _ in range(1000):
        a.send(1)
        a.recv()
    t = time.perf_counter()
    for _ in range(n):
        a.send(1)
        a.recv()
    elapsed = time.perf_counter() - t
    p.join()
    return elapsed / n * 1e6


def _bounce_sem(s1, s2, n):
    for _ in range(n):
        s1.acquire()
        s2.release()


def semaphore_handoff(n=20_000):
    s1, s2 = mp.Semaphore(0), mp.Semaphore(0)
    p = mp.Process(target=_bounce_sem, args=(s1, s2, n + 1000))
    p.start()
    for _ in range(1000):
        s1.release()
        s2.acquire()
    t = time.perf_counter()
    for _ in range(n):
        s1.release()
        s2.acquire()
    elapsed = time.perf_counter() - t
    p.join()
    return elapsed / n * 1e6


def _bounce_event(e1, e2, n):
    for _ in range(n):
        e1.wait()
        e1.clear()
        e2.set()


def event_set_to_wake(n=5_000):
    e1, e2 = mp.Event(), mp.Event()
    p = mp.Process(target=_bounce_event, args=(e1, e2, n + 200))
    p.start()
    for _ in range(200):
        e1.set()
        e2.wait()
        e2.clear()
    t = time.perf_counter()
    for _ in range(n):
        e1.set()
        e2.wait()
        e2.clear()
    elapsed = time.perf_counter() - t
    p.join()
    return elapsed / n / 2 * 1e6


def lock_uncontended(n=1_000_000):
    lock = mp.Lock()
    t = time.perf_counter()
    for _ in range(n):
        lock.acquire()
        lock.release()
    return (time.perf_counter() - t) / n * 1e9


if __name__ == "__main__":
    print(f"pipe-roundtrip {min(pipe_roundtrip() for _ in range(3)):.2f} us")
    print(f"semaphore-handoff {min(semaphore_handoff() for _ in range(3)):.2f} us")
    print(f"event-set-to-wake {min(event_set_to_wake() for _ in range(3)):.2f} us")
    print(f"lock-uncontended {min(lock_uncontended() for _ in range(3)):.2f} ns")
