"""The base of every format: the `Format` protocol, the structure error, plain
text, and the one table of file extensions.

A format turns a document into *prose spans*: the regions of the source text
that rules may edit.  Everything outside them (code, URLs, markup, timing
lines, front matter) is frozen.  After a rewrite the format checks that its
structure is unchanged and refuses the file otherwise.
"""

from __future__ import annotations

from typing import Protocol

from arclean.errors import ArcleanError
from arclean.text.spans import Span


class StructureChanged(ArcleanError):
    """A rewrite changed something other than prose; the file is refused."""


class Format(Protocol):
    """What every format provides."""

    name: str

    def prose_spans(self, text: str) -> list[Span]:
        """Sorted, non-overlapping regions of `text` that rules may edit."""
        ...

    def verify(self, before: str, after: str) -> None:
        """Raise `StructureChanged` if `after` differs from `before` outside prose."""
        ...


def format_notes(fmt: Format, text: str, label: str) -> list[str]:
    """``label: message`` (``label:line: message``) for what a format has to
    say about `text` beyond findings (a subtitle file with no cue, so nothing
    checked): formats that have something to say define ``notes(text)``."""
    notes = getattr(fmt, "notes", None)
    if notes is None:
        return []
    return [f"{label}:{line}: {m}" if line else f"{label}: {m}" for line, m in notes(text)]


class PlainText:
    """Plain text: all of it is prose."""

    name = "plain"

    def prose_spans(self, text: str) -> list[Span]:
        return [Span(0, len(text))] if text else []

    def verify(self, before: str, after: str) -> None:
        return None


#: The file extensions arclean knows, and the format each selects: the one
#: table (folder walking, `--format` choices and the pre-commit hooks' `files`
#: pattern all derive from it; a test checks `.pre-commit-hooks.yaml`).
EXTENSIONS: dict[str, str] = {
    ".txt": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "mdx",
    ".html": "html",
    ".htm": "html",
    ".srt": "srt",
    ".vtt": "vtt",
}


def format_names() -> list[str]:
    return sorted({"plain", *EXTENSIONS.values()})
