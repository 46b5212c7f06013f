"""A mark's name that is an ordinary word too (فاصلة, النقطة: the point),
before its mark and a new clause (ثم, لكن, بينما): the mark is in use, not
cited, and its stray space goes; a citation stays."""

from __future__ import annotations

import pytest

from arclean import Cleaner


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("توقف عند الفاصلة ، ثم عاد", "توقف عند الفاصلة، ثم عاد"),
        ("عند الفاصلة , ثم توقف", "عند الفاصلة، ثم توقف"),
        ("وصل إلى النقطة . ثم عاد", "وصل إلى النقطة. ثم عاد"),
        ("وصل إلى النقطة .", "وصل إلى النقطة."),
        ("توقف عند النقطة . لكن الطريق طويل", "توقف عند النقطة. لكن الطريق طويل"),
    ],
)
def test_an_ordinary_word_before_its_mark_and_a_new_clause(text: str, want: str) -> None:
    assert Cleaner()(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "الفاصلة ، تكتب بعد الجملة",
        "النقطة . في آخر الجملة",
        "الفاصلة (،) ثم",
        # a list of marks: ثم followed by another mark's name
        "الفاصلة ، ثم الفاصلة المنقوطة ؛ بين الجمل",
        "النقطة . ثم الفاصلة ، في الجملة",
        # علامة الاستفهام is only a mark's name: cited whatever follows
        "علامة الاستفهام ؟ ثم عاد",
    ],
)
def test_a_cited_mark_stays(text: str) -> None:
    assert Cleaner()(text) == text
