"""Issue 11, items 7-13: unknown extensions, hidden folders, colour, bidi
controls, rule files, long runs and the polish list."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from arclean import Cleaner
from arclean.cli import cli
from arclean.errors import ConfigError, RuleFileError
from arclean.ruleset import parse_rule_text

DIRTY = "قال ، ثم\n"


def invoke(args, data=b"", **kwargs):
    if isinstance(data, str):
        data = data.encode()
    return CliRunner().invoke(cli, args, input=data, **kwargs)


# -- 7 ------------------------------------------------------------------------


def test_unknown_extensions_are_refused_unless_the_format_is_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    csv = tmp_path / "data.csv"
    csv.write_text("أحمد,القاهرة,مصر\nقال ، ثم\n", encoding="utf-8")
    result = invoke(["fix", "--isolated", "data.csv"])
    assert result.exit_code == 2
    assert "data.csv: not a format arclean knows (.csv)" in result.stderr
    assert "--format" in result.stderr
    assert csv.read_text(encoding="utf-8") == "أحمد,القاهرة,مصر\nقال ، ثم\n"
    forced = invoke(["fix", "--isolated", "--format", "plain", "data.csv"])
    # as plain text: the prose line is fixed, the row of values is not
    # (session 19: a row with no space is a table's, AR102's exception)
    assert forced.exit_code == 0
    assert csv.read_text(encoding="utf-8") == "أحمد,القاهرة,مصر\nقال، ثم\n"
    assert invoke(["check", "--isolated", "--stdin-filename", "x.json"], DIRTY).exit_code == 2
    # No extension: plain text.
    (tmp_path / "NOTES").write_text(DIRTY, encoding="utf-8")
    assert invoke(["fix", "--isolated", "--check", "NOTES"]).exit_code == 1


# -- 8 ------------------------------------------------------------------------


def test_hidden_folders_are_left_out_in_git_repositories(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DIRTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "--isolated", "."])
    assert "b.txt" in result.stdout and ".hidden" not in result.stdout


def test_force_exclude_applies_to_the_stdin_filename(tmp_path, monkeypatch):
    (tmp_path / ".arclean.toml").write_text('exclude = ["vendor/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["fix", "--force-exclude", "--stdin-filename", "vendor/x.txt"]
    assert invoke(args, DIRTY).stdout == DIRTY
    assert invoke(args[:1] + args[2:], DIRTY).stdout == "قال، ثم\n"
    check = invoke(["check", "--force-exclude", "--stdin-filename", "vendor/x.txt"], DIRTY)
    assert check.exit_code == 0 and check.stdout == ""


# -- 9 ------------------------------------------------------------------------


def test_colour_reaches_check_and_survives_term_dumb(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    coloured = invoke(["check", "--isolated", "--color", "always", "a.txt"])
    assert "\x1b[31mAR101" in coloured.stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in invoke(["check", "--isolated", "a.txt"]).stdout
    monkeypatch.setenv("TERM", "dumb")
    listing = invoke(["fix", "--isolated", "--show-changes", "a.txt"])
    assert "\x1b[" in listing.stderr  # colour kept: old and new stay apart
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    plain = invoke(["fix", "--isolated", "--show-changes", "a.txt"])
    assert "[-·-]{++}" in plain.stderr and "\x1b[" not in plain.stderr


# -- 10 -----------------------------------------------------------------------

BIDI = "قال \u202eنعم\u202c هنا\n"


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "github", "sarif"])
def test_bidi_controls_are_named_and_never_printed_raw_for_people(output_format):
    result = invoke(["check", "--isolated", "--output-format", output_format], BIDI)
    assert "RIGHT-TO-LEFT OVERRIDE" in result.stdout
    if output_format in ("full", "concise", "github"):
        assert "\u202e" not in result.stdout
    if output_format == "full":
        assert "<U+202E RIGHT-TO-LEFT OVERRIDE>" in result.stdout


# -- 11 -----------------------------------------------------------------------

RULE = '[[rule]]\ncode = "{code}"\nslug = "{slug}"\ngroup = "house"\nkind = "regex"\n'
RULE += 'pattern = "{pattern}"\nreplace = "x"\nmessage = "m"\n'


def test_empty_pattern_is_refused():
    with pytest.raises(RuleFileError, match="'pattern' is empty"):
        parse_rule_text(RULE.format(code="HS101", slug="a", pattern=""), "h.toml")


def test_rules_test_rejects_what_fix_rejects_and_warns_on_no_examples(tmp_path):
    dup = tmp_path / "dup.toml"
    dup.write_text(RULE.format(code="AR101", slug="mine", pattern="q"), encoding="utf-8")
    assert invoke(["rules", "test", str(dup)]).exit_code == 2
    slug = tmp_path / "slug.toml"
    slug.write_text(RULE.format(code="HS101", slug="trailing-whitespace", pattern="q"), "utf-8")
    result = invoke(["rules", "test", str(slug)])
    assert result.exit_code == 2 and "slug 'trailing-whitespace' is already used" in result.stderr
    bare = tmp_path / "bare.toml"
    bare.write_text(RULE.format(code="HS101", slug="mine", pattern="q"), encoding="utf-8")
    warned = invoke(["rules", "test", str(bare)])
    assert "HS101 has no examples" in warned.stderr


# -- 12 -----------------------------------------------------------------------


def test_long_listings_are_summarised_unless_asked(tmp_path, monkeypatch):
    import arclean.cli.fix as fix_module

    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.txt").write_text(DIRTY * 200, encoding="utf-8")
    monkeypatch.setattr(fix_module, "stderr_isatty", lambda: True)
    monkeypatch.setattr(fix_module, "screenful", lambda: 20)
    result = invoke(["fix", "--isolated", "--color", "never", "big.txt"])
    assert "200 changes (more than a screenful" in result.stderr
    assert result.stderr.count("AR101") == 1
    (tmp_path / "big.txt").write_text(DIRTY * 200, encoding="utf-8")
    full = invoke(["fix", "--isolated", "--show-changes", "--color", "never", "big.txt"])
    assert full.stderr.count("AR101") == 200


def test_statistics_and_verbose(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(DIRTY * 3, encoding="utf-8")
    stats = invoke(["check", "--isolated", "--statistics", "a.txt"])
    assert stats.stdout.split() == ["3", "AR101", "[*]", "space-before-arabic-punctuation"]
    fixed = invoke(["fix", "--isolated", "--statistics", "--verbose", "a.txt"])
    assert "3 AR101" in fixed.stderr
    assert "configuration for a.txt: none" in fixed.stderr and "rules: AR601" in fixed.stderr
    assert "done in" in fixed.stderr


# -- 13 -----------------------------------------------------------------------


def test_polish(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    nothing = invoke(["fix", "--isolated", "empty"])
    assert "no files to fix in empty: no file with a known extension" in nothing.stderr
    assert "would fix <stdin>" in invoke(["fix", "--isolated", "--check"], DIRTY).stderr
    named = invoke(["fix", "--isolated", "--check", "--stdin-filename", "a.md"], DIRTY)
    assert "would fix a.md" in named.stderr
    scan_help = invoke(["names", "scan", "--help"]).stdout
    assert "--glossary FILE" in scan_help and "json: for programs" in scan_help
    assert "mdx" in invoke(["fix", "--help"]).stdout
    bogus = invoke(["pipe", "bogus"], b"x").stderr
    assert bogus.count("names") == 1
    config = invoke(["fix", "--config", "nope.toml", "-"], b"")
    assert config.exit_code == 2 and "Errno" not in config.stderr


def test_one_finding_per_position():
    result = invoke(["check", "--isolated"], "هل أنت بخير ?هنا")
    assert result.stdout.count("-:1:12:") == 1 and "(with AR106)" in result.stdout


def test_cleaner_options_name_the_shorthand():
    with pytest.raises(ConfigError, match="the option is 'convention'"):
        Cleaner(options={"tanween": "majority"})


def test_sarif_uri_is_percent_encoded_and_file_errors_are_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a b.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe bad")
    sarif = invoke(["check", "--isolated", "--output-format", "sarif", "a b.txt", "bad.txt"])
    run = json.loads(sarif.stdout)["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a%20b.txt"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "bad.txt" in notes[0]["message"]["text"]
    github = invoke(["check", "--isolated", "--output-format", "github", "bad.txt"])
    assert github.stdout.startswith("::error title=arclean,file=bad.txt::")


def test_unknown_code_in_a_control_comment_is_warned_about():
    text = "<!-- arclean-disable-next-line AR9999 -->\nقال ، ثم\n"
    result = invoke(["check", "--isolated", "--stdin-filename", "a.md"], text)
    assert "a.md:1: the control comment names AR9999, which is no rule" in result.stderr
    fine = "<!-- arclean-disable-next-line AR101 -->\nقال ، ثم\n"
    quiet = invoke(["check", "--isolated", "--stdin-filename", "a.md"], fine)
    assert "warning" not in quiet.stderr and quiet.exit_code == 0


@pytest.mark.parametrize(
    ("args", "said", "fixed"),
    [
        (["punct", "--unsafe-fixes"], "--unsafe-fixes", "arclean pipe --unsafe-fixes punct"),
        (["--isolated", "punct", "--profile", "search", "alef"], "--profile",
         "arclean pipe --profile search --isolated punct alef"),
        (["punct", "--all", "names", "--unsafe-fixes"], "--unsafe-fixes",
         "arclean pipe --unsafe-fixes punct --all names"),
    ],
)  # fmt: skip
def test_a_pipe_option_after_a_step_is_said_to_go_before_the_steps(args, said, fixed):
    result = invoke(["pipe", *args], DIRTY)
    assert result.exit_code == 2 and result.stdout == ""
    step = args[args.index(said) - 1]
    assert f"Error: {said} is an option of `arclean pipe`, not of the step {step!r}: " in (
        result.stderr
    )
    assert result.stderr.rstrip().endswith(f"write it before the steps: {fixed}")
    # the command it gives runs; an unknown option is still click's error
    assert invoke(fixed.split()[1:], DIRTY).exit_code == 0
    assert "No such option '--bogus'" in invoke(["pipe", "punct", "--bogus"], DIRTY).stderr
