"""AR701 leaves the digits of a clause quoted in Persian, Kurdish or Urdu
inside an Arabic paragraph, the clauses the letter rules leave their ی and
ک (`arclean.text.foreign.foreign_ranges`); elsewhere in Arabic text Persian
digits still become Arabic-Indic ones."""

from __future__ import annotations

import pytest

from arclean import Cleaner


def fix(text: str) -> str:
    return Cleaner()(text)


@pytest.mark.parametrize(
    "text",
    [
        "قال الشاعر الإيراني: «من و تو یکی هستیم ۲ بار» ثم سكت.",
        "قال بالفارسية: این کتاب ۳ جلد است، ثم سكت.",
        "وكتب بالفارسية: «خانه\u200cی ما ۱۲ اتاق دارد» في رسالته.",
        "در سال ۱۹۴۵ جنگ پایان یافت",
    ],
)
def test_persian_clauses_keep_their_digits(text):
    assert fix(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في عام ۱۹۴۵ انتهت الحرب", "في عام ١٩٤٥ انتهت الحرب"),
        (
            "قال الشاعر: «من و تو یکی هستیم» في عام ۱۹۴۵ ثم سكت.",
            "قال الشاعر: «من و تو یکی هستیم» في عام ١٩٤٥ ثم سكت.",
        ),
        # Arabic typed on a Persian keyboard: its ی and its digits are mended.
        ("كتاب جمیل طبع عام ۱۹۹۰", "كتاب جميل طبع عام ١٩٩٠"),
    ],
)
def test_arabic_clauses_get_arabic_indic_digits(text, expected):
    assert fix(text) == expected
