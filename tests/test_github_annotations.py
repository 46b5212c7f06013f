"""GitHub annotations (``--output-format github``, B15): ``file=`` holds the
name as every output for people shows it (quoted as git quotes a name
holding a control character, bidi controls named), with the escapes
workflow commands require (%25 %0D %0A %3A %2C in a property; %, CR, LF
in the message).  The ``::error`` annotation of a file that could not be
read names it so too, and names the bidi controls of its message."""

from __future__ import annotations

from arclean.api import Cleaner
from arclean.report import render_error, render_findings

RLO = "\N{RIGHT-TO-LEFT OVERRIDE}"
RLO_TAG = "<U+202E RIGHT-TO-LEFT OVERRIDE>"


def _github(path: str) -> str:
    text = "قال  الوزير\n"
    findings = [f for f in Cleaner().check(text) if f.code == "AR502"]
    assert findings
    return render_findings("github", path, text, findings)


def _file(line: str) -> str:
    return line.split("::")[1].split("file=")[1].split(",line=")[0]


def test_an_ordinary_name_is_the_path_escaped_as_workflow_commands_require():
    out = _github("دليل/b,c:d%e 100.txt")
    assert _file(out) == "دليل/b%2Cc%3Ad%25e 100.txt"


def test_a_bidi_control_in_a_name_is_named_in_every_annotation():
    name = f"a{RLO}b,c.txt"
    assert _file(_github(name)) == f"a{RLO_TAG}b%2Cc.txt"
    out = render_error("github", f"{name}: cannot read: denied; left untouched", name)
    assert RLO not in out
    props, message = out.split("::")[1], out.split("::", 2)[2]
    assert props == f"error title=arclean,file=a{RLO_TAG}b%2Cc.txt"
    assert message == f"a{RLO_TAG}b,c.txt: cannot read: denied; left untouched\n"


def test_a_line_break_in_a_name_is_quoted_and_stays_on_its_line():
    out = _github("x,\ny\r.txt")
    assert out.count("\n") == 1 and "\r" not in out
    assert _file(out) == '"x%2C\\ny\\r.txt"'


def test_a_name_holding_colon_space_is_taken_whole_in_the_error_annotation():
    name = "a: b.txt"
    out = render_error("github", f"{name}: looks binary", name)
    assert out == "::error title=arclean,file=a%3A b.txt::a: b.txt: looks binary\n"


def test_error_annotation_without_a_path_takes_the_name_before_the_colon():
    out = render_error("github", "bad.txt: looks%\nbinary")
    assert out == "::error title=arclean,file=bad.txt::bad.txt: looks%25%0Abinary\n"
