"""The workloads of jasyncio's benchmarks on Python's asyncio, standard library only.

Usage: python3 jasyncio_peers.py WORKLOAD SIZE WARMUP_S MEASURE_S MAX_RUNS

Runs one workload as the Java probes do (warm-up runs for WARMUP_S seconds, then measured runs
until MEASURE_S seconds or MAX_RUNS runs, at least one) and prints one line per metric,
RESULT<tab>metric<tab>median figure<tab>count<tab>runs, which the Java harness reads. Each
workload mirrors its Java twin in JasyncioWorkloads.java; the inputs (sleep delays, phrases)
come from the same 64-bit LCG as Inputs.java, so the counts and checksums must match.
"""

import asyncio
import concurrent.futures
import difflib
import gc
import re
import statistics
import sys
import time
import tracemalloc

SPAWN_BATCH = 1000
OFFLOAD_THREADS = 4
WORKERS = 2
FUZZY_CHUNK = 1000
PHRASES = 2000
WORDS = ["football", "is", "famous", "tajmahal", "in", "india", "messi", "plays", "aisa",
         "the", "of", "cricket", "agra", "goal", "a", "match"]
MASK = (1 << 64) - 1


class Lcg:
    """Inputs.java's generator, bit for bit."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33


def delays(n):
    rnd = Lcg(42)
    return [(rnd.next() % 101) / 1000.0 for _ in range(n)]


def phrases(rnd):
    out = []
    for _ in range(PHRASES):
        words = 2 + rnd.next() % 4
        out.append(" ".join(WORDS[rnd.next() % len(WORDS)] for _ in range(words)))
    return out


def pairs(n):
    rnd = Lcg(7)
    list1 = phrases(rnd)
    list2 = phrases(rnd)
    return [(list1[i % PHRASES], list2[i // PHRASES % PHRASES]) for i in range(n)]


# ---- the demo's fuzzy match: fuzzywuzzy's token_sort_ratio on difflib, as Fuzz.java

_NON_WORD = re.compile(r"(?ui)\W")


def _full_process(s):
    s = "".join(c for c in s if not 128 <= ord(c) <= 255)
    return _NON_WORD.sub(" ", s).lower().strip()


def _process_and_sort(s):
    return " ".join(sorted(_full_process(s).split())).strip()


def token_sort_ratio(s1, s2):
    a, b = _process_and_sort(s1), _process_and_sort(s2)
    if a == b:
        return 100
    if not a or not b:
        return 0
    return int(round(100 * difflib.SequenceMatcher(None, a, b).ratio()))


def fuzzy_match(pair):
    return token_sort_ratio(pair[0], pair[1])


def score_sum(chunk):
    return sum(fuzzy_match(p) for p in chunk)


def one(_):
    return 1


# ---- the workloads: each returns (count, {metric: figure})

async def ping_pong(n):
    resumes = 0
    for _ in range(n):
        await asyncio.sleep(0)
        resumes += 1
    return resumes


def switch(n):
    start = time.perf_counter_ns()
    count = sum(asyncio.run(_gather(ping_pong(n), ping_pong(n))))
    return count, {"switch": (time.perf_counter_ns() - start) / count}


async def _gather(*aws):
    return await asyncio.gather(*aws)


async def trivial():
    return 1


async def spawn_main(n, batch):
    finished = 0
    for start in range(0, n, batch):
        results = await asyncio.gather(*[trivial() for _ in range(start, min(n, start + batch))])
        finished += sum(results)
    return finished


def spawn(n):
    start = time.perf_counter_ns()
    count = asyncio.run(spawn_main(n, SPAWN_BATCH))
    return count, {"spawn": (time.perf_counter_ns() - start) / count}


async def tasks_main(n, batch):
    finished = 0
    for start in range(0, n, batch):
        tasks = []
        for _ in range(start, min(n, start + batch)):
            tasks.append(asyncio.create_task(trivial()))
        finished += sum(await asyncio.gather(*tasks))
    return finished


def tasks(n):
    start = time.perf_counter_ns()
    count = asyncio.run(tasks_main(n, SPAWN_BATCH))
    return count, {"tasks": (time.perf_counter_ns() - start) / count}


def all_tasks(n):
    start = time.perf_counter_ns()
    count = asyncio.run(tasks_main(n, n))
    return count, {"alltasks": (time.perf_counter_ns() - start) / count}


async def chain(depth):
    if depth == 1:
        return 1
    below = await chain(depth - 1)
    return below + 1


async def inline_main(n):
    awaits = 0
    for _ in range(n):
        awaits += await chain(10)
    return awaits


def inline(n):
    start = time.perf_counter_ns()
    count = asyncio.run(inline_main(n))
    return count, {"inline": (time.perf_counter_ns() - start) / count}


async def await_main(n):
    finished = asyncio.get_running_loop().create_future()
    finished.set_result(1)
    total = 0
    for _ in range(n):
        total += await finished
    return total


def await_done(n):
    start = time.perf_counter_ns()
    count = asyncio.run(await_main(n))
    return count, {"await": (time.perf_counter_ns() - start) / count}


async def waiter(gate, finished):
    one = await gate
    finished[0] += one


async def memory_main(n):
    gate = asyncio.get_running_loop().create_future()
    finished = [0]
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(n):
        asyncio.create_task(waiter(gate, finished))
    await asyncio.sleep(0)  # every task takes its first step and suspends on the gate
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    gate.set_result(1)
    await asyncio.sleep(0)
    return finished[0], used


def memory(n):
    count, used = asyncio.run(memory_main(n))
    return count, {"memory": used / count}


async def sleeper(delay):
    await asyncio.sleep(delay)
    return 1


async def timers_main(ds):
    return sum(await asyncio.gather(*[sleeper(d) for d in ds]))


def timers(n):
    ds = delays(n)
    start = time.perf_counter_ns()
    count = asyncio.run(timers_main(ds))
    overhead = time.perf_counter_ns() - start - max(ds) * 1e9
    return count, {"timers": overhead / count}


async def sleep_an_hour():
    await asyncio.sleep(3600)


async def cancel_main(n):
    start = time.perf_counter_ns()
    tasks = [asyncio.create_task(sleep_an_hour()) for _ in range(n)]
    await asyncio.sleep(0)  # every task takes its first step and sleeps
    started = time.perf_counter_ns()
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)  # the cancelled tasks were woken before this one: all have ended now
    ended = time.perf_counter_ns()
    return sum(1 for t in tasks if t.cancelled()), started - start, ended - started


def cancel(n):
    count, create_ns, cancel_ns = asyncio.run(cancel_main(n))
    return count, {"cancel.create": create_ns / count, "cancel": cancel_ns / count}


_POOL = None


def _offload_pool():
    global _POOL
    if _POOL is None:
        _POOL = concurrent.futures.ThreadPoolExecutor(OFFLOAD_THREADS)
    return _POOL


async def offload_main(pool, n):
    loop = asyncio.get_running_loop()
    return sum(await asyncio.gather(*[loop.run_in_executor(pool, one, i) for i in range(n)]))


def offload(n):
    pool = _offload_pool()
    start = time.perf_counter_ns()
    count = asyncio.run(offload_main(pool, n))
    return count, {"offload": (time.perf_counter_ns() - start) / count / 1e3}


def process(n):
    inputs = list(range(n))
    start = time.perf_counter_ns()
    with concurrent.futures.ProcessPoolExecutor(WORKERS) as pool:
        list(pool.map(one, inputs[:WORKERS], chunksize=1))  # starts every worker
        start_ms = (time.perf_counter_ns() - start) / 1e6
        t1 = time.perf_counter_ns()
        count = sum(pool.map(one, inputs, chunksize=1))
        chunk1 = (time.perf_counter_ns() - t1) / n / 1e3
        t100 = time.perf_counter_ns()
        again = sum(pool.map(one, inputs, chunksize=100))
        chunk100 = (time.perf_counter_ns() - t100) / n / 1e3
    if again != count:
        raise AssertionError(f"chunks of 100 gave {again}, of 1 {count}")
    return count, {"process.start": start_ms, "process.chunk1": chunk1,
                   "process.chunk100": chunk100}


async def fuzzy_threads_main(pool, chunks):
    loop = asyncio.get_running_loop()
    return sum(await asyncio.gather(*[loop.run_in_executor(pool, score_sum, c) for c in chunks]))


def fuzzy(n):
    ps = pairs(n)
    start = time.perf_counter()
    sequential = score_sum(ps)
    sequential_rate = n / (time.perf_counter() - start)

    start = time.perf_counter()
    chunks = [ps[i:i + FUZZY_CHUNK] for i in range(0, n, FUZZY_CHUNK)]
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as threads:
        on_threads = asyncio.run(fuzzy_threads_main(threads, chunks))
    threads_rate = n / (time.perf_counter() - start)

    start = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(WORKERS) as pool:
        on_processes = sum(pool.map(fuzzy_match, ps, chunksize=FUZZY_CHUNK))
    processes_rate = n / (time.perf_counter() - start)
    if on_threads != sequential or on_processes != sequential:
        raise AssertionError(f"score sums differ: sequential {sequential}, threads {on_threads},"
                             f" processes {on_processes}")
    return sequential, {"fuzzy.sequential": sequential_rate, "fuzzy.threads": threads_rate,
                        "fuzzy.processes": processes_rate}


WORKLOADS = {"switch": switch, "spawn": spawn, "tasks": tasks, "alltasks": all_tasks,
             "inline": inline, "await": await_done,
             "memory": memory, "timers": timers, "cancel": cancel, "offload": offload,
             "process": process, "fuzzy": fuzzy}


def measure(run, warmup_s, measure_s, max_runs):
    """Timing.java's rule: warm-up runs for warmup_s, then at least one measured run."""
    start = time.perf_counter()
    while time.perf_counter() - start < warmup_s:
        run()
    samples = []
    start = time.perf_counter()
    while True:
        samples.append(run())
        if len(samples) >= max_runs or time.perf_counter() - start >= measure_s:
            break
    count = samples[0][0]
    for i, (c, _) in enumerate(samples):
        if c != count:
            raise AssertionError(f"run {i + 1} did {c} units of work, the first {count}")
    for metric in samples[0][1]:
        figure = statistics.median(s[1][metric] for s in samples)
        print(f"RESULT\t{metric}\t{figure:.6g}\t{count}\t{len(samples)}", flush=True)


def main(argv):
    if len(argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    workload, size = WORKLOADS[argv[1]], int(argv[2])
    measure(lambda: workload(size), float(argv[3]), float(argv[4]), int(argv[5]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
