"""Session 22's seventh breaker: paragraphs where names round 19 (since
taken out) merged two real words or two people.  Each must come through
`pipe names` (AR802, the text's own evidence) unchanged."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner

CASES = {
    # two men with the same first name and near surnames (two real families)
    "الصقير": (
        "تعاقد نادي الهلال مع اللاعب سلمان الصغير لمدة ثلاثة مواسم. وقال سلمان الصغير "
        "إنه سعيد بالانضمام إلى الفريق. وفي سياق آخر، كرمت جامعة الملك سعود الباحث "
        "سلمان الصقير لفوزه بجائزة البحث العلمي."
    ),
    "الفهيد": (
        "أعلن رجل الأعمال خالد الفهد عن مشروع سكني جديد في الرياض. وأوضح خالد الفهد أن "
        "المشروع يضم ألف وحدة. من جهة أخرى، فاز المهندس خالد الفهيد بجائزة التميز."
    ),
    # a job word before both surnames
    "اللاعب الصقير": (
        "أعلن نادي الشباب تعاقده مع اللاعب الصغير لمدة موسمين. وقال المدرب إن اللاعب "
        "الصغير سيضيف الكثير إلى خط الوسط. كما جدد النادي عقد اللاعب الصقير حتى نهاية "
        "الموسم المقبل."
    ),
    # the article's ل before a root's ل: a landmine, not grief
    "اللغم": (
        "خيم الغم على أهالي القرية بعد الحادث. وقال أحد السكان إن الغم لم يفارق البيوت "
        "منذ أيام. وكان اللغم قد انفجر بسيارة تقل أربعة أطفال على الطريق الزراعي."
    ),
    # a geminate root: unjustified, not a charity
    "مبررة": (
        "افتتحت مبرة الخير فرعا جديدا في الجهراء. وتقدم مبرة الخير مساعدات شهرية لنحو "
        "ألف أسرة. وقال رئيسها إن الزيادة في أسعار المواد الغذائية غير مبررة."
    ),
    # two names that differ in the final letter: Husna and Husni
    "حسنى": (
        "قال الرئيس الأسبق حسني مبارك في مذكراته إن الحرب كانت صعبة. وأضاف حسني مبارك "
        "أنه لم يندم. وشاركت الطالبة حسنى محمود في المسابقة وفازت بالمركز الأول."
    ),
    # a town (Safwa, Qatif) beside a general's name
    "صفوى": (
        "قال اللواء يحيى رحيم صفوي إن بلاده لن تتراجع. وأضاف صفوي أن الحرس الثوري مستعد "
        "للدفاع عن المصالح الإيرانية في المنطقة كلها. وفي الشأن المحلي، افتتح محافظ "
        "القطيف مركزا صحيا جديدا في مدينة صفوى شمال المحافظة."
    ),
}


@pytest.fixture(scope="module")
def names() -> Cleaner:
    return Cleaner(select=["AR802"], unsafe_fixes=True)


@pytest.mark.parametrize("kept", sorted(CASES))
def test_the_word_is_left_alone(names, kept):
    assert names(CASES[kept]) == CASES[kept]


def test_a_participle_is_not_the_other_participle(names, corpus):
    # the new user's batch of 3,000 tweets: المهجرين (displaced, مفعّل) is
    # no slip of المهاجرين (emigrants, مفاعل)
    lines = (corpus / "messy" / "arsarcasm_tweets.txt").read_text(encoding="utf-8")
    batch = "\n".join(lines.split("\n")[:3000])
    assert "حلب المهجرين" in batch
    assert "حلب المهجرين" in names(batch)
