"""The registry of formats: a format by name or by file name.

Formats are imported on first use, so importing this module stays cheap
(markdown-it is slow to import).
"""

from __future__ import annotations

from arclean.errors import ArcleanError
from arclean.formats.base import EXTENSIONS, Format, PlainText, format_names


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
    return _lookup(path, overrides) or "plain"


def known_path(path: str, overrides: dict[str, str] | None = None) -> bool:
    """Does the file name's extension name a format, in `EXTENSIONS` or in a
    configuration's ``[formats]`` `overrides`?  A folder's walk takes only
    such files."""
    return _lookup(path, overrides) is not None


def _lookup(path: str, overrides: dict[str, str] | None) -> str | None:
    lower = path.lower()
    for table in (overrides or {}, EXTENSIONS):
        for ext, name in table.items():
            ext = ext if ext.startswith(".") else "." + ext
            if lower.endswith(ext):
                return name
    return None
