"""Property tests: spans are well formed for any input, and the test-only
rewrite of prose never changes Markdown structure."""

from __future__ import annotations

from _scramble import scramble
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arclean.formats import get_format
from arclean.text.spans import Span

PIECES = [
    "نص",
    "عربي ",
    "word",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "*",
    "_",
    "**",
    "~~",
    "`",
    "```",
    "~~~",
    "    ",
    "> ",
    "- ",
    "1. ",
    "# ",
    "---",
    "===",
    "+++",
    "[",
    "]",
    "](",
    ")",
    "(/u ",
    '"t"',
    "![",
    "[^1]",
    "^[",
    "]: /x",
    "<",
    ">",
    "<b>",
    "</b>",
    "<div>",
    "<!-- c -->",
    "<!-- arclean-disable AR1 -->",
    "<!-- arclean-enable -->",
    "<!-- arclean-disable-next-line -->",
    "&amp;",
    "&#1604;",
    "\\",
    "\\*",
    "|",
    "| a | b |\n|---|---|\n",
    "$",
    "$$",
    "{{",
    "}}",
    "{#id}",
    "https://e.com/a,b",
    "وwww.e.org",
    "a@b.co",
    "\u200f",
    "\x00",
]

markdownish = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(text: str, spans: list[Span]) -> None:
    pos = 0
    for s in spans:
        assert pos <= s.start < s.end <= len(text)
        pos = s.end


@SETTINGS
@given(markdownish)
def test_markdown_spans_well_formed_and_verify_identity(text: str) -> None:
    fmt = get_format("markdown")
    spans = fmt.prose_spans(text)
    check_spans(text, spans)
    # Markdown prose never runs across a line break.
    assert not any("\n" in text[s.start : s.end] for s in spans)
    fmt.verify(text, text)


@SETTINGS
@given(markdownish)
def test_markdown_prose_rewrite_keeps_structure(text: str) -> None:
    fmt = get_format("markdown")
    fmt.verify(text, scramble(text, fmt.prose_spans(text)))


@SETTINGS
@given(markdownish, st.sampled_from(["html", "srt", "vtt", "plain"]))
def test_other_formats_spans_well_formed(text: str, name: str) -> None:
    fmt = get_format(name)
    spans = fmt.prose_spans(text)
    check_spans(text, spans)
    fmt.verify(text, text)
    fmt.verify(text, scramble(text, spans))
