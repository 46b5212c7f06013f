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


#: Extensions of the files a text may name (صورة_فيان.png, «تقرير فيدان.pdf»,
#: lower case, no dot): the masker protects such a file name from every rule
#: (`arclean.text.paths`).  arclean's own formats (`EXTENSIONS`) are among
#: them; the rest are the usual document, image, sound, video, archive,
#: data and code extensions.
FILE_EXTENSIONS: frozenset[str] = frozenset(ext[1:] for ext in EXTENSIONS) | frozenset((
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "csv",
    "tsv", "json", "xml", "yaml", "yml", "toml", "png", "jpg", "jpeg", "gif", "bmp", "tif",
    "tiff", "webp", "svg", "heic", "ico", "psd", "mp3", "wav", "ogg", "m4a", "aac", "flac",
    "opus", "mp4", "m4v", "mkv", "avi", "mov", "wmv", "webm", "flv", "3gp", "zip", "rar",
    "7z", "tar", "gz", "tgz", "bz2", "xz", "iso", "apk", "exe", "dmg", "msi", "deb", "rpm",
    "py", "js", "ts", "java", "c", "cpp", "h", "cs", "go", "rs", "rb", "php", "sh", "bat",
    "ps1", "sql", "css", "ipynb", "epub", "mobi", "azw3", "djvu", "log", "ini", "cfg",
    "conf", "bak", "dat", "db", "sqlite",
))  # fmt: skip


def format_names() -> list[str]:
    return sorted({"plain", *EXTENSIONS.values()})
