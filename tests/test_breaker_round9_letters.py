"""Round 9 of the breaker's reports on the letters, diacritics, alef and
invisible rules: each fault as a kind (the reported lines and more of the
same), and the counter-examples that must stay as they are."""

from __future__ import annotations

import unicodedata

import pytest

from arclean import Cleaner
from arclean.chars import WORD_END_LETTERS
from arclean.text.presentation import DUAL_JOINING_LETTERS


def fix(text: str, **settings) -> str:
    return Cleaner(**settings)(text)


# -- 1. AR402: presentation forms that show a word break ---------------------------

#: The reported tweets (arsarcasm_tweets.txt 3316, 2033, 2075, 2020, 5638, 9382).
WORD_BREAKS = [
    ("ﺍﻷﺳﺪﻋﺎﻡ 2013 ﻛﺎﻥﺧﻄﺄ ﺣﻘﻴﻘﻴﺎً", "الأسدعام 2013 كان خطأ حقيقياً"),
    ("ﻓﻲﻣﻘﺎﺑﻠﺔ", "في مقابلة"),
    ("ﺍﻟﺒﺮﻳﻄﺎﻧﻴﺔﻳﻘﻮﻝﺇﻥ", "البريطانية يقول إن"),
    ("ﻛﻴﺮﻱﺃﺭﻯ", "كيري أرى"),
    ("ﺍﻟﻌﺴﻴﺮﻱﻭﻻﺗﺮﻛﻦ", "العسيري ولاتركن"),
    ("ﺑﺤﺒﻚﺷﺎﻳﻒ", "بحبك شايف"),
    ("ﻧﻔﻮﺱﺍﻟﻜﺜﻴﺮ", "نفوس الكثير"),
    ("#نوال_الزغبيﻫﻲّ", "#نوال_الزغبي هيّ"),
    ("ﺍﻟﻌﺮﺑـــﻲﻭﻋﻠــﻢ", "العربي وعلم"),
    # The kind: ة and ى end words; a ligature's last letter counts.
    ("ﻣﺪﺭﺳﺔﺍﻟﺒﻨﺎﺕ", "مدرسة البنات"),
    ("ﻋﻠﻰﻛﻞ", "على كل"),
    ("ﻣﻦَّﺍﻟﻠﻪ", "منَّ الله"),
    ("ﺑﺴﻢﷲ", "بسم ﷲ"),
]

#: One word each: letters that join on the right only, hamza, keyboard lam-alef.
ONE_WORD = [
    ("ﺍﻷﺳﺪ", "الأسد"),
    ("ﻛﺘﺎﺏ", "كتاب"),
    ("ﺷﻲﺀ", "شيء"),
    ("ﻣﺴﺎﺀﻟﺔ", "مساءلة"),
    ("ﺩﺭﺍﺳﺔ", "دراسة"),
    ("خﻻص", "خلاص"),
    ("أصﻻ", "أصلا"),
    ("مارأيتهﷺ", "مارأيتهﷺ"),
    # A lone keyboard proclitic before a pasted word (second breaker round).
    ("بﺍﻟﻘﺎﻫﺮﺓ", "بالقاهرة"),
    # Text set wholly in isolated forms shows no joins to read.
    ("ﻙﺕﺍﺏ", "كتاب"),
    ("ﺍﻝﻉﺭﺏﻱﺓ", "العربية"),
    ("ﻝﺍ ﻳﻮﺟﺪ", "لا يوجد"),
]


@pytest.mark.parametrize(("text", "expected"), WORD_BREAKS + ONE_WORD)
def test_presentation_forms_write_the_word_break_they_show(text: str, expected: str) -> None:
    assert fix(text) == expected


def test_joining_classes_come_from_unicode_data() -> None:
    dual = set("بتثجحخسشصضطظعغفقكلمنهيئ")
    right_only = set("اأإآدذرزوؤء")
    assert dual <= DUAL_JOINING_LETTERS
    assert not right_only & DUAL_JOINING_LETTERS
    assert {"\N{ARABIC LETTER TEH MARBUTA}", "\N{ARABIC LETTER ALEF MAKSURA}"} <= (
        DUAL_JOINING_LETTERS | WORD_END_LETTERS
    )
    for letter in DUAL_JOINING_LETTERS:
        assert unicodedata.category(letter) == "Lo"


# -- 2. A Quran verse between braces is masked like ﴿…﴾ ---------------------------

VERSE = "{وَمَنْ يَقْتُلْ مُؤْمِنًا مُتَعَمِّدًا فَجَزَاؤُهُ جَهَنَّمُ خَالِدًا فِيهَا}"


@pytest.mark.parametrize(
    "text",
    [
        "كان الاجتماع مثمراً وناجحاً جداً ومفيداً، وقال الشيخ: " + VERSE,
        "قال: {لِيَبْلُوَكُمْ أَيُّكُمْ أَحْسَنُ عَمَلًا} وكان واضحاً",
        "قال: { إنَّمَا الْأَعْمَالُ بِالنِّيَّاتِ } وكان واضحاً",
    ],
)
def test_braced_verse_is_quoted_exactly(text: str) -> None:
    assert fix(text) == text


def test_braced_verse_counts_for_no_majority() -> None:
    # Five before-alef spellings in the verse, two on-alef in the prose.
    text = VERSE + " " + "{عَلِيمًا حَكِيمًا} قال واضحاً وسريعاً ثم كتابًا"
    assert fix(text) == VERSE + " " + "{عَلِيمًا حَكِيمًا} قال واضحاً وسريعاً ثم كتاباً"


def test_braced_verse_is_one_masker_with_ornate_parentheses() -> None:
    from arclean.text.masks import protected_ranges, quran_ranges

    text = "قال " + VERSE + " و﴿قُلْ هُوَ اللَّهُ أَحَدٌ﴾"
    verse = text.index("{")
    assert quran_ranges(text)[0] == (verse, verse + len(VERSE))
    assert len(quran_ranges(text)) == 2
    assert protected_ranges(text) == quran_ranges(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not vowelled: braces as quotation marks in the news, templates, code.
        ("قال {كتابًا جميلًا} واضحاً", "قال {كتابًا جميلًا} واضحًا"),
        ("انتحاري {الطوارئ} قال واضحاً وسريعًا وكتابًا", "انتحاري {الطوارئ} قال واضحًا وسريعًا وكتابًا"),
        ("مرحبا {name} قال واضحاً وسريعًا وكتابًا", "مرحبا {name} قال واضحًا وسريعًا وكتابًا"),
        ("{اسم} قال واضحاً وسريعًا وكتابًا", "{اسم} قال واضحًا وسريعًا وكتابًا"),
        # Vowelled Arabic mixed with Latin letters is not a verse either.
        ("{مُؤْمِنًا x} قال واضحاً", "{مُؤْمِنًا x} قال واضحًا"),
        # Over a blank line (two paragraphs): no pair.
        ("{وَمَنْ يَقْتُلْ\n\nمُؤْمِنًا} قال واضحاً", "{وَمَنْ يَقْتُلْ\n\nمُؤْمِنًا} قال واضحًا"),
    ],
)
def test_braces_that_are_no_verse_stay_prose(text: str, expected: str) -> None:
    assert fix(text) == expected


# -- 3. E-mail addresses and URLs with Arabic (IDN) domains are frozen -------------


@pytest.mark.parametrize(
    "text",
    [
        "راسلونا على info@الصحة.مصر للمزيد",
        "راسلونا على info@وزارة-الصحة.الحكومة.مصر للمزيد",
        "البريد: news.desk@أخبار.السعودية، وشكرا",
        "info@موقع٢.امارات",
        "زوروا https://موقع.مصر/صفحة للمزيد",
        "زوروا www.موقع.مصر/صفحة للمزيد",
    ],
)
def test_arabic_domains_are_frozen(text: str) -> None:
    from arclean.text.masks import link_ranges

    assert fix(text) == text
    (token,) = [w.rstrip("،") for w in text.split() if "@" in w or "." in w]
    assert [text[a:b] for a, b in link_ranges(text)] == [token]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("راسلونا على info@الصحة.مصر للمزيد", "info@الصحة.مصر"),
        ("البريد: news.desk@أخبار.السعودية، وشكرا", "news.desk@أخبار.السعودية"),
        # One script per domain: a Latin address does not take in an Arabic word.
        ("info@example.com.وقال", "info@example.com"),
        # No dot: no domain.
        ("info@الصحة قال", None),
        # breaker5 (session 21): an Arabic local part (an internationalised
        # address), which the names step split (فيس بوك@example.com)
        ("راسلونا على فيسبوك@example.com اليوم", "فيسبوك@example.com"),
        ("أو عبدالعزيز@example.com.", "عبدالعزيز@example.com"),
        # one script per local part: a Latin one after an Arabic word
        ("العنوانinfo@example.com", "info@example.com"),
        # a mention is no address
        ("شكرا@محمد جدا", None),
    ],
)
def test_email_domain_is_latin_or_arabic(text: str, address: str | None) -> None:
    from arclean.text.masks import link_ranges

    found = [text[a:b] for a, b in link_ranges(text)]
    assert found == ([address] if address else [])


# -- 4. AR301: a hamza or madda mark after the letter's other marks (NFD) ----------

HAMZA_WORDS = ["أَحْمَد", "إِسْلَام", "آمَنَ", "مُؤْمِن", "سُؤَال", "سَيِّئَة", "مُؤَسَّسَة", "رُؤُوس", "بِئْر"]


@pytest.mark.parametrize("word", HAMZA_WORDS)
def test_nfd_text_composes_to_nfc(word: str) -> None:
    nfd = unicodedata.normalize("NFD", word)
    assert nfd != word
    assert fix(nfd, select=["AR301"]) == unicodedata.normalize("NFC", word)
    assert fix(nfd) == fix(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u0627\u064e\u0654", "أَ"),  # the report: NFD of أَ
        ("\u0627\u0650\u0655", "إِ"),
        ("\u0648\u064f\u0654", "ؤُ"),
        ("\u0627\u0654\u064e", "أَ"),  # the order that was already composed
        ("\u064a\u0651\u064e\u0654", "\u0626\u064e\u0651"),  # shadda and fatha, canonical
    ],
)
def test_hamza_mark_after_vowels_composes(text: str, expected: str) -> None:
    assert fix(text, select=["AR301"]) == expected


@pytest.mark.parametrize("text", ["\u0671\u064e\u0654", "\u06d5\u0654", "\u0627\u064e", "أَحمد"])
def test_other_letters_and_composed_text_stay(text: str) -> None:
    assert fix(text, select=["AR301"]) == text


# -- 5. AR602: balanced isolates inside a line are the recommended mechanism -------

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
RLO, LRO, RLE, PDF = "\u202e", "\u202d", "\u202b", "\u202c"


def bidi_findings(text: str) -> list[tuple[int, str]]:
    return [(f.start, text[f.start]) for f in Cleaner().check(text) if f.code == "AR602"]


@pytest.mark.parametrize(
    "text",
    [
        # arsarcasm_tweets.txt: Twitter's isolates around hashtags.
        f"{RLI}#اليمن{PDI} على مفترق طرق: أوقف الحرب {LRI}https://t.co/x{PDI}",
        f"الزعيم {RLI}#عادل_امام{PDI} فى عزاء {RLI}#محمود_عبدالعزيز{PDI}  https://t.co/y",
        f"احتل هولاكو {RLI}حلب عام{PDI} 1260م",
        f"سؤال {RLI}#الجزيرة{PDI}#كيري هو من",
        # The kind: any isolate, nested, several on a line, over several lines.
        f"a {FSI}x {LRI}y{PDI} z{PDI} b",
        f"{FSI}{RLI}{LRI}x{PDI}{PDI}{PDI}",
        f"نص {FSI}أ{PDI}\nسطر {LRI}b{PDI} آخر {RLI}ج{PDI}",
    ],
)
def test_balanced_isolates_in_a_line_are_not_reported(text: str) -> None:
    assert bidi_findings(text) == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # Left open, or a PDI with nothing to close (truncated tweets).
        (f"هل الجميع {RLI}مفلس؟!#ليبيا", [RLI]),
        (f"العصائب الشيعية {PDI} هنا", [PDI]),
        (f"{RLI}x{PDI}{PDI}", [PDI]),
        (f"{RLI} {RLI}x{PDI}", [RLI]),
        # Split over two lines: the bidi algorithm closes it at the line end.
        (f"a {RLI}x\ny{PDI} z", [RLI, PDI]),
        # Overrides always; an isolate holding one is no clean pair.
        (f"نص {RLO}معكوس{PDF} هنا", [RLO, PDF]),
        (f"a {LRI}b {RLO}c{PDF} d{PDI} e", [LRI, RLO, PDF, PDI]),
        (f"a {LRI}b {RLE}c{PDF} d{PDI} e", [LRI, RLE, PDF, PDI]),
        # Trojan Source (CVE-2021-42574): commenting-out and stretched string.
        (f"/*{RLO} }} {LRI}if (isAdmin){PDI} {LRI} begin admins only */", [RLO, LRI]),
        (f'if access_level != "user{RLO} {LRI}// Check if admin{PDI} {LRI}":', [RLO, LRI]),
        # Nested deeper than three: the outer pair is reported.
        (f"{FSI}{FSI}{FSI}{FSI}x{PDI}{PDI}{PDI}{PDI}", [FSI, PDI]),
    ],
)
def test_what_can_reorder_text_is_still_reported(text: str, reported: list[str]) -> None:
    assert [ch for _, ch in bidi_findings(text)] == reported


def test_a_long_line_of_isolates_is_judged_pair_by_pair() -> None:
    line = f"{RLI}#وسم{PDI} " * 20000 + RLI * 20000 + PDI * 20000
    findings = bidi_findings(line)
    assert len(findings) == 40000 - 2 * 3
