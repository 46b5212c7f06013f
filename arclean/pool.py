"""The ``-j`` worker pool: inputs (files, or chunks of a stream) processed
in worker processes, results in the order given."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from arclean.process import process_source

if TYPE_CHECKING:
    from arclean.process import FileResult, Mode
    from arclean.resolver import Resolver, RunOptions

T = TypeVar("T")
#: Files handed to a worker at a time, at most: enough that sending them
#: costs little; fewer towards the end of the list (`batches`), down to one
#: at a time, so that the workers finish together.
CHUNK = 4
#: The first file is cleaned in the parent before the workers fork (see
#: `process_files`) when it is no larger than this.
WARM_UP_BYTES = 1 << 20
R = TypeVar("R")


def cpu_jobs(jobs: int) -> int:
    """``-j`` as given, with 0 meaning every core this process may use."""
    if jobs > 0:
        return jobs
    import os

    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """`func` over `items`, results in order; with ``jobs > 1`` in that many
    worker processes (each first runs `initializer`), with at most two
    items per worker in flight, so that a long stream of items is never
    read ahead whole.  Raises `WorkerError` when a worker dies."""
    if jobs <= 1:
        yield from map(func, items)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from arclean.errors import WorkerError

    try:
        with ProcessPoolExecutor(jobs, initializer=initializer, initargs=initargs) as pool:
            pending: deque[Future[R]] = deque()
            for item in items:
                pending.append(pool.submit(func, item))
                if len(pending) >= 2 * jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process (-j) stopped unexpectedly (killed, or out of memory); "
            "what is not reported above may or may not be done: run again"
        ) from None


_WORKER: Resolver | None = None
#: The parent's resolver while a pool forks its workers: a forked worker
#: starts with it (rules loaded, patterns compiled) instead of building its own.
_INHERIT: Resolver | None = None


def _init_worker(options: RunOptions, setup: Callable[[int], None] | None, parent: int) -> None:
    global _WORKER
    if setup is not None:
        setup(parent)
    if _INHERIT is not None and _INHERIT.options == options:  # forked: the parent's copy
        _WORKER = _INHERIT
        _WORKER.progress = _WORKER.on_inputs = None  # the parent shows progress
        return
    from arclean.resolver import Resolver

    _WORKER = Resolver(options)


def _work(args: tuple[Sequence[str], Mode, bool, bool]) -> list[FileResult]:
    assert _WORKER is not None
    names, mode, keep_text, diff = args
    return [process_source(n, mode, _WORKER, keep_text=keep_text, diff=diff) for n in names]


def batches(count: int, workers: int) -> list[range]:
    """The indices ``0 .. count-1`` cut into consecutive batches for
    `workers` processes, in order: `CHUNK` at a time while at least
    ``4 * workers * CHUNK`` are left, then smaller ones, one at a time once
    fewer than ``8 * workers`` are left, so that no worker is still on a
    large batch when the others have nothing left to do."""
    out: list[range] = []
    start = 0
    while start < count:
        size = max(1, min(CHUNK, (count - start) // (4 * workers)))
        out.append(range(start, start + size))
        start += size
    return out


def _fork_context() -> Any:
    """The ``fork`` start method where it is safe (Linux, no other thread
    running, which a forked child could find holding a lock), else None
    (the platform's default: workers build their own resolver)."""
    import sys
    import threading

    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return None
    import multiprocessing

    return multiprocessing.get_context("fork")


def _size(name: str) -> int:
    import os

    try:
        return os.path.getsize(name)
    except OSError:
        return -1  # reported when it is processed


def process_files(
    names: Sequence[str],
    mode: Mode,
    resolver: Resolver,
    *,
    keep_text: bool,
    jobs: int = 1,
    diff: bool = False,
) -> Iterator[FileResult]:
    """`process_source` over the files `names` (with `keep_text` and
    `diff`), yielding results in the order given; with ``jobs > 1`` the files
    are processed in that many worker processes, which send back a changed
    file's diff when asked, not its texts (unless `keep_text`).  Where the
    platform allows, the parent cleans the first file itself (when it is
    small) and the workers are forked from it, so that they start with its
    resolver: rules loaded, patterns compiled, word lists read, once instead
    of once per worker."""
    global _INHERIT
    if jobs <= 1 or len(names) < 2:
        for name in names:
            yield process_source(name, mode, resolver, keep_text=keep_text, diff=diff)
        return
    import os
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from arclean.errors import WorkerError

    context = _fork_context()
    if context is not None and _size(names[0]) <= WARM_UP_BYTES:
        # Warm up here: the workers fork with what the first file loaded
        # (compiled patterns, word lists) instead of each loading it again.
        yield process_source(names[0], mode, resolver, keep_text=keep_text, diff=diff)
        names = names[1:]
        if len(names) < 2:
            for name in names:
                yield process_source(name, mode, resolver, keep_text=keep_text, diff=diff)
            return
    workers = min(jobs, len(names))
    _INHERIT = resolver if context is not None else None
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(resolver.options, resolver.worker_setup, os.getpid()),
        ) as pool:
            tasks = [
                pool.submit(_work, ([names[i] for i in batch], mode, keep_text, diff))
                for batch in batches(len(names), workers)
            ]
            try:
                for task in tasks:
                    yield from task.result()
            finally:  # stopped early (an error, or the caller is done): run no more
                for task in tasks:
                    task.cancel()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process (-j) stopped unexpectedly (killed, or out of memory); "
            "files not reported above may or may not have been fixed: run again"
        ) from None
    finally:
        _INHERIT = None
