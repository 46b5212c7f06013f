"""Issue 9, eleventh round: three blockers of cheap edits into names the
books know, found on the evaluation's train split.

- One stray past-tense form (دمشقت, a slip, beside دمشق ×103) made the
  city a verb the text conjugates (`Judge.text_verb`), so no rewrite went
  into it: the past forms must now be a share of the word's uses.
- A g-sound letter swapped in a four-letter name (دمشج) was automatic only
  into a Wikidata person name; a place the books use as a bare name passes
  too, with a word next to both spellings.
- طولون reads as طول + ون (`Judge.wordlike`), though the books write it 769
  times and never inflect it (`weighing.book_name`).

The traps: a verb the text really conjugates stays a verb, a swap outside
the g-sound letters in a short word stays for review, a common word the
books never inflect (نفسه) is no name.
"""

from __future__ import annotations

from _names import auto_rewrites as _rewrites

from arclean.chars import fold
from arclean.names.counting import count_texts
from arclean.names.evidence import Judge
from arclean.names.glossary import Glossary
from arclean.names.members import text_conjugates
from arclean.names.weighing import book_name, seldom_used


def _judge(text: str) -> Judge:
    return Judge(count_texts([text]), Glossary())


#: Damascus as a history article writes it, with a shared word (مدينة).
DAMASCUS = (
    "دخل الجيش مدينة دمشق بعد حصار طويل. وكانت دمشق عاصمة الدولة. "
    "وبنى الخليفة في دمشق مسجدا كبيرا. وعاد القائد إلى مدينة دمشق منتصرا. "
    "واشتهرت دمشق بأسواقها القديمة. وسكن العلماء دمشق زمنا. "
)


def test_one_stray_past_form_does_not_make_a_name_a_verb() -> None:
    text = DAMASCUS * 4 + "وزار دمشقت الرحالة."
    judge = _judge(text)
    assert not judge.text_verb(fold("دمشق"))
    assert not text_conjugates(fold("دمشق"), judge)


def test_a_verb_the_text_conjugates_stays_a_verb() -> None:
    # أدان beside أدانت: as often conjugated as not (ninth round's case)
    judge = _judge("أدان الرئيس الهجوم. أدانت الوزارة الهجوم. أدانوا القصف.")
    assert judge.text_verb(fold("أدان"))
    judge = _judge("أدان الرئيس الهجوم ثم وأدانت الوزارة القصف.")
    assert text_conjugates(fold("أدان"), judge)


def test_a_vowel_inserted_into_a_city_with_a_stray_past_form_is_rewritten() -> None:
    text = DAMASCUS * 4 + "وزار دمشقت الرحالة. ودخل الجيش مدينة ديمشق ثانية."
    assert ("ديمشق", "دمشق") in _rewrites(text)


def test_a_g_sound_swap_in_a_short_name_the_books_use_bare_is_rewritten() -> None:
    # دمشق: a place, no Wikidata person name; the books write it bare 748 times
    text = DAMASCUS * 2 + "ودخل الجيش مدينة دمشج ثانية."
    assert _rewrites(text) == [("دمشج", "دمشق")]


def test_a_g_sound_swap_in_a_short_name_needs_a_word_next_to_both() -> None:
    text = DAMASCUS * 2 + "ورحب دمشج بالضيوف."
    assert _rewrites(text) == []


def test_another_sound_group_swap_in_a_short_name_stays() -> None:
    # ش/ث is no g-sound letter: بصمة/بسمة are two words (ninth round)
    text = DAMASCUS * 2 + "ودخل الجيش مدينة دمثق ثانية."
    assert _rewrites(text) == []


#: Ibn Tulun, as AQMAR's article on him writes it.
TULUN = (
    "أسس أحمد بن طولون الدولة الطولونية. وبنى ابن طولون جامعا كبيرا. "
    "وحكم ابن طولون مصر والشام. وتوفي ابن طولون في مصر. "
)


def test_a_gazetteer_name_the_books_never_inflect_is_no_inflected_word() -> None:
    judge = _judge(TULUN)
    f = fold("طولون")
    assert judge.wordlike(f)  # طول + ون
    assert book_name(f, judge)
    assert not book_name(fold("نفسه"), judge)  # bare in the books, no name
    assert not book_name(fold("كانوا"), judge)


def test_a_doubled_letter_slip_of_such_a_name_is_rewritten() -> None:
    text = TULUN + "وعاش ابن طولونن زمنا في مصر."
    assert _rewrites(text) == [("طولونن", "طولون")]


def test_a_common_word_the_books_never_inflect_keeps_its_slip_for_review() -> None:
    text = "رأى الرجل نفسه في المرآة. وسأل نفسه عن الأمر. وحدث نفسه طويلا. ولام نفسسه."
    assert _rewrites(text) == []


#: Baghdad, a Wikidata name the books write 1,000 times and never inflect.
BAGHDAD = (
    "وصل الجيش إلى بغداد في الربيع. وكانت بغداد عاصمة الخلافة. "
    "وازدهرت بغداد في عهد الرشيد. وسكن العلماء بغداد طويلا. "
)


def test_a_long_vowel_dropped_from_a_book_name_is_rewritten() -> None:
    # no word stands next to both spellings: the book name is evidence enough
    text = BAGHDAD + "ثم رحل الشاعر عن بغدد إلى الشام."
    assert _rewrites(text) == [("بغدد", "بغداد")]


def test_a_long_vowel_dropped_from_a_month_still_needs_a_shared_word() -> None:
    # ديسمبر: bare in the books (a month), no Wikidata name (ninth round)
    judge = _judge("")
    assert judge.bare_name(fold("ديسمبر")) and not book_name(fold("ديسمبر"), judge)
    text = (
        "بدأ العمل في ديسمبر الماضي. وانتهى المشروع في ديسمبر التالي. "
        "وسافر الوفد في ديسمبر أيضا. ثم عاد الوفد في دسمبر."
    )
    assert _rewrites(text) == []


#: Belgium: three Wikidata name tokens, four uses in the books.
BELGIUM = (
    "فاز منتخب بلجيكا على ضيفه. وتعد بلجيكا من أقوى المنتخبات. "
    "وتقع بلجيكا في غرب أوروبا. وسافر الوفد إلى بلجيكا أمس. "
)


def test_a_doubled_letter_in_a_name_the_books_seldom_use_is_rewritten() -> None:
    text = BELGIUM + "وعاد اللاعب إلى بلجيككا بعد الإصابة."
    assert _rewrites(text) == [("بلجيككا", "بلجيكا")]


def test_a_doubled_letter_beside_a_word_no_source_knows_stays() -> None:
    # OCR repeats its own misreadings (ولكنبا for ولكنها, four times in the
    # OCR sample): a word only the text knows is no name by any source
    text = (
        "ولكنبا حارت في الأمر. ولكنبا عادت سريعا. ولكنبا لم تقل شيئا. "
        "ولكنبا بقيت. ولككنبا حارت في سلوك النزال."
    )
    assert _rewrites(text) == []


def test_arabic_words_that_write_a_letter_twice_are_left_alone() -> None:
    # the old books miss تخللت (was interspersed) and المتتبع (the tracker);
    # تخلت (abandoned) and المتبع (the adopted) are other words (news
    # 2015-08-09, found while building this rule)
    text = (
        "تخلت الشركة عن خططها. ثم تخلت عن موظفيها. وقد تخلت عن كل شيء. "
        "تخللت الحفل فقرات فنية. "
        "وهذا هو النهج المتبع في الوزارة. وتغير النهج المتبع منذ عام. "
        "والإجراء المتبع واضح. ولاحظ المتتبع للشأن ذلك."
    )
    assert _rewrites(text) == []


def test_a_past_verb_and_a_stretched_word_are_no_seldom_used_names() -> None:
    judge = _judge("")
    assert seldom_used(fold("تعاقددت"), fold("تعاقدت"), judge) is None
    assert seldom_used(fold("ههههههه"), fold("هههههه"), judge) is None
    assert seldom_used(fold("بلجيككا"), fold("بلجيكا"), judge) is not None
    # no Wikidata name: no evidence
    assert seldom_used(fold("مانهاتنن"), fold("مانهاتن"), judge) is None
