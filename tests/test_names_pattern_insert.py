"""A long vowel added after the second letter of a three-letter root is
another word pattern (فعل/فعيل, فعلة/فعيلة), never a slip a name rewrite
may undo (session 18, a new user's tweet: «بشراب شبيكة», a fishnet
stocking, became «بشراب شبكة», a network)."""

from __future__ import annotations

import pytest

from arclean.chars import fold
from arclean.names import Reconciler
from arclean.names.similarity import pattern_insert


@pytest.mark.parametrize(
    ("a", "b"),
    [("شبيكة", "شبكة"), ("حسين", "حسن"), ("سعيد", "سعد"), ("حسون", "حسن"), ("كرام", "كرم")],
)
def test_a_vowel_after_the_second_root_letter_is_another_pattern(a: str, b: str) -> None:
    assert pattern_insert(fold(a), fold(b))
    assert pattern_insert(fold(b), fold(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [("بيرلين", "برلين"), ("ميركيل", "ميركل"), ("زيلينسكي", "زيلنسكي"), ("شبكات", "شبكة")],
)
def test_a_transliteration_vowel_is_no_pattern(a: str, b: str) -> None:
    assert not pattern_insert(fold(a), fold(b))


def test_a_diminutive_is_not_rewritten_into_its_root_word() -> None:
    text = (
        "شبكة الانترنت بطيئة اليوم. شبكة المترو مزدحمة. "
        "شبكة الكهرباء تعطلت. شبكة الطرق جديدة. شبكة المياه قديمة. "
        "صورة واحدة بشراب شبيكة وسيجارة."
    )
    rec = Reconciler(fuzzy=True, tier="auto")
    rec.prepare([text])
    assert rec.rewrite(text)[0] == text
