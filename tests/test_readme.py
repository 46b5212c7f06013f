"""Every example in the README runs: each command of its `sh` blocks (in a
folder with the files they name), each `$ command` block's output, the
configuration and rule-file blocks, the pre-commit block and the Python
block.  The `ci:test` block is what CI itself runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arclean._toml import toml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

ARTICLE = "عنوان الخبر\nقال  الوزير\nجمـــيل ، جدا\n"
MOJIBAKE = "ط§ظ„ط¹ط±ط¨ظٹط© ، نص\n"
DIRTY = "قال الوزير ، ثم غادر.\n"
GLOSSARY = (
    'version = 1\nfold = "arclean-fold-v1"\n\n'
    '[[entity]]\ncanonical = "فيدان"\nvariants = ["فيان"]\n'
)


def blocks(language: str) -> list[str]:
    """The fenced blocks of `language` ('' for none), outside ci:test markers."""
    text = README.split("<!-- ci:test -->")[0] + README.split("<!-- /ci:test -->")[1]
    out, current, inside = [], [], None
    for line in text.splitlines():
        if line.startswith("```"):
            if inside is None:
                inside = line[3:].strip()
                current = []
            else:
                if inside == language:
                    out.append("\n".join(current))
                inside = None
            continue
        if inside is not None:
            current.append(line)
    return out


def house_rule() -> str:
    (rule,) = [b for b in blocks("toml") if "HS101" in b]
    return rule


def commands() -> list[str]:
    found = []
    for block in blocks("sh"):
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            if command.startswith("pip install . && "):
                command = command.removeprefix("pip install . && ")
            # The benchmark installs its peers into venvs of its own and runs
            # for minutes: it is a measurement, run by hand, never a test.
            if command and not command.startswith("python bench/"):
                found.append(command)
    return found


def site(tmp_path: Path) -> Path:
    """A folder holding every file the README's commands name."""
    folder = tmp_path / "site"
    (folder / "docs").mkdir(parents=True)
    (folder / "news").mkdir()
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    seed = (ROOT / "seeds" / "000_1e98b3542325010d.txt").read_text(encoding="utf-8")
    (folder / "article.txt").write_text(seed, encoding="utf-8")
    (folder / "scraped.txt").write_text(MOJIBAKE, encoding="utf-8")
    (folder / "a.txt").write_text(DIRTY, encoding="utf-8")
    (folder / "page.md").write_text("قال ، ثم `a ,b`\n", encoding="utf-8")
    (folder / "docs" / "page.md").write_text("# عنوان\n\n" + DIRTY, encoding="utf-8")
    (folder / "news" / "one.txt").write_text(seed, encoding="utf-8")
    (folder / "house.toml").write_text(house_rule(), encoding="utf-8")
    (folder / "names.toml").write_text(GLOSSARY, encoding="utf-8")
    return folder


def shell(folder: Path, command: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NO_COLOR": "1",
        "COLUMNS": "200",
        "ARCLEAN_PY": sys.executable,
    }
    env.pop("FORCE_COLOR", None)
    script = f'arclean() {{ "$ARCLEAN_PY" -m arclean "$@"; }}\n{command}\n'
    return subprocess.run(
        ["bash", "-c", script],
        cwd=folder,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("command", commands())
def test_every_readme_command_runs(command, tmp_path):
    folder = site(tmp_path)
    # `names review` asks for each cluster: skip them all.
    result = shell(folder, command, stdin="s\n" * 50)
    assert result.returncode in (0, 1), result.stderr
    assert "error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert "not settle" not in result.stderr


def sessions() -> list[tuple[str, str]]:
    out = []
    for block in blocks(""):
        first, _, rest = block.partition("\n")
        if first.startswith("$ "):
            out.append((first[2:], rest))
    return out


@pytest.mark.parametrize(("command", "expected"), sessions())
def test_readme_sessions_print_what_the_readme_shows(command, expected, tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    result = shell(folder, command)
    assert result.returncode == 0, result.stderr
    assert result.stderr.rstrip("\n") == expected.rstrip("\n")


def test_house_rule_passes_its_own_examples(tmp_path):
    folder = site(tmp_path)
    result = shell(folder, "arclean rules test house.toml")
    assert result.returncode == 0 and " passed, 0 failed" in result.stdout, result.stderr
    fixed = shell(
        folder, "arclean fix --isolated --rules house.toml -", stdin="وبموسكوفا ولموسكوفا"
    )
    assert fixed.stdout == "وبموسكو ولموسكو"


def test_configuration_block_is_a_valid_configuration(tmp_path):
    (config,) = [b for b in blocks("toml") if "[tool.arclean]" in b]
    folder = tmp_path / "repo"
    (folder / "style").mkdir(parents=True)
    (folder / "style" / "house.toml").write_text(house_rule(), encoding="utf-8")
    (folder / "pyproject.toml").write_text(config, encoding="utf-8")
    (folder / "a.txt").write_text(DIRTY, encoding="utf-8")
    (folder / "notes.rst").write_text(DIRTY, encoding="utf-8")
    toml().loads(config)
    shown = shell(folder, "arclean config show a.txt")
    assert shown.returncode == 0, shown.stderr
    checked = shell(folder, "arclean check a.txt notes.rst")
    assert checked.returncode == 1 and "error" not in checked.stderr, checked.stderr


def test_precommit_block_names_shipped_hooks():
    import yaml

    (block,) = blocks("yaml")
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load(block)
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= hooks


def test_python_block_runs_and_its_comments_hold():
    (block,) = blocks("python")
    namespace: dict[str, object] = {}
    exec(block, namespace)
    for line in block.splitlines():
        if line.startswith("cleaner(") and "  # " in line:
            expression, _, expected = line.partition("  # ")
            assert repr(eval(expression, namespace)) == expected
