"""A run that selects no rule is an error, not a silent pass (session 19:
`select = []` in a configuration made every hook run green)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from arclean.cli import cli


@pytest.mark.parametrize(
    ("config", "args"),
    [
        ("select = []\n", ["check"]),
        ('ignore = ["ALL"]\n', ["fix", "--check"]),
        ("", ["check", "--select", "AR101", "--ignore", "AR101"]),
    ],
)
def test_selecting_no_rule_exits_2(
    tmp_path: Path, monkeypatch, config: str, args: list[str]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".arclean.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("قال ، ثم\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [*args, "a.txt"])
    assert result.exit_code == 2
    assert "no rule is selected" in result.output
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "قال ، ثم\n"


def test_per_file_ignores_of_all_leave_those_files_unchecked(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`"subs/**" = ["ALL"]` is the author's choice for those files (as in
    ruff): they pass through, and the run checks the others (a tester,
    session 19: every hook run in such a repository exited 2)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.arclean.per-file-ignores]\n"subs/**" = ["ALL"]\n', encoding="utf-8"
    )
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.txt").write_text("قال ، ثم\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("قال ، ثم\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "subs/a.txt", "b.txt"])
    assert result.exit_code == 1
    assert "b.txt:1:" in result.output and "subs/a.txt:" not in result.output
    assert CliRunner().invoke(cli, ["fix", "subs/a.txt"]).exit_code == 0
    assert (tmp_path / "subs" / "a.txt").read_text(encoding="utf-8") == "قال ، ثم\n"


def test_a_rule_file_with_no_rule_is_an_error(tmp_path: Path) -> None:
    """`pipe rules FILE` and `rules test FILE` on a file holding no rule
    (a house file emptied by a bad merge) checked nothing and passed."""
    empty = tmp_path / "house.toml"
    empty.write_text("# nothing here\n", encoding="utf-8")
    piped = CliRunner().invoke(cli, ["pipe", "rules", str(empty)], input="وصل إلى موسكوفا\n")
    assert piped.exit_code == 2 and "holds no rule" in piped.output
    tested = CliRunner().invoke(cli, ["rules", "test", str(empty)])
    assert tested.exit_code == 2 and "holds no rule" in tested.output


def test_an_empty_select_selects_nothing() -> None:
    """`--select="$RULES"` with the variable unset ran every default rule
    (a tester, session 19): an empty selection is no selection at all."""
    result = CliRunner().invoke(cli, ["check", "--isolated", "--select=", "-"], input="قال ، ثم\n")
    assert result.exit_code == 2 and "no rule is selected" in result.output
