"""AR404 and a final ی: a word whose ى form is another word is left for a
person (session 20 breaker: المحتوی became المحتوي, "the containing one")."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner
from arclean.text.foreign import final_yeh

# ی typed for ى: each ي form is another word, or no word
MAKSURA_WORDS = ["المحتوی", "مرضی", "ومرضی", "للقوی", "فتوی", "الدمی", "دمی", "لأولی"]
MAKSURA_WORDS += ["ولبنی", "نعی"]


@pytest.mark.parametrize("word", MAKSURA_WORDS)
def test_a_word_that_may_end_in_maksura_is_not_rewritten(word: str) -> None:
    assert final_yeh(word) is None
    text = f"قال التقرير إن {word} في المدينة كثير.\n"
    assert word in Cleaner()(text)


@pytest.mark.parametrize(
    ("word", "want"),
    [
        ("يحتوی", "يحتوي"),  # an imperfect verb in وي
        ("الأوروبی", "الأوروبي"),  # a long nisba
        ("هادی", "هادي"),  # an active participle
        ("الكرسی", "الكرسي"),  # listed
        ("لکی", "لكي"),
        ("التی", "التي"),
    ],
)
def test_words_that_end_only_in_yeh_still_are(word: str, want: str) -> None:
    text = "قالت الصحيفة إن {} في المدينة.\n"
    assert Cleaner()(text.format(word)) == text.format(want)


def test_one_presentation_form_among_keyboard_letters_is_no_word_break() -> None:
    """Session 20 breaker: كتﺍب became كت اب; a pasted run still breaks."""
    assert Cleaner()("كتﺍب مفيد وكتﺏ\n") == "كتاب مفيد وكتب\n"
    assert Cleaner()("بنغازيﺍﻟﻘﻮﺍﺕ خبر\n") == "بنغازي القوات خبر\n"


def test_rows_of_a_block_keep_their_column_gaps_even_as_sentences() -> None:
    """Session 20, second breaker: a list of books or a contents page whose
    rows end in a full stop lost its column gaps; a lone prose line with
    two slips is still mended."""
    books = (
        "طه حسين  الأيام  دار المعارف، القاهرة، ١٩٢٩.\n"
        "نجيب محفوظ  الثلاثية  مكتبة مصر، القاهرة، ١٩٥٦.\n"
        "توفيق الحكيم  عودة الروح  مكتبة الآداب، ١٩٣٣.\n"
    )
    assert Cleaner(select=["AR502"])(books) == books
    news = "قال المتحدث إن الشركة ستعلن.\nوقعت الشركة طلبية  جديدة   لشراء طائرات.\nوأضاف.\n"
    assert "طلبية جديدة لشراء" in Cleaner(select=["AR502"])(news)
