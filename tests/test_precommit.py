"""The real pre-commit tool drives the hooks on a throw-away repository: the
first run fixes and fails, the second passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO


def _is_git_checkout(path: Path) -> bool:
    """pre-commit's try-repo clones the project: it needs a git checkout."""
    if shutil.which("git") is None:
        return False
    done = subprocess.run(
        ["git", "-C", str(path), "rev-parse", "--is-inside-work-tree"], capture_output=True
    )
    return done.returncode == 0


pytestmark = pytest.mark.skipif(
    not _is_git_checkout(REPO),
    reason="git and a git checkout of arclean are needed (pre-commit try-repo clones it)",
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_fix_hook_fixes_then_passes(tmp_path):
    if os.environ.get("ARCLEAN_SKIP_PRECOMMIT"):
        pytest.skip("ARCLEAN_SKIP_PRECOMMIT is set")
    content = tmp_path / "site"
    (content / "docs").mkdir(parents=True)
    page = content / "docs" / "page.md"
    page.write_text(
        "# عنوان\n\nقال الوزير ، ثم غادر.\n\n```\nكود , لا يلمس\n```\n", encoding="utf-8"
    )
    (content / "notes.txt").write_text("نص سليم.\n", encoding="utf-8")
    git(content, "init", "-q")
    git(content, "add", ".")
    home = tmp_path / "pre-commit-home"

    first = pre_commit(content, home, "try-repo", str(REPO), "arclean", "--all-files")
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output
    assert page.read_text(encoding="utf-8") == (
        "# عنوان\n\nقال الوزير، ثم غادر.\n\n```\nكود , لا يلمس\n```\n"
    )

    git(content, "add", ".")
    second = pre_commit(content, home, "try-repo", str(REPO), "arclean", "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr

    check = pre_commit(content, home, "try-repo", str(REPO), "arclean-check", "--all-files")
    assert check.returncode == 0, check.stdout + check.stderr


def test_hook_manifest_is_valid():
    import yaml  # pre-commit depends on PyYAML

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for hook in hooks}
    assert ids == {"arclean", "arclean-check", "arclean-names"}
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["types"] == ["text"]
        assert hook["entry"].startswith("arclean ")
