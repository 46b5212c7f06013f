"""A verse quoted in braces or round brackets and wrapped over lines (a
Markdown paragraph, a news page cut at a width) is quoted as written, like
one on a single line; a blank line or a long stretch of lines ends it."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.text.masks import QURAN_MAX_LINE_BREAKS, quran_ranges

PROSE = "قال الوزير إن الوضع كان صعباً جداً وإن الحل سيكون سريعاً وواضحاً للجميع"
# The verse's tanween sits before the alef (مُؤْمِنًا); the prose's majority
# puts it on the alef (صعباً): an unprotected verse would be re-spelled.
WRAPPED = [
    "{وَمَنْ يَقْتُلْ مُؤْمِنًا\nمُتَعَمِّدًا فَجَزَاؤُهُ جَهَنَّمُ خَالِدًا فِيهَا}",
    "{وَمَنْ يَقْتُلْ\nمُؤْمِنًا مُتَعَمِّدًا\nفَجَزَاؤُهُ جَهَنَّمُ خَالِدًا فِيهَا}",
    "( وَمَنْ يَقْتُلْ مُؤْمِنًا\nمُتَعَمِّدًا فَجَزَاؤُهُ جَهَنَّمُ خَالِدًا فِيهَا )",
    "(وَمَنْ يَقْتُلْ مُؤْمِنًا مُتَعَمِّدًا\r\nفَجَزَاؤُهُ جَهَنَّمُ خَالِدًا فِيهَا)",
]


@pytest.mark.parametrize("verse", WRAPPED)
@pytest.mark.parametrize("fmt", ["plain", "markdown"])
def test_a_wrapped_verse_is_quoted_as_written(verse: str, fmt: str) -> None:
    text = f"{PROSE}، وقال تعالى {verse} صدق الله العظيم .\n"
    out = Cleaner(format=fmt)(text)
    assert verse in out
    assert "العظيم.\n" in out  # the prose after it is still cleaned


@pytest.mark.parametrize("verse", WRAPPED)
def test_a_wrapped_verse_is_one_quotation(verse: str) -> None:
    text = f"{PROSE} {verse} صدق الله"
    start = text.index(verse[0])
    assert quran_ranges(text) == [(start, start + len(verse))]


@pytest.mark.parametrize(
    "text",
    [
        # a blank line: two paragraphs, no quotation
        "قال {وَمَنْ يَقْتُلْ مُؤْمِنًا\n\nمُتَعَمِّدًا فَجَزَاؤُهُ جَهَنَّمُ} صعباً",
        "قال (وَمَنْ يَقْتُلْ مُؤْمِنًا\n \nمُتَعَمِّدًا فَجَزَاؤُهُ جَهَنَّمُ) صعباً",
        # more line breaks than a wrapped quotation has
        "قال {وَمَنْ\n" + "يَقْتُلْ\n" * QURAN_MAX_LINE_BREAKS + "مُؤْمِنًا} صعباً",
        "قال (وَمَنْ\n" + "يَقْتُلْ\n" * QURAN_MAX_LINE_BREAKS + "مُؤْمِنًا) صعباً",
    ],
)
def test_a_bracket_across_paragraphs_or_many_lines_is_no_quotation(text: str) -> None:
    assert quran_ranges(text) == []


def test_an_unvowelled_bracket_over_lines_stays_prose() -> None:
    text = f"{PROSE} (قال الوزير\nإن الحل قريب جدًا) وكتابًا.\n"
    assert "(قال الوزير\nإن الحل قريب جداً) وكتاباً." in Cleaner()(text)
