"""Fuzz targets for the parts that turn documents into prose spans: the
Markdown aligner (and MDX), and the SubRip and WebVTT scanners.

Each target takes bytes, decodes them as UTF-8 (invalid input is not this
target's business), and checks what must hold for any text:

- the prose spans are sorted, disjoint and inside the text;
- an unchanged text passes the format's structure check;
- cleaning the text with the default rules either succeeds, with a text the
  structure check accepts, or is refused with `StructureChanged`; no other
  exception ever escapes.

`fuzz/run.py` runs them under atheris; the same functions run on a few
fixed inputs in the test suite.
"""

from __future__ import annotations

from collections.abc import Callable

from arclean.api import Cleaner
from arclean.formats import StructureChanged, get_format

_CLEANERS: dict[str, Cleaner] = {}


def _cleaner(name: str) -> Cleaner:
    if name not in _CLEANERS:
        _CLEANERS[name] = Cleaner(format=name)
    return _CLEANERS[name]


def check_format(name: str, text: str) -> None:
    """Raise AssertionError when an invariant of format `name` fails on `text`."""
    fmt = get_format(name)
    spans = fmt.prose_spans(text)
    position = 0
    for span in spans:
        assert position <= span.start < span.end <= len(text), (name, span, len(text))
        position = span.end
    fmt.verify(text, text)
    try:
        fixed = _cleaner(name)(text)
    except StructureChanged:
        return
    fmt.verify(text, fixed)


def target(name: str) -> Callable[[bytes], None]:
    """An atheris test function for format `name`."""

    def one_input(data: bytes) -> None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return
        check_format(name, text)

    return one_input


#: The formats fuzzed, by target name.
FORMATS = {"markdown": "markdown", "mdx": "mdx", "srt": "srt", "vtt": "vtt"}
