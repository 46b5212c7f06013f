"""The default profile's punctuation and spacing rules never break numbers,
times, URLs, e-mail addresses, abbreviations, ellipses or Latin text."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner

KEEP = [
    "بلغ 3,5 مليون",
    "العدد 1,000 شخص",
    "بلغ 3.5 مليون",
    "الساعة 10:30 صباحا",
    "الساعة ١٠:٣٠ صباحا",
    "٣،٥ كيلو",
    "انظر https://example.com/a,b?x=1 للمزيد",
    "راسلنا على info@example.com، شكرا",
    "Smith, John; see? قال",
    "د.محمد و أ.د.أحمد",
    "وهكذا... انتهى",
    "ماذا؟! حقا",
    "السلام و\nالحرب",
    "    مسافة بادئة",
    "| الاسم   | العمر |",
    "جنگ و صلح را خواندم",
    "١٤٤٥هـ",
    "كتاباً ودفتراً",
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("text", KEEP)
def test_default_profile_keeps(cleaner, text):
    assert cleaner(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال , ثم ; سكت ?", "قال، ثم؛ سكت؟"),
        ("قال :نعم !ثم ( حقا )", "قال: نعم! ثم (حقا)"),
        ("ماذا؟؟؟ رائع!!!", "ماذا؟ رائع!"),
        ("السلام و الحرب", "السلام والحرب"),
        ("قال\N{NO-BREAK SPACE}الوزير  اليوم   ", "قال الوزير اليوم"),
    ],
)
def test_default_profile_fixes(cleaner, text, expected):
    assert cleaner(text) == expected


def test_default_profile_never_touches_digits_or_quote_style(cleaner):
    text = 'قال "نعم" في عام 1945 و١٩٤٥...'
    assert cleaner(text) == text
