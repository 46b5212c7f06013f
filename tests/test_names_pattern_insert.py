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


@pytest.mark.parametrize(
    ("a", "b"),
    [("انخفاض", "انخفض"), ("استهداف", "استهدف"), ("اجتماع", "اجتمع"), ("الأمطار", "المطار")],
)
def test_a_verbal_noun_or_a_stem_alef_is_another_word(a: str, b: str) -> None:
    assert pattern_insert(fold(a), fold(b))


def test_a_name_with_the_article_keeps_its_vowel_slip() -> None:
    # اليونن is a slip of اليونان, not a derived verb (which never takes ال)
    assert not pattern_insert(fold("اليونان"), fold("اليونن"))


@pytest.mark.parametrize(
    "text",
    [
        # a breaker's news slice (2015-08-09 line 3234): the airport became the rains
        "هطلت الأمطار. هطلت الأمطار.\nوصل الوفد إلى المطار.\n",
        # the noun became the verb (2015-08-09 line 4775)
        "انخفض معدل النمو هذا العام.\n" * 3 + "ويلاحظ انخفاض معدل النمو السنوي.\n",
    ],
)
def test_a_word_is_not_rewritten_into_another_pattern_of_its_root(text: str) -> None:
    rec = Reconciler(fuzzy=True, tier="auto")
    rec.prepare([text])
    assert rec.rewrite(text)[0] == text


def test_a_letter_for_a_foreign_sound_is_never_rewritten_automatically() -> None:
    """A breaker's Wikipedia paragraph: «(ينطق غڤارا)», a note on how the
    name is pronounced, became غيفارا; ڤ is the writer's choice, as for a
    spelling equal after folding (مارڤن / مارفن)."""
    text = (
        "قال غيفارا إن الثورة مستمرة. وكتب غيفارا رسالة. وسافر غيفارا إلى بوليفيا. "
        "وقتل غيفارا هناك. (ينطق غڤارا)"
    )
    rec = Reconciler(fuzzy=True, tier="auto")
    rec.prepare([text])
    assert "غڤارا" in rec.rewrite(text)[0]
    review = Reconciler(fuzzy=True, tier="review")
    clusters = review.prepare([text])
    member = next(m for c in clusters for m in c.members if m.form == "غڤارا")
    assert member.tier == "review" and "letter for a foreign sound" in member.evidence
