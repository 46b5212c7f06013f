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


#: What `process_files` says when a worker dies.
_BROKEN = (
    "a worker process (-j) stopped unexpectedly (killed, or out of memory); "
    "files not reported above may or may not have been fixed: run again"
)
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


def _can_fork() -> bool:
    """Whether workers may be forked (`_forked`): on Linux, with no other
    thread running, which a forked child could find holding a lock.
    Elsewhere the platform's default start method is used, and the workers
    build their own resolver."""
    import sys
    import threading

    return sys.platform.startswith("linux") and threading.active_count() == 1


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
    of once per worker.  They are forked by `_forked` when the resolver
    says how a worker ends (`Resolver.worker_exit`: the command line's;
    nothing below it ends a process), else by a `ProcessPoolExecutor`."""
    if jobs <= 1 or len(names) < 2:
        for name in names:
            yield process_source(name, mode, resolver, keep_text=keep_text, diff=diff)
        return
    fork = _can_fork()
    if fork and _size(names[0]) <= WARM_UP_BYTES:
        # Warm up here: the workers fork with what the first file loaded
        # (compiled patterns, word lists) instead of each loading it again.
        yield process_source(names[0], mode, resolver, keep_text=keep_text, diff=diff)
        names = names[1:]
        if len(names) < 2:
            for name in names:
                yield process_source(name, mode, resolver, keep_text=keep_text, diff=diff)
            return
    workers = min(jobs, len(names))
    if fork and resolver.worker_exit is not None:
        yield from _forked(names, mode, resolver, keep_text, diff, workers)
        return
    global _INHERIT
    import os
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from arclean.errors import WorkerError

    context = _fork_context() if fork else None
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
        raise WorkerError(_BROKEN) from None
    finally:
        _INHERIT = None


def _fork_context() -> Any:
    """The ``fork`` start method (where `_can_fork`): a forked worker starts
    with the parent's resolver (`_INHERIT`)."""
    import multiprocessing

    return multiprocessing.get_context("fork")


def _forked(
    names: Sequence[str],
    mode: Mode,
    resolver: Resolver,
    keep_text: bool,
    diff: bool,
    workers: int,
) -> Iterator[FileResult]:
    """`process_files` in `workers` processes forked from this one (Linux):
    each starts with this process's resolver (`_INHERIT`) and the list of
    names, and is sent batch numbers (`batches`) through a pipe, two at a
    time, and sends back each batch's pickled results (or the exception it
    raised), which are yielded in order.  Lighter than a
    `ProcessPoolExecutor` (no `concurrent.futures`, `multiprocessing` or
    `logging` to import, no queue thread, one pipe write per batch); when the
    caller stops early, the workers finish the batch they are on and start
    no other; a worker that dies is a `WorkerError`."""
    global _INHERIT
    import os
    import pickle
    import selectors
    from mmap import mmap

    from arclean.errors import WorkerError

    plan = batches(len(names), workers)
    stop = mmap(-1, 1)  # shared with the workers: 1 = start no other batch
    parent = os.getpid()
    children: list[_Child] = []
    _INHERIT = resolver
    try:
        for _ in range(workers):
            tasks_r, tasks_w = os.pipe()
            results_r, results_w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                for child in children:  # their pipes are not this worker's
                    os.close(child.tasks)
                    os.close(child.results)
                os.close(tasks_w)
                os.close(results_r)
                _serve(
                    resolver, tasks_r, results_w, stop, names, plan, (mode, keep_text, diff), parent
                )
            os.close(tasks_r)
            os.close(results_w)
            children.append(_Child(pid, tasks_w, results_r))
    finally:
        _INHERIT = None
    done: dict[int, Any] = {}
    sent = 0
    broken = False
    select = selectors.DefaultSelector()
    try:
        for child in children:
            select.register(child.results, selectors.EVENT_READ, child)
            for _ in range(2):
                if sent < len(plan):
                    child.send(sent)
                    sent += 1
        for want in range(len(plan)):
            while want not in done:
                if broken:
                    raise WorkerError(_BROKEN)
                for key, _ in select.select():
                    child = key.data
                    message = child.receive()
                    if message is None:  # died (killed, out of memory)
                        broken = True
                        select.unregister(child.results)
                        continue
                    done[child.running.pop(0)] = pickle.loads(message)
                    if sent < len(plan):
                        child.send(sent)
                        sent += 1
            ok, value = done.pop(want)
            if not ok:
                raise value
            yield from value
    finally:
        stop[0] = 1
        select.close()
        _reap(children, kill=broken)


class _Child:
    """A forked worker, from the parent's side: its pid, the write end of
    its task pipe, the read end of its result pipe, and the batches it was
    sent and has not answered, in order."""

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid, self.tasks, self.results = pid, tasks, results
        self.running: list[int] = []

    def send(self, batch: int) -> None:
        import os
        from contextlib import suppress

        self.running.append(batch)
        with suppress(BrokenPipeError):  # it died: the end of its results says so
            os.write(self.tasks, batch.to_bytes(4, "little"))

    def receive(self) -> bytes | None:
        """The next message (blocking until it is whole), or None at the
        end of the pipe."""
        head = _read(self.results, 8)
        return None if head is None else _read(self.results, int.from_bytes(head, "little"))


def _read(fd: int, size: int) -> bytes | None:
    import os

    parts = []
    while size:
        part = os.read(fd, min(size, 1 << 20))
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _reap(children: list[_Child], *, kill: bool) -> None:
    """Ends the workers: each finishes the batch it is on (its results are
    read and dropped, so that it is never stuck writing them), or with
    `kill` is stopped at once, as a broken pool's workers are; then waited
    for."""
    import os
    import signal
    from contextlib import suppress

    for child in children:
        os.close(child.tasks)
        if kill:
            with suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGTERM)
    for child in children:
        while os.read(child.results, 1 << 16):
            pass
        os.close(child.results)
        os.waitpid(child.pid, 0)


def _serve(
    resolver: Resolver,
    tasks: int,
    results: int,
    stop: Any,
    names: Sequence[str],
    plan: list[range],
    how: tuple[Mode, bool, bool],
    parent: int,
) -> None:
    """A forked worker's life (`resolver`: the parent's, in `_INHERIT`):
    the batches whose numbers come through `tasks`, each answered on
    `results` with ``(True, results)`` or ``(False, exception)``, pickled;
    ends the process."""
    import os
    import pickle

    code = 1
    try:
        _init_worker(resolver.options, resolver.worker_setup, parent)  # takes `_INHERIT`
        while not stop[0]:
            head = _read(tasks, 4)
            if head is None or stop[0]:
                break
            batch = [names[i] for i in plan[int.from_bytes(head, "little")]]
            try:
                answer = pickle.dumps((True, _work((batch, *how))))
            except BaseException as exc:  # sent to the parent, raised there
                try:
                    answer = pickle.dumps((False, exc))
                except Exception:
                    answer = pickle.dumps((False, RuntimeError(repr(exc))))
            os.write(results, len(answer).to_bytes(8, "little"))
            _write(results, answer)
        code = 0
    finally:
        end = resolver.worker_exit
        assert end is not None  # `_forked` is used only with it
        end(code)


def _write(fd: int, data: bytes) -> None:
    import os

    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
