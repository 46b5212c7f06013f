"""Nothing hangs: user patterns have a time limit, patterns and templates
are checked when loaded, growing rules are stopped, built-in patterns are
linear on long runs, marks settle, rule loading is linear (issue 12,
"Hangs and blow-ups").  No wall-clock assertions: long inputs run in a
subprocess with a generous timeout (linearity itself is measured outside the
suite, see scripts/linearity.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from arclean import compiled as engine
from arclean.api import Cleaner
from arclean.errors import GrowthError, RuleFileError
from arclean.ruleset import load_rule_file, parse_rule_text
from arclean.runner import Resolver, RunOptions, process_source

REPO = Path(__file__).resolve().parents[1]


def rule_file(pattern: str, replace: str = "") -> str:
    """A rule file with one regex rule, US001 (TOML literal strings)."""
    return (
        'group = "user"\n[[rule]]\ncode = "US001"\nslug = "user-rule"\nkind = "regex"\n'
        f"message = 'm'\ndefault = true\npattern = '{pattern}'\nreplace = '{replace}'\n"
    )


# -- user patterns: a time limit, and checks at load ---------------------------


def test_a_catastrophic_user_pattern_is_stopped_naming_rule_and_file(monkeypatch, tmp_path):
    rules = tmp_path / "r.toml"
    rules.write_text(rule_file("(ت|ت)+$"), encoding="utf-8")
    monkeypatch.setattr(engine, "RULE_TIMEOUT", 0.2)
    doc = tmp_path / "doc.txt"
    doc.write_text("قال " + "ت" * 46 + "x\n", encoding="utf-8")
    resolver = Resolver(RunOptions(isolated=True, rule_files=(str(rules),)))
    result = process_source(str(doc), "fix", resolver, keep_text=False)
    assert result.error is not None
    assert result.error.startswith(f"{doc}: rule US001")
    assert "r.toml" in result.error and "took more than" in result.error
    assert doc.read_text(encoding="utf-8").endswith("x\n")


@pytest.mark.parametrize(
    ("pattern", "replace", "words"),
    [
        ("(?R)", "", "recursive"),
        ("a(?1)", "", "recursive"),
        ("(?V0)ا", "", "invalid regular expression"),
        ("(ا|ا)+$", "", "backtracks"),
        ("(ا)", "\\\\", "lone backslash"),
        ("(ا)", "\\\\q", "unknown escape"),
        ("(ا)", "\\\\g<1", "not closed"),
        ("(ا)", "\\\\0", "NUL"),
        ("(ا)", "\\\\x00", "NUL"),
        ("(ا)", "\\\\2", "group 2"),
    ],
)
def test_bad_patterns_and_templates_are_refused_at_load(pattern, replace, words):
    text = (
        'group = "user"\n[[rule]]\ncode = "US001"\nslug = "user-rule"\nkind = "regex"\n'
        f'message = "m"\ndefault = true\npattern = "{pattern}"\nreplace = "{replace}"\n'
    )
    with pytest.raises(RuleFileError, match=words) as caught:
        parse_rule_text(text, "r.toml")
    assert "US001" in str(caught.value)


def test_a_nul_in_a_map_replacement_is_refused():
    text = (
        'group = "user"\n[[rule]]\ncode = "US001"\nslug = "user-rule"\nkind = "map"\n'
        'message = "m"\ndefault = true\nmap = { "ا" = "\\u0000" }\n'
    )
    with pytest.raises(RuleFileError, match="NUL"):
        parse_rule_text(text, "r.toml")


def test_a_rule_that_grows_the_text_is_stopped_early():
    (rule,) = parse_rule_text(rule_file("ب", "بب"), "r.toml")
    cleaner = Cleaner.from_rules([rule])
    with pytest.raises(GrowthError, match="US001"):
        cleaner.fix("ب" * 1000)


# -- word lists ----------------------------------------------------------------


def words_rule(tmp_path: Path, words_file: str) -> Path:
    path = tmp_path / "rules" / "r.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        'group = "user"\n[[rule]]\ncode = "US001"\nslug = "user-rule"\nkind = "words"\n'
        f'message = "m"\ndefault = true\nwords-file = "{words_file}"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", ["/dev/zero", "/proc/self/environ", "../secret.tsv"])
def test_a_words_file_outside_the_rule_folder_is_refused_without_its_content(tmp_path, name):
    (tmp_path / "secret.tsv").write_text("SECRET-TOKEN\tx\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="outside the rule file's folder") as caught:
        load_rule_file(words_rule(tmp_path, name))
    assert "SECRET" not in str(caught.value)


def test_a_bad_words_line_is_reported_without_its_content(tmp_path):
    path = words_rule(tmp_path, "w.tsv")
    (path.parent / "w.tsv").write_text("ok\tfine\nSECRET-TOKEN\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="line 2") as caught:
        load_rule_file(path)
    assert "SECRET" not in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_words_file_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    path = words_rule(tmp_path, "w.tsv")
    os.mkfifo(path.parent / "w.tsv")
    with pytest.raises(RuleFileError, match="FIFO"):
        load_rule_file(path)


# -- built-in patterns on long runs --------------------------------------------


def fix_in_subprocess(text: str, *args: str, timeout: float = 120) -> bytes:
    """`arclean fix` on `text`, given a generous time to finish (a quadratic
    pattern takes minutes on these inputs, a linear one well under a second)."""
    result = subprocess.run(
        [sys.executable, "-m", "arclean", "fix", *args],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


LONG_INPUTS = {
    "spaces": ("قال ،" + " " * 100_000 + "ثم\n", ()),
    "tabs": ("قال ،" + "\t" * 100_000 + "ثم\n", ()),
    "no-break spaces": ("قال :" + "\N{NO-BREAK SPACE}" * 100_000 + "ثم\n", ()),
    "trailing spaces": ("قال" + " " * 100_000 + "x\n", ()),
    "marks after a letter": ("ب" + "\N{ARABIC FATHA}" * 100_000 + " قال\n", ()),
    "scrambled marks": ("ب" + "\N{ARABIC SHADDA}\N{ARABIC FATHA}" * 50_000 + " قال\n", ()),
    "orphan marks": ("قال " + "\N{ARABIC FATHATAN}" * 100_000 + " ثم\n", ()),
    # Fathatan in one long run of mixed marks: AR205 finds the run's start
    # once, not once per fathatan (second breaker report: 25 s for 6,000).
    "fathatan in a run of marks": (
        "ق"
        + "\N{ARABIC FATHA}\N{ARABIC SHADDA}\N{ARABIC KASRA}\N{ARABIC FATHATAN}" * 25_000
        + " قال\n",
        (),
    ),
    "nested list": (
        "".join("  " * i + "- بند ،\n" for i in range(1000)),
        ("--stdin-filename", "x.md"),
    ),
    "markdown spaces": ("قال ،" + " " * 100_000 + "ثم {#id}\n", ("--stdin-filename", "x.md")),
    "one long line": ('«قال» ، "ثم" (هنا) ' * 100_000, ()),
}


@pytest.mark.parametrize("name", sorted(LONG_INPUTS))
def test_built_in_patterns_finish_on_long_runs(name):
    text, args = LONG_INPUTS[name]
    out = fix_in_subprocess(text, *args)
    assert out.count(b"\n") == text.count("\n")


def test_marks_that_never_settled_now_settle():
    text = "ب" + "\N{ARABIC SHADDA}\N{ARABIC FATHA}" * 10
    assert Cleaner().fix(text).text == "ب\N{ARABIC FATHA}\N{ARABIC SHADDA}"


def test_ten_thousand_map_rules_load(tmp_path):
    lines = ['group = "user"']
    for i in range(10_000):
        lines.append(
            f'[[rule]]\ncode = "US{i:04d}"\nslug = "r{i}"\nkind = "map"\nmessage = "m"\n'
            f'default = true\nmap = {{ "x{i}q" = "y" }}\n'
        )
    rules = tmp_path / "r.toml"
    rules.write_text("\n".join(lines), encoding="utf-8")
    out = fix_in_subprocess("قال x12q ،\n", "--isolated", "--rules", str(rules))
    assert out == "قال y،\n".encode()
