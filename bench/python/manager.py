"""Python multiprocessing counterpart of ActorProc's manager figure ('name value unit' lines).

- manager-dict-set: d[i % 100] = i on a multiprocessing.Manager().dict() from the process that started the
  manager, mean per assignment over 20,000 after a warm-up, best of 3 runs (us).
"""
import multiprocessing as mp
import time


def dict_set(m, n=20_000):
    d = m.dict()
    for i in range(2_000):
        d[i % 100] = i
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for i in range(n):
            d[i % 100] = i
        best = min(best, (time.perf_counter() - t) / n * 1e6)
    return best


if __name__ == "__main__":
    with mp.Manager() as manager:
        print(f"manager-dict-set {dict_set(manager):.2f} us")
