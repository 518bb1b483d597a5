"""Running many files: on worker processes, in input order, with a progress bar."""

from __future__ import annotations

import os

from .checking import CheckJob, check_file, rule_names

_JOB: CheckJob | None = None


def _worker_init(job: CheckJob) -> None:
    global _JOB
    _JOB = job


def _worker(item: tuple[str, bool]):
    return check_file(_JOB, item[0], item[1])


def cpu_count() -> int:
    """The CPUs this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run_files(job: CheckJob, inputs: list[tuple[str, bool]], jobs: int, progress: Progress | None = None) -> list:
    """Check ``inputs`` on ``jobs`` processes; results in input order whatever ``jobs`` is."""
    total = len(inputs)
    if jobs <= 1 or total < 2:
        out = []
        for i, (path, named) in enumerate(inputs):
            out.append(check_file(job, path, named))
            if progress:
                progress.update(i + 1, total)
        return out
    return _run_on_workers(job, inputs, jobs, progress)


def _run_on_workers(job: CheckJob, inputs: list[tuple[str, bool]], jobs: int, progress: Progress | None) -> list:
    # Build what every file needs before the workers fork: they inherit it
    # instead of each building it again.  Checking the first file here does
    # that with a real document (grammar tables, lexicon, the record).
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..parser import grammar_parser
    from ..record import load_record

    total = len(inputs)
    grammar_parser()
    load_record()
    rule_names()
    out = [check_file(job, *inputs[0])]
    if progress:
        progress.update(1, total)
    gc.collect()
    gc.freeze()  # the inherited objects stay shared: the children's collector does not touch them
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    rest = inputs[1:]
    workers = min(jobs, len(rest))
    chunk = max(1, min(16, len(rest) // (workers * 8)))
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_worker_init, initargs=(job,)
        ) as pool:
            for i, item in enumerate(pool.map(_worker, rest, chunksize=chunk)):
                out.append(item)
                if progress:
                    progress.update(i + 2, total)
    finally:
        gc.unfreeze()
    return out


class Progress:
    """A one-line progress bar on standard error, shown once a run has taken a second."""

    def __init__(self, stream, delay: float = 1.0):
        import time

        self.stream = stream
        self.clock = time.monotonic
        self.started = self.clock()
        self.delay = delay
        self.shown = False
        self.last = 0.0

    def update(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < self.delay or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} files")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
