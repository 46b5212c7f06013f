"""The fuzz targets' invariants hold on fixed inputs (the fuzzer itself runs
from `fuzz/run.py`, for a few seconds in `.ci/run`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))

from run import SEEDS
from targets import FORMATS, check_format, target

CASES = [(name, seed) for name, seeds in SEEDS.items() for seed in seeds] + [
    ("markdown", ""),
    ("markdown", "`" * 50 + "، ،"),
    ("markdown", "> " * 60 + "قال ، ثم"),
    ("markdown", "[" * 40 + "قال ، ثم" + "]" * 40),
    ("srt", "1\n00:00:01,000 --> 00:00:02,000\n"),
    ("vtt", "WEBVTT\n\n"),
]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_the_invariants_hold(name, text):
    check_format(FORMATS[name], text)


def test_a_target_ignores_bytes_that_are_not_utf8():
    target("markdown")(b"\xff\xfe\x00")


def test_a_broken_invariant_is_caught(monkeypatch):
    from arclean.formats import markdown

    def overlapping(self, text):
        from arclean.text.spans import Span

        return [Span(0, 2), Span(1, 3)]

    monkeypatch.setattr(markdown.Markdown, "prose_spans", overlapping)
    with pytest.raises(AssertionError):
        check_format("markdown", "قال ، ثم")
