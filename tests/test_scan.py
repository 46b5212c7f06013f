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


# -- split scans, folds, exceptions on lines, AR205's candidates (issue 13) --

SPLIT_TEXTS = [
    "قال ، ثم ؛ و ؟ نعم،، لا؟!!؟ ثم ! . : انتهى",
    "؟!!؟!؟ ؟؟ !! ، ،، ؛؛\n؟!\n!",
    "\u064b\u064c \u064b  \u064d\n\u0651\u064e\u0651\u064b\u0670\u064f",
    "",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"[\u061f!][\u061f!]+",
        r"[.!:](?<=[ \t][.!:])",
        r"[\u060c\u061b\u061f](?<=[ \t\u00a0][\u060c\u061b\u061f])",
        r"[\u0651\u0652\u0670][\u064b-\u0652]",
        r"[،؛]$",
        r"[ab]",
    ],
)
def test_a_split_scan_finds_what_the_whole_scan_finds(pattern, sample_text):
    from arclean.text.windows import SplitScan, split_scan

    whole = re.compile(pattern, re.MULTILINE)
    split = split_scan(whole)
    assert isinstance(split, SplitScan)
    for text in [*SPLIT_TEXTS, sample_text[:200_000]]:
        for pos, endpos in ((0, len(text)), (3, len(text) - 2), (len(text) // 2, len(text))):
            got = [m.span() for m in split.finditer(text, pos, endpos)]
            assert got == [m.span() for m in whole.finditer(text, pos, max(pos, endpos))]
            hit = split.search(text, pos, endpos)
            expected = whole.search(text, pos, max(pos, endpos))
            assert (hit and hit.span()) == (expected and expected.span())


def test_a_dense_split_scan_goes_back_to_the_whole_pattern():
    from arclean.text.windows import split_scan

    split = split_scan(re.compile("[ab]"))
    text = "ab" * 100_000
    assert len(list(split.finditer(text))) == 200_000
    assert split.dense  # type: ignore[union-attr]
    assert len(list(split.finditer(text, 5, 11))) == 6


def test_only_a_short_leading_class_is_split():
    from arclean.text.windows import SplitScan, split_scan

    for pattern in ["[^a]b", "(a|b)", "a", r"[\w]x", "[a-z]", "([ab])\\1", "[]a]"]:
        assert not isinstance(split_scan(re.compile(pattern)), SplitScan), pattern


def test_a_fold_by_replace_is_the_fold_hit_by_hit(sample_text):
    from arclean.text.folds import _fold_hits, fold_chars
    from arclean.text.spans import Span

    text = sample_text[:300_000]
    spans = [Span(0, 5000), Span(5000, 9000), Span(12_000, len(text) - 7)]
    for rule in Cleaner(profile="search").engine.fixers:
        if rule.fold is not None and rule.scan is not None:
            assert fold_chars(text, rule.scan, rule.fold, spans) == _fold_hits(
                text, rule.scan, rule.fold, spans
            ), rule.rule.code


def test_exceptions_are_found_on_the_lines_of_the_matches():
    text = (
        "يكتب حرف و في أول الكلمة\nالسلام و الحرب\nحروف العطف هي و ثم أو\n"
        "قال و قال حرف و هنا و ثم\n" * 3
    )
    (rule,) = [r for r in load_builtin_rules() if r.code == "AR109"]
    scanned = Engine([rule])
    everywhere = _unscanned(Engine([rule]))
    assert scanned.fix(text).text == everywhere.fix(text).text
    assert "السلام والحرب" in scanned.fix(text).text


def test_the_fathatan_tried_give_every_tanween_match(sample_text):
    from arclean.builtins import diacritics
    from arclean.builtins._common import finditer
    from arclean.text.spans import Span

    text = sample_text + "".join(HARD) + " كتابًا، كتاباً كتابًّا بًَا اًً ًا \u064b\u064b\u0627 ب\u064b\n"
    spans = [Span(0, len(text) // 3), Span(len(text) // 3 + 5, len(text))]
    for pattern, alef_first in (
        (diacritics._TANWEEN_BEFORE_RE, False),
        (diacritics._TANWEEN_ON_RE, True),
    ):
        fast = [m.span() for m in diacritics._anchored(pattern, text, spans, alef_first)]
        assert fast == [m.span() for m in finditer(pattern, text, spans)]


def test_the_cleaned_text_alone_is_the_fixed_text(sample_text):
    cleaner = Cleaner()
    assert cleaner(sample_text) == cleaner.fix(sample_text, track=False).text


def test_a_guard_looks_again_only_at_the_changed_lines():
    from arclean.guard import Guard
    from arclean.text.edits import Replacement, apply_replacements
    from arclean.text.windows import Shift, changed_ranges

    text = "سطر عربي\nLatin line\nLatin too\nکتاب این است\nسطر آخر\n\nend"
    guard = Guard(text, [])
    guard.has_script(0), guard.is_arabic(0)  # the maps are made
    for reps in (
        [Replacement(text.index("line"), text.index("line") + 4, "سطر", "T")],  # becomes Arabic
        [Replacement(0, 8, "plain", "T")],  # no longer Arabic
        [Replacement(text.index("این"), text.index("این") + 3, "هذا", "T")],  # no longer Persian
        [Replacement(text.index("end"), len(text), "", "T")],
    ):
        new = apply_replacements(text, reps)
        moved = guard.moved(new, [], Shift(reps))
        again = moved.refreshed(new, [], line_windows(new, changed_ranges(reps)))
        # the whole text's language is decided once, on the text it came as
        fresh = Guard(new, [], guard.mostly_other)
        fresh.has_script(0), fresh.is_arabic(0)
        assert (again._no_script, again._other) == (fresh._no_script, fresh._other)


def test_a_run_the_span_cuts_is_not_a_match_of_a_scanned_run():
    from arclean.text.spans import Span

    (rule,) = [r for r in load_builtin_rules() if r.code == "AR210"]
    scanned = Engine([rule], unsafe_fixes=True)
    assert scanned.fixers[0].direct  # its hits are its matches
    everywhere = _unscanned(Engine([rule], unsafe_fixes=True))
    text = "كَتَبَ مُحَمَّدٌ\nقَالَ" * 3
    for cut in range(1, len(text)):
        spans = [Span(0, cut), Span(min(cut + 1, len(text)), len(text))]
        assert scanned.fix(text, spans).text == everywhere.fix(text, spans).text, cut
