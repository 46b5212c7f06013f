"""AR502 tells a poem's gap of three spaces from prose's slips by what verse
looks like (`arclean.text.verse`): a verse's number at the start of its
line (1-, (١)) does not stop it being verse; two lines of prose that each
hold a slip of three spaces near their middle are not a poem."""

from __future__ import annotations

import pytest

from arclean import Cleaner

G = "   "
IMRU = (
    f"قفا نبك من ذكرى حبيب ومنزل{G}بسقط اللوى بين الدخول فحومل",
    f"فتوضح فالمقراة لم يعف رسمها{G}لما نسجتها من جنوب وشمأل",
)
SHAWQI = (
    f"قم للمعلم وفه التبجيلا{G}كاد المعلم أن يكون رسولا",
    f"أعلمت أشرف أو أجل من الذي{G}يبني وينشئ أنفسا وعقولا",
)


def fix(text: str) -> str:
    return Cleaner(select=["AR502"])(text)


@pytest.mark.parametrize(
    "numbers",
    [
        ("1-", "2-"),
        ("1 -", "2 -"),
        ("(١)", "(٢)"),
        ("١.", "٢."),
        ("[1]", "[2]"),
        ("1)", "2)"),
        ("١ـ", "٢ـ"),
        ("١", "٢"),
    ],
)
@pytest.mark.parametrize("poem", [IMRU, SHAWQI])
def test_a_numbered_verse_keeps_its_gap(numbers, poem):
    text = "".join(f"{n} {line}\n" for n, line in zip(numbers, poem, strict=True))
    assert fix(text) == text


POEMS = {
    # one rhyme (a qasida)
    "qasida": (
        f"على قدر أهل العزم تأتي العزائم{G}وتأتي على قدر الكرام المكارم\n"
        f"وتعظم في عين الصغير صغارها{G}وتصغر في عين العظيم العظائم\n"
    ),
    # each line's halves rhyme with each other, the rhyme changing (مزدوج)
    "couplets": (
        f"قال محمد هو ابن مالك{G}أحمد ربي الله خير مالك\n"
        f"مصليا على النبي المصطفى{G}وآله المستكملين الشرفا\n"
    ),
    # two verses of two poems, one after the other: halves of one length
    "two poems": (
        f"ألا ليت الشباب يعود يوما{G}فأخبره بما فعل المشيب\n"
        f"قفا نبك من ذكرى حبيب ومنزل{G}بسقط اللوى بين الدخول فحومل\n"
    ),
    "blank lines between": f"{IMRU[0]}\n\n{IMRU[1]}\n",
    "short Nabati": f"ياشين دار عقبه{G}اليوم شيناه\nوين الصبر ياعين{G}من هو فقدناه\n",
}


@pytest.mark.parametrize("name", POEMS)
def test_a_poem_keeps_its_gap(name):
    assert fix(POEMS[name]) == POEMS[name]


PROSE = {
    # no rhyme, halves unlike a metre's
    "statements": (
        f"وقال الوزير في المؤتمر{G}إن الاجتماع انتهى\nوأكد المتحدث أن الحكومة{G}ستعلن القرار غدا\n"
    ),
    # first halves ending alike (plurals) are no rhyme
    "headlines": (
        f"مقتل تسعة لاجئين سوريين{G}في حادث سير شمال غرب تركيا\n"
        f"الأهلي يسدد مستحقات اللاعبين{G}ويتأهب لتقديم الحوالات البنكية\n"
    ),
    # a verse spells its numbers
    "figures": (
        f"ارتفعت الأسعار بنسبة 5%{G}خلال الشهر الماضي\nوانخفضت الصادرات بنسبة 3%{G}في الربع الأول\n"
    ),
}


@pytest.mark.parametrize("name", PROSE)
def test_two_lines_of_prose_with_a_slip_each_are_fixed(name):
    assert fix(PROSE[name]) == PROSE[name].replace(G, " ")


def test_three_lines_of_one_shape_are_a_poem_rhyme_or_no_rhyme():
    # a stanzaic poem whose rhyme changes: no two lines rhyme, three in a row are verse
    text = (
        f"ونغمة الرباب والشباب{G}تصدح والنساء في الأعتاب\n"
        f"حشد بشوراهم عسير الحصر{G}هنالك اثنان استطالا جدلا\n"
        f"على رياض الزهر والأقاح{G}لولا هضيم الخصر والوشاح\n"
    )
    assert fix(text) == text


QASIDA = (
    f"على قدر أهل العزم تأتي العزائم{G}وتأتي على قدر الكرام المكارم",
    f"وتعظم في عين الصغير صغارها{G}وتصغر في عين العظيم العظائم",
)


def _marked(line: str, mark: str, where: str) -> str:
    return line.replace(G, f"{mark}{G}") if where == "first half" else f"{line}{mark}"


@pytest.mark.parametrize(
    "marks",
    [
        ("(1)", "(2)"),
        ("[1]", "[2]"),
        (" (1)", " (2)"),
        (" ١", " ٢"),
        ("(*)", "(**)"),
    ],
)
@pytest.mark.parametrize(
    "where", [("first half", "line end"), ("line end", "line end"), ("first half", "first half")]
)
def test_a_footnote_mark_or_a_number_at_a_half_s_end_is_not_a_word_of_it(marks, where):
    # a footnote glued to a hemistich (تعرفني(1)) or a verse's number at the end of its line
    lines = [_marked(*args) for args in zip(QASIDA, marks, where, strict=True)]
    text = "".join(f"{line}\n" for line in lines)
    assert fix(text) == text


def test_a_footnote_mark_before_the_second_half_is_not_a_word_of_it():
    text = "".join(f"{line.replace(G, f'{G}(1) ')}\n" for line in IMRU)
    assert fix(text) == text


def test_a_bulleted_verse_keeps_its_gap():
    text = "".join(f"- {line}\n" for line in IMRU)
    assert fix(text) == text


def test_a_list_s_items_side_by_side_are_not_verse():
    # the second half's number is the next item's, not a footnote
    text = (
        f"١٢ - في الكلام على مملكة الدنيمرك{G}١٣ - في الكلام على مملكة باواريا\n"
        f"١٤ - في الكلام على مملكة السويد{G}١٥ - في الكلام على مملكة هولاندة\n"
    )
    assert fix(text) == text.replace(G, " ")


def test_a_poem_rhyming_on_an_alef_maqsura_keeps_its_gap():
    # Ibn Durayd's Maqsura: النقا / الدجى rhyme on the alef itself
    text = (
        f"يا ظبية أشبه شيء بالمها{G}ترعى الخزامى بين أشجار النقا\n"
        f"إما تري رأسي حاكى لونه{G}طرة صبح تحت أذيال الدجى\n"
    )
    assert fix(text) == text


LONG_HALVES = {
    # al-Samaw'al, quoted inside prose
    "samawal": (
        "وقد قال الشاعر:\n"
        f"إذا المرء لم يدنس من اللؤم عرضه{G}فكل رداء يرتديه جميل\n"
        f"وإن هو لم يحمل على النفس ضيمها{G}فليس إلى حسن الثناء سبيل\n"
    ),
    # al-Khansa
    "khansa": (
        f"قذى بعينيك أم بالعين عوار{G}أم ذرفت إذ خلت من أهلها الدار\n"
        f"كأن عيني لذكراه إذا خطرت{G}فيض يسيل على الخدين مدرار\n"
    ),
}


@pytest.mark.parametrize("name", LONG_HALVES)
def test_a_verse_with_seven_word_halves_keeps_its_gap(name):
    assert fix(LONG_HALVES[name]) == LONG_HALVES[name]


RHYMING_PROSE = {
    # ة after different letters: الجديدة / اليومية
    "teh marbuta": (
        f"وزير الصحة يزور المستشفى{G}ويتفقد أقسام الطوارئ الكبرى الجديدة\n"
        f"الأمطار تغرق شوارع المدينة{G}وتعطل حركة السير اليومية\n"
    ),
    # ات: سنوات / المجالات
    "feminine plurals": (
        f"يعمل الفريق على تطوير{G}المشروع منذ سنوات\nوقد حققنا نتائج مهمة جدا{G}في مختلف المجالات\n"
    ),
    # ين: المواطنين / المقيمين
    "masculine plurals": (
        f"استقبل الأمير عددا من المسؤولين{G}في مكتبه بالإمارة أمس مع المواطنين\n"
        f"وناقش معهم خطط التنمية في{G}المنطقة واحتياجات السكان المقيمين\n"
    ),
    # seven- and eight-word halves of even length: even halves alone are no sign then
    "long even halves": (
        f"وقال المتحدث الرسمي باسم الوزارة في بيان صحفي{G}"
        "إن الحكومة سوف تواصل العمل مع كل الشركاء\n"
        f"وأضاف أن الاجتماع المقبل سيعقد في العاصمة قريبا{G}"
        "بحضور عدد كبير من الوزراء من دول المنطقة\n"
    ),
}


@pytest.mark.parametrize("name", RHYMING_PROSE)
def test_a_grammatical_ending_alike_is_no_rhyme(name):
    assert fix(RHYMING_PROSE[name]) == RHYMING_PROSE[name].replace(G, " ")
