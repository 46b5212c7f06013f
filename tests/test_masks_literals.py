"""File names, paths, hosts with Arabic labels, internationalised e-mail
addresses and mentions after a glued proclitic are literals (session 26):
the masker protects them from every rule, the names step never respells a
name inside them, and AR109 does not glue و onto one."""

from __future__ import annotations

import pytest
import regex

from arclean import Cleaner
from arclean.chars import PATTERN_MACROS, REGEX_FLAGS
from arclean.formats.base import EXTENSIONS, FILE_EXTENSIONS
from arclean.names import Reconciler
from arclean.text.masks import protected_ranges, tag_ranges
from arclean.text.paths import path_ranges

PROTECTED = [
    ("راسلنا على محمد@مثال.com اليوم", "محمد@مثال.com"),
    ("راسلنا على info@مثال.com اليوم", "info@مثال.com"),
    ("راسلنا على فيان@example.com.", "فيان@example.com"),
    ("زوروا موقع.com/فيان اليوم", "موقع.com/فيان"),
    ("زوروا موقع.com اليوم", "موقع.com"),
    ("زوروا موقع.com، ثم عد", "موقع.com"),
    ("زوروا موقع.الخبر.sa اليوم", "موقع.الخبر.sa"),
    ("أرسل صورة_فيان.png الآن", "صورة_فيان.png"),
    ("أرسل تقرير فيدان.pdf الآن", "فيدان.pdf"),
    ("أرسل تقرير فيدان.PDF.", "فيدان.PDF"),
    ("حمّل الأرشيف فيان.7z الآن", "فيان.7z"),
    ("افتح /home/فيان/ملف.txt الآن", "/home/فيان/ملف.txt"),
    ("افتح ~/ملفات/فيان الآن", "~/ملفات/فيان"),
    ("افتح «/home/فيان/ملف.txt» الآن", "/home/فيان/ملف.txt"),
    ("افتح C:\\مستندات\\فيان الآن", "C:\\مستندات\\فيان"),
    ("افتح \\\\الخادم\\فيان الآن", "\\\\الخادم\\فيان"),
]


@pytest.mark.parametrize(("text", "literal"), PROTECTED)
def test_protected(text: str, literal: str) -> None:
    assert literal in [text[a:b] for a, b in protected_ranges(text)]


@pytest.mark.parametrize(
    "text",
    [
        "قال و/أو هذا",  # and/or
        "السعر 3.5 ريال والتاريخ 5/8/2015",
        "انتهى الخبر.وبدأ غيره",
        "Log in.Then go",  # an English word, no top-level domain of the list
        "نسبة 50/ 100",
        "ذكور/إناث",
    ],
)
def test_prose_is_not_protected(text: str) -> None:
    assert protected_ranges(text) == []


def test_only_the_word_glued_to_the_extension() -> None:
    text = "تقرير فيدان.pdf"
    assert path_ranges(text) == [(6, len(text))]


def test_one_list_of_extensions() -> None:
    assert {ext[1:] for ext in EXTENSIONS} <= FILE_EXTENSIONS
    assert {"png", "pdf", "docx", "mp4", "zip"} <= FILE_EXTENSIONS


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("شكرا و@فيان على الرد", ["@فيان"]),
        ("ل@user_name تحية", ["@user_name"]),
        ("وب@فيان", ["@فيان"]),
        ("محمد@فيان", []),  # a word, not a proclitic: an e-mail address's part
        ("a@b @وزارة", ["@وزارة"]),
    ],
)
def test_mentions_after_a_glued_proclitic(text: str, tags: list[str]) -> None:
    assert [text[a:b] for a, b in tag_ranges(text)] == tags


def test_the_hashtag_macro_agrees() -> None:
    hashtag = regex.compile(PATTERN_MACROS["hashtag"], REGEX_FLAGS)
    assert hashtag.search("شكرا و@فيان").group() == "@فيان"
    assert hashtag.search("محمد@فيان") is None


SEED = (
    "وزير الخارجية هاكان فيدان قال، ثم أضاف فيدان أن هاكان فيان قال إنه سيزور "
    "موسكو، وقال فيدان إن الزيارة مهمة."
)


@pytest.mark.parametrize(
    "literal",
    [
        "فيان@مثال.com",
        "و@فيان",
        "موقع.com/فيان",
        "فيان.com",
        "صورة_فيان.png",
        "فيان.pdf",
        "/home/فيان/ملف.txt",
        "C:\\مستندات\\فيان",
    ],
)
def test_the_names_step_never_respells_inside(literal: str) -> None:
    text = f"{SEED}\nانظر {literal} الآن.\n"
    reconciler = Reconciler(fuzzy=True, tier="auto")
    reconciler.prepare([text])
    out, _ = reconciler.rewrite(text)
    assert out.split("\n")[0].count("فيدان") == 4  # the prose's slip is mended
    assert out.split("\n")[1] == f"انظر {literal} الآن."


@pytest.mark.parametrize(
    "text",
    [
        "أرسل صورة فيدان و اردوغان.png اليوم",
        "زوروا الموقع و موقع.com اليوم",
        "راسلنا و محمد@مثال.com اليوم",
        "افتح الملف و C:\\مستندات\\فيان اليوم",
    ],
)
def test_separated_waw_is_not_glued_onto_a_literal(text: str) -> None:
    assert Cleaner()(text) == text


def test_separated_waw_still_joins_prose() -> None:
    assert Cleaner()("السلام و الحرب و اردوغان") == "السلام والحرب واردوغان"
    # a file name later on the line does not stop it before a word
    assert Cleaner()("صورة و اردوغان في ملف.png") == "صورة واردوغان في ملف.png"


@pytest.mark.parametrize("path", ["./اردوغان", "../اردوغان/ملف", "~/اردوغان"])
def test_a_relative_path_of_one_segment_is_a_literal(path: str) -> None:
    text = f"انظر {path} الآن"
    start = text.index(path)
    assert any(a <= start and start + len(path) <= b for a, b in protected_ranges(text))
