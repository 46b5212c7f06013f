"""Quran quotations and the profiles: in an edited text (the default
profile) every rule keeps out of them, a search fold selected into it too
(session 20: folded, a vowelled {…} read as prose to the next run, which
then edited it); the search profile, whose whole output is an index,
mends and folds quotations with every rule."""

from __future__ import annotations

from arclean.api import Cleaner
from arclean.ruleset import INDEX_PROFILES

VERSE = "﴿الَّذِينَ يُؤْمِنُونَ ، بِالْغَيْبِ﴾"
TEXT = f"قال تعالى: {VERSE} وهو مؤمن ، حقا .\n"


def test_every_rule_keeps_out_of_a_quotation_when_a_fold_is_selected() -> None:
    out = Cleaner(extend_select=["AR391"], unsafe_fixes=True)(TEXT)
    # the fold and the punctuation rules reach the prose only
    assert VERSE in out
    assert out.endswith("وهو مومن، حقا.\n")


def test_a_fold_selected_into_the_default_profile_is_idempotent() -> None:
    """B9 (session 19 breaker): a vowelled {…} folded by the first run
    read as prose to the second, which edited it."""
    text = "قال تعالى {قُلْ هُوَ اللَّهُ أَحَدٌ ، اللَّهُ الصَّمَدُ} ، ثم (لَمْ يَلِدْ وَلَمْ يُولَدْ) .\n"
    cleaner = Cleaner(extend_select=["AR210"], unsafe_fixes=True)
    once = cleaner(text)
    assert "{قُلْ هُوَ اللَّهُ أَحَدٌ ، اللَّهُ الصَّمَدُ}" in once
    assert cleaner(once) == once


def test_without_the_fold_the_quotation_is_untouched() -> None:
    out = Cleaner()(TEXT)
    assert VERSE in out
    assert out.endswith("وهو مؤمن، حقا.\n")


def test_the_search_profile_indexes_the_whole_quotation() -> None:
    assert "search" in INDEX_PROFILES
    out = Cleaner(profile="search")(TEXT)
    assert "﴿الذين يومنون، بالغيب﴾" in out


def test_the_text_after_a_quotation_is_still_edited() -> None:
    """The diacritics fold shortens the prose before the quotation: its
    protected range moves with it, and the prose after it is edited."""
    text = f"قالَ تعالى: {VERSE} وهو مؤمن ، حقا .\nثم قال ، هذا .\n"
    out = Cleaner(extend_select=["AR391", "AR210"], unsafe_fixes=True)(text)
    assert out.startswith(f"قال تعالى: {VERSE}")
    assert out.endswith("وهو مومن، حقا.\nثم قال، هذا.\n")


def test_the_search_profile_keeps_a_persian_line_persian() -> None:
    """The fold of ی/ک comes first; the line stays Persian for the rules
    after it: its و is not joined and its ZWNJ is kept (session 19)."""
    persian = "این کتاب\u200cها را نمی\u200cخواهم و آن\u200cها را می\u200cفروشم\n"
    out = Cleaner(profile="search")(persian + "قال الرجل و هو يبتسم\n")
    first, second = out.splitlines()
    assert first.count("\u200c") == 4 and " و " in first
    assert "ی" not in first and "ک" not in first  # folded for the index
    assert second == "قال الرجل وهو يبتسم"


def test_persian_lines_stay_persian_in_a_longer_text() -> None:
    """Two lines or more: the round's look at the lines again covered the
    whole text and dropped the languages taken before the folds (a tester,
    session 19)."""
    persian = "این کتاب\u200cها را خریدم و آن\u200cها را خواندم.\n"
    for text in (persian * 2, persian * 3 + "\n" + persian):
        out = Cleaner(profile="search")(text)
        for line in filter(None, out.splitlines()):
            assert line == "اين كتاب\u200cها را خريدم و ان\u200cها را خواندم."
