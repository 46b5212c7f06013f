"""Defects a tester found on real text (ninth round): the ones fixed outside
the rule files' own examples."""

from __future__ import annotations

import pytest

from arclean import Cleaner


@pytest.mark.parametrize("opening", ["«", '"', "(", "“", "["])
def test_a_quotation_after_a_language_cue_is_left_alone_inside_quotes(opening: str) -> None:
    closing = {"«": "»", '"': '"', "(": ")", "“": "”", "[": "]"}[opening]
    text = f"قال بالفارسية: {opening}من می خواهم{closing} ثم سكت.\n"
    assert Cleaner()(text) == text


def test_a_quotation_without_a_cue_is_still_respelt() -> None:
    """The cue is what protects it (README): no cue, the known word is respelt."""
    assert Cleaner()("قال: «من می خواهم» ثم سكت.\n") == "قال: «من مي خواهم» ثم سكت.\n"


def test_a_folder_walk_takes_the_extensions_the_configuration_maps(tmp_path, monkeypatch) -> None:
    """`[formats]` ".rst" = "plain" applies to files found by walking a
    folder, not only to files named on the command line."""
    from click.testing import CliRunner

    from arclean.cli import cli

    (tmp_path / "pyproject.toml").write_text(
        '[tool.arclean.formats]\n".rst" = "plain"\n', encoding="utf-8"
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "b.rst").write_text("قال ، ثم\n", encoding="utf-8")
    (docs / "c.py").write_text("x = 1 ، 2\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "docs"])
    assert result.exit_code == 1, result.output
    assert "b.rst:1:4: AR101" in result.stdout
    assert "c.py" not in result.output
