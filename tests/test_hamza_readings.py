"""AR303 and AR304 never give a hamza to a word whose spellings are two
words (الاعلام: الأعلام flags or الإعلام media), with the article, a
proclitic or a pronoun suffix; a suffixed word with one reading that may
look like an imperative (ابيها, اشكرك) is still fixed.  See CHANGELOG,
"Unreleased", Fixed."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.builtins.hamza_readings import attested_readings, word_readings
from arclean.locations import builtin_rules_dir
from arclean.names.lexicon import strip_marks

AR303 = Cleaner(unsafe_fixes=True, select=["AR303"])
AR304 = Cleaner(unsafe_fixes=True, select=["AR304"])

#: The tester's texts (/tmp/breaker/hz) and new cases of the kind: the text
#: writes one hamza form, and the bare word may be the other word.
TWO_WORDS = [
    "زار وفد جامعة الإمام محمد بن سعود الرياض. وقال إن العلاقات تمضي خطوة الى الامام",
    "قال وزير الإعلام إن الحفل بدأ. ورفعت الاعلام على المباني",
    "كفارة الايمان إطعام عشرة مساكين. الإيمان بالله واجب",
    "علم الإعراب صعب. ثم جاء الاعراب من البادية",
    "جماعة الإخوان ثم جاء الاخوان التوأمان",
    "مقر الإمارة. ظهرت الامارة على وجهه",
    # new: أفعال plurals against إفعال verbal nouns, and others
    "إحياء التراث واجب، والاحياء يرزقون",
    "إعمال العقل ثم اعمال الخير",
    "الإجرام جريمة، ونظر إلى الاجرام السماوية",
    "الإشراف على العمل بيد اشراف القوم",
    "الإعراض عن اللغو، ثم ظهرت الاعراض",
    "الإلهة إيزيس، ثم عبدوا الالهة",
    "وقف إمامه، ثم وقف امامه",
    "أقامتها الدولة. اقامتها في المدينة",
    # the books write إثبات only: the text's أثبات is not spread
    "رواه أثبات ثقات. اثبات الحق واجب",
    # امرأة with its hamza lost is hamzat wasl, not أمراة
    "أمراة ثم امراة",
    # an imperative with a pronoun (know him!) stays
    "أعرفه جيدا. قال: اعرفه",
    "أذهب إلى السوق. قال له: اذهب",
]


@pytest.mark.parametrize("text", TWO_WORDS)
def test_ar304_never_respells_a_word_with_two_readings(text):
    assert AR304(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pronoun-suffixed words with one reading, once skipped as imperatives
        ("أبيها ثم ابيها", "أبيها ثم أبيها"),
        ("أمرها ثم امرها", "أمرها ثم أمرها"),
        ("أشكرك ثم اشكرك", "أشكرك ثم أشكرك"),
        ("أهلها ثم اهلها", "أهلها ثم أهلها"),
        # احمرّ (it turned red) is a word, but الاحمر is only الأحمر
        ("الأحمر والاحمر", "الأحمر والأحمر"),
        ("زار إسرائيل ثم غادر اسرائيل", "زار إسرائيل ثم غادر إسرائيل"),
    ],
)
def test_ar304_still_fixes_a_word_with_one_reading(text, expected):
    assert AR304(text) == expected


@pytest.mark.parametrize(
    ("article", "rest"),
    [("ال", "علام"), ("وال", "علام"), ("ال", "مام"), ("ال", "يمان"), ("ال", "عراب"),
     ("ال", "خوان"), ("ال", "مارة"), ("", "عمالهم"), ("", "ذهب")],
)  # fmt: skip
def test_two_readings_are_attested(article, rest):
    assert len(attested_readings(article, rest)) >= 2


def test_a_rare_spelling_is_no_reading():
    # آلى (he swore) is written 14 times against 31,612 إلى: under MIN_SHARE.
    assert word_readings("الى") == {"\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"}
    assert word_readings("الان") == {"\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"}


def _lexicon_entries() -> list[tuple[str, str]]:
    lines = (builtin_rules_dir() / "hamza_lexicon.tsv").read_text(encoding="utf-8").splitlines()
    return [(p[0], p[1]) for p in (line.split("\t") for line in lines if line and line[0] != "#")]


@pytest.mark.parametrize(("bare", "hamza"), _lexicon_entries())
def test_every_ar303_entry_has_one_reading(bare, hamza):
    bare, hamza = strip_marks(bare), strip_marks(hamza)
    seat = next(h for b, h in zip(bare, hamza, strict=True) if b != h)
    assert word_readings(bare) <= {seat}


@pytest.mark.parametrize(
    "text", ["انا لله وانا اليه راجعون", "الاخبار", "كفارة الايمان", "خطوة الى الامام"]
)
def test_ar303_leaves_words_with_two_readings(text):
    assert AR303(text).replace("إلى", "الى") == text
