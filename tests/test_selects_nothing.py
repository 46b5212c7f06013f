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
