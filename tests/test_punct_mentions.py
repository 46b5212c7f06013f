"""Session 26: false positives of the punctuation rules found by a tester on
real text: AR105 gluing a stop that AR106 then leaves glued (a domain in
Arabic script, a two-letter word in OCR), named punctuation marks, a named
و, tab-separated columns, and AR190's reports of Hijri years and list
enumerators."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner


def _fix(text: str) -> str:
    return Cleaner().fix(text).text


def _only(code: str, text: str) -> str:
    return Cleaner(select=[code]).fix(text).text


# -- AR105 glues only where AR106 spaces -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "زوروا وزارة .السعودية اليوم",
        "موقع الصحة .مصر للمزيد",
        "زوروا موقع .كوم",
        "موقع وزارة.السعودية للمزيد",
        "زوروا الموقع .com اليوم",
        "زوروا example .sa اليوم",
        "الموقع example.sa هنا",
        "موقع.com",
        "شركة أيه .إم.دي",
        "العربية .نت",
        # messy/arafix_ocr_raw_all.txt:983: the dot may be a misread م (موالد)
        "ماتكرهه من .والد المدام",
        "يا .ولاي",
        "نادي أحد .من جانبه",
    ],
)
def test_ar105_leaves_what_ar106_would_leave_glued(text: str) -> None:
    assert _fix(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("انتهى الاجتماع .ثم غادر", "انتهى الاجتماع. ثم غادر"),
        ("طرح سؤال .هل يعود", "طرح سؤال. هل يعود"),
        ("قال :نعم", "قال: نعم"),
        ("يا له من يوم !ثم", "يا له من يوم! ثم"),
    ],
)
def test_ar105_still_moves_a_stop_ar106_spaces(text: str, fixed: str) -> None:
    assert _fix(text) == fixed


# -- a punctuation mark the text names stays as cited ----------------------

_NAMED = [
    "الفاصلة ( ، ) تكتب بعد الجملة.",
    "الفاصلة ، تكتب بعد الجملة.",
    "علامة الاستفهام ؟ تأتي في آخر السؤال.",
    "استخدم الفاصلة المنقوطة ؛ بين الجملتين.",
    "النقطة . في آخر الجملة.",
    "علامة التعجب ! تأتي بعد التعجب.",
    "النقطتان : تأتيان قبل القول.",
    "النقطتان الرأسيتان ( : ) قبل القول.",
    "علامة الاستفهام ؟؟ مكررة.",
    "علامة التعجب !! مكررة.",
    "الفاصلة , اللاتينية تختلف.",
    "الفاصلة المنقوطة ; اللاتينية.",
    "علامة الاستفهام ? اللاتينية.",
    'والفاصلة « ، » والنقطة (.) وعلامة الاستفهام " ؟ " هنا.',
    "بالفاصلة ، ثم بالنقطة . ثم",
]


@pytest.mark.parametrize("text", _NAMED)
def test_a_named_mark_is_left_as_cited(text: str) -> None:
    for code in ("AR101", "AR102", "AR103", "AR104", "AR105", "AR107"):
        assert _only(code, text) == text, code
    assert _fix(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a line's end after النقطة: a sentence end, not a name
        ("وصلنا إلى النقطة .", "وصلنا إلى النقطة."),
        # نقطة without the article: a score
        ("برصيد 23 نقطة .", "برصيد 23 نقطة."),
        ("فأين هذه العلامة ؟", "فأين هذه العلامة؟"),
        ("بتجربة نقطة الزيت ، انفتح الطريق", "بتجربة نقطة الزيت، انفتح الطريق"),
        ("هل تعرف الفاصلة ؟", "هل تعرف الفاصلة؟"),
        ("عند نقطتين : النقطة الأولى", "عند نقطتين: النقطة الأولى"),
        # the mark named is not the one written
        ("ما الفاصلة ? قال", "ما الفاصلة؟ قال"),
    ],
)
def test_a_mark_after_a_name_that_is_no_citation_is_fixed(text: str, fixed: str) -> None:
    assert _fix(text) == fixed


# -- AR109: a و the text names ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "حرف العطف و يفيد الجمع",
        "استعمل حرف العطف و الحرب هنا مثال",
        "تكتب الواو و منفصلة عما بعدها",
        "رمز العطف هو و يستعمل هنا",
        "أداة العطف و تفيد الجمع",
        "واو العطف و تفيد الجمع",
        "العطف بـ و يفيد الجمع",
        "الحرف ( و ) يفيد الجمع",
        "حرف (و) يفيد الجمع",
    ],
)
def test_ar109_leaves_a_named_waw(text: str) -> None:
    assert _only("AR109", text) == text
    # only AR108 changes any of them: ( و ) → (و)
    assert _fix(text) == _only("AR108", text)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("العطف و الحنان", "العطف والحنان"),
        ("أداة و طريقة", "أداة وطريقة"),
        ("السلام و الحرب", "السلام والحرب"),
    ],
)
def test_ar109_still_joins_the_conjunction(text: str, fixed: str) -> None:
    assert _only("AR109", text) == fixed


# -- a tab beside a comma or semicolon stays a tab --------------------------


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("مصر,\tالأردن", "مصر،\tالأردن"),
        ("مصر ,\tالأردن", "مصر،\tالأردن"),
        ("الاسم,\tالمدينة\tالعمر", "الاسم،\tالمدينة\tالعمر"),
        ("عام 2020,\tقال", "عام 2020،\tقال"),
        ("قال;\tثم", "قال؛\tثم"),
        ("مصر\t,الأردن", "مصر\t,الأردن"),
        ("قال\t;ثم", "قال\t;ثم"),
        # spaces still become one space
        ("مصر,  الأردن", "مصر، الأردن"),
    ],
)
def test_a_tab_that_ends_a_match_is_kept(text: str, fixed: str) -> None:
    assert _fix(text) == fixed


def test_a_jsonl_string_keeps_its_tab_escape() -> None:
    from arclean.api import Cleaner as _Cleaner
    from arclean.jsonl import fix_document

    line = '{"id": 1, "text": "مصر,\\tالأردن قال;\\tثم"}\n'
    assert fix_document(line, ("text",), _Cleaner()).text == (
        '{"id": 1, "text": "مصر،\\tالأردن قال؛\\tثم"}\n'
    )


# -- AR190: enumerators, the Hijri year, a wrapped straight quotation --------


def _reports(text: str) -> list[int]:
    return [f.start for f in Cleaner(select=["AR190"]).check(text)]


@pytest.mark.parametrize(
    "text",
    [
        "توفي سنة 1445 هـ) وكان عالما.",
        "(توفي سنة 1445 هـ)",
        "أولا) البند الأول\nثانيا) البند الثاني\nثالثاً) الثالث",
        "1) الأول 2) الثاني",
        "أ) هذا ب) ذاك\nهـ) الخامس",
        'قال الوزير "إن البلاد مستعدة\nلكل الاحتمالات" ثم غادر.',
    ],
)
def test_ar190_lets_off(text: str) -> None:
    assert _reports(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "قال الوزير 2) ثم",
        "قال ب) ثم",
        'قال "نعم\nثم مضى',
        'قال "نعم\n\nثم" مضى',
        'قال نعم "\nثم" مضى',
        'قال "نعم\nوقال "لا',
        'قال "نعم\nثم\nمضى" هنا',
    ],
)
def test_ar190_still_reports(text: str) -> None:
    assert _reports(text)
