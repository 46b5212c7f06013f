"""A rule's `trigger` only lets the engine skip work: with or without it,
the rule must do exactly the same on real text."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import corpus_lines

from arclean.engine import Engine
from arclean.ruleset import load_builtin_rules

RULES = [r for r in load_builtin_rules() if r.trigger]
SAMPLES = [
    "plain/arcd_wikipedia_paragraphs.txt",
    "messy/arsarcasm_tweets.txt",
    "messy/arafix_ocr_raw_all.txt",
    "diacritized/tashkeela_aliosm_test.txt",
    "plain/hindawi_translated.txt",
]


@pytest.fixture(scope="module")
def sample_text(corpus) -> str:
    return corpus_lines(corpus, SAMPLES, 400)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_trigger_changes_nothing_but_speed(rule, sample_text):
    untriggered = dataclasses.replace(rule, trigger=None)
    with_trigger = Engine([rule], unsafe_fixes=True)
    without = Engine([untriggered], unsafe_fixes=True)
    texts = [e.input for e in rule.examples] + list(rule.keep) + [sample_text]
    for text in texts:
        if rule.fixes:
            assert with_trigger.fix(text).text == without.fix(text).text
        else:
            assert with_trigger.report(text) == without.report(text)
