"""Issue 9, fifteenth round (docs/names.md, "Fifteenth round"): country
names as name evidence.

The shipped gazetteer holds Wikidata *person*-name tokens only, so a cheap
slip of a country (ترركيا, كلومبيا, الأرجنتن) was never automatic: nothing
said the kept spelling is a name.  `data/places.tsv.gz` now holds the
tokens of Natural Earth's Arabic country names (public domain), without the
tokens the books use mostly as ordinary words (المتحدة, العربية, جزر,
جمهورية, قطر, مالي ...: `scripts/build_names_data.py`, `place_tokens`).

Traps: a place token that is a common word never becomes name evidence; a
country's hamza or final letter written two ways in one text (اسبانيا
beside إسبانيا) stays for review, the writer's choice (the alef rules'
business).
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest
from _names import auto_rewrites as _rewrites

from arclean.chars import fold
from arclean.names import scan
from arclean.names.counting import count_texts
from arclean.names.evidence import Judge
from arclean.names.glossary import Glossary
from arclean.names.lexicon import PLACE, gazetteer, lexicon
from arclean.names.model import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
NAMES = ROOT / "tests" / "fixtures" / "natural_earth_admin0_name_ar.txt"


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_names_data", ROOT / "scripts" / "build_names_data.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_names_data"] = mod
    spec.loader.exec_module(mod)
    return mod


def _judge() -> Judge:
    return Judge(count_texts(["x"]), Glossary(), DEFAULT_SETTINGS)


def test_the_shipped_places_are_natural_earths_by_the_stated_rule() -> None:
    """places.tsv.gz is exactly what the build makes of Natural Earth's
    NAME_AR field (the fixture) with the shipped lexicon and gazetteer:
    nothing added by hand, nothing from the evaluation."""
    build = _build_module()
    names = NAMES.read_text(encoding="utf-8").splitlines()
    assert len(names) == 250
    built = build.place_tokens(names, lexicon(), gazetteer())
    path = ROOT / "arclean" / "names" / "data" / "places.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        shipped = {
            w: int(n) for w, n in (line.rstrip("\n").split("\t") for line in fh if line[0] != "#")
        }
    assert shipped == dict(built)
    assert {"تركيا", "فرنسا", "الأرجنتين", "كولومبيا", "إيران", "البرازيل"} <= set(shipped)


def test_the_dbf_reader_reads_a_character_field(tmp_path: Path) -> None:
    """`dbf_field` on a two-record dBASE III table written here (one of them
    deleted): the field's values, UTF-8, without padding."""
    build = _build_module()
    fields = [(b"NAME", 10), (b"NAME_AR", 20)]
    size = 1 + sum(n for _f, n in fields)
    header = 32 + 32 * len(fields) + 1
    head = bytes([3, 126, 1, 1]) + (2).to_bytes(4, "little")
    head += header.to_bytes(2, "little") + size.to_bytes(2, "little") + bytes(20)
    for name, n in fields:
        head += name.ljust(11, b"\0") + b"C" + bytes(4) + bytes([n, 0]) + bytes(14)
    head += b"\x0d"

    def record(flag: bytes, en: str, ar: str) -> bytes:
        return flag + en.encode().ljust(10, b" ") + ar.encode("utf-8").ljust(20, b"\0")

    data = head + record(b" ", "Chile", "تشيلي") + record(b"*", "Gone", "محذوف") + b"\x1a"
    path = tmp_path / "t.dbf"
    path.write_bytes(data)
    assert build.dbf_field(path, "NAME_AR") == ["تشيلي"]
    assert build.dbf_field(path, "NAME") == ["Chile"]
    with pytest.raises(KeyError):
        build.dbf_field(path, "NAME_FR")


ORDINARY = [
    "المتحدة", "العربية", "الجنوبية", "الشمالية", "جزر", "جمهورية", "جزيرة", "المملكة",
    "قطر", "مالي", "بنين", "الإمارات", "الجزائر", "القمر", "المرجان", "فرنسية", "الأخضر",
    "ساحل", "العاج", "جبل", "بحر", "الوسطى", "سانت",
]  # fmt: skip


@pytest.mark.parametrize("word", ORDINARY)
def test_a_place_word_that_is_an_ordinary_word_is_no_evidence(word: str) -> None:
    judge = _judge()
    assert not judge.place(fold(word))
    assert judge.name_evidence(fold(word)) != PLACE


def test_a_country_is_name_evidence_enough_for_a_rewrite() -> None:
    judge = _judge()
    for word in ("تركيا", "كولومبيا", "الأرجنتين"):
        assert judge.auto_evidence(fold(word)) == PLACE
        assert not judge.common(fold(word))


#: Cheap slips of countries (a doubled letter, a dropped long vowel): review
#: on main (nothing said the kept spelling is a name), rewritten now.
SLIPS = [
    (
        "وصل الوفد إلى تركيا أمس. وقالت الحكومة إن تركيا ستشارك في القمة. "
        "وتعد تركيا شريكا تجاريا مهما. وأكد الوزير أن ترركيا ستستضيف الاجتماع المقبل.",
        [("ترركيا", "تركيا")],
    ),
    (
        "سافر المنتخب إلى كولومبيا للمشاركة في البطولة. وتستضيف كولومبيا المباريات في "
        "ثلاث مدن. وقال المدرب إن الفريق وصل إلى كلومبيا أمس.",
        [("كلومبيا", "كولومبيا")],
    ),
    (
        "يزور الرئيس الأرجنتين الأسبوع المقبل. وقالت الأرجنتين إنها ترحب بالزيارة. "
        "وتصدر الأرجنتين اللحوم. وتعد الأرجنتن من أكبر المصدرين.",
        [("الأرجنتن", "الأرجنتين")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SLIPS, ids=[s[1][0][0] for s in SLIPS])
def test_a_slip_of_a_country_is_rewritten(text: str, expected: list[tuple[str, str]]) -> None:
    assert _rewrites(text) == expected


def test_a_countrys_hamza_written_two_ways_stays_for_review() -> None:
    text = (
        "فازت إسبانيا على إيطاليا. وقال مدرب إسبانيا إن الفوز مستحق. وتصدرت إسبانيا "
        "المجموعة. ولعبت اسبانيا بخطة هجومية. وتلتقي إسبانيا مع فرنسا."
    )
    assert _rewrites(text) == []
    mine = [cl for cl in scan([text], kwic=False) if cl.canonical == "إسبانيا"]
    assert [(m.form, m.tier) for m in mine[0].variants] == [("اسبانيا", "review")]


def test_a_common_word_beside_a_country_word_is_left() -> None:
    """المتحدة (united) is a word of الولايات المتحدة, not a name: its slip
    is not rewritten on the place list's account."""
    text = (
        "وقالت الولايات المتحدة إن الأمم المتحدة ستجتمع. وأكدت المملكة المتحدة "
        "دعمها. وتعمل الأمم المتحدة على الخطة. ودعت المتحده إلى الهدوء."
    )
    assert ("المتحده", "المتحدة") not in _rewrites(text)


def test_a_letter_swapped_into_a_country_needs_more_than_the_list() -> None:
    """ثوريا (revolutionary) is one sound-group letter from سوريا: the place
    list makes no swapped letter automatic (`Judge.auto_evidence` with the
    variant), only a letter dropped, added or doubled."""
    judge = _judge()
    assert judge.auto_evidence(fold("سوريا"), variant=fold("ثوريا")) is None
    assert judge.auto_evidence(fold("سوريا"), variant=fold("سورريا")) == PLACE
    text = (
        "زار الوزير سوريا أمس. وقال إن سوريا تحتاج إلى دعم. ووصل الوفد إلى سوريا. "
        "وأكد أن سوريا مستقرة. وقال الرئيس إن خطابا ثوريا لا يكفي."
    )
    assert _rewrites(text) == []


def test_a_slip_after_a_naming_noun_of_another_kind_is_another_name() -> None:
    """فندق هوليندا (a hotel) beside شمال هولندا: a naming noun of another kind
    before the variant alone makes it a name of its own (`context.other_naming`)."""
    text = (
        "تقع المدينة في شمال هولندا. وتشتهر مزارع شمال هولندا بالزهور. "
        "وزار الوفد شمال هولندا.\nونزل الوفد قرب فندق هوليندا.\n"
    )
    assert _rewrites(text) == []
    assert _rewrites(text.replace("قرب فندق هوليندا", "في جنوب هوليندا")) == [("هوليندا", "هولندا")]


# --- a consonant written twice in an ordinary word (`slips`) ----------------


def test_undoubled_leaves_grammar_alone() -> None:
    from arclean.names.slips import relatives, tripled, undoubled

    assert undoubled("النيلل") == ["النيل"]
    assert undoubled("قواتت") == ["قوات"]  # a plural's ت written twice
    assert undoubled("صوتتها") == ["صوتها"]
    assert undoubled("ووزير") == []  # و + وزير
    assert undoubled("تتفاقم") == []  # ت + تفاقم
    assert undoubled("اللجنة") == []  # ال + لجنة
    assert undoubled("اثبتت") == []  # أثبت + ت, she proved
    assert tripled("الممملكه") and not tripled("المملكه")
    assert relatives("محللي", "محلي", {"المحللين", "محلي"})
    assert not relatives("الوططني", "الوطني", {"الوطني", "الوطن"})


SLIP_WORDS = [
    (
        "ونظم الحزب الوطني مؤتمرا. وقال الحزب الوطني إن الانتخابات قريبة. "
        "ودعا الحزب الوططني أنصاره إلى المشاركة.",
        [("الوططني", "الوطني")],
    ),
    (
        "يمر النيل بعدة دول. ويعد النيل أطول الأنهار. وعلى ضفاف النيلل تقوم المدن.",
        [("النيلل", "النيل")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SLIP_WORDS, ids=[s[1][0][0] for s in SLIP_WORDS])
def test_a_doubled_letter_in_an_ordinary_word_is_rewritten(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _rewrites(text) == expected


LEFT_WORDS = [
    # analysts (construct plural) beside local: the text writes المحللين too
    "وزاد إنتاج محلي للقمح. ويغطي إنتاج محلي الطلب. ويتوقع المحللين نمو إنتاج محلي. "
    "ويرى محللي الأسواق أن السوق تتحسن.",
    # a subscriber beside an office: the text writes الاكتتاب too
    "افتتح مكتب جديد للشركة. وقال مدير مكتب الشركة إن الاكتتاب بدأ. وزار مكتب الشركة "
    "كل مكتتب في المدينة.",
    # a letter written three times: OCR may hide another word («هذه المممات»
    # for المنامات, not الممات); left, even where it is a key held down
    "وقادت المملكة الجهود. وأكدت المملكة دعمها. وفي قمة الخرطوم قادت الممملكة الدول.",
    # صوتت (she voted) beside صوت (a voice)
    "ارتفع صوت الشعب. وسمع صوت المعارضة. وكان صوت العقل غائبا. ثم صوتت الأغلبية.",
]


@pytest.mark.parametrize("text", LEFT_WORDS, ids=["محللي", "مكتتب", "الممملكة", "صوتت"])
def test_a_doubled_letter_that_is_grammar_is_left(text: str) -> None:
    assert _rewrites(text) == []
