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
    """All of stdin in UTF-8, decoded for a command without ``--encoding``
    (`pipe`: see `arclean.io.read.decode`, whose errors it raises, saying to
    convert other encodings); `name` labels messages."""
    from arclean.errors import InputError
    from arclean.io.read import BinaryFile, decode

    try:
        return decode(read_stdin_bytes(), name, option=False)
    except BinaryFile as exc:
        raise InputError(exc.piped(option=False)) from None


def stderr_isatty() -> bool:
    """Is stderr a terminal (where change listings go)?"""
    return bool(sys.stderr.isatty())


def stdout_isatty() -> bool:
    """Is stdout a terminal (a person reading, not a file or a program)?"""
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def display_name(label: str) -> str:
    """An input's name in status messages: ``<stdin>`` for ``-``, a name
    holding a control character quoted as git quotes it (``"n\\nl.txt"``),
    bidi controls named (``<U+202E RIGHT-TO-LEFT OVERRIDE>``)."""
    from arclean.report.diff import shown_name

    return "<stdin>" if label == "-" else shown_name(label)


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


def use_color(choice: str, stream: IO[Any], *, patch: bool = False) -> bool:
    """Whether to colour `stream`: --color first, then NO_COLOR, then
    FORCE_COLOR, then whether `stream` is a terminal.  A `patch` (the
    ``--diff`` output, made for ``git apply``) is coloured by FORCE_COLOR
    only on a terminal, as git colours its diffs: CI logs set FORCE_COLOR,
    and a patch file with escape codes applies nowhere."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR") and not patch:
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(
    changed: int,
    unchanged: int,
    errors: int,
    dry_run: bool,
    skipped: Sequence[str] = (),
    paths: Sequence[str] = (),
) -> str:
    """The last line of `fix` on files: ``2 files fixed, 1 file left unchanged``;
    with no file at all, why (`skipped`: what was left out and why)."""
    parts = []
    if changed:
        parts.append(f"{plural(changed, 'file')} {'would be fixed' if dry_run else 'fixed'}")
    if unchanged:
        parts.append(f"{plural(unchanged, 'file')} left unchanged")
    if errors:
        parts.append(f"{plural(errors, 'error')}")
    if parts:
        return ", ".join(parts)
    if skipped:
        return "no files fixed: " + "; ".join(skipped)
    return no_files("fix", paths)


def no_files(verb: str, paths: Sequence[str] = ()) -> str:
    """Why `fix` or `check` found nothing to work on in `paths` (folders
    with no file it reads)."""
    from arclean.formats.base import EXTENSIONS
    from arclean.io.discover import in_git_repository

    where = f" in {', '.join(paths)}" if paths else ""
    left_out = (
        "that git does not ignore"
        if any(in_git_repository(p) for p in paths or ["."])
        else "that is not hidden"
    )
    return (
        f"no files to {verb}{where}: no file with a known extension ({' '.join(EXTENSIONS)}) "
        f"{left_out} and the configuration does not exclude"
    )


class ChangePrinter:
    """Lists changes on stderr: rich with colour, git-word-diff markers without.

    `color` is a ``--color`` choice (``auto``, ``always`` or ``never``);
    `transliterate` shows the text in Buckwalter transliteration.  With
    `limit`, rows are held back until they pass it: a longer listing is
    replaced by a count per rule (`finish`).
    """

    def __init__(self, color: str, transliterate: bool = False, limit: int | None = None) -> None:
        self.stream = sys.stderr
        self.color = use_color(color, self.stream)
        self.console: Any = None
        self.transliterate = transliterate
        self.limit = limit
        self.held: list[Any] = []
        self.counts: dict[str, int] = {}
        self.overflow = False

    def show(self, label: str, text: str, changes: Sequence[Change]) -> None:
        """List `changes` (made to `text`, the document before fixing) under `label`."""
        from arclean.report import change_rows

        for change in changes:
            for code in change.codes:
                self.counts[code] = self.counts.get(code, 0) + 1
        if self.overflow:
            return
        rows = change_rows(label, text, changes, transliterate=self.transliterate)
        if self.limit is None:
            self._print(rows)
            return
        self.held.extend(rows)
        if len(self.held) > self.limit:
            self.overflow = True
            self.held = []

    def finish(self) -> None:
        """Print what was held back, or the count per rule if it was too long."""
        if self.overflow:
            total = sum(self.counts.values())
            lines = [
                f"{plural(total, 'change')} (more than a screenful; --show-changes lists each):"
            ]
            lines += [f"{n:>7}  {code}" for code, n in sorted(self.counts.items())]
            self.stream.write("".join(line + "\n" for line in lines))
            self.stream.flush()
        elif self.held:
            self._print(self.held)
        self.held = []

    def _print(self, rows: Sequence[Any]) -> None:
        from arclean.report import render_changes_plain, render_changes_rich

        if not self.color:
            self.stream.write(render_changes_plain(rows))
            self.stream.flush()
            return
        if self.console is None:
            from rich.console import Console

            # Colour was decided (--color, NO_COLOR, FORCE_COLOR): TERM=dumb
            # must not take it away, or old and new would run together.
            self.console = Console(
                file=self.stream,
                force_terminal=True,
                color_system="standard",
                no_color=False,
                highlight=False,
                soft_wrap=True,
            )
        for line in render_changes_rich(rows):
            self.console.print(line)


def screenful() -> int:
    """How many change lines fit on the terminal before a summary is better."""
    import shutil

    return max(20, shutil.get_terminal_size((80, 24)).lines - 4)


def statistics(counts: dict[str, int], fixable: set[str], slugs: dict[str, str]) -> str:
    """``  COUNT CODE [*] slug`` per rule, most frequent first (ruff's --statistics)."""
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "[*]" if code in fixable else "   "
        lines.append(f"{count:>7} {code} {mark} {slugs.get(code, '')}".rstrip())
    return "".join(line + "\n" for line in lines)
