"""Trojan Source everywhere: bidi overrides and unbalanced or mid-line
controls are errors in code, URLs, attributes and cue text of every format,
and are shown escaped in every output format (issue 12, class 12)."""

from __future__ import annotations

import json

import pytest

from arclean.api import Cleaner
from arclean.report import render_findings

RLO = "\N{RIGHT-TO-LEFT OVERRIDE}"
RLI = "\N{RIGHT-TO-LEFT ISOLATE}"
RLE = "\N{RIGHT-TO-LEFT EMBEDDING}"
PDF = "\N{POP DIRECTIONAL FORMATTING}"

HIDDEN = [
    ("markdown", f"نص `a{RLO}bc` هنا\n"),
    ("markdown", f"نص\n\n```\nif x:{RLO} y\n```\n"),
    ("markdown", f"نص\n\n    indented {RLI} code\n"),
    ("markdown", f"[رابط](https://example.com/{RLO}x) هنا\n"),
    ("markdown", f"نص <https://example.com/{RLO}> هنا\n"),
    ("html", f"<p>نص <code>a{RLO}b</code></p>\n"),
    ("html", f'<script>var s = "{RLO}";</script>\n'),
    ("html", f'<p title="a{RLO}b">نص</p>\n'),
    ("html", f'<a href="https://x.com/{RLO}">رابط</a>\n'),
    ("srt", f"1\n00:00:01,000 --> 00:00:02,000\n{RLO}نص عربي\n"),
    ("vtt", f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{RLO}نص عربي\n"),
    ("plain", f"نص https://example.com/{RLO}x هنا\n"),
    ("plain", f"قال {RLE}نص{PDF} ثم\n"),
]


@pytest.mark.parametrize(("fmt", "text"), HIDDEN)
def test_bidi_controls_are_errors_wherever_they_hide(fmt, text):
    findings = [f for f in Cleaner(format=fmt).check(text) if f.code == "AR602"]
    assert findings, text
    assert all(f.level == "error" for f in findings)


@pytest.mark.parametrize("fmt", ["plain", "markdown", "srt"])
def test_a_balanced_embedding_around_a_whole_line_is_legitimate(fmt):
    line = f"{RLE}سطر عربي كامل{PDF}\n"
    text = line if fmt != "srt" else "1\n00:00:01,000 --> 00:00:02,000\n" + line
    assert [f for f in Cleaner(format=fmt).check(text) if f.code == "AR602"] == []


def test_fix_never_removes_them_silently():
    text = f"نص `a{RLO}bc` ، هنا\n"
    outcome = Cleaner(format="markdown").fix(text)
    assert RLO in outcome.text
    assert any(f.code == "AR602" for f in outcome.findings)


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "sarif", "github"])
def test_findings_are_printed_with_the_controls_escaped(output_format):
    text = f"نص `a{RLO}bc` هنا\n"
    findings = [f for f in Cleaner(format="markdown").check(text) if f.code == "AR602"]
    if output_format in ("json", "sarif"):
        rendered = render_findings(output_format, "", "", [("x.md", text, f) for f in findings])
        json.loads(rendered)  # still valid, the same data
    else:
        rendered = render_findings(output_format, "x.md", text, findings)
    assert "AR602" in rendered
    assert RLO not in rendered
