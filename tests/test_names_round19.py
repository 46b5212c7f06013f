"""Issue 9, round 19 (docs/names.md, "Round 19 (session 22)"): a cheap
slip of a name the reference lists know, which stayed for review when no
*name* stood beside both spellings.

- a cheap slip written beside the same word as the kept spelling, in
  every one of its uses, is mended (`arclean.names.beside`): «أمريكا
  الجنوبية» twice and «اتحاد أموريكا الجنوبية» once;
- a consonant written twice in a spelling that is no word, beside a
  word of the books the name gate kept (الحسسين beside الحسين), is
  mended as `slips.doubled_slips` mends an ordinary word's
  (`weighing.known_slip`), but not the last letter (الغدد, glands,
  beside الغد, tomorrow).

- a final ى for the ي of a Wikidata name that also reads as a word with
  the pronoun ي (فهمى beside فهمي: فهم + ي, my understanding) is mended
  when the text uses the word as a name (`members.gazetteer_final_ya`,
  then `usage.promote`).

Traps: a word that stands beside every name of the text (الإمام before
each imam's), a shared word beside one use of the slip of two, a
variant that is a word of the books, no name evidence for the kept
spelling, a cue word (الأمير), the doubled letter in another word of
the text, a letter written three times.  The sentences are made up for
these tests.
"""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

from arclean.names import scan
from arclean.names.beside import glued, telling
from arclean.names.counting import count_texts
from arclean.names.evidence import Judge
from arclean.names.glossary import Glossary
from arclean.names.members import gazetteer_final_ya
from arclean.names.model import DEFAULT_SETTINGS
from arclean.names.weighing import known_slip


def _tiers(text: str) -> dict[str, str | None]:
    """Each member's tier in a scan of `text` (tier all)."""
    return {m.form: m.tier for cl in scan([text]) for m in cl.variants}


AMERICA = (
    "لعب المنتخب في كأس أمريكا الجنوبية عام 2014. وتقام بطولة أمريكا الجنوبية"
    " كل عامين. وصوت اتحاد {v} الجنوبية لكرة القدم على القرار."
)


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (AMERICA.format(v="أموريكا"), "أموريكا", "أمريكا"),  # a long vowel inserted
        (AMERICA.format(v="أمريقا"), "أمريقا", "أمريكا"),  # a g-sound letter
        (
            "زار الوفد مرقد الحسين في كربلاء. وبني قبر الحسين قديما. ويقصد الزوار"
            " قبر الحوسين كل عام. وقتل الحسين في المعركة.",
            "الحوسين",
            "الحسين",
        ),
    ],
)
def test_a_cheap_slip_beside_the_names_own_word_is_mended(text: str, old: str, new: str) -> None:
    assert (old, new) in _rewrites(text)


@pytest.mark.parametrize(
    "text",
    [
        # الإمام stands before every imam of the text: it says nothing
        "ذكر الإمام علي ذلك. وروى الإمام الحسن الخبر. وخرج الإمام الحسين إلى"
        " العراق. وقتل الإمام الحسين هناك. وبكى الإمام الحوسين أهله. وقال الإمام"
        " جعفر كذا. وكتب الإمام مالك كتابه.",
        # the shared word beside one use of the slip of two
        "زار الوفد قبر الحسين في كربلاء. وبني قبر الحسين قديما. ويحب الناس الحسين"
        " كثيرا. وقتل الحسين في المعركة. ويقصد الزوار قبر الحوسين كل عام. وكتب"
        " المؤرخ عن الحوسين طويلا.",
        # a cue word (a title) before both spellings never carries a merge
        "استقبل الأمير نواف الوفد. وقال الأمير نواف إن الزيارة مهمة. وودع الأمير نايف الضيوف.",
    ],
)
def test_a_shared_word_that_says_nothing_leaves_the_slip(text: str) -> None:
    assert _rewrites(text) == []
    # still offered to a person
    assert "review" in _tiers(text).values()


def test_a_shared_word_needs_a_variant_that_is_no_word() -> None:
    # العرب is no name by any source, and العراب (the godfather) a word
    text = (
        "كتب المؤرخ عن تاريخ العرب القديم. وعاش العرب القديم في الجزيرة."
        " وذكر العراب القديم في الكتاب."
    )
    assert _rewrites(text) == []


def test_telling_words() -> None:
    assert telling("الجنوبيه") and telling("قبر")
    assert not telling("الامير")  # a cue
    assert not telling("قال")  # a speech verb
    assert not telling("مدينه")  # a naming noun
    assert not telling("بن")  # a word of a name sequence
    assert not telling("في")  # a function word


def test_a_word_behind_a_proclitic_is_no_name() -> None:
    # والفنون (و + الفنون): the books never write it with the article only
    # because it is glued (news 2015-08-10, «جمعية الثقافة والفنون»)
    judge = _judge("نص")
    assert glued("والفنون", judge)
    assert not glued("الحسين", judge)  # the article is no proclitic letter
    assert not glued("فلسطين", judge)


HUSAYN = (
    "زار الوفد مرقد الحسين في كربلاء. وبني المسجد قديما. ويحب الناس الحسين كثيرا."
    " وكتب المؤرخ عن {v} طويلا. وقتل الحسين في المعركة."
)


def test_a_consonant_written_twice_in_a_known_word_is_mended() -> None:
    assert ("الحسسين", "الحسين") in _rewrites(HUSAYN.format(v="الحسسين"))
    assert known_slip("الحسسين", "الحسين", _judge(HUSAYN.format(v="الحسسين"))) is not None


def _judge(text: str) -> Judge:
    """The judge of a scan of `text` alone (no glossary)."""
    return Judge(count_texts([text]), Glossary(), DEFAULT_SETTINGS)


@pytest.mark.parametrize(
    "text",
    [
        # the doubled letter with the one before it in another word of the text
        HUSAYN.format(v="الحسسين") + " وقرأ المحسسين كتابه.",
        # a letter written three times
        HUSAYN.format(v="الحسسسين"),
    ],
)
def test_a_doubled_letter_the_text_writes_elsewhere_stays(text: str) -> None:
    assert not any(new == "الحسين" for _old, new in _rewrites(text))


def test_a_doubled_last_letter_is_a_root_not_a_slip() -> None:
    # news 2015-08-10: «انتفاخا في الغدد اللعابية» (glands) beside الغد
    # (tomorrow) three times made the glands «الغد»
    text = (
        "أصيب اللاعب بالتهاب في الغدة النكافية ما سبب له انتفاخا في الغدد"
        " اللعابية. ويلعب الفريق الغد مباراة. وفي الغد يعود. ومنذ الغد سيتدرب."
        " وقال إن الغد أفضل."
    )
    assert _rewrites(text) == []
    assert known_slip("الغدد", "الغد", _judge(text)) is None


def test_a_final_ya_of_a_name_the_text_uses_as_one_is_mended() -> None:
    text = (
        "قال الدكتور فهمي إن المشروع ناجح. وأضاف فهمي أن العمل مستمر. وكان فهمى قد زار الموقع أمس."
    )
    assert ("فهمى", "فهمي") in _rewrites(text)
    assert gazetteer_final_ya("فهمى", "فهمي", _judge(text))


@pytest.mark.parametrize(
    "text",
    [
        # the word, not the name (my understanding): no name use
        "هذا فهمي للمسألة. وقد تغير فهمي لها. ويبقى فهمى ناقصا.",
        # منى is a word and a name of the books (wishes, Mona): not «مني»
        "قال الوزير مني إن المشروع ناجح. وأضاف مني أن العمل مستمر. وطلبت منى الحضور.",
    ],
)
def test_a_final_ya_without_a_name_use_or_of_a_word_stays(text: str) -> None:
    assert _rewrites(text) == []


def test_a_final_ya_is_never_a_verbs() -> None:
    judge = _judge("نص")
    assert not gazetteer_final_ya("يلقى", "يلقي", judge)  # meets / throws
    assert not gazetteer_final_ya("على", "علي", judge)  # a function word
