"""Issue 9, tenth round: a name the text writes with the article that the
books never use (الفيفا) was dropped as a common noun by the text's own
article share, and a slip with a doubled letter glued to the article
(الفيففا) was never split off it.  The traps: a modern noun the books miss
(شاشة) that the text inflects stays a common word, and a split never makes
a name into another (بايرن/بإيران, in the meaning tests)."""

from __future__ import annotations

from _names import auto_rewrites as _rewrites

from arclean.chars import fold
from arclean.names.counting import count_texts
from arclean.names.evidence import Judge
from arclean.names.glossary import Glossary
from arclean.names.model import DEFAULT_SETTINGS
from arclean.names.pairing import fold_groups, fuzzy_splits, text_inflects
from arclean.names.usage import Usage

#: FIFA with the article, as AQMAR's sports articles write it (and once
#: without), and one slip with a doubled letter (a shape the evaluation plants).
FIFA = (
    "أعلن الفيفا قائمة المرشحين. وقرر الفيفا معاقبة النادي. ونشر موقع فيفا البيان. "
    "ورفض الفيفا الطعن المقدم. وأكد الفيفا موعد البطولة. "
    "وقال رئيس الفيفا إن القرار نهائي. وطالب الفيففا الاتحاد بالرد."
)


def _candidates(text: str) -> set[str]:
    counts = count_texts([text])
    judge = Judge(counts, Glossary())
    fuzzy_splits(counts, judge, DEFAULT_SETTINGS)
    return set(fold_groups(counts, judge, DEFAULT_SETTINGS))


def test_a_doubled_letter_slip_glued_to_the_article_is_split_off() -> None:
    counts = count_texts([FIFA])
    fuzzy_splits(counts, Judge(counts, Glossary()), DEFAULT_SETTINGS)
    assert counts.analysis["الفيففا"] == ("ال", "فيففا")


def test_a_name_the_books_never_use_keeps_its_article() -> None:
    # the books never write فيفا; the text writes it with ال and never
    # inflects it: a name's article, not a common noun's
    assert fold("فيفا") in _candidates(FIFA)


def test_a_doubled_letter_slip_of_such_a_name_is_rewritten() -> None:
    assert _rewrites(FIFA) == [("الفيففا", "الفيفا")]


def test_a_noun_the_books_miss_that_the_text_inflects_stays_common() -> None:
    # news 2015-08-09: شاشة (screen) is in no book; the text writes شاشات
    # and شاشتها, so it is a noun, and أبو شوشه (a family name) stays with
    # شوشة instead of becoming a spelling of the screen
    text = (
        "ظهرت الصورة على الشاشة. وتعطلت الشاشة أمس. وأطفئت الشاشة ليلا. "
        "وركبت الشركة شاشات جديدة. وتعرض شاشتها الأخبار. "
        "استشهد الجندي عمر أبو شوشة. ونعى الأهالي أبو شوشة. وشيع أبو شوشة أمس. "
        "وودع الأهالي أبو شوشه."
    )
    assert fold("شاشة") not in _candidates(text)
    assert ("شوشه", "شوشة") in _rewrites(text)


def test_text_inflects_sees_pronouns_and_feminine_plurals() -> None:
    words = {fold(w) for w in ("شاشات", "شاشتها", "مدرسته")}
    assert text_inflects(fold("شاشة"), words)
    assert text_inflects(fold("الشاشة"), words)
    assert text_inflects(fold("مدرسة"), words)
    assert not text_inflects(fold("فيفا"), words)
    # a nisba is no pronoun: أوروغوايي beside أوروغواي says nothing
    assert not text_inflects(fold("أوروغواي"), {fold("أوروغوايي")})


def test_the_article_of_such_a_name_is_no_common_reading() -> None:
    counts = count_texts([FIFA])
    judge = Judge(counts, Glossary())
    fuzzy_splits(counts, judge, DEFAULT_SETTINGS)
    assert Usage(counts, judge).common_reading(fold("فيفا")) is None


def test_a_noun_the_text_inflects_keeps_its_common_reading() -> None:
    # شاشة is a Wikidata token once and in no book: the text's الشاشة,
    # شاشات and شاشتها still make it an ordinary word
    text = "ظهرت الصورة على الشاشة. وتعطلت الشاشة أمس. وركبت الشركة شاشات جديدة. وتعرض شاشتها."
    counts = count_texts([text])
    judge = Judge(counts, Glossary())
    assert Usage(counts, judge).common_reading(fold("شاشة")) is not None
