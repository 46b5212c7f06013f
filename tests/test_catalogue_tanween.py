"""Tanween fatha position: the text's majority wins; a tie goes to
before-alef (the documented default), so a text never keeps both; a fixed
convention can be chosen with the rule's option."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner
from arclean.ruleset import load_builtin_rules, parse_rule_text

BEFORE = "كتابًا وقلمًا"  # fathatan before the alef
ON = "كتاباً وقلماً"  # fathatan on the alef


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(select=["AR205"])


def test_majority_before_alef(cleaner):
    assert cleaner(f"{BEFORE} ودفتراً") == f"{BEFORE} ودفترًا"


def test_majority_on_alef(cleaner):
    assert cleaner(f"{ON} ودفترًا") == f"{ON} ودفتراً"


def test_tie_goes_to_before_alef(cleaner):
    assert cleaner("كتابًا ودفتراً") == "كتابًا ودفترًا"
    assert cleaner("كتاباً ودفترًا") == "كتابًا ودفترًا"


@pytest.mark.parametrize("text", [BEFORE, ON, "كتابًا", "كتاباً"])
def test_one_form_only_changes_nothing(cleaner, text):
    assert cleaner(text) == text


def test_shadda_stays_in_canonical_order(cleaner):
    # جدًّا: fathatan (ccc 27) before shadda (ccc 33).
    assert cleaner("جدّاً جدًّا جدًّا") == "جدًّا جدًّا جدًّا"


def test_default_profile_unifies_but_never_strips():
    text = "شكرًا جزيلًا وأهلاً"
    assert Cleaner()(text) == "شكرًا جزيلًا وأهلًا"


@pytest.mark.parametrize(("convention", "expected"), [("on-alef", ON), ("before-alef", BEFORE)])
def test_fixed_convention(convention, expected):
    (base,) = [r for r in load_builtin_rules() if r.code == "AR205"]
    text = (
        f'group = "diacritics"\n[[rule]]\ncode = "AR299"\nslug = "house-tanween"\n'
        f'kind = "builtin"\nfunction = "tanween-fatha-position"\n'
        f'options = {{ convention = "{convention}" }}\nmessage = "{base.message}"\n'
    )
    (rule,) = parse_rule_text(text, "house.toml")
    house = Cleaner.from_rules([rule])
    assert house(BEFORE) == expected
    assert house(ON) == expected
