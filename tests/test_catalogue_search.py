"""The search profile folds exactly as `arclean.chars.fold` does, which is
what name matching compares on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arclean.api import Cleaner
from arclean.chars import fold, has_arabic_letter

SEARCH = Cleaner(profile="search")
DEFAULT = Cleaner()

# One word made of Arabic letters, marks, tatweel, Persian yeh/keheh and digits.
ALPHABET = (
    [chr(cp) for cp in range(0x0621, 0x063B)]
    + [chr(cp) for cp in range(0x0641, 0x0653)]
    + ["\N{ARABIC LETTER SUPERSCRIPT ALEF}", "\N{ARABIC LETTER ALEF WASLA}"]
    + ["\N{ARABIC LETTER FARSI YEH}", "\N{ARABIC LETTER KEHEH}", "\N{ARABIC HAMZA ABOVE}"]
    + [chr(cp) for cp in range(0x0660, 0x066A)]
    + [chr(cp) for cp in range(0x06F0, 0x06FA)]
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=12).filter(has_arabic_letter))
def test_search_profile_equals_fold_on_words(word):
    # Rules act only on lines holding an Arabic letter (a lone mark or a
    # digit run is not Arabic text), so the property is about such words.
    assert SEARCH(word) == fold(word)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("إِسْطَنْبُولُ", "اسطنبول"),
        ("مُحَمَّدٌ", "محمد"),
        ("أحمد وآمنة وٱلحمد", "احمد وامنه والحمد"),
        ("مسؤول قائم على", "مسوول قايم علي"),
        ("عام ١٤٤٥هـ و۱۹۴۵", "عام 1445ه و1945"),
        (
            "\N{ARABIC LETTER MEEM INITIAL FORM}\N{ARABIC LETTER HAH MEDIAL FORM}"
            "\N{ARABIC LETTER MEEM MEDIAL FORM}\N{ARABIC LETTER DAL FINAL FORM}",
            "محمد",
        ),
        ("جمـــيل", "جميل"),
        ("محمد \N{ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM}", "محمد صلي الله عليه وسلم"),
        ("\N{ARABIC LIGATURE ALLAH ISOLATED FORM}", "الله"),
    ],
)
def test_search_profile_folds(text, folded):
    assert SEARCH(text) == folded
    assert fold(text) == folded


def test_default_profile_never_folds():
    text = "أحمد على مدرسة مسؤول إِسْطَنْبُولُ ١٤٤٥هـ"
    assert DEFAULT(text) == text
