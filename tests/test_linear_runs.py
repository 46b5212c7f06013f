"""Default rules are linear on a long run of one character, or of a short
unit, on one line (known defects: 30,000 ? after a word took 16 s; runs of
spaces before a comma, of ! or ؟, of spaces before a tanween, of " - ", of
brackets that do not pair).

No wall-clock assertions: where the work can be counted it is (the scan
windows, the repeated-spaces built-in); the patterns of regex rules run in
a subprocess on inputs that a quadratic pattern cannot finish within its
time limit (`RULE_TIMEOUT`, an error: exit 2), and that a linear one
cleans in about a second."""

from __future__ import annotations

import re

import pytest
from test_bounded_work import fix_in_subprocess

from arclean.builtins import space
from arclean.ruleset.model import Rule
from arclean.text.spans import Span
from arclean.text.windows import scan_windows


class CountingText(str):
    """A text that counts the characters read from it one by one."""

    reads = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        CountingText.reads += 1
        return str.__getitem__(self, key)


@pytest.mark.parametrize("n", [10_000, 20_000])
def test_scan_windows_read_a_run_of_hits_once(n):
    # Every ? is a hit of AR104's scan, and ? is a `back` character: each hit
    # walked back over the whole run before (quadratic).
    text = CountingText("قال" + "?" * n + "\n")
    CountingText.reads = 0
    windows = scan_windows(re.compile(r"\?"), text, 0, None, " \t?\u061f")
    assert windows == [(3, 3 + n)]
    assert CountingText.reads <= 2 * n


def test_scan_windows_still_start_before_the_run_of_back_characters():
    text = "قال    ?" + "x" * 100 + "   ?"
    windows = scan_windows(re.compile(r"\?"), text, 0, None, " \t?")
    assert windows == [(3, 8), (108, 112)]


def _rule() -> Rule:
    from arclean.api import Cleaner

    return Cleaner(select=["AR502"]).rule("AR502")


@pytest.mark.parametrize("unit", [" - ", "(  ", "ا  "])
def test_repeated_spaces_read_a_line_of_many_runs_once(unit, monkeypatch):
    # Each unit repeated makes a run of two spaces every three characters:
    # each run looked for its line's ends and counted the columns before it
    # from the line's start (quadratic).
    read = {"chars": 0, "lines": 0}
    marks = space._MARK_RE
    line_at = space._line_at

    class Counting:
        def sub(self, repl, string):  # type: ignore[no-untyped-def]
            read["chars"] += len(string)
            return marks.sub(repl, string)

        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return getattr(marks, name)

    def counting_line_at(text, position):  # type: ignore[no-untyped-def]
        read["lines"] += 1
        return line_at(text, position)

    monkeypatch.setattr(space, "_MARK_RE", Counting())
    monkeypatch.setattr(space, "_line_at", counting_line_at)
    text = "قال" + unit * 20_000 + "كتب\n"
    space.repeated_spaces(text, [Span(0, len(text))], _rule())
    assert read["lines"] <= 2
    assert read["chars"] <= 2 * len(text)


def lines_run(func, *args) -> int:  # type: ignore[no-untyped-def]
    """How many lines of arclean's built-ins Python runs for `func(*args)`:
    work counted, not timed."""
    import sys

    count = 0

    def trace(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if "builtins" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        func(*args)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("unit", ["(\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}", "](", "«)"])
def test_unbalanced_pairs_is_linear_on_brackets_that_never_pair(unit):
    # AR190 searched the stack of unclosed openers at each closer that does
    # not close the last one: twice the input took four times the work.
    from arclean.api import Cleaner
    from arclean.builtins.punct import unbalanced_pairs

    rule = Cleaner(select=["AR190"]).rule("AR190")
    work = []
    for n in (2_000, 4_000):
        text = "قال " + unit * n + "\n"
        work.append(lines_run(unbalanced_pairs, text, [Span(0, len(text))], rule))
    assert work[1] < 2.5 * work[0]


#: One line each, 100,000 characters of a run: before, each of these took
#: minutes or stopped on the rule time limit.
LONG_RUNS = {
    "question marks after a word": "قال محمد" + "?" * 100_000 + "كتب\n",
    "question marks after Latin": "قال x" + "?" * 100_000 + "x كتب\n",
    "spaced question marks": "قال" + " ?" * 50_000 + "\n",
    "spaces before a question mark": "قال 1" + " " * 100_000 + "? كتب\n",
    "spaces before a comma": "قال 1" + " " * 100_000 + ",x كتب\n",
    "spaces before a semicolon": "x" + " " * 100_000 + "; كتب\n",
    "a number of commas": "قال " + "1," * 50_000 + " كتب\n",
    "exclamation marks": "قال" + "!" * 100_000 + "\n",
    "Arabic question marks": "قال" + "\N{ARABIC QUESTION MARK}" * 100_000 + ")\n",
    "spaces before a tanween": "قال" + " " * 100_000 + "\N{ARABIC FATHATAN} كتب\n",
}


@pytest.mark.parametrize("name", sorted(LONG_RUNS))
def test_default_rules_finish_on_long_runs(name):
    text = LONG_RUNS[name]
    out = fix_in_subprocess(text, "--isolated")
    assert out.count(b"\n") == text.count("\n")


def _ar501_scan(read: dict[str, int]):  # type: ignore[no-untyped-def]
    """AR501's scan as the engine makes it (a `LineEndScan`, new: its lines
    not yet found short), each part of its split fallback counting the
    characters its searches read (from the search's start to its hit's
    end, or to the end of the text when it finds nothing)."""
    from arclean.ruleset import load_builtin_rules
    from arclean.text.linestart import LineEndScan
    from arclean.text.split import SplitScan
    from arclean.text.windows import fast_scan

    class CountingPart:
        def __init__(self, part):  # type: ignore[no-untyped-def]
            self.part = part

        def search(self, text, pos=0, endpos=None):  # type: ignore[no-untyped-def]
            end = len(text) if endpos is None else endpos
            m = self.part.search(text, pos, end)
            read["chars"] += (end if m is None else m.end()) - max(pos, 0)
            return m

    pattern = next(r for r in load_builtin_rules() if r.code == "AR501").compiled_scan
    assert pattern is not None
    scan = fast_scan(pattern)
    assert isinstance(scan, LineEndScan) and isinstance(scan.fallback, SplitScan)
    scan.fallback.parts = [CountingPart(part) for part in scan.fallback.parts]
    return scan, pattern


#: Short lines ending in a space (OCR, editors' output), one with a tab.
TRAILING = {
    "spaces": "قال الوزير \n",
    "a tab among spaces": "قال الوزير \nقال\t\n" + "قال الوزير \n" * 3,
}


@pytest.mark.parametrize("n", [10_000, 20_000])
@pytest.mark.parametrize("name", sorted(TRAILING))
def test_a_line_end_scan_reads_lines_ending_in_spaces_once(n, name):
    # Once its lines proved short, AR501's scan searched each line from the
    # last hit by its split fallback's `search`: the parts with no hit left
    # (tab, no-break space) read on to the end of the text every time (a
    # fix of 80,000 such lines took 34 s, twice the lines four times it).
    text = TRAILING[name] * (n // TRAILING[name].count("\n"))
    read = {"chars": 0}
    scan, pattern = _ar501_scan(read)
    found = [m.span() for m in scan.finditer(text)]
    assert found == [m.span() for m in pattern.finditer(text)]
    assert scan.dense  # the lines were found short on the way
    assert read["chars"] <= 4 * len(text)


@pytest.mark.parametrize("n", [10_000, 20_000])
def test_lines_holding_a_line_end_scan_reads_the_text_once(n):
    from arclean.text.windows import lines_holding

    text = "قال الوزير \n" * n
    read = {"chars": 0}
    scan, _ = _ar501_scan(read)
    lines = lines_holding(scan, text, [(0, len(text))])
    assert lines == [(12 * i, 12 * i + 12) for i in range(n)]
    assert read["chars"] <= 4 * len(text)


def test_a_split_scan_searcher_is_the_pattern_search():
    # Positions going on (and, rarely, back): each result is the pattern's.
    import random

    from arclean.text.split import SplitScan, split_scan

    rng = random.Random(26)
    text = "".join(rng.choice("ab \t\n\u00a0") for _ in range(3000))
    for source in [r"[ \t\u00a0]\r?$", r"[ab]b", r"[ab](?<=a)", r"[ \t]\b"]:
        whole = re.compile(source, re.MULTILINE)
        scan = split_scan(whole)
        assert isinstance(scan, SplitScan), source
        for end in (None, 2000):
            seek = scan.searcher(text, end)
            pos = -2
            while pos < len(text) + 2:
                expected = whole.search(text, pos, len(text) if end is None else end)
                assert (seek(pos) and seek(pos).span()) == (expected and expected.span())
                pos += rng.randrange(-3, 20)
