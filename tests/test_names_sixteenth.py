"""Issue 9, sixteenth round (docs/names.md, "Sixteenth round"): one short
article, a name written two to five times and a slip of it once.

- a cheap edit (a long vowel, a sound-group letter) into a name the text
  itself shows as one (right after a title, a naming noun or a
  well-attested first name) is rewritten when the slip is no word at all
  (`arclean.names.shown`);
- a hamza or final-letter spelling of a name the text writes twice, twice
  beside a name or title, is rewritten (`Settings.fold_text_count`).

Traps: a verb after a naming noun, a name signal across punctuation, a
word no source calls a name after one title only.  The sentences are made
up for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _eval import eval_module
from _names import auto_rewrites as _rewrites

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        # a vowel dropped from a surname shown after a first name and a title
        (
            "استقبل الوزير كريم زوبلاني وفدا من المستثمرين. وقال زوبلاني إن"
            " المشروع سيبدأ قريبا. وأضاف زوبلني أن التمويل متوفر.",
            "زوبلني",
            "زوبلاني",
        ),
        # a place shown after a naming noun
        (
            "زار الوفد مدينة تالوغاز الساحلية. وتقع تالوغاز في الشمال. ويسكن تالغاز نحو ألف شخص.",
            "تالغاز",
            "تالوغاز",
        ),
        # a title twice before a word no source knows
        (
            "رحب الرئيس تاغوريمت بالضيوف. قال الرئيس تاغوريمت كلاما. ثم تاغريمت أحدهم.",
            "تاغريمت",
            "تاغوريمت",
        ),
    ],
)
def test_cheap_slip_of_a_name_the_text_shows(text: str, old: str, new: str) -> None:
    assert (old, new) in _rewrites(text)


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (
            "التقى الرئيس سامي دراوشة بالصحفيين. وقال سامي دراوشة إن اللجنة"
            " جاهزة. وأضاف دراوشه أن الانتخابات في موعدها.",
            "دراوشه",
            "دراوشة",
        ),
        (
            "افتتح محمد أوزمير المعرض. قال محمد أوزمير إن الزوار كثر. وأضاف"
            " اوزمير أن المعرض يستمر أسبوعا.",
            "اوزمير",
            "أوزمير",
        ),
    ],
)
def test_fold_spelling_of_a_name_written_twice(text: str, old: str, new: str) -> None:
    """Seen twice (not three times, `text_count`), both times after a
    first name: the text's usual spelling of a name."""
    assert (old, new) in _rewrites(text)


@pytest.mark.parametrize(
    "text",
    [
        # ستنطلق = س + تنطلق (will set off), after «منطقة»: a verb, no name
        "ذكر المدير أن منطقة ستنطلق فيها الحملة كبيرة. وقال إن الحملة ستنطلق"
        " غدا. ثم ستنطلاق القوافل.",
        # «كريم · زوبلاني»: a list, not a full name
        "حضر كريم · زوبلاني والمدير. وقال زوبلاني إن المشروع سيبدأ قريبا."
        " وأضاف زوبلني أن التمويل متوفر.",
        # one title before a word no source calls a name
        "وصل السيد برهوشك إلى القاعة. وجلس برهوشك في الصف الأول. ثم غادر برهشك مبكرا.",
    ],
)
def test_no_name_shown_no_rewrite(text: str) -> None:
    assert _rewrites(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "قال علي إن الأمر على ما يرام. وذهب علي إلى السوق. وعاد على الفور.",
        "وصل الوزير إلى المدينة. وقال الوزير إلي أن الاجتماع انتهى. وعاد إلى بيته.",
        "قال الرئيس إن الجولة الأخيرة حاسمة. والمرحلة الأخيرة صعبة. وهي الاخيرة هنا.",
    ],
)
def test_common_words_written_two_ways_stay(text: str) -> None:
    assert _rewrites(text) == []


def test_documents_mode_plants_one_slip_per_document() -> None:
    """`eval_names.py --documents`: consecutive sentences cut at about N
    words; one respelling of a name the document writes three times."""
    ev = eval_module()
    s1 = "زار كريم زوبلاني المدينة وقال زوبلاني كلاما"
    s2 = "ثم عاد زوبلاني إلى بيته"
    s3 = "وفي يوم آخر سافر أحمد"
    sp = ev.Split([s1, s2, s3], {"زوبلاني"}, [frozenset({"زوبلاني"}), frozenset(), frozenset()])
    docs = ev.documents(sp, words=10)
    assert docs.sentences == [s1 + "\n" + s2, s3]
    assert docs.gold[0] == frozenset({"زوبلاني"})
    p = ev.plant_docs(docs, seed=1)
    assert len(p.planted) == 1
    ((di, start), (orig, new, _kind)) = next(iter(p.planted.items()))
    assert di == 0 and orig == "زوبلاني" and p.sentences[0][start:].startswith(new)
    assert p.sentences[0].count("زوبلاني") == 2
    assert p.tokens == sum(len(s.split()) for s in (s1, s2, s3))
    with pytest.raises(ValueError):
        ev.prepare_split("test", [1], ev.CORPUS, "aqmar", words=300)
