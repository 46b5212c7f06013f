"""JSON Lines (`arclean fix --jsonl`): only the named string values change,
every other byte of each record stays as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arclean.api import Cleaner
from arclean.cli import cli
from arclean.jsonl import check_document, fix_document, top_level_values

DIRTY = "قال الوزير ، ثم غادر"
CLEAN = "قال الوزير، ثم غادر"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def fixed(text: str, cleaner: Cleaner, fields: tuple[str, ...] = ("text",)) -> str:
    return fix_document(text, fields, cleaner).text


def test_only_the_bytes_of_the_value_change(cleaner):
    line = '{"z": 1.0, "a": 1e5,  "text" : "' + DIRTY + '", "n": -0.50E+02, "b": [true, null]}\n'
    assert fixed(line, cleaner) == line.replace(DIRTY, CLEAN)


def test_key_order_and_other_fields_are_kept(cleaner):
    line = json.dumps({"title": DIRTY, "text": DIRTY, "id": 7}, ensure_ascii=False) + "\n"
    out = fixed(line, cleaner)
    assert out == '{"title": "' + DIRTY + '", "text": "' + CLEAN + '", "id": 7}\n'
    assert list(json.loads(out)) == ["title", "text", "id"]


def test_two_fields(cleaner):
    line = json.dumps({"title": DIRTY, "x": "،", "text": DIRTY}, ensure_ascii=False) + "\n"
    out = json.loads(fixed(line, cleaner, ("text", "title")))
    assert out == {"title": CLEAN, "x": "،", "text": CLEAN}


def test_ascii_escapes_stay_ascii_escapes(cleaner):
    line = json.dumps({"text": DIRTY, "other": "é"}) + "\n"
    out = fixed(line, cleaner)
    assert out.isascii()
    assert out == json.dumps({"text": CLEAN, "other": "é"}) + "\n"


def test_upper_case_escapes_stay_upper_case(cleaner):
    raw = json.dumps(DIRTY)
    upper = raw.replace("\\u", "\\U").upper().replace("\\U", "\\u")
    out = fixed('{"text": ' + upper + "}\n", cleaner)
    assert json.loads(out)["text"] == CLEAN
    assert "\\u060C" in out and "\\u060c" not in out


def test_other_escapes_inside_the_value_are_kept(cleaner):
    # \/ and \u00e9 and \n are not how json.dumps would write them: they stay.
    line = '{"text": "' + DIRTY + "\\n\\u00e9 http:\\/\\/x.org " + DIRTY + '"}\n'
    out = fixed(line, cleaner)
    assert out == '{"text": "' + CLEAN + "\\n\\u00e9 http:\\/\\/x.org " + CLEAN + '"}\n'


def test_nested_objects_are_left_alone(cleaner):
    line = '{"meta": {"text": "' + DIRTY + '", "a": ["}", {"b": "]"}]}, "text": "' + DIRTY + '"}\n'
    out = fixed(line, cleaner)
    assert json.loads(out)["meta"]["text"] == DIRTY
    assert json.loads(out)["text"] == CLEAN


def test_crlf_and_blank_lines_survive(cleaner):
    doc = '{"text": "' + DIRTY + '"}\r\n\r\n   \n{"text": "' + DIRTY + '"}'
    out = fix_document(doc, ("text",), cleaner)
    assert out.text == doc.replace(DIRTY, CLEAN)
    assert out.problems == []


def test_a_raw_line_separator_inside_a_value_is_not_a_line_break(cleaner):
    doc = '{"text": "' + DIRTY + "\u2028" + DIRTY + '"}\n'
    assert fixed(doc, cleaner) == doc.replace(DIRTY, CLEAN)


def test_bad_records_are_reported_by_line_and_left_alone(cleaner):
    lines = [
        '{"text": "' + DIRTY + '"}',
        "{not json",
        '{"title": "x"}',
        '{"text": 3}',
        '["text"]',
        '{"text": "' + DIRTY + '"}',
    ]
    doc = "\n".join(lines) + "\n"
    out = fix_document(doc, ("text",), cleaner)
    assert out.text.splitlines()[1:5] == lines[1:5]
    assert [json.loads(x)["text"] for x in (out.text.splitlines()[0], out.text.splitlines()[5])]
    assert [(p.line, p.message.split(" (")[0].split(":")[0]) for p in out.problems] == [
        (2, "is not valid JSON"),
        (3, "has no field 'text'; left unchanged"),
        (4, "has a value that is not a string"),
        (5, "is not a JSON object"),
    ]


def test_duplicate_keys_clean_the_value_parsers_keep(cleaner):
    line = '{"text": "a", "text": "' + DIRTY + '"}\n'
    assert fixed(line, cleaner) == line.replace(DIRTY, CLEAN)
    assert top_level_values('{"a": {"b": 1}, "c" :"d"}') == {"a": (6, 14), "c": (21, 24)}


def test_findings_point_into_the_document(cleaner):
    doc = '{"id": 1}\n{"id": 2, "text": "' + DIRTY + '"}\n'
    findings, problems = check_document(doc, ("text",), cleaner)
    assert problems[0].line == 1
    (finding,) = findings
    assert doc[finding.start : finding.end] == " "
    assert doc[finding.start + 1] == "،"


def test_format_applies_to_each_field():
    markdown = Cleaner(format="markdown")
    line = json.dumps({"text": "`" + DIRTY + "` " + DIRTY}, ensure_ascii=False) + "\n"
    assert json.loads(fixed(line, markdown))["text"] == "`" + DIRTY + "` " + CLEAN


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------

GOOD = '{"id": 1.0, "text": "' + DIRTY + '", "n": 1e5}\n'
BAD = "{oops\n"
NUMBER = '{"id": 2, "text": 5}\n'


def test_stdin_to_stdout(runner):
    result = runner.invoke(cli, ["fix", "--jsonl", "--field", "text"], input=GOOD + BAD + NUMBER)
    assert result.exit_code == 0
    assert result.stdout == GOOD.replace(DIRTY, CLEAN) + BAD + NUMBER
    assert "-:2: record is not valid JSON" in result.stderr
    assert "-:3: record has a value that is not a string: 'text' is a number" in result.stderr


def test_strict_fails_and_writes_nothing(runner, tmp_path):
    result = runner.invoke(cli, ["fix", "--jsonl", "--strict"], input=GOOD + BAD)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--strict" in result.stderr
    path = tmp_path / "a.jsonl"
    path.write_text(GOOD + BAD, encoding="utf-8")
    result = runner.invoke(cli, ["fix", "--jsonl", "--strict", str(path)])
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == GOOD + BAD


def test_in_place_in_parallel(runner, tmp_path):
    paths = []
    for i in range(3):
        path = tmp_path / f"part-{i}.jsonl"
        path.write_bytes((GOOD.replace("\n", "\r\n") + BAD + "\n").encode())
        paths.append(str(path))
    result = runner.invoke(cli, ["fix", "--jsonl", "-j", "2", *paths])
    assert result.exit_code == 0, result.output
    for path in paths:
        expected = GOOD.replace(DIRTY, CLEAN).replace("\n", "\r\n") + BAD + "\n"
        assert Path(path).read_bytes() == expected.encode()


def test_check_and_diff_exit_codes(runner, tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text(GOOD, encoding="utf-8")
    check = runner.invoke(cli, ["fix", "--jsonl", "--check", str(path)])
    assert check.exit_code == 1 and "would fix" in check.stderr
    diff = runner.invoke(cli, ["fix", "--jsonl", "--diff", str(path)])
    assert diff.exit_code == 1
    assert "+" + GOOD.replace(DIRTY, CLEAN) in diff.stdout
    assert path.read_text(encoding="utf-8") == GOOD
    report = runner.invoke(cli, ["check", "--jsonl", str(path)])
    assert report.exit_code == 1
    assert f"{path}:1:" in report.stdout and "AR101" in report.stdout
    path.write_text(GOOD.replace(DIRTY, CLEAN), encoding="utf-8")
    assert runner.invoke(cli, ["fix", "--jsonl", "--check", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["check", "--jsonl", str(path)]).exit_code == 0


def test_options_need_jsonl_and_folders_are_refused(runner, tmp_path):
    assert runner.invoke(cli, ["fix", "--field", "text"], input=GOOD).exit_code == 2
    result = runner.invoke(cli, ["fix", "--jsonl", str(tmp_path)])
    assert result.exit_code == 2 and "not folders" in result.stderr


def test_a_record_nested_past_pythons_reader_is_passed_through(runner):
    """Valid JSON nested 1,000 levels deep is more than `json.loads` reads
    (RecursionError): that record is left as it is with a warning naming
    its line, and the others are cleaned; no "internal error"."""
    deep = '{"text": "' + DIRTY + '", "d": ' + "[" * 1000 + "]" * 1000 + "}\n"
    result = runner.invoke(cli, ["fix", "--jsonl"], input=deep + GOOD)
    assert result.exit_code == 0
    assert result.stdout == deep + GOOD.replace(DIRTY, CLEAN)
    assert "-:1: record is nested too deeply" in result.stderr
    assert "internal error" not in result.stderr
