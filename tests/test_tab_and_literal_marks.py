"""A tab before a mark is a column border, not a typing slip (AR101, AR104,
AR105, AR108, AR109 remove spaces only), and a mark after a file name, a
path or a bare host attaches to it as to a word, while the space after a
URL or an e-mail address stays (breaker2 B1, B2, session 26)."""

from __future__ import annotations

import json

import pytest

from arclean import Cleaner
from arclean.cli import cli
from arclean.jsonl import fix_document

TSV = (
    "الكلمة\tالعلامة\tالعدد\nمصر\t،\t3\nأولا\t؛\t5\nلماذا\t؟\t1\n"
    "قال\t:\t2\nانتهى\t.\t4\nرائع\t!\t6\nلماذا\t?\t7\n"
)


@pytest.fixture(scope="module")
def clean() -> Cleaner:
    return Cleaner()


def test_a_tsv_table_keeps_its_columns(runner) -> None:
    result = runner.invoke(cli, ["fix", "--format", "plain"], input=TSV)
    assert result.exit_code == 0
    assert result.stdout == TSV
    assert all(line.count("\t") == 2 for line in result.stdout.splitlines())


def test_a_jsonl_record_keeps_its_tabs(clean) -> None:
    text = "مصر\t،\t3 قال\t:\t2 (\tنعم\t) قال\tو\tمصر"
    line = json.dumps({"id": 1, "text": text}, ensure_ascii=False) + "\n"
    assert fix_document(line, ("text",), clean).text == line
    ascii_line = json.dumps({"text": text}) + "\n"  # \t and \uXXXX escapes
    assert fix_document(ascii_line, ("text",), clean).text == ascii_line


@pytest.mark.parametrize(
    "text",
    [
        "قال\t، ثم",
        "قال \t، ثم",
        "قال\t ، ثم",
        "انتهى الاجتماع\t.",
        "انتظر\t...",
        "قال\t«\tنعم\t»\tثم",
        "ولد ( في القاهرة\t) عام",
        "قال\tو\tمصر",
    ],
)
def test_a_tab_before_a_mark_stays(clean, text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("قال ، ثم", "قال، ثم"),
        ("قال\u00a0، ثم", "قال، ثم"),
        ("ماذا قال ؟", "ماذا قال؟"),
        ("كيف حالك ?", "كيف حالك؟"),
        ("انتهى الاجتماع .", "انتهى الاجتماع."),
        ("وقال لافروف : هذا", "وقال لافروف: هذا"),
        ("ولد ( في القاهرة ) عام", "ولد (في القاهرة) عام"),
        ("السلام و الحرب", "السلام والحرب"),
    ],
)
def test_spaces_before_a_mark_still_go(clean, text: str, fixed: str) -> None:
    assert clean(text) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("راجع image.png ، ثم", "راجع image.png، ثم"),
        ("زوروا example.com ، ثم", "زوروا example.com، ثم"),
        ("راجع /tmp/a.txt ، ثم", "راجع /tmp/a.txt، ثم"),
        ("زوروا موقعنا.com ، ثم", "زوروا موقعنا.com، ثم"),
        ("راجع الملف تقرير.pdf ، ثم", "راجع الملف تقرير.pdf، ثم"),
        ("المسار هو /مجلد/ملف ، ثم", "المسار هو /مجلد/ملف، ثم"),
        ("راجع ~/docs/a.txt ؛ ثم", "راجع ~/docs/a.txt؛ ثم"),
        ("هل رأيت image.png ؟", "هل رأيت image.png؟"),
        # the literal itself stays protected: no و glued onto it
        ("و اردوغان.png ، ثم", "و اردوغان.png، ثم"),
    ],
)
def test_a_mark_attaches_to_a_file_name_path_or_host(clean, text: str, fixed: str) -> None:
    assert clean(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "https://x.org/a ، ثم",
        "زوروا https://t.co/abc ، ثم",
        "زوروا example.com/page ، ثم",
        "زوروا www.example.com ، ثم",
        "a@b.com ، ثم",
        "راسلنا info@example.com ، ثم",
    ],
)
def test_the_space_after_a_url_or_address_stays(clean, text: str) -> None:
    assert clean(text) == text


def test_a_finding_is_reported_after_a_file_name(clean) -> None:
    codes = [f.code for f in clean.check("زوروا موقعنا.com ، ثم")]
    assert codes == ["AR101"]
