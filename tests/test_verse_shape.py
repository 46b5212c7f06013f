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
