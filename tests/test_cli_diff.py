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
    # FORCE_COLOR (set by CI for coloured logs) colours findings, not a patch
    # written to a file or a pipe: git apply would reject it (session 22)
    monkeypatch.setenv("FORCE_COLOR", "1")
    forced = CliRunner().invoke(cli, ["fix", "--isolated", "--diff", "a.txt"])
    assert "\x1b[" not in forced.stdout and forced.stdout.startswith("--- a/a.txt")
    assert "\x1b[" in CliRunner().invoke(cli, ["check", "--isolated", "a.txt"]).stdout


# -- file names git quotes -----------------------------------------------------

#: Names whose diff headers git writes quoted (a tab, a newline, a quote, a
#: backslash, a control character) or followed by a tab (a space), and two
#: it writes as they are.
QUOTED_NAMES = [
    "a\tb.txt",
    "nl\nx.txt",
    'q"x.txt',
    "back\\slash.txt",
    "bell\x07.txt",
    "del\x7f.txt",
    "a b.txt",
    "sp\ttab x.txt",
    "عربي.txt",
    "plain.txt",
]


def _headers(patch: bytes) -> list[bytes]:
    return [line for line in patch.split(b"\n") if line.startswith((b"--- ", b"+++ "))]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("name", QUOTED_NAMES, ids=ascii)
def test_diff_headers_quote_a_name_as_git_does(name, tmp_path, monkeypatch):
    patch = _diff(tmp_path, name, SENTENCE + b"\n", monkeypatch)
    # git's own diff of the same change (core.quotePath=false: Arabic as is).
    git = ["git", "-c", "core.quotePath=false", "-c", "user.name=t", "-c", "user.email=t@t"]
    fixed = CliRunner().invoke(cli, ["fix", "--isolated", "-"], input=SENTENCE + b"\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / name).write_bytes(SENTENCE + b"\n")
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=repo, check=True)
    (repo / name).write_bytes(fixed.stdout_bytes)
    expected = subprocess.run([*git, "diff"], cwd=repo, capture_output=True, check=True).stdout
    assert _headers(patch) == _headers(expected)
    # ... and git apply takes it.
    (tmp_path / "p.diff").write_bytes(patch)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / name).read_bytes() == fixed.stdout_bytes


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
@pytest.mark.parametrize("name", QUOTED_NAMES, ids=ascii)
def test_diff_with_a_quoted_name_applies_with_patch(name, tmp_path, monkeypatch):
    patch = _diff(tmp_path, name, SENTENCE + b"\n", monkeypatch)
    (tmp_path / "p.diff").write_bytes(patch)
    subprocess.run(
        ["patch", "--batch", "-s", "-p1", "-i", "p.diff"],
        cwd=tmp_path,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    fixed = CliRunner().invoke(cli, ["fix", "--isolated", "-"], input=SENTENCE + b"\n")
    assert (tmp_path / name).read_bytes() == fixed.stdout_bytes
