"""Progress bars for long runs, on stderr: files and bytes done, rate, time
left.  Only on a terminal, never under CI (``CI`` set) or with ``-q``, and
only for a long run (many files, or many megabytes); the bar disappears
when the run ends, so what is printed after it reads as before.

The runner knows nothing of it: it calls back (`Resolver.on_inputs` with the
files it will work on, `Resolver.progress` inside a long JSON Lines input)
and the command advances the bar as results arrive.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

#: A run is long from this many files...
MANY_FILES = 20
#: ... or this many bytes.
MANY_BYTES = 4_000_000


def wanted(
    quiet: bool, stream: IO[Any] | None = None, env: Mapping[str, str] | None = None
) -> bool:
    """May a progress bar go to `stream` (stderr)?  Not with `quiet`, not
    when ``CI`` is set, not on a dumb terminal (``TERM=dumb``: it cannot
    redraw a line, so every refresh would print one), and only on a
    terminal."""
    stream = sys.stderr if stream is None else stream
    env = os.environ if env is None else env
    if quiet or env.get("CI") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _columns() -> list[Any]:
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    return [
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    ]


def bar(stream: IO[Any], color: bool = True) -> Any:
    """A transient rich `Progress` writing to `stream`, without colour
    unless `color`."""
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=stream, force_terminal=True, highlight=False, no_color=not color)
    return Progress(
        *_columns(), console=console, transient=True, redirect_stdout=False, redirect_stderr=False
    )


class RunProgress:
    """The bar of a `fix` or `check` run; does nothing unless `enabled`.

    `inputs(names)` is told the files to come (their sizes make the
    total), `advance(name)` that one is done, `within(done, total)` how far
    the current input is (characters; stdin or an input worked on in this
    process).  `close()` removes the bar.
    """

    def __init__(self, enabled: bool, stream: IO[Any] | None = None, color: bool = True) -> None:
        self.enabled = enabled
        self.color = color
        self.stream = sys.stderr if stream is None else stream
        self.sizes: dict[str, int] = {}
        self.files = self.done_files = self.done_bytes = 0
        self.progress: Any = None
        self.task: Any = None

    def inputs(self, names: Sequence[str]) -> None:
        if not self.enabled:
            return
        for name in names:
            try:
                self.sizes[name] = os.stat(name).st_size
            except OSError:
                self.sizes[name] = 0
        self.files = len(names)
        total = sum(self.sizes.values())
        if self.files >= MANY_FILES or total >= MANY_BYTES:
            self._start(total, self._label())

    def track(self, results: Iterable[Any]) -> Iterator[Any]:
        """`results` (each with a `name`), the bar advanced for each and
        hidden while the command prints about it."""
        for result in results:
            if self.progress is not None:
                self.progress.stop()  # transient: the bar line is erased
            self.advance(result.name)
            yield result
            if self.progress is not None:
                self.progress.start()
        self.close()

    def within(self, done: int, total: int) -> None:
        """Inside one input (characters, or bytes of a file cleaned in
        chunks): stdin's own bar, for a large one only; among files, the
        files' bar moves on within the current one."""
        if not self.enabled:
            return
        if self.files:
            if self.progress is not None:
                self.progress.update(self.task, completed=self.done_bytes + min(done, total))
            return
        if self.progress is None and total >= MANY_BYTES:
            self._start(total, "stdin")
        if self.progress is not None:
            self.progress.update(self.task, completed=done, total=total)

    def advance(self, name: str) -> None:
        if self.progress is None or name not in self.sizes:
            return
        self.done_files += 1
        self.done_bytes += self.sizes[name]
        self.progress.update(self.task, completed=self.done_bytes, description=self._label())
        if self.done_files >= self.files:
            self.close()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def _label(self) -> str:
        return f"{self.done_files}/{self.files} files"

    def _start(self, total: int, description: str) -> None:
        self.progress = bar(self.stream, self.color)
        self.task = self.progress.add_task(description, total=total)
        self.progress.start()
