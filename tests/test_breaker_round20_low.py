"""Round 20 of the testers' low-severity findings: what the punctuation
rules did to dotted names, spaced hemistich separators and spaced inch
marks, encodings that cannot hold a fix, and the language front matter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from arclean.api import Cleaner


def _fix(text: str, fmt: str = "plain") -> str:
    return Cleaner(format=fmt).fix(text).text


# -- AR105/AR106: a full stop between two short words ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "قال تقرير الجزيرة.نت: ثم",  # a brand written as a domain (tweets)
        "موقع العربية .نت",  # AR105 must not glue it either
    ],
)
def test_a_brand_written_as_a_domain_is_left(text: str) -> None:
    assert _fix(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("عبدالجليل .وهاهو", "عبدالجليل. وهاهو"),  # OCR corpus
        ("انتهى الاجتماع.ثم غادر", "انتهى الاجتماع. ثم غادر"),
        ("وفي ذلك.وأكد المصدر", "وفي ذلك. وأكد المصدر"),  # news: و opens the sentence
        ("لنسعد قلوبنا.من هنا", "لنسعد قلوبنا. من هنا"),
        # messy/arsarcasm_tweets.txt: a word of three letters, a long one after
        ("لا يقرها دين ولا عقل.الإسلام بريء", "لا يقرها دين ولا عقل. الإسلام بريء"),
        ("الإنسانية في خطر.يخافون من", "الإنسانية في خطر. يخافون من"),
        # breaker5 (session 21): two short words are a sentence end on the
        # news and tweets (a dotted name, محمد.علي, is seen in none of them)
        ("طرح سؤال.هل يعود", "طرح سؤال. هل يعود"),
        ("في مدينة تعز .اما في عدن", "في مدينة تعز. اما في عدن"),
        ("أطلقت كييف.كما أعلنت", "أطلقت كييف. كما أعلنت"),
    ],
)
def test_a_missing_space_after_a_sentence_end_is_still_put(text: str, fixed: str) -> None:
    assert _fix(text) == fixed


# -- AR105: a spaced ... between two halves of a verse --------------------


@pytest.mark.parametrize(
    "text",
    [
        "ألا أيها الليل الطويل ألا انجلي ... بصبح وما الإصباح منك بأمثل",
        "ألا انجلي … بصبح وما",
        # diacritized/tashkeela_aliosm_test.txt
        "أَبَا جَهْلٍ وَعُتْبَةَ قَبْلَهُ ... وَشَيْبَةُ يَكْبُو لِلْيَدَيْنِ",
    ],
)
def test_a_spaced_separator_between_words_is_kept(text: str) -> None:
    assert _fix(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("انتظر ...", "انتظر..."),
        ("قال **انتظر ...** ثم", "قال **انتظر...** ثم"),
        # messy/arsarcasm_tweets.txt: a tweet cut short before its link
        (
            "منافسها دونالد ترامب ... https://t.co/AHZri1fC7f",
            "منافسها دونالد ترامب... https://t.co/AHZri1fC7f",
        ),
    ],
)
def test_three_dots_at_the_end_still_attach(text: str, fixed: str) -> None:
    assert _fix(text, "markdown") == fixed


# -- AR108: spaced inch marks are not quotes ------------------------------


def test_spaced_inch_marks_are_not_paired_as_quotes() -> None:
    text = 'شاشة 55 " بوصة و 32 " أخرى.'
    assert _fix(text) == text
    assert Cleaner(select=["AR108"]).check(text) == []


def test_a_quotation_after_words_still_loses_its_inner_spaces() -> None:
    assert _fix('في عام 2015 قال " نعم " ثم') == 'في عام 2015 قال "نعم" ثم'


def test_a_quotation_opened_after_a_year_is_still_a_quotation() -> None:
    text = 'ستعود في ربيع 2016 "يأتي الخفض " ثم'
    assert _fix(text) == 'ستعود في ربيع 2016 "يأتي الخفض" ثم'


# -- cp1256: only the change it cannot hold is left out --------------------

_CP1256_TEXT = "في عام 2015 قال , ثم\n"


def test_a_fix_cp1256_cannot_hold_is_left_out_alone() -> None:
    cleaner = Cleaner(extend_select=["AR703"])
    outcome = cleaner.fix(_CP1256_TEXT, encoding="cp1256")
    assert outcome.text == "في عام 2015 قال، ثم\n"
    (left,) = outcome.left_out
    assert left.code == "AR703" and not left.fixable
    assert "(not applied: cp1256 has no byte for U+0662 (ARABIC-INDIC DIGIT TWO))" in left.message
    # UTF-8 holds every character: the digits are converted.
    assert cleaner.fix(_CP1256_TEXT).text == "في عام ٢٠١٥ قال، ثم\n"


def test_check_says_which_fix_cp1256_cannot_hold() -> None:
    findings = Cleaner(extend_select=["AR703"]).check(_CP1256_TEXT, encoding="cp1256")
    by_code = {f.code: f for f in findings}
    assert not by_code["AR703"].fixable
    assert by_code["AR102"].fixable


def test_fix_writes_a_cp1256_file_with_its_other_fixes(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(_CP1256_TEXT.encode("cp1256"))
    command = [sys.executable, "-m", "arclean", "fix", "--isolated", "--encoding", "cp1256"]
    result = subprocess.run(
        [*command, "--extend-select", "AR703", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == "في عام 2015 قال، ثم\n".encode("cp1256")


# -- the language a Markdown or MDX author states --------------------------


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("---\nlang: fa # Persian\n---\n\nتو و او\n", "markdown"),
        ('+++\nlanguage = "ur" # Urdu\n+++\n\nتو و او\n', "markdown"),
        ('<Box lang={"fa"}>\n\nتو و او\n\n</Box>\n', "mdx"),
        ("<Box lang={'fa'}>\n\nتو و او\n\n</Box>\n", "mdx"),
    ],
)
def test_a_stated_other_language_is_left_alone(text: str, fmt: str) -> None:
    assert _fix(text, fmt) == text


def test_a_front_matter_comment_is_no_part_of_a_prose_value() -> None:
    cleaner = Cleaner(format="markdown", front_matter_keys=["title"])
    text = "---\ntitle: ذهب و عاد # تعليق و هنا\n---\n\nذهب و عاد\n"
    assert cleaner.fix(text).text == "---\ntitle: ذهب وعاد # تعليق و هنا\n---\n\nذهب وعاد\n"


# -- a broad selector of search folds: the message fits where it was written --


def _arclean(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "arclean", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd)


def test_python_is_told_the_python_spelling() -> None:
    from arclean.errors import SelectorError

    with pytest.raises(SelectorError) as caught:
        Cleaner(extend_select="AR49")
    assert 'choose the search profile (profile="search")' in str(caught.value)
    assert "--profile" not in str(caught.value)


def test_the_configuration_error_names_its_key(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال\n", encoding="utf-8")
    (tmp_path / ".arclean.toml").write_text('extend-select = ["AR49"]\n', encoding="utf-8")
    result = _arclean("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert ".arclean.toml: extend-select: 'AR49' matches only folds" in result.stderr
    assert '(profile = "search")' in result.stderr and "--profile" not in result.stderr


def test_the_command_line_is_told_the_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال\n", encoding="utf-8")
    result = _arclean("check", "--isolated", "--extend-select", "AR49", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "(--profile search)" in result.stderr and "profile =" not in result.stderr


# -- AR495: لﷲ vowelled, after proclitics ----------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("وفل\ufdf2 الأمر", "وفلله الامر"),
        ("وَلِ\ufdf2 الأمر", "ولله الامر"),
        ("الحمد لِ\ufdf2", "الحمد لله"),
        ("وَفَلِ\ufdf2", "وفلله"),
    ],
)
def test_lillah_is_spelled_lillah_in_the_search_profile(text: str, folded: str) -> None:
    assert Cleaner(profile="search").fix(text).text == folded


def test_a_quotation_may_end_with_a_number() -> None:
    # diacritized/camel_WikiNewsMax.sentences.undiacritized.txt:388
    text = 'سجل مؤشر " ستاندرد آند بورز 500 " أول تراجع ومؤشر " داو جونز " ب 0.4'
    fixed = 'سجل مؤشر "ستاندرد آند بورز 500" أول تراجع ومؤشر "داو جونز" ب 0.4'
    assert _fix(text) == fixed
