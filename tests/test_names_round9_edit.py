"""Issue 9, ninth round: the edit kinds (a sound-group letter, a doubled
letter, a long vowel, a consonant dropped or changed).  Each new merge
rests on evidence in proportion to its cost: a variant that is no word at
all, the canonical the text's usual spelling, a full name before both
spellings; each trap is a word or name the same edit would make."""

from __future__ import annotations

from _names import auto_rewrites as _rewrites

from arclean.chars import fold
from arclean.names.counting import count_texts
from arclean.names.evidence import Judge
from arclean.names.glossary import Glossary


def _judge() -> Judge:
    return Judge(count_texts([""]), Glossary())


# --- no word at all ---------------------------------------------------------


def test_a_misspelling_that_is_no_word_at_all() -> None:
    j = _judge()
    assert j.no_word(fold("جورغ"))
    assert j.no_word(fold("أيمشتاين"))


def test_a_word_or_name_is_not_no_word() -> None:
    j = _judge()
    for w in ("كوبا", "عصام", "نظيف", "المقرب"):
        assert not j.no_word(fold(w)), w


def test_a_known_stem_with_a_noun_ending_is_a_word() -> None:
    # the old books miss ثوريا (revolutionary) but know ثوري: a word
    assert not _judge().no_word(fold("ثوريا"))


# --- sound-group letters in short names ---------------------------------------


def test_g_sound_letter_in_a_four_letter_name() -> None:
    text = "وصل جورج إلى باريس أمس. وقال جورج إن الزيارة مهمة. وأكد جورغ أن المحادثات مستمرة."
    assert _rewrites(text) == [("جورغ", "جورج")]


def test_another_sound_group_swap_in_a_short_word_is_left_alone() -> None:
    # arsarcasm tweets: «بميزة بصمة الإصبع» (fingerprint) beside بسمة (a
    # smile, also a first name); the books miss بصمة
    text = "ارتسمت بسمة على وجهه. وكانت بسمة أمل. وبقيت بسمة الطفل. ودعم التطبيق بصمة الإصبع."
    assert _rewrites(text) == []


def test_a_short_swap_into_another_name_is_left_alone() -> None:
    text = (
        "قال الرئيس إن كوبا تنفتح. وأكد الرئيس أن كوبا مستعدة. وزار الوفد كوبا. "
        "ووصل الرئيس إلى العاصمة جوبا أمس."
    )
    assert _rewrites(text) == []


# --- a cheap edit into a name with the article ----------------------------------


def test_long_vowel_inserted_into_a_name_with_the_article() -> None:
    text = (
        "زار الوفد القاهرة أمس. وعاد الوزير إلى القاهرة. وفي القاهرة عقد الاجتماع. "
        "ووصل الرئيس إلى القاهارة ليلا."
    )
    assert _rewrites(text) == [("القاهارة", "القاهرة")]


def test_a_real_word_beside_a_name_with_the_article_is_left_alone() -> None:
    text = (
        "زار الوفد المغرب أمس. وعاد الوزير إلى المغرب. وفي المغرب عقد الاجتماع. "
        "وكان المقرب من الوزير حاضرا."
    )
    assert _rewrites(text) == []


# --- a consonant edit: a full name -------------------------------------------------

_EINSTEIN = (
    "نشر ألبرت أينشتاين نظريته. وكتب ألبرت أينشتاين مقالا. وقال ألبرت أينشتاين إن. "
    "ورأى ألبرت أيمشتاين أن الضوء."
)


def test_a_first_name_before_both_spellings_carries_a_consonant_edit() -> None:
    assert _rewrites(_EINSTEIN) == [("أيمشتاين", "أينشتاين")]


def test_a_first_name_shared_with_other_surnames_is_not_enough() -> None:
    text = _EINSTEIN + (
        " وكتب ألبرت كامو روايته. وقرأ ألبرت شفايتزر. وعزف ألبرت كينغ."
        " وغنى ألبرت هاموند. ورسم ألبرت بلوخ."
    )
    assert _rewrites(text) == []


def test_a_name_after_both_spellings_is_no_full_name() -> None:
    # مارتن قاي / مارڤن قاي: two first names before one surname
    text = _EINSTEIN.replace("ألبرت أينشتاين", "أينشتاين ألبرت").replace(
        "ألبرت أيمشتاين", "أيمشتاين ألبرت"
    )
    assert _rewrites(text) == []


def test_a_cue_word_before_both_spellings_is_no_full_name() -> None:
    text = _EINSTEIN.replace("ألبرت", "العالم")
    assert _rewrites(text) == []


def test_the_seed_kind_still_needs_more_than_one_cue() -> None:
    text = "ثم أضاف فيدان إن. وقال فيدان إن. وأكد فيدان أن. وقال فيدان إن. ثم أضاف فيان إن."
    assert _rewrites(text) == []


# --- a glued word that is a word as a whole ------------------------------------------


def test_a_glued_word_known_as_a_whole_is_not_rewritten() -> None:
    # AQMAR train: a planted كريا (Korea) made فكريا (intellectually) read
    # as ف + كريا, rewritten فكوريا
    text = (
        "زار الوفد كوريا أمس. وقال إن كوريا مهمة. ووقعت كوريا الاتفاق. وفازت كوريا. "
        "وتقدمت كوريا. ووصل إلى كريا. وكان الخطاب فكريا عميقا."
    )
    assert _rewrites(text) == [("كريا", "كوريا")]


# --- a canonical seen only twice ----------------------------------------------------


def test_a_misspelling_beside_a_word_seen_twice_is_left_alone() -> None:
    # news 2015-08-10: «باتت محسب مصادر» (a slip for بحسب) beside «غير
    # محسوب» (calculated, two Wikidata names): no word, but no name either
    text = (
        "وكان تقاعسا غير محسوب في المدينة. وهو خطأ محسوب على الإدارة. "
        "والضالع التي باتت محسب مصادر عسكرية تحت سيطرة القوات."
    )
    assert _rewrites(text) == []


def test_a_misspelling_beside_a_name_with_the_article_seen_twice() -> None:
    text = "سقطت القسطنطينية قديما. وحاصر الجيش القسطنطينية طويلا. ثم دخل القستنطينية."
    assert _rewrites(text) == [("القستنطينية", "القسطنطينية")]


# --- a well-attested name that is also a word ----------------------------------------


def test_a_misspelling_of_a_well_attested_name_used_as_a_name() -> None:
    text = (
        "قال صلاح إن الوضع صعب. وأكد صلاح أن الحل قريب. وقال صلاح إنه متفائل. "
        "وقال صولاح إن الاجتماع انتهى."
    )
    assert _rewrites(text) == [("صولاح", "صلاح")]


def test_the_same_name_used_as_a_word_is_left_alone() -> None:
    # صلاح (righteousness): the text never uses it as a name
    text = "يحب الناس الصلاح. وفي صلاح الأمة خير. ودعا إلى صلاح المجتمع. وصولاح القلب مهم."
    assert _rewrites(text) == []


# --- a gazetteer name the text writes with ال -----------------------------------------


def test_a_gazetteer_name_written_with_the_article_stays_a_name() -> None:
    # the text's own share of ال-uses made سانتياغو a common noun (dropped
    # before pairing); Wikidata names it 47 times and the books never use it
    text = (
        "وصل الفريق إلى العاصمة سانتياغو. وفي السانتياغو الجديدة ملعب. "
        "وغادر سانتياغو أمس. ووصل إلى ثانتياغو."
    )
    assert _rewrites(text) == [("ثانتياغو", "سانتياغو")]


def test_a_doubled_letter_and_another_final_letter_is_another_name() -> None:
    """Second breaker round (news 2015-08-09 line 4831): «شركة ليللي» (Eli
    Lilly) beside a woman named ليلى eleven times.  The doubled ل alone
    would be a slip, but the final ي against the text's ى is a second
    difference: another name, left for review."""
    text = (
        "قالت الدكتورة ليلى الصاعدي إن البرنامج نجح. "
        + "وأضافت ليلى أن الطالبات متفوقات. " * 10
        + "وتنتجه شركة ليللي. ولقد نافس الفياجرا في السوق."
    )
    assert ("ليللي", "ليلى") not in _rewrites(text)


def test_a_doubled_letter_alone_is_still_a_slip() -> None:
    text = "قالت الدكتورة ليلى الصاعدي إن البرنامج نجح. " + "وأضافت ليلى أن الطالبات متفوقات. " * 10
    text += "وقالت الدكتورة ليللى إن النتائج جيدة."
    assert ("ليللى", "ليلى") in _rewrites(text)
