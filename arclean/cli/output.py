"""What the commands read from stdin and write to stdout and stderr.

Fixed text and diffs go to stdout; status lines and change listings go to
stderr, so pipes stay clean.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from arclean.io.read import Source
    from arclean.text.edits import Change


def read_stdin_bytes() -> bytes:
    """All of stdin, as bytes."""
    return sys.stdin.buffer.read()


def read_stdin(name: str) -> Source:
    """All of stdin, decoded (see `arclean.io.read.decode`, whose errors it
    raises); `name` labels messages."""
    from arclean.io.read import decode

    return decode(read_stdin_bytes(), name)


def write_stdout(data: bytes) -> None:
    """Write all of `data` to stdout as is (looping over partial writes), after
    what was written before.  Raises `arclean.errors.OutputError` when stdout
    cannot take it all (a full disk): the output is then incomplete."""
    import io

    from arclean.errors import OutputError
    from arclean.io.write import write_all

    try:
        sys.stdout.flush()
        try:
            fd = sys.stdout.fileno()
        except (AttributeError, ValueError, io.UnsupportedOperation):
            sys.stdout.buffer.write(data)  # not a real file (tests): it takes it all
            sys.stdout.buffer.flush()
            return
        write_all(fd, data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(
            f"cannot write to standard output: {exc.strerror or exc}; the output is incomplete"
        ) from None


def use_color(choice: str, stream: IO[Any]) -> bool:
    """Whether to colour `stream`: --color first, then NO_COLOR, then
    FORCE_COLOR, then whether `stream` is a terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(changed: int, unchanged: int, errors: int, dry_run: bool) -> str:
    """The last line of `fix` on files: ``2 files fixed, 1 file left unchanged``."""
    parts = []
    if changed:
        parts.append(f"{plural(changed, 'file')} {'would be fixed' if dry_run else 'fixed'}")
    if unchanged:
        parts.append(f"{plural(unchanged, 'file')} left unchanged")
    if errors:
        parts.append(f"{plural(errors, 'error')}")
    return ", ".join(parts) or "no files"


class ChangePrinter:
    """Lists changes on stderr: rich with colour, git-word-diff markers without.

    `color` is a ``--color`` choice (``auto``, ``always`` or ``never``);
    `transliterate` shows the text in Buckwalter transliteration.
    """

    def __init__(self, color: str, transliterate: bool = False) -> None:
        self.stream = sys.stderr
        self.color = use_color(color, self.stream)
        self.console: Any = None
        self.transliterate = transliterate

    def show(self, label: str, text: str, changes: Sequence[Change]) -> None:
        """List `changes` (made to `text`, the document before fixing) under `label`."""
        from arclean.report import change_rows, render_changes_plain, render_changes_rich

        rows = change_rows(label, text, changes, transliterate=self.transliterate)
        if not self.color:
            self.stream.write(render_changes_plain(rows))
            self.stream.flush()
            return
        if self.console is None:
            from rich.console import Console

            self.console = Console(
                file=self.stream, force_terminal=True, highlight=False, soft_wrap=True
            )
        for line in render_changes_rich(rows):
            self.console.print(line)
