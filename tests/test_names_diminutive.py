"""Session 27, a names breaker: two families whose nisbas differ by a
long vowel after the root's second letter (the diminutive: الشمري and
الشميري, الجهني and الجهيني) and an adjective beside another (العربي,
العروبي, "pan-Arab") are two words, never one's slip for the other.  The
texts are the breaker's (written for the test); the same first name before
both spellings is no evidence of one person."""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

from arclean.chars import fold
from arclean.names.similarity import pattern_insert

CASES = [
    (
        "الشميري",
        "الشمري",
        (
            "أعلنت إدارة نادي الشباب تعاقدها مع المدافع خالد الشمري لمدة ثلاثة "
            "مواسم، قادما من نادي الفتح. وقال خالد الشمري في تصريح صحفي إنه سعيد "
            "بالانضمام إلى الفريق ويطمح إلى تحقيق البطولات. وكان خالد الشمري قد "
            "شارك مع منتخب الشباب في بطولة آسيا الأخيرة.\nمن جهة أخرى، أكد مدير "
            "الكرة في النادي خالد الشميري أن الإدارة تعمل على إنهاء ملف المحترفين "
            "الأجانب قبل بداية المعسكر الخارجي في النمسا."
        ),
    ),
    (
        "العروبي",
        "العربي",
        (
            "صدر حديثا عن دار الشروق في القاهرة كتاب جديد للكاتب سمير العربي بعنوان "
            '"ذاكرة المدينة". ويتناول سمير العربي في كتابه تحولات الحياة في الأحياء '
            "الشعبية خلال نصف قرن. وقال سمير العربي في حفل التوقيع إن الكتاب استغرق "
            "خمس سنوات من البحث.\nويرى نقاد أن الكتاب يبتعد عن الخطاب العروبي الذي "
            "ساد في الستينيات."
        ),
    ),
    (
        "الجهيني",
        "الجهني",
        (
            "استقبل الرئيس التنفيذي للشركة فهد الجهني وفدا من رجال الأعمال "
            "اليابانيين، وبحث فهد الجهني معهم فرص الاستثمار في قطاع البتروكيماويات. "
            "وقال فهد الجهني إن الشركة تخطط لمضاعفة إنتاجها خلال عامين.\nوحضر اللقاء "
            "الدكتور فهد الجهيني أستاذ الهندسة الكيميائية بجامعة الملك سعود."
        ),
    ),
    (
        "العصيمي",
        "العصمي",
        (
            "أعلن مستشفى الملك فهد بجدة نجاح عملية زراعة كبد لطفل في العاشرة، وقال "
            "رئيس الفريق الطبي الدكتور ماجد العصمي إن العملية استغرقت تسع ساعات. "
            "وأضاف ماجد العصمي أن الطفل في حالة مستقرة. وأكد ماجد العصمي أن "
            "المستشفى أجرى عشرين عملية مماثلة هذا العام.\nوشارك في العملية طبيب "
            "التخدير ماجد العصيمي."
        ),
    ),
    (
        "الثبيتي",
        "الثبتي",
        (
            "قاد المدرب ناصر الثبتي فريق الوحدة إلى الفوز على الرائد بثلاثة أهداف، "
            "وقال ناصر الثبتي إن اللاعبين نفذوا التعليمات بدقة. وأضاف ناصر الثبتي "
            "أن الفريق يحتاج إلى تدعيم خط الدفاع.\nوأدار اللقاء الحكم ناصر الثبيتي."
        ),
    ),
    (
        "البقمي",
        "البقيمي",
        (
            "أعلن نادي النصر تعاقده مع الحارس فهد البقيمي لمدة موسمين. وقال فهد "
            "البقيمي إنه جاهز للمنافسة على مركز الحارس الأساسي. وأكد فهد البقيمي أن "
            "طموحه اللعب للمنتخب.\nوفي نادي الهلال، يواصل فهد البقمي تأهيله من "
            "الإصابة."
        ),
    ),
]


@pytest.mark.parametrize(("word", "other", "text"), CASES, ids=[c[0] for c in CASES])
def test_a_diminutive_family_or_another_adjective_is_left_alone(
    word: str, other: str, text: str
) -> None:
    assert word in text and other in text
    assert _rewrites(text) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("الشمري", "الشميري"), ("العربي", "العروبي"), ("جهني", "جهيني"), ("البقمي", "البقيمي")],
)
def test_the_pattern_is_read_on_the_nisba_stem(a: str, b: str) -> None:
    assert pattern_insert(fold(a), fold(b)) and pattern_insert(fold(b), fold(a))


def test_a_vowel_elsewhere_in_a_nisba_is_no_pattern() -> None:
    # a long vowel after the first letter, or in a longer stem: a slip it may be
    assert not pattern_insert(fold("البلوشي"), fold("البولوشي"))
    assert not pattern_insert(fold("الكندي"), fold("الكاندي"))
