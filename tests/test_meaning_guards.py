"""Faults where a default or opt-in rule changed what a text means, each as
a kind: the tester's sample, new cases of the same kind, and
counter-examples (see CHANGELOG, "Unreleased", Fixed)."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.builtins.alef import is_hamzat_wasl
from arclean.locations import builtin_rules_dir
from arclean.text.foreign import final_yeh

DEFAULT = Cleaner()
MARKDOWN = Cleaner(format="markdown")
AR304 = Cleaner(unsafe_fixes=True, extend_select=["AR304"])
AR302 = Cleaner(unsafe_fixes=True, extend_select=["AR302"])

ZWSP = "\N{ZERO WIDTH SPACE}"
ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
RLM = "\N{RIGHT-TO-LEFT MARK}"


def codes(cleaner: Cleaner, text: str) -> list[str]:
    return [f.code for f in cleaner.check(text)]


# ---------------------------------------------------------------------------
# 1. A final Persian-keyboard ی is spelt per word, from the attested forms.
# ---------------------------------------------------------------------------

UNDECIDED = [
    # the samples: Ali is not the preposition على
    "قال علی لاريجاني رئيس البرلمان",
    "بالإمام علی بن أبي طالب",
    # new cases of the kind: words attested with both letters
    "ذهب إلی المدرسة في الصباح",
    "وفی بوعده في المدينة",
    "ولی الأمر في المدرسة",
    "والتقى وعلی في المدينة",
    "المسائل التي ألقی بها في الدرس",
]


@pytest.mark.parametrize("text", UNDECIDED)
def test_a_word_attested_with_both_letters_is_left_and_reported(text):
    assert DEFAULT(text) == text
    assert "AR407" in codes(DEFAULT, text)


RESOLVED = [
    # the samples
    ("وصل هادی إلى المدينة", "وصل هادي إلى المدينة"),
    ("البرنامج النووی للدولة", "البرنامج النووي للدولة"),
    ("بدأ باثنی عشر رجلا في المدينة", "بدأ باثني عشر رجلا في المدينة"),
    ("الشيعة الاثنی عشرية في المدينة", "الشيعة الاثني عشرية في المدينة"),
    # new cases: only one letter attested, or a nisba adjective
    ("جلس على الكرسی", "جلس على الكرسي"),
    ("المؤتمر الدولی والعربی للثقافة", "المؤتمر الدولي والعربي للثقافة"),
    ("الهجوم الدموی على المدينة", "الهجوم الدموي على المدينة"),
    ("والتعليم الثانوی في المدينة", "والتعليم الثانوي في المدينة"),
]


@pytest.mark.parametrize(("text", "expected"), RESOLVED)
def test_a_word_attested_with_one_letter_takes_it(text, expected):
    assert DEFAULT(text) == expected


#: Attested only with ى in the books (before 1951), yet another word or a
#: name today: nothing becomes ى; a person chooses (AR407).
ONLY_MAKSURA_IN_THE_BOOKS = [
    "مصطفی كامل في المدينة",
    "المدينة الكبری",
    "تبرع رجل أعمال ثری بمبلغ كبير",  # ثري rich, not ثرى soil
    "قال الرئيس مرسی في خطابه",  # the name, not مرسى anchorage
    "انتشر العنف الأسری في المدن",  # domestic, not the prisoners
    "تطور البرنامج الذری الإيراني",  # atomic, not the peaks
    "هذه الخطوة تنهی الحرب",  # ends, not forbids
    "قرر الوزير أن يلغی القرار",  # active, not passive
    "وصل إلى محافظة الزلفی صباحا",  # a town
]


@pytest.mark.parametrize("text", ONLY_MAKSURA_IN_THE_BOOKS)
def test_nothing_becomes_alef_maksura(text):
    assert DEFAULT(text) == text
    assert "AR407" in codes(DEFAULT, text)


@pytest.mark.parametrize(
    ("word", "letter"),
    [
        ("علی", None),
        ("إلی", None),
        ("وعلی", None),
        ("هادی", "ي"),
        ("النووی", "ي"),
        ("بالنووی", "ي"),
        ("مصطفی", "ى"),
        ("المستشفی", "ى"),
        ("النصاری", "ى"),
        ("الأقصی", "ى"),
        ("لاريجانی", None),
    ],
)
def test_final_yeh_decision(word, letter):
    assert final_yeh(word) == letter


def test_the_derived_list_names_its_source_and_script():
    head = (builtin_rules_dir() / "final_yeh_lexicon.tsv").read_text(encoding="utf-8")[:600]
    assert "Hindawi" in head and "scripts/build_final_yeh.py" in head


# ---------------------------------------------------------------------------
# 2. Persian and Kurdish quoted inside an Arabic paragraph stay as written.
# ---------------------------------------------------------------------------

QUOTED = [
    # the samples
    ("قال الشاعر الإيراني: «من و تو یکی هستیم» ثم سكت .", "«من و تو یکی هستیم»"),
    ("اللغة الكردية: کوردی ، والفارسية: فارسی", "کوردی"),
    ("اللغة الكردية: کوردی ، والفارسية: فارسی", "فارسی"),
    ("قال بالفارسية: این کتاب خوب است ، و رفت.", "این کتاب خوب است"),
    # new cases of the kind
    ("كتب على الجدار: «ما هم آدم هستیم» ثم رحل.", "«ما هم آدم هستیم»"),
    ("قال المترجم (بالفارسية: کتاب من) ثم ضحك.", "کتاب من"),
    ("العراق (بالكردية: كۆماری عێراق) هي دولة عربية", "كۆماری عێراق"),
    ("وردد الجمهور «زن زندگی آزادی» في الشوارع.", "«زن زندگی آزادی»"),
    ("قالت: «می\u200cخواهم بروم» ثم غادرت المدينة.", "«می\u200cخواهم بروم»"),
]


@pytest.mark.parametrize(("text", "kept"), QUOTED)
def test_a_persian_quotation_inside_arabic_is_kept(text, kept):
    assert kept in DEFAULT(text)


ARABIC_ON_PERSIAN_KEYBOARD = [
    (
        "قرأت كتاب التجرید وهو یحقق المسائل التی ألقی بها فی الدرس.",
        "قرأت كتاب التجريد وهو يحقق المسائل التي ألقی بها في الدرس.",
    ),
    ("هذا الکتاب جمیل جدا في المدينة", "هذا الكتاب جميل جدا في المدينة"),
    ("وهی الكلمة الذی یعنی الكثیر", "وهي الكلمة الذي يعني الكثير"),
    ("قال «الکتاب جمیل» و ذهب في الصباح", "قال «الكتاب جميل» وذهب في الصباح"),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC_ON_PERSIAN_KEYBOARD)
def test_arabic_typed_on_a_persian_keyboard_is_still_fixed(text, expected):
    assert DEFAULT(text) == expected


def test_waw_is_never_joined_next_to_a_persian_word():
    assert DEFAULT("نحن في الكتاب: من و تو یکی هستیم") == "نحن في الكتاب: من و تو یکی هستیم"
    assert DEFAULT("السلام و الحرب") == "السلام والحرب"


# ---------------------------------------------------------------------------
# 3. Hamzat wasl is never given a hamza by AR304.
# ---------------------------------------------------------------------------

WASL = [
    # the sample
    "وصل الوفد يوم الأثنين.\nوعاد الوفد يوم الاثنين.",
    # new cases of the kind
    "قدم الإدعاء حجته ثم رد الادعاء",
    "أطمأن الرجل ثم اطمأن",
    "الإضطراب والاضطراب",
    "الإزدهار والازدهار",
    "وبالإستقبال وبالاستقبال",
]


@pytest.mark.parametrize("text", WASL)
def test_ar304_never_gives_hamzat_wasl_a_hamza(text):
    assert AR304(text) == text


def test_ar304_still_unifies_a_real_hamza():
    assert AR304("زار إسرائيل ثم غادر اسرائيل") == "زار إسرائيل ثم غادر إسرائيل"
    assert AR304("الأطفال والاطفال") == "الأطفال والأطفال"


@pytest.mark.parametrize("word", ["اثنين", "الاثنين", "ادعاء", "اطمأن", "استقبال", "انتخاب"])
def test_hamzat_wasl_list_and_patterns(word):
    rest = word[3:] if word.startswith("ال") else word[1:]
    assert is_hamzat_wasl(rest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يوم الأثنين", "يوم الاثنين"),
        ("الإدعاء العام", "الادعاء العام"),
        ("أطمأن قلبه", "اطمأن قلبه"),
        ("وبالإستقبال", "وبالاستقبال"),
    ],
)
def test_the_hamza_form_is_the_misspelling_ar302_fixes(text, expected):
    assert AR302(text) == expected


def test_no_hamza_lexicon_entry_is_a_hamzat_wasl_word():
    rules = builtin_rules_dir()
    lexicon = (rules / "hamza_lexicon.tsv").read_text(encoding="utf-8").splitlines()
    targets = {line.split("\t")[1] for line in lexicon if line and not line.startswith("#")}
    wasl = (rules / "hamzat_wasl.tsv").read_text(encoding="utf-8").splitlines()
    misspelt = {line.split("\t")[0] for line in wasl if line and not line.startswith("#")}
    assert not targets & misspelt


# ---------------------------------------------------------------------------
# 4. Presentation forms: a tatweel only for a one-letter word; no space
#    from the spacing shadda and tanween ligatures.
# ---------------------------------------------------------------------------

PRESENTATION = [
    # the samples
    ("#\ufe8e\u0631\u062d\u0644", "#ارحل"),
    ("كلمة \ufe8e\ufe8e", "كلمة اا"),
    ("قال\ufc5e هنا", "قال\u064c\u0651 هنا"),
    # new cases of the kind
    ("@\ufe8e\u0644\u0648\u0637\u0646", "@الوطن"),
    ("(\ufeaa\u0627\u0631)", "(دار)"),
    ("قال\ufc60 هنا", "قال\u064e\u0651 هنا"),
    ("قال\ufe7c هنا", "قال\u0651 هنا"),
    ("قال\ufc62 هنا", "قال\u0650\u0651 هنا"),
    # the audited case: a one-letter word keeps its look
    ("سنة ٦٣٣\ufeeb،", "سنة ٦٣٣هـ،"),
    ("\ufe91 «مرلي»", "بـ «مرلي»"),
]


@pytest.mark.parametrize(("text", "expected"), PRESENTATION)
def test_presentation_forms(text, expected):
    assert DEFAULT(text) == expected


# ---------------------------------------------------------------------------
# 5. A zero-width space between two letters separates two words.
# ---------------------------------------------------------------------------

ZERO_WIDTH = [
    # the sample
    (f"كتاب{ZWSP}جديد مفيد", "كتاب جديد مفيد"),
    # new cases of the kind
    (f"قال{ZWSP}الرئيس إن", "قال الرئيس إن"),
    (f"في{ZWSP}{ZWSP}البيت", "في البيت"),
    (f"مِن{ZWSP}بَعد", "مِن بَعد"),
    # where it separates nothing it goes
    (f"كتاب{ZWSP} جديد", "كتاب جديد"),
    (f"كتاب{ZWSP}، جديد", "كتاب، جديد"),
    (f"{ZWSP}كتاب جديد{ZWSP}", "كتاب جديد"),
]


@pytest.mark.parametrize(("text", "expected"), ZERO_WIDTH)
def test_zero_width_space(text, expected):
    assert DEFAULT(text) == expected


@pytest.mark.parametrize(
    "text",
    [f"می{ZWNJ}خواهم", f"{RLM}نص عربي", f"كتاب {RLM}جديد", f"الكتاب{ZWNJ}ها في البيت"],
)
def test_zwnj_and_rlm_are_never_touched(text):
    assert DEFAULT(text) == text


# ---------------------------------------------------------------------------
# 6. Math in Markdown: \( \) and \[ \] are frozen like $ $.
# ---------------------------------------------------------------------------

MATH = [
    "المعادلة \\(س , ص\\) هنا",
    "المعادلة $س , ص$ هنا",
    "ثم \\[س , ص ?\\] هنا",
    "نص \\(ع , ل\\) ثم \\(م , ن\\) هنا",
]


@pytest.mark.parametrize("text", MATH)
def test_markdown_math_is_frozen(text):
    assert MARKDOWN(text) == text


def test_markdown_prose_around_math_is_still_cleaned():
    assert MARKDOWN("المعادلة \\(س , ص\\) هنا , ثم") == "المعادلة \\(س , ص\\) هنا، ثم"


# -- a Quranic quotation left open does not freeze what follows ----------------


def test_an_unclosed_ornate_parenthesis_protects_nothing_far_away():
    text = "قال ﴿ نص\nقال ، ثم\nقال ، ثم\nقال ، ثم\nآية ﴾ هنا\n"
    assert DEFAULT(text) == text.replace(" ،", "،")


def test_a_quotation_on_its_own_line_pairs_there_not_with_an_earlier_mark():
    text = "آية ﴾ هنا\nقال ﴿ آية ، ﴾ ثم ، هنا\n"
    assert DEFAULT(text) == "آية ﴾ هنا\nقال ﴿ آية ، ﴾ ثم، هنا\n"


def test_a_quotation_over_two_lines_is_still_protected():
    text = "قال ﴿ آية ،\nتتمة ، ﴾ ثم ، هنا\n"
    assert DEFAULT(text) == "قال ﴿ آية ،\nتتمة ، ﴾ ثم، هنا\n"


def test_the_stream_chunker_pairs_as_the_masker_does():
    from arclean.chunks import _quotes_closed

    data = bytearray("قال ﴿ نص\nقال ، ثم\nقال ، ثم\nقال ، ثم\nآية\n".encode())
    assert _quotes_closed(data, len(data))
    data = bytearray("قال ﴿ نص\nقال ، ثم\n".encode())
    assert not _quotes_closed(data, len(data))


# -- the letter و named, or particles listed, is not joined -----------------------


@pytest.mark.parametrize(
    "text",
    ["يكتب حرف و في أول الكلمة", "الحرف و هو حرف عطف", "حروف العطف هي و ثم أو", "وبحرف و تبدأ"],
)
def test_waw_named_or_listed_stays_apart(text):
    assert DEFAULT(text) == text
