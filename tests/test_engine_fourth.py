"""The engine's fourth pass (issue 13) only saves work: the rules' unseen
ranges merged by bisection, the guard's allower without cutting stretches,
a split scan's lines found with its whole class, an e-mail address's local
part looked for only after one of its characters.  Each is compared here
with the plain way of doing the same thing."""

from __future__ import annotations

import random
from bisect import bisect_left

import pytest
from test_engine_cuts import TEXT, _random_ranges, _random_reps, _rules_by_language

from arclean.guard import Guard
from arclean.text.dirty import MAX_DIRTY, _merged, _spliced, coarsen, move_dirty
from arclean.text.masks import link_ranges, protected_ranges
from arclean.text.spans import Span
from arclean.text.windows import Shift, SplitScan, _lines_holding, lines_holding, split_scan


def _plain_move_dirty(dirty, shift, changed, size):
    """`move_dirty` as the third pass wrote it: each range moved, then all
    sorted and coarsened."""
    moved = []
    for start, end in dirty:
        new_start = shift(start)
        new_end = end + shift.deltas[bisect_left(shift.starts, end)]
        moved.append((new_start, max(new_end, new_start)))
    merged = coarsen(sorted(moved + changed))
    return None if sum(b - a for a, b in merged) * 3 > size * 2 else merged


def _separated_ranges(rnd: random.Random, size: int, count: int) -> list[tuple[int, int]]:
    return coarsen(sorted((a, a + rnd.randint(0, 5)) for a in rnd.sample(range(size), count)))


@pytest.mark.parametrize("seed", range(4))
def test_dirty_ranges_are_moved_as_one_by_one(seed):
    rnd = random.Random(seed)
    for _ in range(3000):
        size = rnd.choice([60, 400, 5000])
        count = rnd.choice([0, 1, 5, 40, 300, 900])
        dirty = _separated_ranges(rnd, size, min(count, size // 2))
        reps = _random_reps(rnd, size)[: rnd.choice([0, 1, 3, 50, 10_000])]
        shift = Shift(reps)
        changed = _separated_ranges(rnd, size + 50, min(rnd.choice([0, 1, 2, 30, 500]), size))
        expected = _plain_move_dirty(dirty, shift, changed, size)
        assert move_dirty(dirty, shift, changed, size) == expected, (dirty, reps, changed)


def test_spliced_ranges_are_the_sorted_merge():
    rnd = random.Random(5)
    for _ in range(5000):
        ranges = _separated_ranges(rnd, 300, rnd.randint(0, 80))
        extra = _random_ranges(rnd, 320)
        assert _spliced(ranges, extra) == _merged(sorted(ranges + extra), 0), (ranges, extra)


def test_coarsened_ranges_stay_under_the_limit():
    ranges = [(i * 10, i * 10 + 1) for i in range(5 * MAX_DIRTY)]
    assert len(coarsen(ranges)) <= MAX_DIRTY
    assert coarsen(coarsen(ranges)) == coarsen(ranges)


@pytest.mark.parametrize("rule", _rules_by_language(), ids=lambda r: r.code)
def test_the_allower_answers_as_the_stretches_do(rule):
    rnd = random.Random(11)
    size = len(TEXT)
    spans = [Span(0, size)]
    for protected in (protected_ranges(TEXT), [*protected_ranges(TEXT), (size, size)]):
        guard = Guard(TEXT, sorted(protected))
        allowed = guard.allower(rule, spans)
        plain = guard._stretch_allower(rule, spans)
        # With thousands of matches the stretches are cut (seventh pass).
        plain_many = Guard(TEXT, sorted(protected)).allower(rule, spans, many=True)
        for start in range(size + 1):
            for end in {start, min(size, start + 1), min(size, start + rnd.randint(1, 30))}:
                assert allowed(start, end) == plain(start, end), (start, end)
                assert plain_many(start, end) == plain(start, end), (start, end)


def test_lines_of_a_split_scan_are_the_lines_of_its_whole_class():
    import re

    text = TEXT + '(قال) "نعم" [ و ] «لا» “هذا”\nسطر بلا شيء\n' * 3
    scan = split_scan(re.compile(r'[()\[\]"\u201c\u201d\u00ab\u00bb]'))
    assert isinstance(scan, SplitScan) and len(scan.parts) > 4
    for lo in range(0, len(text), 7):
        within = [(lo, min(len(text), lo + 40))]
        expected = sorted(set(_lines_holding(scan.whole, text, *within[0])))
        parts = sorted(
            {line for part in scan.parts for line in _lines_holding(part, text, *within[0])}
        )
        assert lines_holding(scan, text, within) == expected == parts


@pytest.mark.parametrize(
    "text",
    [
        "@user قال",
        "a@b.org",
        "كتب user@example.org إلى",
        "x" * 70 + "@example.org",
        "\u0645@example.org",
        "name.last+tag@mail.example.com و @mention",
        "@",
        "a@",
    ],
)
def test_e_mail_addresses_are_found_with_or_without_the_check_before_the_at(text):
    from arclean.text import masks

    class Always:
        def match(self, *args):
            return True

    plain = masks._EMAIL_LOCAL_END
    expected = link_ranges(text)
    try:
        masks._EMAIL_LOCAL_END = Always()
        assert link_ranges(text) == expected
    finally:
        masks._EMAIL_LOCAL_END = plain


def _plain_scan_windows(scan, text, reach, within, back=""):
    """`scan_windows` as the third pass wrote it (the open window in the list)."""
    from arclean.text.windows import MERGE_GAP

    windows = []
    parts = within if within is not None else ((0, len(text)),)
    last_end = -1 - MERGE_GAP
    for lo, hi in parts:
        for hit in scan.finditer(text, lo, hi):
            start = hit.start() - reach
            end = hit.end() + reach
            if back:
                while start > 0 and start > last_end + MERGE_GAP and text[start - 1] in back:
                    start -= 1
            if windows and start <= last_end + MERGE_GAP:
                if end > last_end:
                    windows[-1] = (windows[-1][0], end)
                    last_end = end
                continue
            windows.append((max(start, 0), end))
            last_end = end
    if windows and windows[-1][1] > len(text):
        windows[-1] = (windows[-1][0], len(text))
    return windows


@pytest.mark.parametrize("reach,back", [(0, ""), (3, ""), (0, " \t"), (70, " ")])
def test_scan_windows_are_the_windows_of_the_plain_loop(reach, back):
    import re

    from arclean.text.windows import scan_windows

    rnd = random.Random(reach)
    scans = [re.compile(r"[.!:]"), split_scan(re.compile(r"[.،](?<=[ \t][.،])")), re.compile("x+")]
    for _ in range(2000):
        text = "".join(rnd.choice("ab .،!:x\t\n") for _ in range(rnd.randint(0, 300)))
        within = None if rnd.random() < 0.5 else _random_ranges(rnd, len(text) + 20)
        for scan in scans:
            expected = _plain_scan_windows(scan, text, reach, within, back)
            assert scan_windows(scan, text, reach, within, back) == expected, (text, within)
