"""Issue 9, ninth round: spellings equal after folding (hamza seat) of a
name that the reference data know as a name but that the books use too
often for `Judge.auto_evidence` (إبراهيم: 291 in the gazetteer, 626 in the
books; إسبانيا, أمريكا).  `Settings.fold_proper_nouns` lets such a spelling
be rewritten into the text's usual one when the books use the word as a
proper noun (`members.proper_noun`); ordinary words stay with the alef
rules, and a variant that is a word of its own stays."""

from __future__ import annotations

import dataclasses

import pytest

from arclean.names import Reconciler, scan
from arclean.names.model import DEFAULT_SETTINGS, Settings

ON = dataclasses.replace(DEFAULT_SETTINGS, fold_proper_nouns=True)
OFF = dataclasses.replace(DEFAULT_SETTINGS, fold_proper_nouns=False)


def _rewrites(text: str, settings: Settings = ON) -> list[tuple[str, str]]:
    rec = Reconciler(fuzzy=True, tier="auto", settings=settings)
    rec.prepare([text])
    return [(r.old, r.new) for r in rec.rewrite(text)[1]]


def _text(usual: str, variant: str, n: int = 3, frame: str = "زار الوفد {} أمس") -> str:
    lines = [frame.format(usual)] * n + [frame.format(variant)]
    # distinct lines, so that no line repeats verbatim
    return "\n".join(f"{line} مرة {i}" for i, line in enumerate(lines)) + "\n"


def test_a_person_name_the_books_use_often_is_merged():
    text = _text("إبراهيم", "ابراهيم", frame="قال {} إن الاجتماع انتهى")
    assert _rewrites(text) == [("ابراهيم", "إبراهيم")]


def test_a_country_in_the_gazetteer_is_merged():
    assert _rewrites(_text("إسبانيا", "اسبانيا")) == [("اسبانيا", "إسبانيا")]
    # a name in -يا whose nisba takes the article (الإيطالي) is no adverb
    assert _rewrites(_text("إيطاليا", "ايطاليا")) == [("ايطاليا", "إيطاليا")]


def test_the_member_says_why():
    text = _text("إسبانيا", "اسبانيا")
    cl = next(c for c in scan([text], kwic=False, settings=ON) if c.canonical == "إسبانيا")
    (m,) = cl.variants
    assert m.tier == "auto"
    assert "the books use 375 times as a proper noun" in m.evidence[-1]


def test_off_by_default_and_when_switched_off():
    text = _text("إسبانيا", "اسبانيا")
    assert DEFAULT_SETTINGS.fold_proper_nouns is False
    assert _rewrites(text, DEFAULT_SETTINGS) == []
    assert _rewrites(text, OFF) == []


def test_both_spellings_in_use_are_left():
    # the text writes both about as often: the writer's choice
    text = _text("إبراهيم", "ابراهيم", n=1, frame="قال {} إن الاجتماع انتهى")
    assert _rewrites(text) == []


def test_a_rare_name_spelling_is_not_enough():
    # twice is not the text's usual spelling (`text_count`, 3)
    assert _rewrites(_text("إسبانيا", "اسبانيا", n=2)) == []


@pytest.mark.parametrize(
    ("usual", "variant"),
    [
        ("أجمل", "اجمل"),  # an adjective, a Wikidata token
        ("أسماء", "اسماء"),  # names (plural), also a first name
        ("الأمطار", "الامطار"),  # a definite plural
        ("الأربعاء", "الاربعاء"),  # a weekday
        ("فجأة", "فجاة"),  # an adverb
        ("أناس", "اناس"),  # people
        ("إرضاء", "ارضاء"),  # a verbal noun
        ("أبنائه", "ابنائه"),  # a noun with a pronoun
        ("الأخيرة", "الاخيرة"),  # the example
    ],
)
def test_ordinary_words_hamza_is_left_to_the_alef_rules(usual: str, variant: str) -> None:
    # a word the lexicon or the gazetteer knows, written with its hamza
    # three times and without once: no name (each one rewritten by a rule
    # that took any name evidence, lexicon alone included)
    assert _rewrites(_text(usual, variant)) == []


def test_the_article_is_not_a_hamza():
    # إلغاء folds to الغاء, which reads as ال + غاء; a verbal noun, left
    assert _rewrites(_text("إلغاء", "الغاء")) == []


def test_a_variant_with_two_readings_is_left():
    # اعلام is أعلام (flags) or إعلام (media): never rewritten into either
    assert _rewrites(_text("أعلام", "اعلام")) == []
    assert _rewrites(_text("إعلام", "اعلام")) == []


def test_a_verb_is_not_a_name():
    # أحمد is a name; أحمد in «أحمد الله» is also "I praise": the text
    # conjugates أطلق (أطلقت), a verb of the text
    text = _text("أطلق", "اطلق") + "أطلقت الشرطة سراحه\n"
    assert _rewrites(text) == []
