"""A zero-width space inside an Arabic word is decided by the lexicon
(AR603): removed where the joined word is known, a space where the two
halves are, otherwise left and reported (AR604).  ZWNJ and RLM carry
meaning and are never touched."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.builtins.invisible import JOIN, SPACE, verdict

ZWSP = "\u200b"


def fix(text: str) -> str:
    return Cleaner()(text)


def codes(text: str) -> set[str]:
    return {f.code for f in Cleaner().check(text)}


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("المست", "شفى", JOIN),
        ("ال", "كتاب", JOIN),
        # both readings are words: left for a person (AR604), never joined
        ("مست", "شفى", None),
        ("رب", "ما", None),
        ("كل", "ما", None),
        ("بين", "ما", None),
        ("إن", "ما", None),
        ("كتاب", "جديد", SPACE),
        ("مِن", "بَعد", SPACE),
        ("كوستا", "ريكا", None),
        ("و", "كتابجديد", None),  # a one-letter half is no word to part
    ],
)
def test_the_lexicon_decides(left, right, expected):
    assert verdict(left, right) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"نقل إلى المست{ZWSP}شفى أمس", "نقل إلى المستشفى أمس"),
        (f"قرأت ال{ZWSP}كتاب", "قرأت الكتاب"),
        (f"كتاب{ZWSP}جديد مفيد", "كتاب جديد مفيد"),
        # arsarcasm_tweets.txt:4299
        (f"تحقيق انطلاقة قوية للعهد{ZWSP}عقدت كتلة", "تحقيق انطلاقة قوية للعهد عقدت كتلة"),
    ],
)
def test_decided_zero_width_spaces(text, expected):
    assert fix(text) == expected
    assert "AR604" not in codes(text)


def test_an_undecided_one_is_left_and_reported():
    text = f"زار كوستا{ZWSP}ريكا"
    assert fix(text) == text
    assert "AR604" in codes(text)
    assert "AR603" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "من می\u200cخواهم بروم",
        f"من می{ZWSP}خواهم بروم",
        "\u200fنص عربي",
        "لأ\u200cن البيئة",
        "كتاب\u200fجديد",
    ],
)
def test_zwnj_rlm_and_persian_are_never_touched(text):
    assert fix(text) == text
    assert "AR604" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "رب\u200bما في السماء",
        "بين\u200bما يملك وما يريد",
        "إن\u200bما قاله صحيح",
        "كل\u200bما قاله صحيح",
    ],
)
def test_two_words_that_also_join_into_one_are_left_and_reported(text):
    """رب​ما is «رب ما» (lord of what) or «ربما» (perhaps): AR603 changes
    neither, and AR604 reports it."""
    assert Cleaner()(text) == text
    assert "AR604" in codes(text)
