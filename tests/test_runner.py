"""The runner: one `process_source` for files and stdin, and nothing below
the command line prints or writes anywhere but the files it was given."""

from __future__ import annotations

from click.testing import CliRunner

from arclean.cli import cli
from arclean.runner import Resolver, RunOptions, process_source, run

DIRTY = "قال الوزير ، ثم, غادر\n"
CLEAN = "قال الوزير، ثم، غادر\n"


def test_a_file_and_stdin_give_the_same_result(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DIRTY.encode())
    resolver = Resolver(RunOptions(isolated=True))
    from_file = process_source(str(path), "preview", resolver, keep_text=True)
    from_stdin = process_source("-", "preview", resolver, keep_text=True, stdin=path.read_bytes())
    for field in ("changed", "text", "new_text", "error", "warning"):
        assert getattr(from_file, field) == getattr(from_stdin, field), field
    assert from_file.changes == from_stdin.changes and from_file.changes
    assert (from_file.name, from_stdin.name) == (str(path), "-")
    assert path.read_bytes() == b"\xef\xbb\xbf" + DIRTY.encode()  # preview writes nothing

    fixed_stdin = process_source("-", "fix", resolver, keep_text=False, stdin=path.read_bytes())
    assert fixed_stdin.output == b"\xef\xbb\xbf" + CLEAN.encode() and not fixed_stdin.written
    fixed_file = process_source(str(path), "fix", resolver, keep_text=False)
    assert fixed_file.written and fixed_file.output is None
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEAN.encode()
    assert capsys.readouterr() == ("", "")


def test_stdin_is_labelled_with_stdin_filename_and_problems_are_results(tmp_path):
    resolver = Resolver(RunOptions(isolated=True, stdin_filename="x.md"))
    result = process_source("-", "check", resolver, keep_text=True, stdin=DIRTY.encode())
    assert result.name == "x.md" and result.findings
    bad = process_source("-", "fix", resolver, keep_text=False, stdin=b"\xff\xfe")
    assert bad.error and bad.error.startswith("x.md: not valid UTF-8") and bad.output is None
    binary = process_source("-", "fix", resolver, keep_text=False, stdin=b"a\x00b")
    assert binary.error and "NUL" in binary.error and binary.output is None


def test_run_keeps_the_order_given_and_reads_stdin_in_its_turn(tmp_path):
    (tmp_path / "b.txt").write_text(DIRTY, encoding="utf-8")
    resolver = Resolver(RunOptions(isolated=True))
    reads: list[str] = []

    def read_stdin() -> bytes:
        reads.append("stdin")
        return DIRTY.encode()

    names = [
        r.name
        for r in run(
            [str(tmp_path / "b.txt"), "-", str(tmp_path / "missing.txt")],
            "preview",
            resolver,
            keep_text=False,
            read_stdin=read_stdin,
        )
    ]
    assert names == [str(tmp_path / "b.txt"), "-", str(tmp_path / "missing.txt")]
    assert reads == ["stdin"]


def test_rules_test_quiet_prints_only_the_summary():
    runner = CliRunner()
    full = runner.invoke(cli, ["rules", "test"])
    quiet = runner.invoke(cli, ["rules", "test", "-q"])
    assert quiet.exit_code == full.exit_code == 0
    assert quiet.stdout.splitlines() == [full.stdout.splitlines()[-1]]
    assert quiet.stdout.endswith(" passed, 0 failed\n")


def test_check_takes_a_color_option():
    result = CliRunner().invoke(cli, ["check", "--color", "never"], input=b"x")
    assert result.exit_code == 0, result.stderr
