"""`exclude` and `per-file-ignores` read their patterns as lines of a
.gitignore in the configuration's folder (through pathspec)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from arclean.cli import cli
from arclean.config import Config, load_config

DIRTY = "قال الوزير ، ثم, غادر\n"


def config_at(root: Path, exclude: list[str]) -> Config:
    return Config(root / ".arclean.toml", {"exclude": exclude})


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        # A slash inside anchors the pattern; `*` does not cross folders.
        ("docs/*.md", "docs/a.md", True),
        ("docs/*.md", "docs/sub/deep.md", False),
        ("docs/*.md", "other/docs/a.md", False),
        # A leading slash anchors at the configuration's folder.
        ("/docs", "docs/a.md", True),
        ("/docs", "docs/sub/deep.md", True),
        ("/docs", "src/docs/a.md", False),
        # No slash: a name at any depth, and everything inside a folder so named.
        ("vendor", "vendor/a.txt", True),
        ("vendor", "lib/vendor/x/a.txt", True),
        ("vendor", "vendored/a.txt", False),
        ("*.srt", "subs/a/b.srt", True),
        # `**/` matches zero or more folders: a top-level file too.
        ("**/*.txt", "a.txt", True),
        ("**/*.txt", "a/b/c.txt", True),
        ("**/*.txt", "a/b/c.md", False),
        ("drafts/**", "drafts/x/y.md", True),
        ("drafts/**", "drafts.md", False),
        # A trailing slash: folders only.
        ("build/", "build/out.md", True),
        ("build/", "build", False),
    ],
)
def test_exclude_has_gitignore_semantics(tmp_path, pattern, path, excluded):
    config = config_at(tmp_path, [pattern])
    assert config.is_excluded(tmp_path / path) is excluded


def test_negation_and_paths_outside_the_configuration_folder(tmp_path):
    config = config_at(tmp_path / "site", ["*.md", "!keep.md"])
    assert config.is_excluded(tmp_path / "site" / "a.md")
    assert not config.is_excluded(tmp_path / "site" / "keep.md")
    assert not config.is_excluded(tmp_path / "elsewhere" / "a.md")


def test_relative_paths_are_taken_from_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    config = config_at(tmp_path, ["/docs/*.md"])
    assert config.is_excluded("a.md")
    assert not config.is_excluded("sub/a.md")


def test_per_file_ignores_use_the_same_semantics(tmp_path):
    config = Config(
        tmp_path / ".arclean.toml",
        {"per-file-ignores": {"docs/*.md": ["AR101"], "**/*.srt": ["AR102"], "/top": ["AR103"]}},
    )
    assert config.ignores_for(tmp_path / "docs" / "a.md") == ["AR101"]
    assert config.ignores_for(tmp_path / "docs" / "sub" / "deep.md") == []
    assert config.ignores_for(tmp_path / "a.srt") == ["AR102"]
    assert config.ignores_for(tmp_path / "top" / "x" / "a.srt") == ["AR102", "AR103"]
    assert config.ignores_for(tmp_path / "sub" / "top" / "a.txt") == []


def test_an_invalid_pattern_is_a_configuration_error(tmp_path):
    path = tmp_path / ".arclean.toml"
    path.write_text('exclude = ["ok/**", "a\\\\"]\n', encoding="utf-8")
    from arclean.errors import ConfigError

    with pytest.raises(ConfigError, match=r"exclude pattern 'a\\\\' is not valid"):
        load_config(path)


def test_walking_a_folder_applies_the_patterns(tmp_path, monkeypatch):
    for name in ("docs/a.md", "docs/sub/deep.md", "notes.txt", "lib/vendor/v.txt", "x/docs/b.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DIRTY, encoding="utf-8")
    (tmp_path / ".arclean.toml").write_text(
        'exclude = ["/docs/*.md", "vendor"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["fix", "--check", "."])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    would_fix = {line.removeprefix("would fix ") for line in lines if line.startswith("would fix")}
    assert would_fix == {"docs/sub/deep.md", "notes.txt", "x/docs/b.md"}


@pytest.mark.parametrize(
    "config",
    [
        'exclude = ["[z-a]"]\n',
        '[per-file-ignores]\n"[z-a]" = ["AR101"]\n',
    ],
)
def test_a_pattern_the_regex_engine_refuses_is_a_configuration_error(tmp_path, monkeypatch, config):
    (tmp_path / ".arclean.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("قال ، ثم\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "a.txt"])
    assert result.exit_code == 2
    assert ".arclean.toml" in result.stderr and "[z-a]" in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ('ignore = ["AR9999"]\n', "ignore"),
        ('select = ["bogus"]\n', "select"),
        ('extend-select = ["XX1"]\n', "extend-select"),
        ('[per-file-ignores]\n"*.txt" = ["AR9999"]\n', "per-file-ignores '*.txt'"),
    ],
)
def test_a_selector_naming_no_rule_names_the_configuration_and_key(
    tmp_path, monkeypatch, config, key
):
    (tmp_path / ".arclean.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("قال ، ثم\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "a.txt"])
    assert result.exit_code == 2
    assert f".arclean.toml: {key}:" in result.stderr
    assert "selects no rule" in result.stderr
