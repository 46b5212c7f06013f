"""Format names, extensions and the cheap import of the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from arclean.errors import ArcleanError
from arclean.formats import EXTENSIONS, PlainText, format_for_path, get_format
from arclean.text.spans import Span

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("a.txt", "plain"),
        ("a.md", "markdown"),
        ("A.MARKDOWN", "markdown"),
        ("x/y.mdx", "mdx"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.srt", "srt"),
        ("a.vtt", "vtt"),
        ("a.rst", "plain"),
    ],
)
def test_format_for_path(path: str, name: str) -> None:
    assert format_for_path(path) == name
    assert get_format(name).name == name


def test_overrides_and_unknown() -> None:
    assert format_for_path("a.qmd", {"qmd": "markdown"}) == "markdown"
    assert set(EXTENSIONS.values()) == {"plain", "markdown", "mdx", "html", "srt", "vtt"}
    with pytest.raises(ArcleanError):
        get_format("docx")


def test_plain_is_one_span() -> None:
    text = "<!-- arclean-disable -->نص"
    assert PlainText().prose_spans(text) == [Span(0, len(text))]


def test_import_is_cheap() -> None:
    code = "import sys, arclean.formats; print('markdown_it' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"
