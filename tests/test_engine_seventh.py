"""The engine's seventh pass: a window's matches found with a position by
position `match` near its end (`arclean.text.stepped`) must be exactly the
matches the search to the line's end finds, for every shipped pattern,
and the rules' output the same as with the search alone."""

from __future__ import annotations

import itertools
import random

import pytest
import regex
from conftest import corpus_lines

from arclean import Cleaner
from arclean.chars import REGEX_FLAGS
from arclean.ruleset import load_builtin_rules
from arclean.text import stepped
from arclean.text.stepped import stepwise, window_matches

RULES = [rule for rule in load_builtin_rules() if rule.compiled is not None]


def _searched(pattern: regex.Pattern[str], text: str, start: int, stop: int, end: int):
    """The window's matches as `CompiledRule._matches` found them before."""
    found = []
    clear = end
    for m in pattern.finditer(text, start, end):
        if m.start() >= stop:
            clear = m.start()
            break
        found.append(m)
    return found, clear


def _spans(matches: list[regex.Match[str]]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def _check(pattern: regex.Pattern[str], text: str, start: int, stop: int, end: int) -> None:
    result = window_matches(pattern, text, start, stop, end, 10.0)
    expected, clear = _searched(pattern, text, start, stop, end)
    if result is None:  # an empty match: the caller searches
        assert any(m.start() == m.end() for m in pattern.finditer(text, start, end))
        return
    matches, learned = result
    assert _spans(matches) == _spans(expected), (pattern.pattern[:60], text[start:end])
    # What it learned of the text past the window is what the search found.
    assert learned in (-1, clear), (pattern.pattern[:60], start, stop, end)


@pytest.mark.parametrize("ratio", [1, 8, 100, 10**6])
def test_window_matches_are_the_search_matches_on_the_corpus(corpus, ratio, monkeypatch) -> None:
    monkeypatch.setattr(stepped, "STEP_RATIO", ratio)
    text = corpus_lines(
        corpus,
        ["news/saudinewsnet_2015-08-10.txt", "messy/arsarcasm_tweets.txt"],
        300,
    )
    text += "قال , ثم : نعم ! و الحرب ، و  من ؟ ١, ٢ «مرحبا» , ثم\n" * 3
    rng = random.Random(7)
    size = len(text)
    for rule in RULES:
        pattern = rule.compiled
        assert pattern is not None
        if not stepwise(pattern):
            continue
        for _ in range(60):
            start = rng.randrange(size)
            stop = min(size, start + rng.choice([1, 2, 3, 5, 12, 40]))
            line_end = text.find("\n", stop + 64)
            end = size if line_end == -1 else line_end
            _check(pattern, text, start, stop, end)


def test_window_matches_on_hand_made_cases() -> None:
    cases = [
        (r"[ \t]+(?=[.!:])", "كلمة  : ثم  . و", None),
        (r"(?<=\w)x+", "axxx bxx cx", None),
        (r"x*", "axxb", None),  # empty matches: the caller searches
        (r"ab|b", "aab ab b", None),
        (r"(?<=a)b(?=c)", "abc abd abc", None),
        (r"$", "ab\ncd", None),
    ]
    for source, text, _ in cases:
        pattern = regex.compile(source, REGEX_FLAGS)
        for start in range(len(text) + 1):
            for stop in range(start, len(text) + 1):
                for end in (stop, len(text)):
                    if end >= stop:
                        _check(pattern, text, start, stop, end)


def test_stepwise_refuses_searches_that_differ_from_matches() -> None:
    assert stepwise(regex.compile(r"ab", REGEX_FLAGS))
    assert stepwise(regex.compile(r"\N{ARABIC LETTER ALEF}{2,5}", REGEX_FLAGS))
    assert not stepwise(regex.compile(r"(?r)ab", REGEX_FLAGS))
    assert not stepwise(regex.compile(r"(?:ab){e<=1}", REGEX_FLAGS))
    assert not stepwise(regex.compile(r"(?b)(?:ab){i<=1,d<=1}", REGEX_FLAGS))
    assert not stepwise(regex.compile(r"\Gab", REGEX_FLAGS))
    assert not stepwise(regex.compile(r"(?p)ab", REGEX_FLAGS))


@pytest.mark.parametrize("profile", ["default", "search"])
def test_output_is_the_same_without_stepping(corpus, profile, monkeypatch) -> None:
    text = corpus_lines(
        corpus,
        ["news/saudinewsnet_2015-08-10.txt", "messy/arsarcasm_tweets.txt"],
        1500,
    )
    cleaner = Cleaner(profile=profile)
    stepped_out = cleaner.fix(text, track=False)
    monkeypatch.setattr(stepped, "STEP_RATIO", 10**12)  # never step: search
    searched = Cleaner(profile=profile).fix(text, track=False)
    assert stepped_out.text == searched.text
    assert [(f.start, f.end, f.code) for f in stepped_out.findings] == [
        (f.start, f.end, f.code) for f in searched.findings
    ]


def _fold_by_runs(text, table, spans, monkeypatch):
    from arclean.text import folds

    with monkeypatch.context() as patch:
        patch.setattr(folds, "FIND_KEYS", 0)  # the `re` runs of keys, as before
        return folds.fold_chars(text, None, table, spans)


def test_fold_ranges_found_with_find_are_those_of_the_runs(monkeypatch) -> None:
    from arclean.text.folds import fold_chars
    from arclean.text.spans import Span

    rng = random.Random(11)
    tables = [
        {"ة": "ه"},
        {"ى": "ي", "ی": "ي"},
        {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"},
        {
            **{chr(0x660 + i): str(i) for i in range(10)},
            **{chr(0x6F0 + i): str(i) for i in range(10)},
        },
    ]
    for _ in range(400):
        table = rng.choice(tables)
        keys = list(table)
        density = rng.choice([0.001, 0.01, 0.05, 0.3])
        size = rng.choice([10, 200, 3000, 40000])
        chars = [
            rng.choice(keys) if rng.random() < density else rng.choice("ب ت\n") for _ in range(size)
        ]
        text = "".join(chars)
        cuts = sorted(rng.sample(range(size + 1), min(size + 1, rng.randrange(0, 40))))
        bounds = [0, *cuts, size]
        spans = [Span(a, b) for a, b in itertools.pairwise(bounds) if rng.random() < 0.7]
        found = fold_chars(text, None, table, spans)
        assert found == _fold_by_runs(text, table, spans, monkeypatch), (size, density, spans[:3])


def test_fold_ranges_on_the_corpus(corpus, monkeypatch) -> None:
    from arclean.text.folds import fold_chars
    from arclean.text.spans import Span

    text = corpus_lines(
        corpus, ["news/saudinewsnet_2015-08-10.txt", "messy/arsarcasm_tweets.txt"], 4000
    )
    lines = []
    position = 0
    for line in text.splitlines(keepends=True):
        if len(lines) % 3 != 1:  # every third line left out, as a guard leaves lines
            lines.append(Span(position, position + len(line)))
        position += len(line)
    for table in ({"ة": "ه"}, {"ى": "ي", "ی": "ي"}, {"ؤ": "و", "ئ": "ي"}, {"ک": "ك"}):
        for spans in (lines, [Span(0, len(text))], lines[:5]):
            expected = _fold_by_runs(text, table, spans, monkeypatch)
            assert fold_chars(text, None, table, spans) == expected


def test_keeps_apart_with_many_changes_is_the_test_of_each(corpus) -> None:
    from arclean.guard import Guard, _glues
    from arclean.text.edits import Replacement
    from arclean.text.masks import protected_ranges

    text = corpus_lines(corpus, ["messy/arsarcasm_tweets.txt"], 600)
    text += "انظر (https://x.org/a) ، و«https://t.co/b» . ثم https://t.co/c\n"
    text += "انظر («(https://x.org/d)») ، و(https://x.org/e) ،\n"  # up to 3 closers
    guard = Guard(text, protected_ranges(text))
    assert guard.protected
    rng = random.Random(5)
    ends = [end for _start, end in guard.protected]
    for _ in range(20):
        starts = sorted(
            {rng.randrange(len(text)) for _ in range(len(guard.protected) * 3)}
            | {min(len(text) - 1, end + rng.randrange(0, 4)) for end in ends}
            | {end + 3 for end in ends[-2:]}  # past three closers: the farthest looked at
        )
        reps = [
            Replacement(s, min(len(text), s + rng.randrange(0, 3)), rng.choice(["", " ", "،"]), "X")
            for s in starts
        ]
        assert len(reps) > len(guard.protected)
        # (session 26: a change that glues a word onto a literal's start
        # is dropped first, `Guard._not_glued_before`)
        before = guard._not_glued_before(reps)
        plain = [r for r in before if not _glues(r, guard.link_gap(r.start))]
        assert guard.keeps_apart(reps) == plain
        assert len(plain) < len(reps)  # some changes were glueing a link


def test_wide_class_search_is_the_class_search(corpus) -> None:
    import re

    from arclean.text.wide import WideClass, wide_class

    scan = wide_class(re.compile("[\ufb50-\ufdff\ufe70-\ufeff]", re.MULTILINE))
    assert isinstance(scan, WideClass)
    assert not isinstance(wide_class(re.compile("[\u0600-\u06ff]")), WideClass)
    assert not isinstance(wide_class(re.compile("[\ufb50-\ufdff]+")), WideClass)
    assert not isinstance(wide_class(re.compile("[^\ufb50-\ufdff]")), WideClass)
    assert not isinstance(wide_class(re.compile("[\ufb50-\ufdff]", re.IGNORECASE)), WideClass)
    sample = corpus_lines(corpus, ["messy/arsarcasm_tweets.txt"], 300)
    pieces = [
        sample,
        "ﻻ بد ﷲ ﻣﺤﻤﺪ\ufeff",
        "\ufe0f" * 200 + "ﻻ",  # variation selectors: misses, then `re` takes over
        "\u06fb\u06fc\u00fb\ufefb x \ufe6f\ufe70",  # low bytes that look like high ones
        "\U0001f600 ﻻ",  # past U+FFFF: `re` alone
        "\ud800 ﻻ \udfff",  # lone surrogates
        "",
    ]
    rng = random.Random(3)
    for text in pieces:
        size = len(text)
        for _ in range(300):
            pos = rng.randrange(size + 1)
            end = rng.choice([size, min(size, pos + rng.randrange(0, 80)), None])
            expected = scan.whole.search(text, pos, size if end is None else end)
            found = scan.search(text, pos, end)
            assert (found and found.span()) == (expected and expected.span()), (pos, end)
        assert [m.span() for m in scan.finditer(text)] == [
            m.span() for m in scan.whole.finditer(text)
        ]


def _old_counts(text: str) -> tuple[int, int]:
    from arclean.text.language import _patterns

    other_re, arabic_re = _patterns()
    other = len(other_re.findall(text))
    return other, (len(arabic_re.findall(text)) if other else 0)


def test_language_counts_are_the_class_counts(corpus) -> None:
    from arclean.text.language import in_other_language, language_counts, text_in_other_language

    sample = corpus_lines(
        corpus, ["messy/arsarcasm_tweets.txt", "news/saudinewsnet_2015-08-10.txt"], 2000
    )
    persian = "این یک متن فارسی است که گاهی ۱۲۳ می‌نویسد و پیام کوتاهی دارد\n"
    arabic = "هذه جملة عربية في ١٢ سطرا\n"
    texts = [sample, persian * 40, persian * 40 + arabic, "", "ی", "ة", arabic]
    rng = random.Random(9)
    for _ in range(200):  # mixtures near the balance (arabic * 10 == other)
        texts.append("".join(rng.choice([persian, arabic, "ی" * 10 + "ة"]) for _ in range(8)))
    texts.append("ی" * 10 + "ة")  # exactly ten to one: not another language
    texts.append("ی" * 11 + "ة")
    for text in texts:
        old = _old_counts(text)
        assert language_counts(text) == old
        assert text_in_other_language(text) == in_other_language(*old)
    assert not text_in_other_language("ی" * 10 + "ة")
    assert text_in_other_language("ی" * 11 + "ة")


def test_line_start_scan_search_is_the_pattern_search(corpus) -> None:
    import re

    from arclean.ruleset import load_builtin_rules as rules
    from arclean.text.linestart import LineStartScan, line_start_scan

    scan = next(r for r in rules() if r.code == "AR192").compiled_scan
    assert scan is not None
    fast = line_start_scan(scan)
    assert isinstance(fast, LineStartScan)
    assert not isinstance(line_start_scan(re.compile("^a")), LineStartScan)  # not multiline
    assert not isinstance(line_start_scan(re.compile("a^", re.M)), LineStartScan)
    assert not isinstance(line_start_scan(re.compile("^a|b", re.M)), LineStartScan)
    other = line_start_scan(re.compile(r"^(a)\1|^$", re.M))
    sample = corpus_lines(corpus, ["news/saudinewsnet_2015-08-10.txt"], 400)
    texts = [
        sample,
        ". أول\n\u200f<b>. ثاني\n\n- . ثالث\r\n.",
        "aa\n\naab\na",
        "",
        "\n\n",
    ]
    rng = random.Random(4)
    for pattern in (fast, other):
        for text in texts:
            size = len(text)
            for _ in range(300):
                pos = rng.randrange(-1, size + 2)
                end = rng.choice([size, rng.randrange(0, size + 2), None])
                whole = pattern.whole
                expected = whole.search(text, pos, size if end is None else end)
                found = pattern.search(text, pos, end)
                assert (found and found.span()) == (expected and expected.span()), (pos, end)
