"""Nothing outside the job is touched: walking never follows a link out of
the folder given, paths in rule files and configurations stay in their
folder, other users' configurations are not applied, git runs hardened
(issue 12, "Reaching outside the job")."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from arclean.config import ConfigFinder, load_config
from arclean.errors import ConfigError
from arclean.io import discover as discover_module
from arclean.io.discover import Skipped, discover
from arclean.runner import Resolver, RunOptions, run

FIXABLE = "قال ، ثم مضى\n"


def outside_link(tmp_path: Path) -> tuple[Path, Path]:
    """A tree `t` whose docs/a.txt is a link to o/x.txt, outside it."""
    (tmp_path / "o").mkdir()
    victim = tmp_path / "o" / "x.txt"
    victim.write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "t" / "docs").mkdir(parents=True)
    (tmp_path / "t" / "docs" / "a.txt").symlink_to(victim)
    (tmp_path / "t" / "b.txt").write_text(FIXABLE, encoding="utf-8")
    return tmp_path / "t", victim


def fix_folder(folder: Path, **options: object) -> list:
    resolver = Resolver(RunOptions(isolated=True, **options))  # type: ignore[arg-type]
    return list(run([str(folder)], "fix", resolver, keep_text=False, read_stdin=bytes))


def test_a_link_out_of_the_tree_is_not_followed(tmp_path):
    tree, victim = outside_link(tmp_path)
    results = fix_folder(tree)
    assert victim.read_text(encoding="utf-8") == FIXABLE
    assert (tree / "b.txt").read_text(encoding="utf-8") != FIXABLE
    warnings = [r.warning for r in results if r.warning]
    assert any("symbolic link to outside" in w for w in warnings)


def test_follow_links_allows_it(tmp_path):
    tree, victim = outside_link(tmp_path)
    fix_folder(tree, follow_links=True)
    assert victim.read_text(encoding="utf-8") != FIXABLE


def linked_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A tree `t` whose docs/ is a link to the folder o/, outside it, which
    holds x.txt and a link back to the tree (a loop)."""
    (tmp_path / "o").mkdir()
    victim = tmp_path / "o" / "x.txt"
    victim.write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "docs").symlink_to(tmp_path / "o", target_is_directory=True)
    (tmp_path / "o" / "back").symlink_to(tmp_path / "t", target_is_directory=True)
    (tmp_path / "t" / "b.txt").write_text(FIXABLE, encoding="utf-8")
    return tmp_path / "t", victim


def commit_all(tree: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=tree, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tree, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=tree, check=True)


@pytest.mark.parametrize("in_git", [False, True])
def test_follow_links_walks_into_a_linked_folder_once(tmp_path, in_git):
    tree, victim = linked_folder(tmp_path)
    if in_git:
        if shutil.which("git") is None:
            pytest.skip("needs git")
        commit_all(tree)
    found = discover([str(tree)], lambda n: False, follow_links=True)
    names = [n for n, p in found if not p]
    # docs/ is walked once; its link back to the tree is a loop, not followed.
    assert names == [str(tree / "b.txt"), str(tree / "docs" / "x.txt")]
    notes = [p for _, p in found if p]
    assert len(notes) == 1 and isinstance(notes[0], Skipped)
    assert str(tree / "docs" / "back") in notes[0] and "not followed again" in notes[0]
    fix_folder(tree, follow_links=True)
    assert victim.read_text(encoding="utf-8") != FIXABLE


def test_a_linked_folder_is_not_walked_without_follow_links(tmp_path):
    tree, victim = linked_folder(tmp_path)
    names = [n for n, p in discover([str(tree)], lambda n: False) if not p]
    assert names == [str(tree / "b.txt")]
    fix_folder(tree)
    assert victim.read_text(encoding="utf-8") == FIXABLE


def test_follow_links_survives_two_links_that_lead_to_each_other(tmp_path):
    (tmp_path / "t" / "a").mkdir(parents=True)
    (tmp_path / "t" / "b").mkdir()
    (tmp_path / "t" / "a" / "to_b").symlink_to(tmp_path / "t" / "b", target_is_directory=True)
    (tmp_path / "t" / "b" / "to_a").symlink_to(tmp_path / "t" / "a", target_is_directory=True)
    (tmp_path / "t" / "b" / "y.txt").write_text(FIXABLE, encoding="utf-8")
    found = discover([str(tmp_path / "t")], lambda n: False, follow_links=True)
    names = [n for n, p in found if not p]
    assert len(names) == 1 and names[0].endswith("y.txt")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_link_committed_to_git_is_not_followed_out_of_the_tree(tmp_path):
    tree, victim = outside_link(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=tree, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tree, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=tree, check=True)
    fix_folder(tree)
    assert victim.read_text(encoding="utf-8") == FIXABLE


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_runs_no_command_the_repository_configures(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    marker = tmp_path.parent / f"{tmp_path.name}-pwned"
    hook = f"touch {marker}"
    subprocess.run(["git", "config", "core.fsmonitor", hook], cwd=tmp_path, check=True)
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    names = [n for n, _ in discover([str(tmp_path)], lambda n: False)]
    assert names == [str(tmp_path / "a.txt")]
    assert not marker.exists()


def test_an_unreadable_folder_is_an_error_not_an_empty_pass(monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(discover_module, "_git_files", lambda folder: None)
    monkeypatch.setattr(os, "walk", walk)
    found = discover([str(tmp_path)], lambda n: False)
    problems = [p for _, p in found if p]
    assert problems and "Permission denied" in problems[0]
    assert not isinstance(problems[0], Skipped)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_an_unreadable_folder_fails_check(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(FIXABLE, encoding="utf-8")
    locked.chmod(0)
    try:
        results = list(
            run(
                [str(tmp_path)],
                "check",
                Resolver(RunOptions(isolated=True)),
                keep_text=True,
                read_stdin=bytes,
            )
        )
    finally:
        locked.chmod(0o755)
    assert any(r.error and "cannot read this folder" in r.error for r in results)


# -- configurations --------------------------------------------------------------


def make_foreign(path: Path, monkeypatch) -> None:
    """Make `path` look owned by another user: really (as root), or by
    pretending to be someone else."""
    if os.geteuid() == 0:
        os.chown(path, 12345, 12345)
    else:
        uid = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: uid + 1)


def test_a_configuration_owned_by_another_user_is_ignored_with_a_warning(monkeypatch, tmp_path):
    config = tmp_path / ".arclean.toml"
    config.write_text('ignore = ["AR101"]\n', encoding="utf-8")
    make_foreign(config, monkeypatch)
    finder = ConfigFinder()
    assert finder.for_path(tmp_path / "a.txt").path is None
    (warning,) = finder.take_warnings()
    assert "owned by another user" in warning


@pytest.mark.parametrize("entry", ["../rules.toml", "/etc/passwd", "link/rules.toml"])
def test_paths_in_a_configuration_stay_in_its_folder(tmp_path, entry):
    (tmp_path / "rules.toml").write_text("", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "link").symlink_to(tmp_path)
    config = project / ".arclean.toml"
    config.write_text(f'rules = ["{entry}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="outside the configuration's folder"):
        load_config(config)


@pytest.mark.parametrize(
    "content", ['tool = "x"\n', "a = " + "[" * 5000 + "]" * 5000 + "\n", "[tool]\narclean = 1\n"]
)
def test_odd_pyproject_files_are_not_internal_errors(tmp_path, content):
    path = tmp_path / "pyproject.toml"
    path.write_text(content, encoding="utf-8")
    try:
        load_config(path)
    except ConfigError as exc:
        assert str(path) in str(exc)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_configuration_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "cfg.toml")
    with pytest.raises(ConfigError, match="FIFO"):
        load_config(tmp_path / "cfg.toml")
