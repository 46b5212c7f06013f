"""The engine's third pass (issue 13) only saves work: ranges moved in
groups, the guard's spans cut to a few lines first, the lexicon's words read
with one pattern and kept in the cache folder.  Each is compared here with
the plain way of doing the same thing."""

from __future__ import annotations

import gzip
import itertools
import random
from importlib import resources

import pytest

from arclean.guard import Guard
from arclean.ruleset import load_builtin_rules
from arclean.text.edits import Replacement
from arclean.text.spans import Span, shift_ranges
from arclean.text.windows import Shift, spans_within


def _random_ranges(rnd: random.Random, size: int) -> list[tuple[int, int]]:
    shape = rnd.random()
    if shape < 0.3:  # touching ranges
        width = rnd.randint(1, 6)
        return [(i * width, i * width + width) for i in range(rnd.randint(0, size // width))]
    points = sorted(rnd.sample(range(size), rnd.randint(0, 14)))
    ranges = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
    if shape < 0.5:  # some empty ones
        ranges = [(a, a) if rnd.random() < 0.3 else (a, b) for a, b in ranges]
    return ranges


def _random_reps(rnd: random.Random, size: int) -> list[Replacement]:
    reps = []
    position = rnd.randint(0, 5)
    while True:
        position += rnd.randint(0, 8)
        if position >= size:
            return reps
        end = position + rnd.randint(0, 3)
        reps.append(Replacement(position, end, "x" * rnd.randint(0, 4), "T"))
        # an insertion may be followed by a change at the same point
        position = end + (1 if end == position and rnd.random() < 0.5 else 0)


@pytest.mark.parametrize("inside", [False, True])
def test_ranges_moved_in_groups_are_the_ranges_moved_one_by_one(inside):
    rnd = random.Random(13)
    for _ in range(5000):
        ranges = _random_ranges(rnd, 60)
        reps = _random_reps(rnd, 60)
        assert Shift(reps).ranges(ranges, inside=inside) == shift_ranges(
            ranges, reps, inside=inside
        ), (ranges, reps)


def _rules_by_language():
    rules = {}
    for rule in load_builtin_rules():
        languages = rule.languages or ("arabic-script",)
        kind = "any" if "any" in languages else "ar" if "ar" in languages else ""
        rules.setdefault(kind, rule)
    assert set(rules) == {"any", "ar", ""}
    return list(rules.values())


TEXT = (
    "قال الوزير https://example.com/a?b=c ثم ذهب\n"
    "this line is English only\n"
    "این یک جمله فارسی است که کتاب دارد\n"
    "\n"
    "كتب user@example.org إلى صديقه www.site.org اليوم\n"
    "سطر عربي آخر\n"
    "https://only.example.com\n"
)


@pytest.mark.parametrize("rule", _rules_by_language(), ids=lambda r: r.code)
def test_spans_cut_after_the_lines_are_the_lines_of_the_spans_cut(rule):
    from arclean.text.masks import protected_ranges

    rnd = random.Random(7)
    size = len(TEXT)
    for _ in range(400):
        guard = Guard(TEXT, protected_ranges(TEXT))
        cuts = sorted(rnd.sample(range(size + 1), rnd.randint(2, 6)))
        spans = [
            Span(a, b, frozenset({"AR1"}) if rnd.random() < 0.2 else frozenset())
            for a, b in itertools.pairwise(cuts)
            if rnd.random() < 0.8
        ]
        if spans and rnd.random() < 0.2:  # an empty span
            spans.append(Span(spans[-1].end, spans[-1].end))
        lines = _random_ranges(rnd, size)
        expected = spans_within(guard.spans_for(rule, spans), lines)
        assert guard.spans_in(rule, spans, lines) == expected, (spans, lines)
        whole = guard.spans_for(rule, spans)
        bounds = (whole[0].start, whole[-1].end) if whole else None
        assert guard.free_bounds(rule, spans) == bounds, spans


def _reference_words() -> frozenset[str]:
    ref = resources.files("arclean.names") / "data" / "lexicon.tsv.gz"
    text = gzip.decompress(ref.read_bytes()).decode("utf-8")
    return frozenset(
        word
        for word, _, _ in (line.partition("\t") for line in text.splitlines())
        if not word.startswith("#")
    )


def _clear(lexicon) -> None:
    lexicon.surface_words.cache_clear()
    lexicon.surface_word_list.cache_clear()


def test_lexicon_words_are_read_alike_with_and_without_the_cache(tmp_path, monkeypatch):
    import arclean.ruleset.cache as cache
    from arclean.names import lexicon

    expected = _reference_words()
    monkeypatch.delenv("ARCLEAN_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "directory", None)
    _clear(lexicon)
    try:
        assert lexicon.surface_words() == expected  # no cache folder
        monkeypatch.setattr(cache, "directory", str(tmp_path))
        _clear(lexicon)
        assert lexicon.surface_words() == expected  # written to the cache
        (written,) = tmp_path.glob("lexicon-sorted-*.txt")
        _clear(lexicon)
        assert lexicon.surface_words() == expected  # read from it
        written.write_bytes(written.read_bytes()[:1000])  # cut short: not used
        _clear(lexicon)
        assert lexicon.surface_words() == expected
    finally:
        _clear(lexicon)


def test_the_marks_of_pairs_are_found_by_re_as_by_regex():
    import regex

    from arclean.builtins.punct import mark_finder

    rule = next(r for r in load_builtin_rules() if r.code == "AR190")
    chars = "".join(sorted(set("".join(str(p) for p in rule.option("pairs", ())))))
    assert len(chars) > 5
    text = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000) + chars * 3
    expected = [m.span() for m in regex.compile("[" + regex.escape(chars) + "]").finditer(text)]
    assert [m.span() for m in mark_finder(chars).finditer(text)] == expected
    assert [m.span() for m in mark_finder(chars).finditer(text, 100, 60000)] == [
        span for span in expected if span[0] >= 100 and span[1] <= 60000
    ]
