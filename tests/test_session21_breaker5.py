"""Session 21, breaker5's findings: Persian elements in Markdown and MDX,
cp1256 leave-outs, AR190 and inch marks, and the messages of `pipe` and
of JSON Lines on stdin."""

from __future__ import annotations

from pathlib import Path

import pytest

from arclean.api import Cleaner

PERSIAN = "او و دوستش به خانه رفتند ، و در آنجا ماندند ."
ARABIC = "قال و هو يبتسم ، ثم  رحل."
ARABIC_FIXED = "قال وهو يبتسم، ثم رحل."


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
@pytest.mark.parametrize(
    ("start", "inner"),
    [
        ('<Box lang={"fa"}>', "<Box />"),
        ('<Box lang="fa">', "<Box />"),
        ('<Box lang={"fa"}>', '<Box lang={"ar"} />'),
        ('<div lang="fa">', '<div lang="fa" />'),
    ],
)
def test_a_self_closed_tag_of_the_same_name_closes_nothing(
    fmt: str, start: str, inner: str
) -> None:
    """F3: `<Box />` inside `<Box lang="fa">` ended the Persian element."""
    end = "</" + start[1:].split()[0] + ">"
    doc = f"{start}\n\n{PERSIAN}\n\n{inner}\n\n{PERSIAN}\n\n{end}\n\n{ARABIC}\n"
    out = Cleaner(format=fmt)(doc)
    assert out.count(PERSIAN) == 2
    assert out.endswith(f"{ARABIC_FIXED}\n")  # the element still ends at its end tag


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
@pytest.mark.parametrize("value", ["{`fa`}", "{ `fa-IR` }", '{"fa"}'])
def test_a_jsx_template_string_names_the_language(fmt: str, value: str) -> None:
    """F4: `lang={`fa`}` (a JSX string in backticks) was not recognised:
    its backticks were read as a code span."""
    doc = f"<Box lang={value}>\n\n{PERSIAN}\n\n</Box>\n\n{ARABIC}\n"
    out = Cleaner(format=fmt)(doc)
    assert PERSIAN in out
    assert out.endswith(f"{ARABIC_FIXED}\n")


def test_a_tag_shown_in_a_code_span_still_shows_nothing() -> None:
    doc = f'Write ``<Box lang={{`fa`}}>`` or `<div lang="fa">`:\n\n{ARABIC}\n'
    assert Cleaner(format="markdown")(doc).endswith(f"{ARABIC_FIXED}\n")


@pytest.mark.parametrize("front", ["---\nlang: fa\n---\n", '+++\nlanguage = "ur"\n+++\n'])
def test_an_arabic_element_in_a_persian_document_is_prose(front: str) -> None:
    """F10: front matter `lang: fa` froze `<div lang="ar">` inside too; the
    innermost statement wins, as for elements."""
    doc = f'{front}\n{ARABIC}\n\n<div lang="ar">\n\n{ARABIC}\n\n</div>\n\n{ARABIC}\n'
    out = Cleaner(format="markdown")(doc)
    assert out == doc.replace(f"\n\n{ARABIC}\n\n</div>", f"\n\n{ARABIC_FIXED}\n\n</div>")


def test_the_innermost_language_wins_at_every_depth() -> None:
    doc = (
        f'<div lang="fa">\n\n{PERSIAN}\n\n<div lang="ar">\n\n{ARABIC}\n\n'
        f'<div lang="fa">\n\n{PERSIAN}\n\n</div>\n\n{ARABIC}\n\n</div>\n\n{PERSIAN}\n\n</div>\n'
    )
    out = Cleaner(format="markdown")(doc)
    assert out.count(PERSIAN) == 3
    assert out.count(ARABIC_FIXED) == 2


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ولد سنة 1990 ، ثم رحل\n", "ولد سنة 1990، ثم رحل\n"),  # AR101
        ("المركز 1 , ثم\n", "المركز 1، ثم\n"),  # AR102
        ("قال ، ثم 12:30 و 5 . ثم\n", "قال، ثم 12:30 و 5. ثم\n"),  # AR105
    ],
)
def test_cp1256_leaves_out_the_digits_not_the_fix_beside_them(text: str, want: str) -> None:
    """F5: a safe fix next to a number merged with AR703's change into one
    hunk and was left out with it, in the name of the safe fix's rule."""
    cleaner = Cleaner(extend_select=["AR703"])
    outcome = cleaner.fix(text, encoding="cp1256")
    assert outcome.text == want
    assert outcome.left_out
    assert {f.code for f in outcome.left_out} == {"AR703"}
    assert all("(with" not in f.message for f in outcome.left_out)
    findings = cleaner.check(text, encoding="cp1256")
    assert {f.code for f in findings if not f.fixable} == {"AR703"}
    assert not any(f.code == "AR703" for f in findings if f.fixable)


def test_cp1256_splits_many_changes_and_keeps_whole_what_cannot_be_split() -> None:
    text = "ولد سنة 1990 ، ثم رحل\nفي 2024 . Hello\nالمركز 1 , ثم\n" * 3
    outcome = Cleaner(extend_select=["AR703"]).fix(text, encoding="cp1256")
    assert outcome.text == "ولد سنة 1990، ثم رحل\nفي 2024 . Hello\nالمركز 1، ثم\n" * 3
    assert [f.code for f in outcome.left_out] == ["AR703"] * 9
    with_ = [f.message.split(" (not applied")[0] for f in outcome.left_out if "(with" in f.message]
    assert len(with_) == 3 and all(m.endswith("(with AR105)") for m in with_)  # needs the digits


def test_markdown_leaves_out_only_the_rule_that_changes_the_structure() -> None:
    """Joining و would turn «(و ﺍﻟﺠﺪﺍﻭﻝ)» into a link destination; the
    presentation forms AR402 mends in the same place are mended."""
    text = "انظر [الملحق](و ﺍﻟﺠﺪﺍﻭﻝ) في الكتاب.\n"
    cleaner = Cleaner(format="markdown")
    outcome = cleaner.fix(text)
    assert outcome.text == "انظر [الملحق](و الجداول) في الكتاب.\n"
    (left,) = outcome.left_out
    assert left.code == "AR109" and "(with" not in left.message
    assert "structure" in left.message


@pytest.mark.parametrize(
    "line",
    [
        'تلفزيون سامسونج بشاشة 55 " بسعر مناسب',
        'شاشة 55 " بوصة و 32 " أخرى و 40 " ثالثة',
        'شاشة 55 "',
        'قال " ستاندرد آند بورز 500 " ثم',  # a quotation that ends with a number
        'شاشة 55 " وقال "نعم" ثم',
    ],
)
def test_ar190_reads_inch_marks_as_ar108_does(line: str) -> None:
    """F9: AR190 reported inch marks as unpaired quotes, and paired them."""
    assert [f for f in Cleaner().check(line + "\n") if f.code == "AR190"] == []


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ('شاشة 55 " وقال "نعم ثم', 15),
        ('قال "نعم 5 " ثم "لا', 16),
        # a quote glued to its number may close a quotation: no inch mark
        ('وصلة "واجهة الوضوح " إتش 1.4" أو منفذ "بورت 1.2".', 47),
    ],
)
def test_ar190_still_reports_a_quote_left_unpaired(line: str, column: int) -> None:
    (finding,) = [f for f in Cleaner().check(line + "\n") if f.code == "AR190"]
    assert finding.start == column and line[column] == '"'


@pytest.mark.parametrize(
    ("data", "advice"),
    [
        ("ولد سنة 1990 ، ثم رحل\n".encode("cp1256"), "convert it first, e.g. iconv -f CP1256"),
        ("العربية جميلة\n".encode("utf-16"), "convert it first (iconv -f UTF-16 -t UTF-8)"),
        (b"\x00\x01binary", "If it is text, arclean pipe reads UTF-8 only"),
    ],
)
def test_pipe_says_to_convert_not_to_name_an_encoding(data: bytes, advice: str) -> None:
    """F12: `pipe` said to run with --encoding, an option it does not have."""
    from click.testing import CliRunner

    from arclean.cli import cli

    r = CliRunner().invoke(cli, ["pipe", "--isolated", "digits", "--all"], input=data)
    assert r.exit_code == 2 and r.stdout == ""
    assert "arclean pipe reads UTF-8 only" in r.stderr and advice in r.stderr
    assert "--encoding" not in r.stderr
    fix = CliRunner().invoke(cli, ["fix", "--isolated", "-"], input=data)
    assert fix.exit_code == 2 and "--encoding" in fix.stderr  # fix has it


def test_cp1256_json_lines_on_stdin_say_nothing_is_written(tmp_path: Path) -> None:
    """F14: the error said "left untouched" of JSON Lines piped in, where
    stdout stays empty; a file is still left untouched."""
    from click.testing import CliRunner

    from arclean.cli import cli

    data = '{"text": "ولد سنة 1990 ، ثم"}\n'.encode("cp1256")
    command = ["fix", "--isolated", "--jsonl", "--encoding", "cp1256", "--extend-select", "AR703"]
    r = CliRunner().invoke(cli, [*command, "-"], input=data)
    assert r.exit_code == 2 and r.stdout_bytes == b""
    assert "which it has no byte for; nothing was written" in r.stderr
    assert "left untouched" not in r.stderr
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    r = CliRunner().invoke(cli, [*command, str(path)])
    assert r.exit_code == 2 and path.read_bytes() == data
    assert "which it has no byte for; the file was left untouched" in r.stderr


def test_names_with_control_characters_are_quoted_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F13: `fix --check`, `--show-changes` and the GitHub output printed a
    name holding an escape, a line break or a tab raw."""
    from click.testing import CliRunner

    from arclean.cli import cli

    names = {"e\x1b[31mred.txt": r'"e\033[31mred.txt"', "n\nl.txt": r'"n\nl.txt"'}
    names["t\tab.txt"] = r'"t\tab.txt"'
    for name in names:
        (tmp_path / name).write_text("قال ، ثم\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runs = {
        "check": ["fix", "--isolated", "--check", "."],
        "show": ["fix", "--isolated", "--check", "--show-changes", "."],
        "github": ["check", "--isolated", "--output-format", "github", "."],
    }
    for what, command in runs.items():
        r = CliRunner().invoke(cli, command)
        out = r.stdout + r.stderr
        for name, quoted in names.items():
            assert name not in out, (what, name)
            assert quoted in out, (what, quoted)
        assert "\x1b" not in out and "\t" not in out


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "فاز فريق ريد بول في السباق. وقال مدير ريد بول إن السيارة سريعة.\n"
            "مشروب الريدبول مختلف عن فريق ريدبول الجديد.\n",
            "…مشروب الريدبول مختلف عن فريق [ريدبول] الجديد.…",
        ),
        (
            "قال عبد العزيز إن الوضع جيد. وأكد عبد العزيز ذلك.\n"
            "مسجد بالعبدالعزيز القديم وقال عبدالعزيز كلاما.\n",
            "…مسجد بالعبدالعزيز القديم وقال [عبدالعزيز] كلاما.…",
        ),
    ],
)
def test_the_names_context_marks_the_form_itself(text: str, want: str) -> None:
    """F11: the context bracketed the first word holding the form
    (الريدبول), not the form the rewrite changes."""
    from arclean.names.scanning import scan

    kwics = [m.kwic for cl in scan([text]) for m in cl.members if m.kwic]
    assert want in kwics


def test_bad_bytes_piped_in_say_nothing_is_written(tmp_path: Path) -> None:
    """New-user tester, session 21: cp1256 bytes piped into `fix` were said
    to leave "the file" untouched; there is no file, and nothing is written."""
    from click.testing import CliRunner

    from arclean.cli import cli

    data = "السلام عليكم\n".encode("cp1256")
    r = CliRunner().invoke(cli, ["fix", "--isolated", "-"], input=data)
    assert r.exit_code == 2 and r.stdout_bytes == b""
    assert "; nothing was written." in r.stderr and "file" not in r.stderr.split(";")[1]
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    r = CliRunner().invoke(cli, ["fix", "--isolated", str(path)])
    assert r.exit_code == 2 and path.read_bytes() == data
    assert "; the file was left untouched." in r.stderr
