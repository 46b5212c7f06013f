"""Session 27's fresh-user report (notes27/fresh.md §3, §4, §6): what
`names review` and `names scan` say, and exit with, at their edges."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_names_review import EXTRA, SEED

from arclean.cli import cli
from arclean.names import load_glossary


def _corpus(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(SEED.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    return p


def _review(tmp_path: Path, text: Path | str, keys: str, *extra: str):
    g = tmp_path / "g.toml"
    args = ["names", "review", "--glossary", str(g), *extra, str(text)]
    return CliRunner().invoke(cli, args, input=keys), g


def _no_files(g: Path) -> bool:
    return not g.exists() and not Path(f"{g}.skipped").exists()


# -- §3: Ctrl-C ---------------------------------------------------------------


def test_ctrl_c_in_review_saves_and_exits_130(tmp_path: Path, monkeypatch) -> None:
    """Ctrl-C keeps the decisions and says so, but exits 130 as every
    command does (README's exit codes); q and end of input stay 0."""
    from rich.prompt import Prompt

    answers = iter(["s"])

    def ask(*_args: object, **_kwargs: object) -> str:
        for answer in answers:
            return answer
        raise KeyboardInterrupt

    monkeypatch.setattr(Prompt, "ask", ask)
    r, g = _review(tmp_path, _corpus(tmp_path), "")
    assert r.exit_code == 130, r.output
    assert "stopped: 1 skipped cluster remembered in" in r.stderr
    assert "run the same command to continue" in r.stderr
    assert Path(f"{g}.skipped").read_text(encoding="utf-8") == "فيدان\n"


def test_q_and_end_of_input_exit_0(tmp_path: Path) -> None:
    text = _corpus(tmp_path)
    r, _ = _review(tmp_path, text, "s\nq\n")
    assert r.exit_code == 0 and "stopped:" in r.stderr
    r, _ = _review(tmp_path, text, "s\n")  # then end of input
    assert r.exit_code == 0 and "stopped:" in r.stderr


# -- §6: nothing to ask, and what was saved ------------------------------------


def test_review_with_no_variants_says_so_and_writes_nothing(tmp_path: Path) -> None:
    text = tmp_path / "nov.txt"
    text.write_text("قال الوزير إن المحادثات مستمرة.\n", encoding="utf-8")
    r, g = _review(tmp_path, text, "a\n")
    assert r.exit_code == 0, r.output
    assert r.stderr == "no name variants found; nothing to review\n"
    assert _no_files(g)


def test_review_with_every_cluster_decided_says_so_and_writes_nothing(tmp_path: Path) -> None:
    text = _corpus(tmp_path)
    r, g = _review(tmp_path, text, "s\ns\ns\n")
    assert r.exit_code == 0, r.output
    assert not g.exists()  # only skips: no (empty) glossary is created for them
    r, g = _review(tmp_path, text, "a\n")
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [
        "3 clusters found, all decided already (in the glossary, or skipped before: "
        "--restart asks about those again); nothing to review"
    ]
    assert "cluster" not in r.stdout
    assert not g.exists()


def test_quitting_at_once_creates_no_file(tmp_path: Path) -> None:
    r, g = _review(tmp_path, _corpus(tmp_path), "q\n")
    assert r.exit_code == 0, r.output
    assert "stopped: nothing decided; run the same command to continue" in r.stderr
    assert _no_files(g)


def test_the_count_is_of_what_was_saved(tmp_path: Path) -> None:
    """fresh.md: "2 decision(s)" after `x 2` and an `a` that accepted
    nothing (one thing saved), "0 decision(s)" after two skips (saved)."""
    text = _corpus(tmp_path)
    r, g = _review(tmp_path, text, "s\ns\nx 2\na\n")
    assert "nothing accepted" in r.output
    assert r.stderr.strip() == (
        f"done: 1 decision saved to {g}, 2 skipped clusters remembered in {g}.skipped"
    )
    assert len(load_glossary(g).rejections) == 1 and not load_glossary(g).entries
    r, g = _review(tmp_path, text, "a\n", "--restart", "--limit", "1")
    assert r.stderr.strip() == (
        f"done: 1 decision saved to {g}; 1 cluster left: run the same command to continue"
    )


# -- §6: inputs and paths -------------------------------------------------------


def test_review_refuses_text_on_stdin(tmp_path: Path) -> None:
    """The text and the answers cannot both come from stdin."""
    r, g = _review(tmp_path, "-", "s\n")
    assert r.exit_code == 2
    assert r.stderr.startswith("arclean: error: names review reads your answers from stdin")
    assert "save the text to a file" in r.stderr
    assert _no_files(g)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["review", "--glossary", "{d}"], "--glossary {d}: is a folder, not a file"),
        (["scan", "--write-glossary", "{d}"], "--write-glossary {d}: is a folder, not a file"),
        (["scan", "--glossary", "{d}"], "{d}: cannot read"),
    ],
)
def test_a_folder_as_glossary_is_an_arclean_error(tmp_path: Path, args, said) -> None:
    d = tmp_path / "w"
    d.mkdir()
    args = [a.format(d=d) for a in args]
    r = CliRunner().invoke(cli, ["names", *args, str(SEED)])
    assert r.exit_code == 2
    assert r.stderr.startswith("arclean: error: " + said.format(d=d)), r.stderr
    assert "Invalid value" not in r.stderr


# -- §4: scan with no path --------------------------------------------------------


def test_scan_with_no_path_and_nothing_piped_scans_the_folder(tmp_path: Path, monkeypatch):
    """As `check`: nothing piped in (`< /dev/null`) scans the current folder."""
    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["names", "scan"], input="")
    assert r.exit_code == 0, r.output
    assert "cluster 1 of 3: فيدان" in r.stdout


def test_scan_with_no_path_and_text_piped_in_reads_it(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an empty folder: the text piped in is scanned
    r = CliRunner().invoke(cli, ["names", "scan"], input=SEED.read_text(encoding="utf-8"))
    assert r.exit_code == 0, r.output
    assert "cluster 1 of 1: فيدان" in r.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_scan_with_no_path_on_a_terminal_scans_the_folder(tmp_path: Path) -> None:
    """On a terminal it used to wait, silently, for text typed in."""
    import pty

    _corpus(tmp_path)
    main, terminal = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    try:
        r = subprocess.run(
            [sys.executable, "-m", "arclean", "names", "scan"],
            stdin=terminal,
            capture_output=True,
            cwd=tmp_path,
            env=env,
            timeout=120,  # a guard: before the fix this waited for input for ever
        )
    finally:
        os.close(main)
        os.close(terminal)
    assert r.returncode == 0, r.stderr
    assert "cluster 1 of 3: فيدان" in r.stdout.decode()
