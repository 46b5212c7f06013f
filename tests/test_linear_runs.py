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
