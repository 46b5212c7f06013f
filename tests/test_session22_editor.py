"""Findings of session 22's content-editor tester: rules that read a whole
sentence per match made one long line quadratic (a minified page, a text
with no line breaks) until the rule's time limit refused the file; `check
--fix` is pointed at `fix`."""

from __future__ import annotations

from click.testing import CliRunner

from arclean.api import Cleaner
from arclean.cli import cli


def test_many_separated_waws_on_one_line_are_joined_not_refused():
    # 'و الحرب ' × 20,000 on one line: AR109 read the rest of the sentence
    # at every match and hit its 10 s limit (exit 2, file untouched)
    text = "و الحرب " * 20000 + "\n"
    assert Cleaner()(text) == ("والحرب " * 20000).rstrip() + "\n"


def test_a_persian_letter_in_the_sentence_still_keeps_waw_apart():
    # the same condition, now an exception matched once per sentence
    text = (
        "ذهب الوزير إلى المؤتمر الدولي في العاصمة و قال إن الاتفاق مهم جدا للبلدين "
        "و للمنطقة كلها. ثم قرأ بيتا: «پدر و مادر» أمام الحضور."
    )
    assert Cleaner()(text) == (
        "ذهب الوزير إلى المؤتمر الدولي في العاصمة وقال إن الاتفاق مهم جدا للبلدين "
        "وللمنطقة كلها. ثم قرأ بيتا: «پدر و مادر» أمام الحضور."
    )


def test_one_long_line_and_many_lines_give_the_same_fixes():
    line = "قال الوزير , ثم غادر . " * 5000
    lines = "\n".join(["قال الوزير , ثم غادر . "] * 5000)
    assert Cleaner()(line).split() == Cleaner()(lines).split()


def test_check_fix_points_at_fix(tmp_path):
    (tmp_path / "a.txt").write_text("قال ، ثم\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--fix", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "run `arclean fix`" in result.output and "--config" not in result.output


def test_invalid_json_lines_are_summed_up_after_three(tmp_path):
    lines = []
    for i in range(50):
        lines += ['{"text": "قال ، ثم"}', f"{{oops {i}"]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", "--isolated", "--jsonl", str(path)])
    warnings = [w for w in result.stderr.splitlines() if "warning" in w]
    assert len(warnings) == 4, warnings
    assert "47 more records that are not valid JSON (50 in all)" in warnings[-1]


def test_a_change_left_out_for_structure_says_how_to_keep_the_text(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("انظر [الملحق](و الجداول) هنا.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--isolated", str(page)])
    assert "<!-- arclean-disable-next-line AR109 --> above it" in result.stdout
    page.write_text(
        "<!-- arclean-disable-next-line AR109 -->\nانظر [الملحق](و الجداول) هنا.\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(cli, ["check", "--isolated", str(page)]).exit_code == 0


def test_a_hook_run_imports_no_names_module(tmp_path):
    # `fix --check` on a Markdown file: the names model (2 ms of dataclasses)
    # is imported only when the glossary rule alone is selected
    import subprocess
    import sys

    page = tmp_path / "a.md"
    page.write_text("# عنوان\n\nقال ، ثم\n", encoding="utf-8")
    probe = (
        "import sys\nfrom arclean.cli.app import cli\n"
        "try:\n    cli.main(args=['fix', '--check', '--isolated', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('arclean.names')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(page)], capture_output=True, text=True
    ).stdout
    assert out.strip().endswith("[]"), out
