"""Marks shown by themselves (a grammar text citing a vowel) are left as
they are: the spacing forms of the harakat after no letter (AR402), a mark
named, bracketed or on a lone tatweel (AR203, AR204, AR206), which AR207
reports instead."""

from __future__ import annotations

import pytest

from arclean import Cleaner


def fix(text: str, **settings) -> str:
    return Cleaner(**settings)(text)


def codes(text: str) -> set[str]:
    return {f.code for f in Cleaner().check(text)}


# -- AR402: spacing forms of the harakat --------------------------------------

SPACING_ALONE = [
    "الفتحة ( \ufe76 ) والضمة ( \ufe78 )",
    "الشدة \ufe7c والسكون \ufe7e",
    "\ufe7c هي الشدة",
    "الشدة ـ\ufe7d",
    "التنوين: \ufe70 \ufe72 \ufe74",
    "علامة الكسرة «\ufe7a»",
]


@pytest.mark.parametrize("text", SPACING_ALONE)
def test_a_spacing_mark_after_no_letter_is_kept(text):
    out = fix(text)
    kept = [ch for ch in text if "\ufe70" <= ch <= "\ufe7f"]
    assert [ch for ch in out if "\ufe70" <= ch <= "\ufe7f"] == kept
    assert "AR402" not in codes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كتاب\ufe76 جديد", "كتابَ جديد"),
        ("\ufee3\ufea4\ufee4\ufeaa\ufe7c\ufe76", "محمد\u064e\u0651"),
    ],
)
def test_a_spacing_mark_after_a_letter_is_its_mark(text, expected):
    assert fix(text) == expected


# -- AR203, AR204, AR206, AR207: a mark cited alone ----------------------------

CITED = [
    "الشدة \u0651 علامة التضعيف",
    "ومثال الشدة \u0651 في الكلمة",
    "السكون \u0652 علامة",
    "الشدة (\u0651) والتنوين (\u064d)",
    "والتنوين «\u064c» علامة",
    "الشدة ـ\u0651",
    "الكسرتان \u064d وهي علامة الجر",
    "التنوين \u064c يكتب",
    "والشَّدَّة \u0651 فوق الحرف",
]


@pytest.mark.parametrize("text", CITED)
@pytest.mark.parametrize("unsafe", [False, True])
def test_a_cited_mark_is_left_and_reported(text, unsafe):
    assert fix(text, unsafe_fixes=unsafe) == text
    found = codes(text)
    assert "AR207" in found
    assert not {"AR203", "AR204", "AR206"} & found


@pytest.mark.parametrize(
    "text",
    ["كتب \u0651 الدرس", "\u064b \u0645\u0631\u062d\u0628\u0627", "قال: \u064b مرحبا بكم"],
)
def test_a_mark_cut_off_before_a_word_is_still_ar206(text):
    assert "AR206" in codes(text)
    assert "AR207" not in codes(text)
    assert fix(text, unsafe_fixes=True) != text


@pytest.mark.parametrize("text", ["كتابٌ", "مُحَمَّدٌ (كذا)", "جمـَيل", "عام ١٤٤٥هـ"])
def test_marks_on_letters_are_not_cited(text):
    assert "AR207" not in codes(text)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("دخل من فتحة \u064d صغيرة", "دخل من فتحة\u064d صغيرة"),  # فتحة: an opening
        ("السكون \u064c علامة", "السكون\u064c علامة"),
    ],
)
def test_a_mark_after_another_marks_name_is_no_citation(text, fixed):
    """Only the mark a name names is cited: a kasratan after فتحة (an
    opening, here) is a tanween cut off, and goes back to its word."""
    assert "AR207" not in codes(text)
    assert fix(text) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [("شكرا \ufe70 جزيلا", "شكراً جزيلا"), ("محمد \ufe7c", "محمد \u0651")],
)
def test_a_spacing_mark_after_an_ordinary_word_is_a_mark_pdf_spaced_out(text, fixed):
    """After an ordinary word and a space (PDF extraction: شكرا ﹰ جزيلا) the
    spacing form is the word's mark again; only after a mark's name, a
    bracket, a quote or a tatweel is it cited."""
    assert fix(text) == fixed
