"""Defects a tester found on real text (ninth round): the ones fixed outside
the rule files' own examples."""

from __future__ import annotations

import pytest

from arclean import Cleaner


@pytest.mark.parametrize("opening", ["«", '"', "(", "“", "["])
def test_a_quotation_after_a_language_cue_is_left_alone_inside_quotes(opening: str) -> None:
    closing = {"«": "»", '"': '"', "(": ")", "“": "”", "[": "]"}[opening]
    text = f"قال بالفارسية: {opening}من می خواهم{closing} ثم سكت.\n"
    assert Cleaner()(text) == text


def test_a_quotation_without_a_cue_is_still_respelt() -> None:
    """The cue is what protects it (README): no cue, the known word is respelt."""
    assert Cleaner()("قال: «من می خواهم» ثم سكت.\n") == "قال: «من مي خواهم» ثم سكت.\n"
