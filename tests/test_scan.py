"""A rule's `scan` (where it can match), the engine's later rounds on
changed lines only and its folding of character maps only let the engine
skip work: with or without them, the output must be the same on real text."""

from __future__ import annotations

import re

import pytest
from conftest import corpus_lines

import arclean.engine
from arclean.api import Cleaner
from arclean.engine import Engine
from arclean.ruleset import load_builtin_rules
from arclean.text.windows import line_windows, scan_windows

RULES = [r for r in load_builtin_rules() if r.compiled_scan is not None]
SAMPLES = [
    "news/saudinewsnet_2015-08-09.txt",
    "plain/arcd_wikipedia_paragraphs.txt",
    "messy/arsarcasm_tweets.txt",
    "messy/arafix_ocr_raw_all.txt",
    "diacritized/tashkeela_aliosm_test.txt",
    "plain/hindawi_translated.txt",
]


@pytest.fixture(scope="module")
def sample_text(corpus) -> str:
    return corpus_lines(corpus, SAMPLES, 600)


#: Texts where a scan once missed a match (the run of marks after the hit).
HARD = [
    "هل فعلاً الإسلام ينتشر؟!!أطفال في إجازة",
    "ماذا لايتحرشون!؟هل قال ؟؟؟ و  كتاب  ,  ثم ?? نعم ;  لا",
    "قال  ،  ثم   .  انتهى   \t\n\u0640\u0640\u0640 كتاب  ً",
]


def _unscanned(engine: Engine) -> Engine:
    for compiled in engine.fixers + engine.reporters:
        compiled.scan = None
        compiled.local = compiled.direct = False
        compiled.fold = None
    return engine


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_scan_changes_nothing_but_speed(rule, sample_text):
    scanned = Engine([rule], unsafe_fixes=True)
    everywhere = _unscanned(Engine([rule], unsafe_fixes=True))
    one_line = sample_text[:100_000].replace("\n", " ")  # windows on one long line
    texts = [e.input for e in rule.examples] + list(rule.keep) + HARD + [sample_text, one_line]
    for text in texts:
        if rule.fixes:
            assert scanned.fix(text).text == everywhere.fix(text).text
        else:
            assert scanned.report(text) == everywhere.report(text)


@pytest.mark.parametrize("profile", ["default", "search"])
def test_changed_lines_only_changes_nothing_but_speed(profile, sample_text, monkeypatch):
    fast = Cleaner(profile=profile).engine
    untracked = fast.fix(sample_text, track=False)  # maps of characters fold the text
    tracked = fast.fix(sample_text)
    monkeypatch.setattr(arclean.engine, "move_dirty", lambda *args: None)
    slow = _unscanned(Cleaner(profile=profile).engine).fix(sample_text)
    assert tracked == slow
    assert untracked.text == slow.text


def test_scan_windows_merge_near_hits():
    scan = re.compile("x")
    assert scan_windows(scan, "x" + " " * 10 + "x", 0, None) == [(0, 12)]
    assert scan_windows(scan, "x" + " " * 100 + "x", 1, None) == [(0, 2), (100, 102)]
    assert scan_windows(scan, "ab x", 0, [(0, 2)]) == []


def test_line_windows_take_whole_lines():
    text = "one\ntwo\nthree\nfour\nfive\n"
    at_three = text.index("three")
    assert line_windows(text, [(at_three + 1, at_three + 2)]) == [(at_three, text.index("four"))]
    assert line_windows(text, [(at_three, at_three)]) == [(at_three, text.index("four"))]


_RULE = """group = "house"
[[rule]]
code = "HS101"
slug = "house"
kind = "regex"
message = "m"
pattern = ' +,'
replace = ','
"""


def test_scan_keys_are_read_and_checked():
    from arclean.errors import RuleFileError
    from arclean.ruleset import parse_rule_text

    (rule,) = parse_rule_text(_RULE + "scan = ','\nback = ' '\nreach = 2\n", "house.toml")
    assert (rule.scan, rule.back, rule.reach) == (",", " ", 2)
    assert rule.compiled_scan is not None and rule.compiled_scan.pattern == ","
    with pytest.raises(RuleFileError, match="invalid 'scan'"):
        parse_rule_text(_RULE + "scan = '(,'\n", "house.toml")
    with pytest.raises(RuleFileError, match="'reach'"):
        parse_rule_text(_RULE + "reach = -1\n", "house.toml")
    assert (
        Engine([rule]).fix("قال  , ثم").text
        == Engine([parse_rule_text(_RULE, "house.toml")[0]]).fix("قال  , ثم").text
    )
