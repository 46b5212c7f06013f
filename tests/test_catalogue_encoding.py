"""Encoding repair: mojibake made from real sentences comes back exactly,
and text that merely looks similar is left alone."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner

SENTENCES = [
    "العربية لغة جميلة، أليس كذلك؟ نعم؛ بالتأكيد.",
    'قال محمد: "مرحبا بكم في 2024"',
    "ذهب الطالب إلى المدرسة صباحا",
]
REPAIR = Cleaner(select=["encoding"], unsafe_fixes=True)


@pytest.mark.parametrize("text", SENTENCES)
def test_utf8_read_as_cp1256_round_trips(text):
    garbled = text.encode("utf-8").decode("cp1256")
    assert garbled != text
    assert REPAIR(garbled) == text


@pytest.mark.parametrize("text", SENTENCES)
def test_cp1256_read_as_latin1_round_trips(text):
    garbled = text.encode("cp1256").decode("latin-1")
    assert REPAIR(garbled) == text


@pytest.mark.parametrize(
    "text",
    ["ما هذا الخط؟", "ضغط، ثم ظهر", "café crème brûlée", "Ça va, Müller?", "العربية"],
)
def test_clean_text_is_not_repaired(text):
    assert REPAIR(text) == text


def test_repair_is_opt_in():
    garbled = SENTENCES[0].encode("utf-8").decode("cp1256")
    assert Cleaner()(garbled) == garbled
