"""Large files fixed in place in chunks (`arclean.stream.stream_file`): the
same bytes, exit code and messages as the file read whole, the file
untouched when nothing changes or anything goes wrong."""

from __future__ import annotations

import os

import pytest
from test_stream import RECORDS, TEXT, unchunked

from arclean.cli import cli


def _fix(runner, monkeypatch, paths, *args, chunk=None):
    """`arclean fix` on `paths`, read whole, or in chunks of `chunk` bytes
    (every file counts as large)."""
    monkeypatch.delenv("ARCLEAN_STREAM_WHOLE", raising=False)
    monkeypatch.delenv("ARCLEAN_STREAM_CHUNK", raising=False)
    if chunk is not None:
        monkeypatch.setenv("ARCLEAN_STREAM_WHOLE", "0")
        monkeypatch.setenv("ARCLEAN_STREAM_CHUNK", str(chunk))
    return runner.invoke(cli, ["fix", "--isolated", *args, *map(str, paths)])


def _pair(tmp_path, name, data):
    """The same bytes in two folders: one to fix whole, one in chunks."""
    made = []
    for folder in ("whole", "chunked"):
        (tmp_path / folder).mkdir(exist_ok=True)
        path = tmp_path / folder / name
        path.write_bytes(data)
        made.append(path)
    return made


@pytest.mark.parametrize("size", [1, 40, 300])
@pytest.mark.parametrize(
    ("name", "data", "args"),
    [
        ("a.txt", ("\ufeff" + TEXT).encode(), []),
        ("a.txt", TEXT.replace("\n", "\r\n").encode(), ["-j", "2"]),
        ("a.txt", TEXT.encode(), ["--profile", "search"]),
        ("a.jsonl", RECORDS.encode(), ["--jsonl"]),
        ("a.jsonl", RECORDS.encode(), ["--jsonl", "-j", "2", "--field", "title"]),
    ],
)
def test_a_file_fixed_in_chunks_is_the_file_fixed_whole(
    runner, monkeypatch, tmp_path, size, name, data, args
):
    import arclean.stream as stream

    streamed = []
    stream_file = stream.stream_file

    def spy(name, *a, **k):
        streamed.append(name)
        return stream_file(name, *a, **k)

    monkeypatch.setattr(stream, "stream_file", spy)
    whole_path, chunked_path = _pair(tmp_path, name, data)
    monkeypatch.chdir(tmp_path / "chunked")  # the same label in messages
    chunked = _fix(runner, monkeypatch, [name], *args, chunk=size)
    assert streamed == [name]
    monkeypatch.chdir(tmp_path / "whole")
    whole = _fix(runner, monkeypatch, [name], *args)
    assert streamed == [name]  # read whole: not streamed
    assert whole.exit_code == chunked.exit_code == 0
    assert whole.stderr == unchunked(chunked.stderr)
    assert whole_path.read_bytes() == chunked_path.read_bytes() != data


def test_files_large_and_small_are_all_fixed_with_jobs(runner, monkeypatch, tmp_path):
    """With -j, a large file is fixed in chunks at its turn, the small ones
    in the worker pool."""
    monkeypatch.chdir(tmp_path)
    small = "قال ، ثم\n".encode()
    for name, data in [("a.txt", small), ("big.txt", TEXT.encode() * 40), ("c.txt", small)]:
        (tmp_path / name).write_bytes(data)
    monkeypatch.setenv("ARCLEAN_STREAM_WHOLE", str(len(TEXT.encode()) * 2))
    monkeypatch.setenv("ARCLEAN_STREAM_CHUNK", "100")
    result = runner.invoke(cli, ["fix", "--isolated", "-j", "2", "a.txt", "big.txt", "c.txt"])
    assert result.exit_code == 0, result.stderr
    assert "3 files fixed" in result.stderr
    assert (tmp_path / "a.txt").read_text() == "قال، ثم\n"
    assert "،  " not in (tmp_path / "big.txt").read_text()


def test_an_unchanged_large_file_is_not_rewritten(runner, monkeypatch, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("قال، ثم.\n" * 50, encoding="utf-8")
    before = os.stat(path)
    result = _fix(runner, monkeypatch, [path], chunk=30)
    assert result.exit_code == 0
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert "1 file left unchanged" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name != "clean.txt"]  # no temporary file


@pytest.mark.parametrize("bad", [b"\xff", b"\x00"], ids=["bad-utf8", "nul"])
def test_a_late_bad_byte_is_reported_as_for_a_file_read_whole(runner, monkeypatch, tmp_path, bad):
    data = TEXT.encode() * 3 + "\nسطر ".encode() + bad + b"\n" + TEXT.encode()
    whole_path, chunked_path = _pair(tmp_path, "a.txt", data)
    monkeypatch.chdir(tmp_path / "whole")
    whole = _fix(runner, monkeypatch, ["a.txt"])
    monkeypatch.chdir(tmp_path / "chunked")
    chunked = _fix(runner, monkeypatch, ["a.txt"], chunk=20)
    assert whole.exit_code == chunked.exit_code == 2
    assert whole.stderr == unchunked(chunked.stderr)
    assert whole_path.read_bytes() == chunked_path.read_bytes() == data


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_large_file_is_refused_and_untouched(runner, monkeypatch, tmp_path):
    path = tmp_path / "ro.txt"
    path.write_bytes(TEXT.encode())
    path.chmod(0o444)
    result = _fix(runner, monkeypatch, [path], chunk=30)
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert path.read_bytes() == TEXT.encode()


def test_a_large_file_that_changes_meanwhile_is_left_as_it_is_now(runner, monkeypatch, tmp_path):
    """The file is read twice (checked, then cleaned): one written in
    between is refused at the rename, never overwritten."""
    import arclean.stream as stream

    path = tmp_path / "moving.txt"
    path.write_bytes(TEXT.encode())
    cleaned = stream._cleaned

    def meanwhile(*args, **kwargs):
        path.write_bytes(TEXT.encode() + "سطر جديد ،\n".encode())
        yield from cleaned(*args, **kwargs)

    monkeypatch.setattr(stream, "_cleaned", meanwhile)
    result = _fix(runner, monkeypatch, [path], chunk=30)
    assert result.exit_code == 2
    assert "changed while it was being fixed" in result.stderr
    assert path.read_bytes().endswith("سطر جديد ،\n".encode())


@pytest.mark.parametrize("how", ["read-only", "hard-linked"])
def test_an_unchanged_large_file_is_never_refused(runner, monkeypatch, tmp_path, how):
    """A file that needs no change is not written, so nothing refuses it:
    read-only or hard-linked, it is left unchanged, exit 0, as read whole;
    its folder is not touched either (a breaker, session 23: exit 2)."""
    path = tmp_path / "clean.txt"
    path.write_text("قال، ثم.\n" * 50, encoding="utf-8")
    if how == "read-only":
        path.chmod(0o444)
    else:
        os.link(path, tmp_path / "other.txt")
    folder = os.stat(tmp_path).st_mtime_ns
    os.utime(tmp_path, ns=(folder - 10**10, folder - 10**10))
    folder = os.stat(tmp_path).st_mtime_ns
    result = _fix(runner, monkeypatch, [path], chunk=30)
    assert result.exit_code == 0, result.stderr
    assert "1 file left unchanged" in result.stderr
    assert os.stat(tmp_path).st_mtime_ns == folder  # no temporary file made


def test_a_file_changed_late_is_written_whole(runner, monkeypatch, tmp_path):
    """The chunks before the first change are copied as they were: a
    change in the last chunk alone gives the whole file, fixed."""
    text = "قال، ثم.\n" * 200 + "قال ، ثم\n"
    whole_path, chunked_path = _pair(tmp_path, "a.txt", text.encode())
    _fix(runner, monkeypatch, [whole_path])
    result = _fix(runner, monkeypatch, [chunked_path], chunk=50)
    assert result.exit_code == 0
    assert chunked_path.read_bytes() == whole_path.read_bytes() == text.replace(" ،", "،").encode()


def test_a_bug_while_streaming_is_that_files_error(runner, monkeypatch, tmp_path):
    """An internal error in a large file is that file's error, as read
    whole: the next file is still fixed, and the summary is printed."""
    import arclean.api

    fix = arclean.api.Cleaner.fix

    def failing(self, text, *args, **kwargs):
        if "BOOM" in text:
            raise RuntimeError("injected")
        return fix(self, text, *args, **kwargs)

    monkeypatch.setattr(arclean.api.Cleaner, "fix", failing)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("قال ، ثم\n" * 20 + "BOOM\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("قال ، ثم\n", encoding="utf-8")
    monkeypatch.setenv("ARCLEAN_STREAM_WHOLE", "100")
    monkeypatch.setenv("ARCLEAN_STREAM_CHUNK", "40")
    result = runner.invoke(cli, ["fix", "--isolated", "a.txt", "b.txt"])
    assert result.exit_code == 2
    assert "a.txt: internal error: RuntimeError: injected; left unchanged" in result.stderr
    assert "1 file fixed, 1 error" in result.stderr
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "قال، ثم\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("قال ، ثم")


def test_a_large_file_deleted_meanwhile_is_said_so(runner, monkeypatch, tmp_path):
    import arclean.stream as stream

    path = tmp_path / "gone.txt"
    path.write_bytes(TEXT.encode())
    cleaned = stream._cleaned

    def meanwhile(*args, **kwargs):
        for item in cleaned(*args, **kwargs):
            yield item
            if path.exists():
                path.unlink()  # once the new file is being written

    monkeypatch.setattr(stream, "_cleaned", meanwhile)
    result = _fix(runner, monkeypatch, [path], chunk=30)
    assert result.exit_code == 2
    assert "deleted while it was being fixed; nothing written" in result.stderr
    assert not path.exists() and not list(tmp_path.iterdir())


def test_strict_json_lines_in_place_are_all_or_nothing(runner, monkeypatch, tmp_path):
    """--strict on a large JSON Lines file fixed in chunks: with a bad
    record the file is left as it was, with the messages of the file read
    whole; with none it is fixed as read whole."""
    whole_path, chunked_path = _pair(tmp_path, "a.jsonl", RECORDS.encode())
    monkeypatch.chdir(tmp_path / "chunked")
    chunked = _fix(runner, monkeypatch, ["a.jsonl"], "--jsonl", "--strict", chunk=40)
    monkeypatch.chdir(tmp_path / "whole")
    whole = _fix(runner, monkeypatch, ["a.jsonl"], "--jsonl", "--strict")
    assert whole.exit_code == chunked.exit_code == 2
    assert whole.stderr == unchunked(chunked.stderr)
    assert "(--strict: file left unchanged)" in chunked.stderr
    assert chunked_path.read_bytes() == whole_path.read_bytes() == RECORDS.encode()
    good = b'{"id": 1, "text": "\xd9\x82\xd8\xa7\xd9\x84 \xd8\x8c \xd8\xab\xd9\x85"}\n' * 30
    whole_path.write_bytes(good)
    chunked_path.write_bytes(good)
    monkeypatch.chdir(tmp_path / "chunked")
    chunked = _fix(runner, monkeypatch, ["a.jsonl"], "--jsonl", "--strict", chunk=40)
    monkeypatch.chdir(tmp_path / "whole")
    whole = _fix(runner, monkeypatch, ["a.jsonl"], "--jsonl", "--strict")
    assert whole.exit_code == chunked.exit_code == 0
    assert chunked_path.read_bytes() == whole_path.read_bytes() != good
