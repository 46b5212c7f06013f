"""AR302, AR303 and AR304 (opt-in) leave hashtags, mentions and underscore
identifiers alone; AR304 gives no hamza on thin lexicon evidence (a reading
written once blocks; the one reading needs `WELL_ATTESTED`); AR303 keeps
الان before a name (الان شيرر, Alan Shearer).  The tester's texts
(/tmp/breaker2).  See CHANGELOG, "Unreleased"."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.builtins.hamza_readings import WELL_ATTESTED, one_reading, spelling_counts

AR303 = Cleaner(unsafe_fixes=True, select=["AR303"])
AR304 = Cleaner(unsafe_fixes=True, select=["AR304"])

KEPT_BY_AR304 = [
    # hz_tag: the tags are names
    "زار الوفد أمريكا أمس.\n#امريكا #ابراهيم_محلب\nوقال إبراهيم محلب إن الوضع مستقر.",
    "زار الوفد أمريكا أمس. امريكا_اليوم",
    # hz7, hz8: إعمار (reconstruction) is not أعمار (ages)
    "تتفاوت أعمار الضحايا بين العاشرة والستين.\nوعقد مؤتمر اعمار غزة في القاهرة.",
    "تتفاوت الأعمار بين العاشرة والستين.\nوتعهد المانحون بدعم صندوق الاعمار وتمويل اعمار غزة.",
    # hz9, hz10, hz12: إجلاء (evacuation) is not أجلاء (eminent ones)
    "بدأت عملية الإجلاء.\nوحضر علماء أجلاء.\nوبدأ اجلاء الرعايا.",
    "حضر علماء أجلاء.\nوبدأ اجلاء الرعايا.",
    "نعى الأزهر أحد علمائه الأجلاء.\nواستمرت عملية الاجلاء طوال الليل، وتم اجلاء مئات الأسر.",
    # the same shape: an old plural thinly attested, a verbal noun missing
    "هطلت أمطار غزيرة. ثم امطار السحب",
    "قطعت أسلاك الكهرباء. ثم اسلاك",
    "الله يقسم أرزاق العباد. ثم ارزاق",
    "تعددت أعياد المدينة. ثم اعياد",
]


@pytest.mark.parametrize("text", KEPT_BY_AR304)
def test_ar304_keeps(text: str) -> None:
    assert AR304(text) == text


@pytest.mark.parametrize("text", ["#الامم_المتحدة الى", "@اذا_كان الى", "فى_البيت"])
def test_ar303_keeps_tags(text: str) -> None:
    out = AR303(text)
    assert out.split()[0] == text.split()[0]


def test_ar304_still_fixes_well_attested_words() -> None:
    assert AR304("زار إسرائيل ثم غادر اسرائيل") == "زار إسرائيل ثم غادر إسرائيل"
    assert AR304("الأطفال والاطفال") == "الأطفال والأطفال"


@pytest.mark.parametrize(
    ("article", "rest", "seat"),
    [("", "جلاء", "أ"), ("", "عمار", "أ"), ("ال", "عمار", "أ"), ("", "مطار", "أ"),
     ("", "سلاك", "أ"), ("", "رزاق", "أ"), ("", "عياد", "أ")],
)  # fmt: skip
def test_thin_evidence_blocks(article: str, rest: str, seat: str) -> None:
    counts = spelling_counts(article, rest)
    assert counts[seat] < WELL_ATTESTED or any(n for s, n in counts.items() if s != seat), counts
    assert not one_reading(article, rest, seat)


@pytest.mark.parametrize(
    "text",
    [
        "وقال المهاجم الإنجليزي السابق الان شيرر إن الفريق ضعيف.",
        "ورحل الممثل الفرنسي الان ديلون.",
    ],
)
def test_ar303_keeps_a_first_name(text: str) -> None:
    assert AR303(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("حتى الان لم يصل", "حتى الآن لم يصل"),
        ("الان، قال", "الآن، قال"),
        ("هو الان في البيت", "هو الآن في البيت"),
        ("ما يحدث الان.", "ما يحدث الآن."),
        ("الان الرئيس", "الآن الرئيس"),
        ("ولم تتحدد حتى الان موعد عودتهما", "ولم تتحدد حتى الآن موعد عودتهما"),
        ("منذ الان فصاعدا", "منذ الآن فصاعدا"),
    ],
)
def test_ar303_still_fixes_now(text: str, fixed: str) -> None:
    assert AR303(text) == fixed
