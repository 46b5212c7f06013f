"""Issue 9, round 18 (docs/names.md, "Round 18 (session 21)"): a short
article writes a long foreign name two to four times and drops or changes
one of its consonants once (`arclean.names.dropped`).

- a consonant of a long name dropped or changed is offered for review,
  not dropped unseen;
- a dropped one is rewritten only with evidence in proportion to a full
  edit: the same first name before both spellings, or every use of the
  slip between two words that also stand around the name;

Traps: one title or cue word, a frame that holds one use of the slip of
two, a definite word (الرمن, an OCR misreading of الزمن), two names
written as one word (عبدالحليم beside عبدالحكيم), a letter swapped in a
long name (two names), a short swap (دمشك) with no word next to both
spellings, even where the text shows دمشق as a name.  The sentences are
made up for these tests.
"""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

from arclean.names import scan
from arclean.names.dropped import dropped_letter, swapped_letter


def _tiers(text: str) -> dict[str, str | None]:
    """Each member's tier in a scan of `text` (tier all)."""
    return {m.form: m.tier for cl in scan([text]) for m in cl.variants}


def test_dropped_and_swapped_letters() -> None:
    assert dropped_letter("كراشي", "كراتشي")
    assert dropped_letter("ستيلاتيس", "ستيلانتيس")
    assert not dropped_letter("ستولمن", "ستولمان")  # a long vowel: its own kind
    assert not dropped_letter("مارتيلو", "مارتيللو")  # one of two equal letters
    assert not dropped_letter("كراتشي", "كراتشي")
    assert swapped_letter("منسليف", "مندليف") and not swapped_letter("كراشي", "كراتشي")


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        # dropped, no word around both spellings: review, not unseen
        (
            "أعلنت شركة ستيلانتيس خطة جديدة. وقال مدير ستيلانتيس إن الخطة"
            " تشمل مصانع. وتملك ستيلاتيس علامات عديدة.",
            "ستيلاتيس",
        ),
        # changed
        (
            "درس بوريسوف الكيمياء طويلا. ونشر بوريسوف كتابا. وقد أثنى الناس على بوريكوف كثيرا.",
            "بوريكوف",
        ),
    ],
)
def test_a_long_names_consonant_slip_is_offered_for_review(text: str, variant: str) -> None:
    assert _tiers(text).get(variant) == "review"
    assert _rewrites(text) == []


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        # both spellings between the same two words
        (
            "وصل الوفد إلى مدينة كراتشي الباكستانية صباحا. وقال مسؤولون إن"
            " كراتشي تستعد. وتعد مدينة كراشي الباكستانية ميناء كبيرا.",
            "كراشي",
            "كراتشي",
        ),
        # the same first name before both spellings, before nothing else
        (
            "قال المهندس جوزيبي ماركوتشيلي إن المشروع يتقدم. وأوضح جوزيبي"
            " ماركوتشيلي أن العمل بدأ. وختم جوزيبي ماركوشيلي حديثه بالشكر.",
            "ماركوشيلي",
            "ماركوتشيلي",
        ),
    ],
)
def test_a_dropped_consonant_with_full_evidence_is_mended(text: str, old: str, new: str) -> None:
    assert (old, new) in _rewrites(text)


TRAPS = [
    # one title before each spelling (and إن, a function word, after)
    "قال الوزير ماركوتشيلي إن المشروع يتقدم. وأوضح ماركوتشيلي أن العمل"
    " بدأ. وقال الوزير ماركوشيلي إن الخطة جاهزة.",
    # the frame holds one use of the slip of two
    "زار الوفد مدينة كراتشي الباكستانية. وقال مسؤولون إن كراتشي تستعد."
    " ووصل الوزير إلى كراتشي ليلا. ونام الجميع في كراتشي هادئين. وتعد مدينة"
    " كراشي الباكستانية ميناء. وتغير كراشي كثيرا.",
    # a title before the frame: a modern noun and its plural (the books miss both)
    "قال مدير برنامج الأمم كلاما. وأضاف أن برنامج الأمم يعمل. وقال مدير برامج الأمم شيئا.",
    # a definite word: the OCR's الرمن is الزمن (time) more often than الرحمن
    "قال عبد الرحمن كلاما طيبا. ثم قال عبد الرحمن كلاما آخر. وقال عبد الرمن كلاما طيبا.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_a_dropped_consonant_without_full_evidence_stays(text: str) -> None:
    assert _rewrites(text) == []


def test_two_names_written_as_one_word_are_no_consonant_slip() -> None:
    """عبدالحليم beside عبدالحكيم ×2: two names; the compound step writes
    each as two words, and no review pairs them."""
    text = (
        "قال عبدالحكيم كلاما. وأضاف عبدالحكيم أمس. وقال عبد الحليم شيئا."
        " ثم قال عبد الحليم شيئا آخر. وغادر عبدالحليم."
    )
    assert ("عبدالحليم", "عبد الحليم") in _rewrites(text)
    paired = {m.form for cl in scan([text]) if cl.canonical == "عبدالحكيم" for m in cl.variants}
    assert "عبدالحليم" not in paired


SHORT = (
    "ولد الشاعر في دمشق وتعلم فيها. ثم عمل في {n} دمشق سنوات. وعاد إلى {v} بعد الحرب. ودفن في دمشق."
)


@pytest.mark.parametrize(
    ("naming", "variant"),
    [
        # tried in round 18 and dropped: the text shows دمشق as a name
        # (جامعة), but a letter swapped in a short word needs a word next to
        # both (eleventh round: «ورحب دمشج بالضيوف» may be a person)
        ("جامعة", "دمشك"),
        ("بيت", "دمشك"),  # no naming noun: no signal
        ("جامعة", "دمشف"),  # no g-sound letter: ق/ف is another word's letter
    ],
)
def test_a_short_swap_without_a_word_next_to_both_stays(naming: str, variant: str) -> None:
    assert _rewrites(SHORT.format(n=naming, v=variant)) == []
