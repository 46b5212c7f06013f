"""Issue 11, item 5: `fix --diff` is a patch that `git apply` and `patch`
accept, whatever the line endings, byte order mark or line separators."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from arclean.cli import cli

BOM = b"\xef\xbb\xbf"
SENTENCE = "قال الوزير ، ثم غادر".encode()

CASES = {
    "lf": SENTENCE + b"\n" + SENTENCE + b"\n",
    "crlf": SENTENCE + b"\r\n" + SENTENCE + b"\r\n",
    "cr-only": SENTENCE + b"\r" + SENTENCE + b"\r",
    "bom": BOM + SENTENCE + b"\n",
    "bom-crlf-no-final-newline": BOM + SENTENCE + b"\r\n" + SENTENCE,
    "no-final-newline": b"x\n" + SENTENCE,
    "u2028-inside-a-line": SENTENCE + "\u2028".encode() + SENTENCE + b"\nend\n",
    "u0085-inside-a-line": SENTENCE + "\u0085".encode() + SENTENCE + b"\n",
    "form-feed": SENTENCE + b"\x0c" + SENTENCE + b"\n",
}


def _diff(folder, name, data, monkeypatch):
    (folder / name).write_bytes(data)
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["fix", "--isolated", "--diff", name])
    assert result.exit_code == 1, result.stderr
    return result.stdout_bytes


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("case", sorted(CASES))
def test_diff_applies_with_git_apply(case, tmp_path, monkeypatch):
    data = CASES[case]
    patch = _diff(tmp_path, "a.txt", data, monkeypatch)
    assert b"\x1b[" not in patch  # not a terminal: no colour
    (tmp_path / "p.diff").write_bytes(patch)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    check = subprocess.run(
        ["git", "apply", "--check", "p.diff"], cwd=tmp_path, capture_output=True, check=False
    )
    assert check.returncode == 0, check.stderr.decode()
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
    fixed = CliRunner().invoke(cli, ["fix", "--isolated", "-"], input=data).stdout_bytes
    assert (tmp_path / "a.txt").read_bytes() == fixed


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
@pytest.mark.parametrize("case", sorted(CASES))
def test_diff_applies_with_patch(case, tmp_path, monkeypatch):
    data = CASES[case]
    patch = _diff(tmp_path, "a.txt", data, monkeypatch)
    (tmp_path / "p.diff").write_bytes(patch)
    dry = subprocess.run(
        ["patch", "-p1", "--dry-run", "-i", "p.diff"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert dry.returncode == 0, dry.stdout.decode() + dry.stderr.decode()
    subprocess.run(["patch", "-s", "-p1", "-i", "p.diff"], cwd=tmp_path, check=True)
    fixed = CliRunner().invoke(cli, ["fix", "--isolated", "-"], input=data).stdout_bytes
    assert (tmp_path / "a.txt").read_bytes() == fixed


def test_diff_of_a_bom_file_keeps_the_bom_on_both_sides(tmp_path, monkeypatch):
    patch = _diff(tmp_path, "a.txt", CASES["bom"], monkeypatch)
    minus = [line for line in patch.split(b"\n") if line.startswith(b"-") and b"---" not in line]
    plus = [line for line in patch.split(b"\n") if line.startswith(b"+") and b"+++" not in line]
    assert minus[0].startswith(b"-" + BOM) and plus[0].startswith(b"+" + BOM)


def test_no_newline_marker_only_at_the_end(tmp_path, monkeypatch):
    patch = _diff(tmp_path, "a.txt", CASES["u2028-inside-a-line"], monkeypatch)
    assert b"No newline at end of file" not in patch


def test_diff_is_coloured_with_color_always(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(CASES["lf"])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["fix", "--isolated", "--diff", "--color", "always", "a.txt"])
    assert "\x1b[31m-" in result.stdout and "\x1b[32m+" in result.stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    forced = CliRunner().invoke(cli, ["fix", "--isolated", "--diff", "a.txt"])
    assert "\x1b[32m+" in forced.stdout
