"""Python counterparts of ActorProc's pool figures ('name value unit' lines, same names as PoolScenarios).

- pool-apply: us per pool.apply(f) round trip on a started Pool(2), best of runs.
- pool-map: items/s of pool.map(double, range(100000)), default chunksize.
- pool-map-chunk1: the same with chunksize=1.
- executor-submit: futures/s of ProcessPoolExecutor(2).submit(f) x N, then waiting for all.
- pool-start: ms from Pool(2) to the first apply result (default start method, fork on Linux);
  pool-start-cold: the same with the 'spawn' start method (fresh interpreters, as ActorProc's cold start).
- pool-lifecycle: ms of `with Pool(2) as pool: pool.apply(f)`, start to the end of the with block (default start method).
- pool-cpu-speedup: time of a CPU-bound map on Pool(1) over the time on Pool(2).
"""
import concurrent.futures as cf
import multiprocessing as mp
import statistics
import time

MAP_ITEMS = 100_000


def one():
    return 1


def double(x):
    return x * 2


def ident(x):
    return x


def burn(iterations):
    acc = 0
    for i in range(iterations):
        acc = (acc * 31 + i) & 0xFFFFFFFFFFFF
    return acc


def apply_us(calls=5000, runs=3):
    with mp.Pool(2) as pool:
        for _ in range(calls // 4):
            pool.apply(one)
        best = float("inf")
        for _ in range(runs):
            t = time.perf_counter()
            for _ in range(calls):
                pool.apply(one)
            best = min(best, (time.perf_counter() - t) * 1e6 / calls)
        return best


def map_rate(chunksize, runs=3):
    data = list(range(MAP_ITEMS))
    with mp.Pool(2) as pool:
        pool.map(double, data, chunksize)
        best = 0.0
        for _ in range(runs):
            t = time.perf_counter()
            pool.map(double, data, chunksize)
            best = max(best, MAP_ITEMS / (time.perf_counter() - t))
        return best


def executor_rate(count=5000, runs=3):
    with cf.ProcessPoolExecutor(2) as ex:
        for f in [ex.submit(ident, i) for i in range(count // 4)]:
            f.result()
        best = 0.0
        for _ in range(runs):
            t = time.perf_counter()
            futures = [ex.submit(ident, i) for i in range(count)]
            for f in futures:
                f.result()
            best = max(best, count / (time.perf_counter() - t))
        return best


def start_ms(ctx, runs=7, whole=False):
    times = []
    for _ in range(runs + 1):
        t = time.perf_counter()
        with ctx.Pool(2) as pool:
            pool.apply(one)
            if not whole:
                times.append((time.perf_counter() - t) * 1000)
        if whole:
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times[1:])


def time_map(processes, data):
    with mp.Pool(processes) as pool:
        pool.map(burn, data[:8])
        best = float("inf")
        for _ in range(2):
            t = time.perf_counter()
            pool.map(burn, data)
            best = min(best, time.perf_counter() - t)
        return best


def cpu_speedup():
    data = [200_000] * 40
    return time_map(1, data) / time_map(2, data)


if __name__ == "__main__":
    print(f"pool-apply {apply_us():.2f} us", flush=True)
    print(f"pool-map {map_rate(None):.2f} items/s", flush=True)
    print(f"pool-map-chunk1 {map_rate(1, runs=1):.2f} items/s", flush=True)
    print(f"executor-submit {executor_rate():.2f} items/s", flush=True)
    print(f"pool-start {start_ms(mp.get_context()):.2f} ms", flush=True)
    print(f"pool-start-cold {start_ms(mp.get_context('spawn')):.2f} ms", flush=True)
    print(f"pool-lifecycle {start_ms(mp.get_context(), whole=True):.2f} ms", flush=True)
    print(f"pool-cpu-speedup {cpu_speedup():.2f} x", flush=True)
