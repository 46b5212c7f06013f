"""AR502 keeps the gap between the two halves of a line of verse: three
spaces or more between two halves of 2-6 words of about one length, on
every line of a poem (a line beside another such line), not only where
the gap is wide."""

from __future__ import annotations

import pytest

from arclean import Cleaner

POEM = (
    "قفا نبك من ذكرى حبيب ومنزل   بسقط اللوى بين الدخول فحومل\n"
    "فتوضح فالمقراة لم يعف رسمها     لما نسجتها من جنوب وشمأل\n"
    "\n"
    "ألا ليت الشباب يعود يوما   فأخبره بما فعل المشيب\n"
    "قِفا نَبكِ مِن ذِكرى حَبيبٍ وَمَنزِلِ   بِسِقطِ اللِوى بَينَ الدَخولِ فَحَومَلِ\n"
)


def fix(text: str) -> str:
    return Cleaner()(text)


def test_every_line_of_a_poem_keeps_its_gap():
    # The last line's gap of three is kept beside the lines above, over a blank line too.
    assert fix(POEM) == POEM
    assert "AR502" not in {f.code for f in Cleaner().check(POEM)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # More than six words on one side: prose.
        (
            "وقال الوزير في مؤتمر صحفي عقده اليوم   إن الاجتماع انتهى",
            "وقال الوزير في مؤتمر صحفي عقده اليوم إن الاجتماع انتهى",
        ),
        # Halves of very different lengths: a slip.
        ("وقعت الشركة طلبية  جديدة   لشراء طائرات.", "وقعت الشركة طلبية جديدة لشراء طائرات."),
        # One word on a side.
        ("قال   الوزير إن الاجتماع", "قال الوزير إن الاجتماع"),
        # A lone line so parted is no poem: a headline's slip
        # (saudinewsnet_2015-08-09.txt:4892).
        (
            "تركيا تدين التفجير الإرهابي الذي   استهدف مسجد قوات الطوارئ\nأعربت تركيا عن إدانتها.",
            "تركيا تدين التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ\nأعربت تركيا عن إدانتها.",
        ),
        (
            "ألا ليت الشباب يعود يوما   فأخبره بما فعل المشيب",
            "ألا ليت الشباب يعود يوما فأخبره بما فعل المشيب",
        ),
        # Two spaces are no verse gap.
        (
            "ألا ليت الشباب يعود يوما  فأخبره بما فعل المشيب",
            "ألا ليت الشباب يعود يوما فأخبره بما فعل المشيب",
        ),
    ],
)
def test_prose_runs_still_become_one_space(text, expected):
    assert fix(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a footnote glued to a hemistich
        "الخيل والليل والبيداء تعرفني(1)   والسيف والرمح والقرطاس والقلم\n"
        "أنا الذي نظر الأعمى إلى أدبي   وأسمعت كلماتي من به صمم(2)\n",
        # verse numbers at the end of the line
        "على قدر أهل العزم تأتي العزائم   وتأتي على قدر الكرام المكارم ١\n"
        "وتعظم في عين الصغير صغارها   وتصغر في عين العظيم العظائم ٢\n",
        # the Maqsura: النقا / الدجى rhyme on the alef
        "يا ظبية أشبه شيء بالمها   ترعى الخزامى بين أشجار النقا\n"
        "إما تري رأسي حاكى لونه   طرة صبح تحت أذيال الدجى\n",
        # seven-word halves (Tawil)
        "إذا المرء لم يدنس من اللؤم عرضه   فكل رداء يرتديه جميل\n"
        "وإن هو لم يحمل على النفس ضيمها   فليس إلى حسن الثناء سبيل\n",
    ],
)
def test_footnotes_end_numbers_a_maqsura_and_long_halves_keep_the_gap(text):
    assert fix(text).count("   ") == 2
