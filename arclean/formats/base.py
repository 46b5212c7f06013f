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


def get_format(name: str, front_matter_keys: tuple[str, ...] = ()) -> Format:
    """The format called `name` (``plain``, ``markdown``, ``mdx``, ``html``, ``srt``, ``vtt``)."""
    # Imports are local so that importing this package stays cheap.
    if name == "plain":
        return PlainText()
    if name == "markdown":
        from arclean.formats.markdown import Markdown

        return Markdown(front_matter_keys)
    if name == "mdx":
        from arclean.formats.markdown import Markdown

        return Markdown(front_matter_keys, mdx=True)
    if name == "html":
        from arclean.formats.html import Html

        return Html()
    if name == "srt":
        from arclean.formats.subtitles import Srt

        return Srt()
    if name == "vtt":
        from arclean.formats.subtitles import WebVtt

        return WebVtt()
    raise ArcleanError(f"unknown format {name!r}; choose one of: {', '.join(format_names())}")


def format_for_path(path: str, overrides: dict[str, str] | None = None) -> str:
    """The format name for a file name, from its extension (plain by default)."""
    lower = path.lower()
    for table in (overrides or {}, EXTENSIONS):
        for ext, name in table.items():
            ext = ext if ext.startswith(".") else "." + ext
            if lower.endswith(ext):
                return name
    return "plain"
