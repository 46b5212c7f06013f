"""Issue 9: the names step never changes the meaning of a text.

Every rewrite the issue lists under "Why" (seen on real news and books) is
rebuilt here in a small news-like context where the two spellings co-occur,
sharing cue words, and run through the library as `arclean pipe names` runs
it (`Reconciler(fuzzy=True, tier="auto")`, `prepare` then `rewrite`): the
word must be left alone.
"""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

from arclean.names.glossary import GlossaryError, glossary_from_clusters, loads_glossary
from arclean.names.model import Cluster, Member
from arclean.names.tokens import words

# (word that must stay, the better-attested word it was turned into, text)
CASES = [
    ("المكرمين", "المجرمين",
     "قال الأمير إن المجرمين سينالون جزاءهم. وأكد الأمير أن المجرمين لن يفلتوا. "
     "وقال الأمير إن المجرمين معروفون. وكرم الأمير المكرمين في الحفل."),
    ("بايرن", "إيران",
     "قال الرئيس إن إيران تتفاوض. وأكد الرئيس أن إيران مستعدة. وقال إن إيران قوية. "
     "وفاز بايرن ميونيخ على ضيفه، وقال مدرب بايرن إن الفريق جاهز."),
    ("جوبا", "كوبا",
     "قال الرئيس إن كوبا تنفتح. وأكد الرئيس أن كوبا مستعدة. وزار الوفد كوبا. "
     "ووصل الرئيس إلى العاصمة جوبا أمس."),
    ("نواف", "نائف",
     "قال الأمير نائف إن الأمن مستتب. وأكد الأمير نائف أن الجهود مستمرة. "
     "وقال الأمير نائف إن. واستقبل الأمير نواف الوفد."),
    ("نواف", "نايف",
     "قال الأمير نايف إن الأمن مستتب. وأكد الأمير نايف أن الجهود مستمرة. "
     "وقال الأمير نايف إن. واستقبل الأمير نواف الوفد."),
    ("استهداف", "استهدف",
     "قال المتحدث إن الطيران استهدف مواقع. وأكد أن الطيران استهدف مخازن. "
     "وقال إن الطيران استهدف آليات. وأدان المتحدث استهداف المدنيين."),
    ("يحتجون", "يحتاجون",
     "قال الوزير إن السكان يحتاجون الماء. وأكد أن السكان يحتاجون الدعم. "
     "وقال إن السكان يحتاجون المساعدة. وقال إن العمال يحتجون أمام الوزارة."),
    ("لحيتك", "لحياتك",
     "قال الشيخ لحياتك قيمة. وقال لحياتك معنى. وقال لحياتك حق. وقال لحيتك بيضاء."),
    ("ثوريا", "سوريا",
     "قال الرئيس إن سوريا تعاني. وأكد الرئيس أن سوريا صامدة. وقال إن سوريا ستنهض. "
     "وقال الرئيس إن خطابا ثوريا لا يكفي."),
    ("ألعب", "الأب",
     "قال الأب إن ابنه مريض. وأكد الأب أن الطبيب تأخر. وقال الأب إنه ينتظر. "
     "وقال الطفل أنا ألعب في الحديقة."),
    ("أدرس", "إدريس",
     "قال إدريس إن الامتحان صعب. وأكد إدريس أن الطلاب مستعدون. وقال إدريس إنه متفائل. "
     "وقال الطالب أنا أدرس في الجامعة."),
    ("لمدح", "لمدة",
     "قال الرئيس إن الاجتماع استمر لمدة ساعة. وأكد أن الوفد بقي لمدة يومين. "
     "وقال إن الزيارة امتدت لمدة أسبوع. وقال إن الخطاب كان لمدح الجيش."),
    ("الخوارق", "الخوارج",
     "قال الشيخ إن الخوارج خرجوا. وأكد الشيخ أن الخوارج قاتلوا. وقال الشيخ إن الخوارج هزموا. "
     "وقال الشيخ إن الخوارق لا تصدق."),
    ("تشغيل", "تشكيل",
     "قال الرئيس إن تشكيل الحكومة قريب. وأكد الرئيس أن تشكيل الحكومة ضروري. "
     "وقال إن تشكيل الحكومة تأخر. وقال الوزير إن تشغيل المصنع بدأ."),
    ("جزأين", "جازان",
     "قال الأمير إن جازان تنمو. وأكد الأمير أن جازان آمنة. وزار الأمير جازان. "
     "وقال الأمير إن الخطة مقسمة إلى جزأين."),
    ("ميلاني", "ميلوني",
     "قالت رئيسة الوزراء ميلوني إن. وأكدت ميلوني أن. وقالت ميلوني إن. وقالت ميلاني إن."),
    ("مازح", "مازن",
     "قال مازن إن الوضع صعب. وأكد مازن أن الحل قريب. وقال مازن إنه متفائل. وقال مازح إن."),
    ("هاكام", "هاكان",
     "قال هاكان إن تركيا مستعدة. وأكد هاكان أن الحوار مهم. وقال هاكان إنه. وقال هاكام إن."),
    ("كميل", "كامل",
     "قال كامل إن الوضع صعب. وأكد كامل أن الحل قريب. وقال كامل إنه متفائل. وقال كميل إن."),
    ("خليد", "خالد",
     "قال خالد إن الوضع صعب. وأكد خالد أن الحل قريب. وقال خالد إنه متفائل. وقال خليد إن."),
    ("الاخيرة", "الأخيرة",
     "وفي الأخيرة قال الوزير. وفي المرة الأخيرة أكد. وفي الجولة الأخيرة قال. "
     "وفي الساعات الأخيرة أعلن. وفي المرة الاخيرة قال."),
    ("الخوالد", "الخالد",
     "قال الشيخ إن الخالد باق. وأكد الشيخ أن الخالد. وقال الشيخ إن الخالد. وقال إن الخوالد."),
]  # fmt: skip


@pytest.mark.parametrize(("word", "other", "text"), CASES, ids=[c[0] for c in CASES])
def test_a_word_is_not_turned_into_another_word(word: str, other: str, text: str) -> None:
    assert word in text and other in text
    assert [(o, n) for o, n in _rewrites(text) if word in o] == []


def test_the_seed_name_is_still_reconciled() -> None:
    from conftest import SEEDS

    text = (SEEDS / "000_1e98b3542325010d.txt").read_text(encoding="utf-8")
    assert set(_rewrites(text)) == {("فيان", "فيدان")}


def test_one_cue_word_does_not_carry_a_consonant_edit() -> None:
    # the seed's kind of edit (a consonant dropped) with a shared cue only
    text = "ثم أضاف فيدان إن. وقال فيدان إن. وأكد فيدان أن. وقال فيدان إن. ثم أضاف فيان إن."
    assert _rewrites(text) == []


def test_a_name_neighbour_and_a_cue_carry_a_consonant_edit() -> None:
    text = (
        "ثم أضاف فيدان إن. وقال فيدان إن. وأكد فيدان أن. وقال فيدان إن. "
        "ثم أضاف فيان إن. والتقى الوزير هاكان فيان أمس."
    )
    assert ("فيان", "فيدان") in _rewrites(text)


def test_diacritized_and_stretched_names_are_one_word() -> None:
    assert words("قال مُحَمَّدٌ إن") == ["قال", "مُحَمَّدٌ", "إن"]
    assert words("محـــمد وفيدانُ") == ["محـــمد", "وفيدانُ"]


# --- glossaries -------------------------------------------------------------


def test_contradictory_glossary_fails_at_load_naming_both_entries() -> None:
    text = (
        'version = 1\n[[entity]]\ncanonical = "فيدان"\nvariants = ["فيان"]\n'
        '[[entity]]\ncanonical = "فيان"\nvariants = ["فيدان"]\n'
    )
    with pytest.raises(GlossaryError) as exc:
        loads_glossary(text, "g.toml")
    assert "#1" in str(exc.value) and "#2" in str(exc.value)


def test_chained_glossary_fails_at_load() -> None:
    text = (
        'version = 1\n[[entity]]\ncanonical = "أ"\nvariants = ["ب"]\n'
        '[[entity]]\ncanonical = "ب"\nvariants = ["ج"]\n'
    )
    with pytest.raises(GlossaryError, match="#2"):
        loads_glossary(text, "g.toml")


def test_glossary_written_at_tier_auto_holds_only_auto_members() -> None:
    cl = Cluster(
        "جازان",
        [
            Member("جازان", 9),
            Member("جيزان", 2, "auto", 0.35, ["auto"]),
            Member("جزأين", 1, "review", 0.7, []),
            Member("كازان", 1, "review", 0.35, []),
        ],
        "auto",
    )
    auto = glossary_from_clusters([cl], "auto")
    assert [(e.canonical, e.variants) for e in auto.entries] == [("جازان", ["جيزان"])]
    review = glossary_from_clusters([cl], "review")
    assert review.entries[0].variants == ["جيزان", "جزأين", "كازان"]
