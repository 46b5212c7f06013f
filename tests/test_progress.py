"""Progress bars: on a terminal for long runs, never in pipes, under CI or with -q."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from conftest import REPO

from arclean.cli import cli
from arclean.cli.progress import MANY_FILES, RunProgress, wanted

DIRTY = "قال الوزير ، ثم غادر.\n"


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def many_files(folder, n=MANY_FILES + 5):
    for i in range(n):
        (folder / f"f{i:03}.txt").write_text(DIRTY, encoding="utf-8")
    return folder


def test_only_on_a_terminal_without_ci_or_quiet():
    assert wanted(False, FakeTTY(), {})
    assert not wanted(False, io.StringIO(), {})
    assert not wanted(False, FakeTTY(), {"CI": "true"})
    assert not wanted(True, FakeTTY(), {})
    assert not wanted(False, FakeTTY(), {"TERM": "dumb"})  # cannot redraw a line
    assert wanted(False, FakeTTY(), {"TERM": "xterm"})


def test_a_long_run_shows_files_bytes_and_rate(tmp_path):
    folder = many_files(tmp_path)
    names = sorted(str(p) for p in folder.iterdir())
    stream = FakeTTY()
    progress = RunProgress(True, stream)
    progress.inputs(names)

    class Result:
        def __init__(self, name):
            self.name = name

    seen = [r.name for r in progress.track(Result(n) for n in names)]
    assert seen == names
    shown = stream.getvalue()
    assert f"/{len(names)} files" in shown and "kB" in shown


def test_a_short_run_shows_nothing(tmp_path):
    stream = FakeTTY()
    progress = RunProgress(True, stream)
    progress.inputs([str(tmp_path / "a.txt")])
    progress.close()
    assert stream.getvalue() == ""


def test_a_disabled_bar_says_nothing(tmp_path):
    stream = FakeTTY()
    progress = RunProgress(False, stream)
    progress.inputs(sorted(str(p) for p in many_files(tmp_path).iterdir()))
    progress.within(10, 10**9)
    progress.close()
    assert stream.getvalue() == ""


def test_not_in_a_pipe(runner, tmp_path):
    result = runner.invoke(cli, ["fix", "--check", str(many_files(tmp_path))])
    assert result.exit_code == 1
    assert "files ━" not in result.stderr and "\x1b[" not in result.stderr


def test_forced_it_appears_in_the_command(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("arclean.cli.fix.wanted", lambda quiet: not quiet)
    result = runner.invoke(cli, ["fix", "--check", str(many_files(tmp_path))])
    assert result.exit_code == 1
    assert f"/{MANY_FILES + 5} files" in result.stderr


def test_a_large_jsonl_stdin_shows_bytes():
    stream = FakeTTY()
    progress = RunProgress(True, stream)
    progress.inputs([])
    progress.within(1_000_000, 8_000_000)
    progress.close()
    assert "stdin" in stream.getvalue()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("extra", "env", "shown"), [([], {}, True), (["-q"], {}, False), ([], {"CI": "1"}, False)]
)
def test_on_a_real_terminal(tmp_path, extra, env, shown):
    import pty

    folder = many_files(tmp_path)
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ.update(env, PYTHONPATH=str(REPO))
    main, side = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "arclean", "fix", "--check", *extra, str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=side,
        env=environ,
    )
    os.close(side)
    output = b""
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        output += data
    assert process.wait(timeout=60) == 1
    os.close(main)
    assert (b" files " in output and b"kB" in output) == shown
