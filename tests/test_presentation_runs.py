"""AR402 decides whether two isolated presentation forms side by side show a
word break by looking at their whole run of forms; a long run set wholly in
isolated forms (a reviewer: 8,000 of them took 42 s) is walked once, not once
per pair."""

from __future__ import annotations

import unicodedata

import pytest

from arclean import Cleaner
from arclean.builtins import letters

ISOLATED = [
    ch
    for ch in map(chr, range(0xFE80, 0xFEFD))
    if unicodedata.name(ch, "").endswith("ISOLATED FORM")
]


def test_a_run_of_isolated_forms_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    shape = letters.presentation_shape

    def counting(ch: str) -> tuple[str, str]:
        nonlocal calls
        calls += 1
        return shape(ch)

    monkeypatch.setattr(letters, "presentation_shape", counting)
    n = 3000
    text = "".join(ISOLATED[i % len(ISOLATED)] for i in range(n)) + "\n"
    out = Cleaner(select=["AR402"])(text)
    assert "\ufe80" not in out  # the forms became letters
    assert calls < 10 * n


def test_the_answer_is_the_runs() -> None:
    # isolated forms beside a joined (final) form in the same run: no break
    joined = "\ufe8d\ufe91\ufe94"  # ﺍ ﺑ ﺔ: isolated alef, initial beh, final teh marbuta
    assert " " not in Cleaner(select=["AR402"])(joined + "\n")
