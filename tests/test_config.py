"""Configuration files, folder walking and parallel runs."""

from __future__ import annotations

import json
import subprocess

import pytest

from arclean.cli import cli

DIRTY = "قال الوزير ، ثم, غادر\n"


def run(runner, args, input=None):
    return runner.invoke(cli, args, input=input)


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A content repository with [tool.arclean] in its pyproject.toml."""
    root = tmp_path / "site"
    (root / "docs" / "deep" / "er").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.arclean]\nignore = ["AR102"]\n'
        'exclude = ["drafts/**"]\n[tool.arclean.per-file-ignores]\n"*.srt" = ["AR101"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    return root


def test_pyproject_tool_table_is_honoured_from_any_folder_below(runner, site, monkeypatch):
    page = site / "docs" / "deep" / "er" / "a.txt"
    page.write_text(DIRTY, encoding="utf-8")
    for cwd in (site, site / "docs", site / "docs" / "deep" / "er"):
        monkeypatch.chdir(cwd)
        result = run(runner, ["fix", "--diff", str(page)])
        assert result.exit_code == 1
        assert "+قال الوزير، ثم, غادر" in result.stdout  # AR102 ignored, AR101 applied
    monkeypatch.chdir(site / "docs" / "deep" / "er")
    stdin = run(runner, ["fix"], input=DIRTY.encode())
    assert stdin.stdout == "قال الوزير، ثم, غادر\n"


def test_nearest_configuration_wins(runner, site):
    (site / "docs" / ".arclean.toml").write_text('select = ["AR102"]\n', encoding="utf-8")
    inner = site / "docs" / "a.txt"
    outer = site / "b.txt"
    for path in (inner, outer):
        path.write_text(DIRTY, encoding="utf-8")
    run(runner, ["fix", str(inner), str(outer)])
    assert inner.read_text(encoding="utf-8") == "قال الوزير ، ثم، غادر\n"
    assert outer.read_text(encoding="utf-8") == "قال الوزير، ثم, غادر\n"


def test_command_line_overrides_configuration(runner, site):
    result = run(runner, ["fix", "--isolated"], input=DIRTY.encode())
    assert result.stdout == "قال الوزير، ثم، غادر\n"
    result = run(runner, ["fix", "--select", "AR103,AR102"], input=DIRTY.encode())
    assert result.stdout == "قال الوزير ، ثم, غادر\n"  # config's ignore still applies
    # ... and when it removes every rule selected, nothing would be checked:
    # an error, not a silent pass (session 19)
    result = run(runner, ["fix", "--select", "AR102"], input=DIRTY.encode())
    assert result.exit_code == 2
    assert "no rule is selected" in result.output and "pyproject.toml" in result.output


def test_bad_key_or_value_exits_2_naming_file_and_key(runner, site):
    (site / "arclean.toml").write_text("colour = 'blue'\n", encoding="utf-8")
    result = run(runner, ["fix"], input=DIRTY.encode())
    assert result.exit_code == 2
    assert f"{site / 'arclean.toml'}: unknown key 'colour'" in result.stderr
    (site / "arclean.toml").write_text("profile = 'loud'\n", encoding="utf-8")
    result = run(runner, ["check", "-"], input=DIRTY.encode())
    assert result.exit_code == 2 and "'profile' must be" in result.stderr
    (site / "arclean.toml").write_text("select = 'AR1'\n", encoding="utf-8")
    assert "'select' must be a list" in run(runner, ["fix"], input=b"x").stderr


def test_exclude_and_per_file_ignores(runner, site):
    (site / "drafts").mkdir()
    (site / "drafts" / "d.txt").write_text(DIRTY, encoding="utf-8")
    (site / "docs" / "a.srt").write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nنص ، هنا\n", encoding="utf-8"
    )
    (site / "docs" / "b.txt").write_text(DIRTY, encoding="utf-8")
    result = run(runner, ["fix", "--check", "."])
    assert "would fix docs/b.txt" in result.stderr
    assert "drafts" not in result.stderr and "a.srt" not in result.stderr
    # Named explicitly, an excluded file is processed, unless --force-exclude.
    named = run(runner, ["fix", "--check", "drafts/d.txt"])
    assert named.exit_code == 1
    forced = run(runner, ["fix", "--check", "--force-exclude", "drafts/d.txt"])
    assert forced.exit_code == 0


def test_walking_respects_gitignore(runner, site):
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    (site / ".gitignore").write_text("build/\n", encoding="utf-8")
    (site / "build").mkdir()
    (site / "build" / "out.md").write_text(DIRTY, encoding="utf-8")
    (site / "docs" / "keep.md").write_text(DIRTY, encoding="utf-8")
    result = run(runner, ["fix", "--check", "."])
    assert "would fix docs/keep.md" in result.stderr
    assert "build" not in result.stderr
    forced = run(runner, ["fix", "--check", "--force-exclude", "build/out.md"])
    assert forced.exit_code == 0 and "build" not in forced.stderr


def test_formats_override_from_configuration(runner, site):
    (site / "arclean.toml").write_text('[formats]\n".txt" = "markdown"\n', encoding="utf-8")
    result = run(runner, ["fix", "--stdin-filename", "x.txt"], input="نص ، `a , b`\n".encode())
    assert result.stdout == "نص، `a , b`\n"


def test_parallel_jobs_keep_order_and_results(runner, tmp_path):
    files = []
    for i in range(8):
        path = tmp_path / f"f{i}.txt"
        path.write_text(DIRTY if i % 2 else "نص سليم\n", encoding="utf-8")
        files.append(str(path))
    serial = run(runner, ["check", "--isolated", *files])
    parallel = run(runner, ["check", "--isolated", "-j", "2", *files])
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    fixed = run(runner, ["fix", "--isolated", "-j", "2", *files])
    assert fixed.exit_code == 0
    assert "4 files fixed, 4 files left unchanged" in fixed.stderr


def test_sarif_output(runner):
    result = run(runner, ["check", "--isolated", "--output-format", "sarif"], input=DIRTY.encode())
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    assert run_["tool"]["driver"]["name"] == "arclean"
    assert {r["ruleId"] for r in run_["results"]} == {"AR101", "AR102"}
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1 and region["startColumn"] == 11


def test_config_show_names_the_source_of_each_setting(runner, site):
    result = run(runner, ["config", "show", "docs"])
    assert result.exit_code == 0
    assert f"configuration: {site / 'pyproject.toml'}" in result.stdout
    assert f'ignore            = ["AR102"]    # {site / "pyproject.toml"}' in result.stdout
    assert 'profile           = "default"    # default' in result.stdout


def test_config_show_notes_a_path_that_does_not_exist(runner, site):
    result = run(runner, ["config", "show", "nope/"])
    assert result.exit_code == 0
    assert "nope/ does not exist; showing what would apply to a file created there" in (
        result.stderr
    )
    assert f"configuration: {site / 'pyproject.toml'}" in result.stdout


def test_style_shorthands(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "arclean.toml").write_text(
        'quote-style = "guillemets"\ndigits = "arabic-indic"\ntanween = "before-alef"\n',
        encoding="utf-8",
    )
    text = 'قال "نعم" في عام 2024 شكراً وأيضًا\n'
    result = run(runner, ["fix"], input=text.encode())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "قال «نعم» في عام ٢٠٢٤ شكرًا وأيضًا\n"
    (tmp_path / "arclean.toml").write_text('tanween = "sideways"\n', encoding="utf-8")
    bad = run(runner, ["fix"], input=text.encode())
    assert bad.exit_code == 2
    assert "'tanween' must be one of majority, before-alef, on-alef" in bad.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            'convention = "bogus"',
            "[options] convention = 'bogus': must be one of majority, before-alef, on-alef",
        ),
        ('pairs = ["()", "[]"]', None),  # lists are allowed (and hashable once loaded)
        ('pairs = ["(", "[]"]', "[options] pairs = ['(', '[]']: must be a list of two-character"),
        ("style = 3", "[options] style = 3: must be one of guillemets, curly-rtl, straight"),
        ('colour = "red"', "[options] unknown option 'colour' (known options: convention,"),
    ],
)
def test_options_are_validated_when_the_configuration_loads(
    runner, tmp_path, monkeypatch, options, message
):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / ".arclean.toml"
    config.write_text(f"[options]\n{options}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("قال ، ثم\n", encoding="utf-8")
    result = run(runner, ["fix", "--check", "a.txt"])
    if message is None:
        assert result.exit_code == 1, result.stderr  # a.txt would change
        assert "internal error" not in result.stderr
        return
    assert result.exit_code == 2
    assert f"{config}: {message}" in result.stderr
    assert "a.txt" not in result.stdout + result.stderr.replace(str(config), "")  # at once


def test_bad_option_is_blamed_on_the_configuration_for_every_file(runner, tmp_path, monkeypatch):
    # It used to pass for a file whose rules did not use it, then fail on the
    # next one, blamed on the shipped rule file.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".arclean.toml").write_text(
        '[options]\nconvention = "bogus"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("قال\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("كتاباً وكتابًا وبابًا\n", encoding="utf-8")
    result = run(runner, ["check", "a.txt", "sub/b.txt"])
    assert result.exit_code == 2
    assert "rules/" not in result.stderr
    assert "sub/.arclean.toml: [options] convention = 'bogus'" in result.stderr


def test_cleaner_options_are_validated_with_the_same_message():
    from arclean import Cleaner
    from arclean.errors import ConfigError

    with pytest.raises(ConfigError) as info:
        Cleaner(options={"convention": "bogus"})
    assert str(info.value) == (
        "Cleaner(options=...): [options] convention = 'bogus': "
        "must be one of majority, before-alef, on-alef"
    )
    with pytest.raises(ConfigError, match="unknown option 'tanween'"):
        Cleaner(options={"tanween": "majority"})
    cleaner = Cleaner(options={"convention": "on-alef", "pairs": ["()", "«»"]})
    assert cleaner("كتابًا") == "كتاباً"
