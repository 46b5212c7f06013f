"""AR190: a quotation that runs over paragraphs, as books set it, is not a
fault; one left open across a blank line, or never closed, still is."""

from __future__ import annotations

import pytest

from arclean import Cleaner


def unbalanced(text: str) -> list[tuple[int, str]]:
    return [(f.start, f.message.rsplit(": ", 1)[1]) for f in Cleaner(select="AR190").check(text)]


@pytest.mark.parametrize(
    "text",
    [
        "قال: «أولا،\nثانيا،\nثالثا» ثم مضى",  # closed three paragraphs on
        "قال: «أولا،\n«ثانيا،\n«ثالثا» ثم مضى",  # reopened at each paragraph
        "قال: «أولا،\r\nثانيا» ثم مضى",
        "قال “نعم\n“ولا” ثم",  # curly quotes, reopened
    ],
)
def test_quotation_over_paragraphs_is_no_fault(text: str) -> None:
    assert unbalanced(text) == []


def test_blank_line_ends_the_quotation() -> None:
    # News pages: one article's open quotation and a later article's stray closer.
    text = "قال «نعم\n\nعنوان آخر\nثم مضى» وعاد"
    assert unbalanced(text) == [(4, "unclosed «"), (26, "unopened »")]


def test_too_far_is_two_faults() -> None:
    text = "قال «نعم\n" + "سطر\n" * 25 + "ثم مضى»"
    assert [what for _, what in unbalanced(text)] == ["unclosed «", "unopened »"]


def test_the_newest_open_quotation_takes_the_closer() -> None:
    text = "أ «ب\nج «د\nهـ»"
    assert unbalanced(text) == [(2, "unclosed «")]


def test_brackets_pair_within_a_wrapped_paragraph_only() -> None:
    """A bracket closed on a later line of the same paragraph (a wrapped
    Markdown or text paragraph, at most five lines on) is no fault; across
    a blank line, further, or never reopened as quotations are, it is."""
    assert unbalanced("قال (أولا\nثانيا) ثم") == []
    assert unbalanced("[أ\nب\nج] د") == []
    # (since session 26 a line that starts ثانيا) is a list item: the
    # bracket closes after a word of prose here)
    blank = [what for _, what in unbalanced("(أولا\n\nثم ثانيا)")]
    assert blank == ["unclosed (", "unopened )"]
    far = [what for _, what in unbalanced("(أولا\n" + "سطر\n" * 6 + "ثم ثانيا)")]
    assert far == ["unclosed (", "unopened )"]
    assert [what for _, what in unbalanced("(أولا\n\nثانيا) البند")] == ["unclosed ("]
    assert [what for _, what in unbalanced("(أولا\n(ثانيا)")] == ["unclosed ("]


def test_reopened_after_a_blank_line_is_still_a_fault() -> None:
    # news: an article's open quotation, then the next headline opens with «
    text = "قال «نعم ثم مضى\n\n«المزمار».. ضابط الإيقاع"
    assert [what for _, what in unbalanced(text)] == ["unclosed «"]


@pytest.mark.parametrize(
    "text",
    [
        "# عنوان «أ\nفقرة ب» ج",  # out of a heading
        "| «أ | ب |\n| ج» | د |",  # across table rows
    ],
)
def test_never_across_a_heading_or_a_table_row(text: str) -> None:
    assert [what for _, what in unbalanced(text)] == ["unclosed «", "unopened »"]
