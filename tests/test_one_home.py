"""Each concept is defined once: file extensions, formats, profiles, output
formats and the version all come from their one home."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO

from arclean.cli import cli
from arclean.formats.base import EXTENSIONS, format_names


def _hook_file_patterns() -> list[str]:
    text = (Path(REPO) / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:  # pre-commit brings pyyaml; fall back to the lines themselves
        return re.findall(r"^\s*files:\s*(\S+)\s*$", text, flags=re.MULTILINE)
    return [hook["files"] for hook in yaml.safe_load(text)]


def test_pre_commit_hooks_run_on_exactly_the_known_extensions():
    patterns = _hook_file_patterns()
    assert patterns
    for pattern in patterns:
        match = re.fullmatch(r"\\\.\((?P<alternatives>[^()]*)\)\$", pattern)
        assert match, f"unexpected files pattern {pattern!r}"
        extensions: set[str] = set()
        for alternative in match["alternatives"].split("|"):
            # `html?` stands for html and htm.
            if alternative.endswith("?"):
                extensions |= {"." + alternative[:-2], "." + alternative[:-1]}
            else:
                extensions.add("." + alternative)
        assert extensions == set(EXTENSIONS), pattern
        regex = re.compile(pattern)
        for ext in EXTENSIONS:
            assert regex.search(f"docs/a{ext}"), ext
        assert not regex.search("docs/a.py") and not regex.search("docs/a.md.bak")


def test_format_choices_come_from_the_format_table():
    runner = CliRunner()
    for command in ("fix", "check"):
        help_text = " ".join(runner.invoke(cli, [command, "--help"]).stdout.split())
        assert f"Treat input as this format ({', '.join(format_names())})" in help_text
    assert "mdx" in format_names()
    bad = runner.invoke(cli, ["fix", "--format", "docx"], input=b"x")
    assert bad.exit_code == 2 and "docx" in bad.stderr


def test_output_formats_and_profiles_come_from_their_layers():
    from arclean.report import OUTPUT_FORMATS
    from arclean.ruleset import PROFILES

    runner = CliRunner()
    check_help = " ".join(runner.invoke(cli, ["check", "--help"]).stdout.split())
    assert f"[{'|'.join(OUTPUT_FORMATS)}]" in check_help
    for args in (["fix", "--help"], ["pipe", "--help"]):
        help_text = " ".join(runner.invoke(cli, args).stdout.split())
        assert f"--profile [{'|'.join(PROFILES)}]" in help_text


def test_version_comes_from_the_package_metadata(monkeypatch):
    from importlib import metadata

    from arclean.version import version

    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"arclean, version {version()}\n"

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert version.__wrapped__() == "0+unknown"
