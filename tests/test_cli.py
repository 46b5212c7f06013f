"""The command line, through click's CliRunner: exit codes, I/O, outputs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from arclean.cli import cli

DIRTY = "قال الوزير ، ثم غادر.\n"
CLEAN = "قال الوزير، ثم غادر.\n"


def run(runner, args, input=None):
    return runner.invoke(cli, args, input=input)


def test_stdin_to_stdout(runner):
    result = run(runner, ["fix"], input=DIRTY.encode())
    assert result.exit_code == 0
    assert result.stdout == CLEAN


def test_dash_means_stdin(runner):
    result = run(runner, ["fix", "-"], input=DIRTY.encode())
    assert (result.exit_code, result.stdout) == (0, CLEAN)


def test_empty_input_gives_empty_output(runner):
    result = run(runner, ["fix"], input=b"")
    assert (result.exit_code, result.stdout_bytes) == (0, b"")


def test_missing_final_newline_stays_missing(runner):
    result = run(runner, ["fix"], input=DIRTY.rstrip("\n").encode())
    assert result.stdout_bytes == CLEAN.rstrip("\n").encode()


def test_stdin_check_writes_no_text(runner):
    result = run(runner, ["fix", "--check"], input=DIRTY.encode())
    assert result.exit_code == 1
    assert result.stdout == ""
    clean = run(runner, ["fix", "--check"], input=CLEAN.encode())
    assert clean.exit_code == 0


def test_fix_rewrites_in_place_keeping_bom_crlf_and_mode(runner, tmp_path):
    path = tmp_path / "a.txt"
    raw = b"\xef\xbb\xbf" + DIRTY.replace("\n", "\r\n").encode() + "سطر  ثان".encode()
    path.write_bytes(raw)
    path.chmod(0o640)
    result = run(runner, ["fix", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode() + (
        "سطر ثان".encode()
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "1 file fixed" in result.stderr


def test_unchanged_files_are_not_written(runner, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before - 10**9, before - 10**9))
    result = run(runner, ["fix", str(path)])
    assert result.exit_code == 0
    assert path.stat().st_mtime_ns == before - 10**9


def test_check_and_diff_leave_files_untouched(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    for flag in ("--check", "--diff"):
        result = run(runner, ["fix", flag, str(path)])
        assert result.exit_code == 1
        assert path.read_text(encoding="utf-8") == DIRTY
    diff = run(runner, ["fix", "--diff", str(path)]).stdout
    assert diff.startswith("--- a/") and "\n+++ b/" in diff
    assert "-" + DIRTY in diff and "+" + CLEAN in diff


def test_diff_applies_with_git_apply(runner, tmp_path, monkeypatch):
    path = tmp_path / "doc.txt"
    path.write_bytes(("سطر\n" * 5 + DIRTY + "آخر ، سطر").encode())
    monkeypatch.chdir(tmp_path)
    diff = run(runner, ["fix", "--diff", "doc.txt"]).stdout_bytes
    assert b"\\ No newline at end of file" in diff
    (tmp_path / "fix.patch").write_bytes(diff)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
    expected = run(runner, ["fix"], input=("سطر\n" * 5 + DIRTY + "آخر ، سطر").encode()).stdout
    assert path.read_text(encoding="utf-8") == expected


def test_unknown_selector_exits_2_and_touches_nothing(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    result = run(runner, ["fix", "--select", "AR999", str(path)])
    assert result.exit_code == 2
    assert "selects no rule" in result.stderr
    assert path.read_text(encoding="utf-8") == DIRTY


@pytest.mark.parametrize(
    "args", [["fix", "--bogus"], ["nonsense"], ["fix", "--color", "purple"], ["rules", "show"]]
)
def test_usage_errors_exit_2(runner, args):
    assert run(runner, args).exit_code == 2


def test_invalid_utf8_is_reported_with_offset_and_others_go_on(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("نص ".encode() + b"\xff\xfe" + " آخر".encode())
    good = tmp_path / "good.txt"
    good.write_text(DIRTY, encoding="utf-8")
    result = run(runner, ["fix", str(bad), str(good)])
    assert result.exit_code == 2
    assert f"{bad}: not valid UTF-8 at byte offset 5 (line 1)" in result.stderr
    assert bad.read_bytes() == "نص ".encode() + b"\xff\xfe" + " آخر".encode()
    assert good.read_text(encoding="utf-8") == CLEAN


def test_cp1256_file_gets_a_hint(runner, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("هذا نص عربي قديم مكتوب بترميز ويندوز".encode("cp1256"))
    result = run(runner, ["check", str(path)])
    assert result.exit_code == 2
    assert "cp1256" in result.stderr


def test_nul_bytes_in_a_walked_file_are_skipped_with_a_warning(runner, tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01" + DIRTY.encode())
    result = run(runner, ["fix", str(tmp_path)])
    assert result.exit_code == 0
    assert "warning" in result.stderr
    assert "NUL" in result.stderr and "skipped" in result.stderr
    assert path.read_bytes() == b"\x00\x01" + DIRTY.encode()


@pytest.mark.parametrize("command", [["fix"], ["fix", "--diff"], ["check"], ["fix", "-j", "2"]])
@pytest.mark.parametrize(
    "data",
    [b"\x00\x01" + DIRTY.encode(), DIRTY.encode("utf-16"), DIRTY.encode("utf-16-le")],
    ids=["binary", "utf-16", "utf-16-le-without-bom"],
)
def test_a_named_file_with_nul_bytes_is_an_error(runner, tmp_path, command, data):
    # Binary, or UTF-16 (with or without a BOM) read as UTF-8: the file was
    # asked for by name, so skipping it with exit 0 would hide it.
    path = tmp_path / "bin.txt"
    path.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(DIRTY, encoding="utf-8")
    result = run(runner, [*command, str(path), str(good)])
    assert result.exit_code == 2
    assert f"error: {path}: contains NUL bytes" in result.stderr
    assert "left untouched" in result.stderr and "--encoding utf-16" in result.stderr
    assert "skipped" not in result.stderr
    assert path.read_bytes() == data
    if command == ["fix"]:
        assert good.read_text(encoding="utf-8") == CLEAN  # the others go on


def test_missing_path_is_an_error_and_others_go_on(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(DIRTY, encoding="utf-8")
    result = run(runner, ["fix", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert good.read_text(encoding="utf-8") == CLEAN


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(runner, tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(DIRTY, encoding="utf-8")
    path.chmod(0)
    result = run(runner, ["fix", str(path)])
    assert result.exit_code == 2 and "permission denied" in result.stderr


def test_folders_are_walked(runner, tmp_path):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs" / "sub" / "b.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG")
    result = run(runner, ["fix", "--check", str(tmp_path / "docs")])
    assert result.exit_code == 1
    assert "2 files would be fixed" in result.stderr


def test_select_and_ignore(runner):
    text = "قال ، ثم, غادر\n"
    only_commas = run(runner, ["fix", "--select", "AR102"], input=text.encode()).stdout
    assert only_commas == "قال ، ثم، غادر\n"
    ignored = run(runner, ["fix", "--ignore", "AR102,AR101"], input=text.encode()).stdout
    assert ignored == text
    by_group = run(runner, ["fix", "--select", "space"], input=text.encode()).stdout
    assert by_group == text


def test_user_rule_file(runner, tmp_path):
    rules = tmp_path / "house.toml"
    rules.write_text(
        'group = "house"\n[[rule]]\ncode = "HS101"\nslug = "say-mosco"\nkind = "words"\n'
        'message = "house spelling"\ndefault = true\nwords = { "موسكو" = "موسكوفا" }\n',
        encoding="utf-8",
    )
    result = run(runner, ["fix", "--rules", str(rules)], input="في موسكو ، أمس".encode())
    assert result.stdout == "في موسكوفا، أمس"


def test_bad_rule_file_exits_2_naming_file_and_line(runner, tmp_path):
    rules = tmp_path / "bad.toml"
    rules.write_text('[[rule]]\ncode = "HS101"\nslug = "x"\nkind = "nope"\n', encoding="utf-8")
    result = run(runner, ["fix", "--rules", str(rules)], input=b"x")
    assert result.exit_code == 2
    assert f"{rules}:4 (rule HS101): kind 'nope'" in result.stderr
    assert "Traceback" not in result.output


def test_check_concise_output_and_exit_code(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("سطر\n" + DIRTY + "قال: “نعم\n", encoding="utf-8")
    result = run(runner, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:2:11: AR101 [*] ")
    assert lines[1].startswith(f"{path}:3:6: AR190 Unbalanced")
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert run(runner, ["check", str(clean)]).exit_code == 0


def test_check_json_and_github(runner):
    result = run(runner, ["check", "--output-format", "json"], input=DIRTY.encode())
    assert result.exit_code == 1
    (item,) = json.loads(result.stdout)
    assert item["code"] == "AR101"
    assert item["location"] == {"row": 1, "column": 11}
    assert item["fix"]["edits"][0]["content"] == ""
    github = run(
        runner,
        ["check", "--output-format", "github", "--stdin-filename", "docs/a.md"],
        input=DIRTY.encode(),
    )
    assert github.stdout.startswith("::notice title=arclean (AR101),file=docs/a.md,line=1,col=11")


def test_show_changes_names_invisible_characters(runner):
    text = "جمـــيل ، جدا\n"
    result = run(runner, ["fix", "--show-changes", "--color", "never"], input=text.encode())
    assert result.stdout == "جميل، جدا\n"
    assert "-:1:3 AR401  جم[-ـــ-]{++}يل" in result.stderr
    assert "- U+0640 ARABIC TATWEEL ×3" in result.stderr
    assert "\x1b[" not in result.stderr


def test_color_always_uses_escape_codes_and_never_does_not(runner, monkeypatch):
    text = "قال ، ثم\n".encode()
    colored = run(runner, ["fix", "--show-changes", "--color", "always"], input=text)
    assert "\x1b[" in colored.stderr
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run(runner, ["fix", "--show-changes"], input=text)
    assert "\x1b[" not in plain.stderr
    assert "\x1b[" not in plain.stdout


def test_pipe_applies_groups_in_order(runner):
    text = "قال ، ثم  جمـــيل\n".encode()
    result = run(runner, ["pipe", "punct"], input=text)
    assert (result.exit_code, result.stdout) == (0, "قال، ثم  جمـــيل\n")
    result = run(runner, ["pipe", "punct", "letters", "space"], input=text)
    assert result.stdout == "قال، ثم جميل\n"


def test_pipe_rules_step_and_unknown_step(runner, tmp_path):
    rules = tmp_path / "house.toml"
    rules.write_text(
        'group = "house"\n[[rule]]\ncode = "HS101"\nslug = "x"\nkind = "regex"\n'
        "message = \"m\"\npattern = 'ثم(?!\\N{ARABIC SHADDA})'\nreplace = 'ثمّ'\n",
        encoding="utf-8",
    )
    result = run(runner, ["pipe", "punct", "rules", str(rules)], input="قال ، ثم".encode())
    assert result.stdout == "قال، ثمّ"
    assert run(runner, ["pipe", "nonsense"], input=b"").exit_code == 2


def test_rules_list_show_and_test(runner):
    listed = run(runner, ["rules", "list"])
    assert listed.exit_code == 0
    from arclean.ruleset import load_builtin_rules

    for rule in load_builtin_rules():
        assert rule.code in listed.stdout
    shown = run(runner, ["rules", "show", "AR101"])
    assert shown.exit_code == 0 and "space-before-arabic-punctuation" in shown.stdout
    assert run(runner, ["rules", "show", "AR999"]).exit_code == 2
    tested = run(runner, ["rules", "test"])
    assert tested.exit_code == 0
    assert tested.stdout.strip().splitlines()[-1].endswith(" passed, 0 failed")


def test_rules_test_reports_failures(runner, tmp_path):
    rules = tmp_path / "house.toml"
    rules.write_text(
        'group = "house"\n[[rule]]\ncode = "HS101"\nslug = "x"\nkind = "regex"\n'
        "message = \"m\"\nlanguages = ['any']\npattern = 'a'\nreplace = 'b'\n"
        'examples = [{ input = "a", output = "c" }]\nkeep = ["a"]\n',
        encoding="utf-8",
    )
    result = run(runner, ["rules", "test", str(rules)])
    assert result.exit_code == 1
    assert "HS101 WRONG" in result.stdout and "HS101 NOISY" in result.stdout
    assert result.stdout.strip().endswith("0 passed, 2 failed")


def test_internal_errors_do_not_show_a_traceback(runner, monkeypatch):
    from arclean import engine

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(engine.Engine, "fix", boom)
    result = run(runner, ["fix"], input=b"x")
    assert result.exit_code == 2
    assert "internal error: RuntimeError: kaboom" in result.stderr
    assert "Traceback" not in result.output


def test_help_of_every_command(runner):
    for args in (
        ["--help"],
        ["fix", "--help"],
        ["check", "--help"],
        ["pipe", "--help"],
        ["rules", "--help"],
        ["rules", "list", "--help"],
        ["rules", "test", "--help"],
    ):
        result = run(runner, args)
        assert result.exit_code == 0, args


def test_installed_entry_point_runs_as_a_subprocess(tmp_path):
    """The console script (or `python -m arclean`) in a real process."""
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "arclean", "fix", "--check", str(path)],
        capture_output=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    result = subprocess.run(
        [sys.executable, "-m", "arclean", "fix"], input=DIRTY.encode(), capture_output=True
    )
    assert (result.returncode, result.stdout.decode()) == (0, CLEAN)


def test_pipe_group_all_and_user_groups(runner, tmp_path):
    mojibake = "ط§ظ„ط¹ط±ط¨ظٹط© ، نص\n".encode()
    # The encoding group has no rule on by default: alone, the step is an
    # error naming them (session 18); --all takes its opt-in fixes, which
    # are unsafe: applied only with --unsafe-fixes (session 26).
    alone = run(runner, ["pipe", "encoding"], input=mojibake)
    assert alone.exit_code == 2 and "opt-in" in alone.stderr and alone.stdout_bytes == b""
    result = run(runner, ["pipe", "--unsafe-fixes", "encoding", "--all", "punct"], input=mojibake)
    assert result.stdout == "العربية، نص\n"
    rules = tmp_path / "house.toml"
    rules.write_text(
        'group = "house"\n[[rule]]\ncode = "HS101"\nslug = "x"\nkind = "words"\n'
        'message = "m"\ndefault = true\nwords = { "موسكوفا" = "موسكو" }\n',
        encoding="utf-8",
    )
    result = run(runner, ["pipe", "--rules", str(rules), "house"], input="في موسكوفا".encode())
    assert result.stdout == "في موسكو"
    unknown = run(runner, ["pipe", "nosuch"], input=b"x")
    assert unknown.exit_code == 2 and "no step 'nosuch'" in unknown.stderr
