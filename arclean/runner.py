"""Working through the inputs of `fix` and `check`, in the order given:
folders walked, files processed (in parallel with ``-j``), stdin read when
its turn comes.

The pieces live by concern: settings in `arclean.resolver`, one input in
`arclean.process`, the worker pool in `arclean.pool`, large stdin streams in
`arclean.stream`.  Nothing here prints, exits, or writes anywhere but the
files it was given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import IO

from arclean.errors import ArcleanError
from arclean.io.discover import STDIN, discover
from arclean.pool import process_files
from arclean.process import (
    FileResult,
    Mode,
    file_bom,
    process_source,
    refuse_named_binary,
    structure_message,
)
from arclean.resolver import Resolver, RunOptions, split_codes

__all__ = [
    "FileResult",
    "Mode",
    "Resolver",
    "RunOptions",
    "file_bom",
    "process_files",
    "process_source",
    "run",
    "split_codes",
    "structure_message",
]


def run(
    paths: Sequence[str],
    mode: Mode,
    resolver: Resolver,
    *,
    keep_text: bool,
    read_stdin: Callable[[], bytes],
    jobs: int = 1,
    stdin_stream: Callable[[], IO[bytes]] | None = None,
    write: Callable[[bytes], None] | None = None,
    diff: bool = False,
) -> Iterator[FileResult]:
    """What happened to each input of `paths` (none, or ``-``: stdin), in the
    order given: folders are walked (`arclean.io.discover.discover`), files
    processed (in parallel with `jobs`), stdin read with `read_stdin` when
    its turn comes, and paths that do not exist reported as errors.  A file
    holding NUL bytes (binary, or UTF-16 read as UTF-8) is skipped with a
    warning when a folder's walk found it, and an error when it was named.

    With `stdin_stream` and `write` (``fix`` to stdout), a large plain-text
    stdin is cleaned in chunks and written as it goes (`arclean.stream`);
    its result then carries no `output`.  ``jobs=0``: one per core.  With
    `diff`, each changed file's result carries its diff (`process_source`)."""
    from arclean.io.discover import Skipped
    from arclean.pool import cpu_jobs

    jobs = cpu_jobs(jobs)

    inputs = discover(
        paths,
        resolver.is_excluded,
        force_exclude=resolver.options.force_exclude,
        follow_links=resolver.options.follow_links,
        is_known=resolver.is_known,
    )
    names = [name for name, problem in inputs if not problem and name != STDIN]
    # Files named on the command line (not found by walking a folder): one
    # holding NUL bytes is an error for them, not a skip.
    named = set(paths) - {STDIN}
    if resolver.on_inputs is not None:
        resolver.on_inputs(names)
    # Large files fixed in place are cleaned in chunks, one at a time with
    # all the workers (`arclean.stream.stream_file`), not read whole.
    large = set() if keep_text or diff or mode != "fix" else _large_files(names, resolver)
    names = [name for name in names if name not in large]
    results = iter(process_files(names, mode, resolver, keep_text=keep_text, jobs=jobs, diff=diff))
    import contextlib

    for name in [n for n, problem in inputs if not problem]:
        # Configurations found but not applied are warned about here, once;
        # a configuration error is reported with the file.
        with contextlib.suppress(ArcleanError):
            resolver.config_for(name)
    for warning in resolver.finder.take_warnings():
        yield FileResult("", warning=warning)
    for name, problem in inputs:
        if isinstance(problem, Skipped):
            yield FileResult(name, warning=problem)
        elif problem:
            yield FileResult(name, error=problem)
        elif name == STDIN:
            got = None
            whole = keep_text or diff or mode != "fix"
            if stdin_stream is not None and write is not None and not whole:
                got = _stream(stdin_stream, write, resolver, jobs)
            if isinstance(got, FileResult):
                yield got
                continue
            stdin = read_stdin() if got is None else got
            yield process_source(STDIN, mode, resolver, keep_text=keep_text, stdin=stdin, diff=diff)
        else:
            result = _stream_file(name, resolver, jobs) if name in large else next(results)
            yield refuse_named_binary(result) if result.binary and name in named else result


def _stream(
    stdin: Callable[[], IO[bytes]], write: Callable[[bytes], None], resolver: Resolver, jobs: int
) -> FileResult | bytes | None:
    """Stdin cleaned in chunks when it is large and plain (its result), its
    bytes read whole when it is small, None when it cannot be streamed."""
    from arclean.stream import stream_stdin, streamable

    try:
        if not streamable(resolver.cleaner_for(STDIN), resolver):
            return None
    except ArcleanError:
        return None  # reported by process_source
    label = resolver.options.stdin_filename or STDIN
    try:
        return stream_stdin(stdin(), write, resolver, jobs=jobs)
    except BrokenPipeError:
        raise  # the reader went away: the command line's to say (exit 141)
    except Exception as exc:  # as for any input (what was written stays written)
        from arclean.process import internal_error

        return internal_error(label, exc, "the rest not written")


def _large_files(names: Sequence[str], resolver: Resolver) -> set[str]:
    """The files of `names` to fix in chunks (`arclean.stream.large_file`)."""
    from arclean.chunks import limits

    whole, _ = limits()
    big = [n for n in names if _size(n) > whole]
    if not big:
        return set()  # (a hook's few small files never import the streaming)
    from arclean.stream import large_file

    return {n for n in big if large_file(n, resolver)}


def _size(name: str) -> int:
    import os

    try:
        return os.path.getsize(name)
    except OSError:
        return -1


def _stream_file(name: str, resolver: Resolver, jobs: int) -> FileResult:
    """A large file fixed in chunks, or read whole when the first pass
    found a problem it reports (`process_source` says what)."""
    from arclean.process import internal_error
    from arclean.stream import stream_file

    try:
        result = stream_file(name, resolver, jobs=jobs)
    except Exception as exc:  # one input never stops the others
        return internal_error(name, exc, "left unchanged")
    return result if result is not None else process_source(name, "fix", resolver, keep_text=False)
