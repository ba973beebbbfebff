"""One export's record batches over several processes, results in order.

A Dagster step is one process; the per-export stages (standardize, de-identify) are per-batch work with no state
shared between batches, so a step can use every core for one big export: `stage_processes()` worker processes run
the batches while the step's own process reads them and writes the results in batch order (the
files are the same as with one process: test_parallel_batches_write_the_same_files). The leak verifier's identifier
forms are computed the same way, and the publish step verifies a big candidate in a worker process.

Workers are spawned, so a script that calls the stages on a big export must guard its entry point with
``if __name__ == "__main__":``, as `multiprocessing` requires (Dagster's step processes do).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from pipelines import settings


def stage_processes() -> int:
    """Processes for one export's per-batch stages (`OSD_STAGE_PROCESSES`, default: the CPUs this process may use).

    Set it to 1 when the Dagster executor already runs several exports' steps at once on the same cores.
    """
    raw = settings.get("OSD_STAGE_PROCESSES")
    try:
        n = int(raw) if raw else len(os.sched_getaffinity(0))
    except (ValueError, AttributeError):
        n = os.cpu_count() or 1
    return max(1, n)


MIN_ROWS = 200_000  # smaller exports take a few seconds in one process: starting a worker (~2 s) would not pay


def use_workers(rows: int) -> bool:
    """Whether work over ``rows`` rows goes to worker processes: ``MIN_ROWS`` or more, and more than one process
    allowed (`stage_processes`)."""
    return rows >= MIN_ROWS and stage_processes() > 1


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` worker processes, spawned: no fork of a process holding Arrow's threads."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))


def processes_for(rows: int, batch: int) -> tuple[int, int]:
    """(processes, rows per batch) for an export of ``rows`` rows read ``batch`` rows at a time.

    One process when it fits in one batch or is too small for workers (`use_workers`: a worker costs more than it
    saves there); otherwise `stage_processes()`, with batches small enough that each process gets about four (the
    last batches do not leave one process working alone)."""
    if rows <= batch or not use_workers(rows):
        return 1, batch
    procs = stage_processes()
    return procs, max(1, min(batch, -(-rows // (4 * procs))))


def ordered_map[T, R](fn: Callable[[T], R], items: Iterable[T], processes: int) -> Iterator[R]:
    """``fn(item)`` for every item, yielded in the order of ``items``.

    With ``processes`` > 1, ``fn`` and the items must pickle: ``processes`` worker processes (`spawn_pool`) run
    the items while this process only reads items and takes results (a worker that ran out of items would
    otherwise idle while this one computes). At most ``processes + 1`` items are in flight (every worker busy, the
    next one queued), so memory stays bounded by a few batches.
    A failing item raises its exception here (a killed worker: `BrokenProcessPool`), after the results of the
    items before it; nothing after it is yielded.
    """
    if processes <= 1:
        for item in items:
            yield fn(item)
        return
    with spawn_pool(processes) as pool:
        pending: deque[Future[R]] = deque()  # in item order
        for item in items:
            if len(pending) >= processes + 1:
                yield pending.popleft().result()
            pending.append(pool.submit(fn, item))
            while pending and pending[0].done():
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
