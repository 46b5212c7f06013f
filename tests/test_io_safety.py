"""Data is never lost: every write completes or fails loudly, files are
replaced atomically with their metadata, and only regular files are read or
replaced (issue 12, "Data lost")."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from arclean.errors import InputError
from arclean.io import read_source, write_all, write_atomic
from arclean.io.write import temp_name

REPO = Path(__file__).resolve().parents[1]
FIXABLE = "قال ، ثم مضى\n"
FIXED = "قال، ثم مضى\n"


def cli(*args: str, stdin: bytes | None = None, prelude: str = "", timeout: float = 60):
    """Run the real command line in a subprocess (after `prelude`, Python)."""
    code = prelude + "\nfrom arclean.cli.app import main\nmain()\n"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".arclean"))


# -- every byte, or an error --------------------------------------------------


def test_write_all_loops_over_short_writes(monkeypatch, tmp_path):
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:3])))
    path = tmp_path / "a.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        write_all(fd, FIXED.encode() * 50)
    finally:
        os.close(fd)
    assert path.read_text(encoding="utf-8") == FIXED * 50


def test_a_write_that_writes_nothing_is_an_error_not_a_loop(monkeypatch):
    monkeypatch.setattr(os, "write", lambda fd, data: 0)
    with pytest.raises(OSError):
        write_all(1, b"x")


def test_stdout_short_writes_still_deliver_everything():
    data = (FIXABLE * 20000).encode()
    prelude = (
        "import os\n_w = os.write\n"
        "os.write = lambda fd, b: _w(fd, bytes(b[:1000])) if fd == 1 else _w(fd, b)\n"
    )
    result = cli("fix", stdin=data, prelude=prelude)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (FIXED * 20000).encode()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("unbuffered", ["0", "1"])
def test_a_full_disk_on_stdout_exits_2_with_a_clear_message(unbuffered):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "arclean", "fix"],
            input=(FIXABLE * 1000).encode(),
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": unbuffered},
        )
    assert result.returncode == 2
    assert b"No space left on device" in result.stderr
    assert b"internal error" not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_under_check_is_not_an_internal_error():
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "arclean", "check", "-"],
            input=(FIXABLE * 1000).encode(),
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    assert result.returncode == 2
    assert b"internal error" not in result.stderr


def test_a_reader_that_closes_the_pipe_is_never_a_success(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(FIXABLE * 50000, encoding="utf-8")
    script = f'"{sys.executable}" -m arclean fix < "{big}" | head -c 100 > /dev/null; '
    script += 'echo "status=${PIPESTATUS[0]}" >&2'
    result = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    # the exit of a process SIGPIPE stopped: never 0, nor 1 ("changes needed")
    assert b"status=141" in result.stderr, result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr


@pytest.mark.parametrize(
    "data", [b"\xd9\x82\xd8\xa7\xd9\x84\x00 \xd8\x8c\n", "قال ،\n".encode("utf-16")]
)
def test_nul_bytes_or_utf16_on_stdin_never_give_empty_output_and_success(data):
    result = cli("fix", stdin=data)
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"NUL" in result.stderr


def test_utf16_on_stdin_is_fixed_with_its_encoding():
    result = cli("fix", "--encoding", "utf-16", stdin="قال ،\n".encode("utf-16"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "قال،\n".encode("utf-16")


# -- atomic replacement --------------------------------------------------------


def test_a_failed_write_leaves_the_file_whole_and_no_temporary(monkeypatch, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(InputError, match="No space left"):
        write_atomic(path, b"new")
    assert path.read_text(encoding="utf-8") == FIXABLE
    assert leftovers(tmp_path) == []


def test_glossaries_are_written_atomically(monkeypatch, tmp_path):
    from arclean.names.glossary import Glossary

    path = tmp_path / "g.toml"
    path.write_text("# the old glossary\n", encoding="utf-8")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(InputError):
        Glossary().save(path)
    assert path.read_text(encoding="utf-8") == "# the old glossary\n"
    assert leftovers(tmp_path) == []


def test_a_glossary_into_a_missing_folder_is_a_clear_error(tmp_path):
    from arclean.names.glossary import Glossary

    with pytest.raises(InputError, match="does not exist"):
        Glossary().save(tmp_path / "missing" / "g.toml")


def test_a_file_changed_after_reading_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    source = read_source(path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("سطر جديد\n")
    with pytest.raises(InputError, match="changed while"):
        write_atomic(path, source.encode(FIXED), expect=source.stamp)
    assert path.read_text(encoding="utf-8") == FIXABLE + "سطر جديد\n"


def test_a_file_changed_during_the_write_is_refused_before_the_rename(monkeypatch, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    source = read_source(path)
    real_fsync = os.fsync

    def meanwhile(fd):
        real_fsync(fd)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("سطر جديد\n")

    monkeypatch.setattr(os, "fsync", meanwhile)
    with pytest.raises(InputError, match="changed while"):
        write_atomic(path, source.encode(FIXED), expect=source.stamp)
    assert path.read_text(encoding="utf-8").endswith("سطر جديد\n")
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_root_keeps_the_owner_of_a_fixed_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    os.chown(path, 12345, 23456)
    result = cli("fix", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == FIXED
    st = path.stat()
    assert (st.st_uid, st.st_gid) == (12345, 23456)


def test_an_owner_that_cannot_be_kept_is_refused(monkeypatch, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    real = os.fstat

    def other_owner(fd):  # the temporary file seems to belong to someone else
        st = list(real(fd))
        st[stat.ST_UID] += 1
        return os.stat_result(st)

    def refuse(*args):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "fstat", other_owner)
    monkeypatch.setattr(os, "fchown", refuse)
    with pytest.raises(InputError, match="owned by user"):
        write_atomic(path, FIXED.encode())
    assert path.read_text(encoding="utf-8") == FIXABLE
    assert leftovers(tmp_path) == []


def test_extended_attributes_are_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    try:
        os.setxattr(path, "user.arclean", b"kept")
    except (OSError, AttributeError):
        pytest.skip("this file system has no user extended attributes")
    write_atomic(path, FIXED.encode())
    assert os.getxattr(path, "user.arclean") == b"kept"


def test_permissions_are_kept_and_read_only_files_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, FIXED.encode())
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    path.write_text(FIXABLE, encoding="utf-8")
    path.chmod(0o444)
    result = cli("fix", str(path))
    assert result.returncode == 2
    assert b"read-only" in result.stderr
    assert path.read_text(encoding="utf-8") == FIXABLE
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_hard_links_are_never_split(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    os.link(path, tmp_path / "b.txt")
    result = cli("fix", str(path))
    assert result.returncode == 2
    assert b"hard links" in result.stderr
    assert os.path.samefile(path, tmp_path / "b.txt")
    assert path.read_text(encoding="utf-8") == FIXABLE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = cli("fix", str(fifo), timeout=30)
    assert result.returncode == 2
    assert b"FIFO" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/null", "/dev/stdin", "/proc/self/environ"])
def test_devices_and_process_files_are_refused_by_name(tmp_path, name):
    if not os.path.exists(name):
        pytest.skip(f"{name} does not exist here")
    victim = tmp_path / "f.txt"
    victim.write_text(FIXABLE, encoding="utf-8")
    with victim.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "arclean", "fix", name],
            stdin=stdin,
            capture_output=True,
            timeout=30,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    assert result.returncode == 2
    assert b"not a regular file" in result.stderr
    assert victim.read_text(encoding="utf-8") == FIXABLE


def test_a_240_byte_file_name_can_be_fixed(tmp_path):
    path = tmp_path / ("ن" * 118 + ".txt")  # 236 + 4 bytes
    assert len(os.fsencode(path.name)) == 240
    path.write_text(FIXABLE, encoding="utf-8")
    assert len(os.fsencode(Path(temp_name(path)).name)) <= 255
    write_atomic(path, FIXED.encode())
    assert path.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == []


# -- signals and workers -------------------------------------------------------

_MAIN = "from arclean.cli.app import main\nmain()\n"
_SLOW_FSYNC = (
    "import os, time\n"
    "_f = os.fsync\n"
    "def _slow(fd):\n"
    "    _f(fd)\n"
    "    open(os.environ['ARCLEAN_TEST_READY'], 'w').close()\n"
    "    time.sleep(60)\n"
    "os.fsync = _slow\n"
)
# The same in a worker only: with -j the parent cleans the first file itself
# before it forks the workers (arclean.pool.process_files).
_SLOW_FSYNC_IN_WORKER = _SLOW_FSYNC.replace(
    "    _f(fd)\n", "    _f(fd)\n    if os.getpid() == _parent:\n        return\n"
).replace("_f = os.fsync", "_f, _parent = os.fsync, os.getpid()")


def _wait_for(path: Path, proc: subprocess.Popen[bytes], bound: float = 30) -> None:
    deadline = time.monotonic() + bound
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "never got there"
        time.sleep(0.05)


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path, signame):
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    ready = tmp_path / "ready"
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_FSYNC + _MAIN, "fix", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO), "ARCLEAN_TEST_READY": str(ready)},
    )
    _wait_for(ready, proc)
    assert leftovers(tmp_path)  # the temporary file is there, mid-write
    proc.send_signal(getattr(signal, signame))
    proc.communicate(timeout=30)
    assert proc.returncode == 128 + getattr(signal, signame)
    assert leftovers(tmp_path) == []
    assert path.read_text(encoding="utf-8") == FIXABLE


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_their_parent_and_clean_up(tmp_path):
    names = []
    for i in range(4):
        path = tmp_path / f"f{i}.txt"
        path.write_text(FIXABLE, encoding="utf-8")
        names.append(str(path))
    ready = tmp_path / "ready"
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_FSYNC_IN_WORKER + _MAIN, "fix", "-j", "2", *names],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO), "ARCLEAN_TEST_READY": str(ready)},
    )
    _wait_for(ready, proc)
    workers = _children(proc.pid)
    assert workers
    proc.kill()  # kill -9: no chance to tell anyone
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 30
    while alive := [w for w in workers if _alive(w)]:
        assert time.monotonic() < deadline, f"workers {alive} outlived their parent"
        time.sleep(0.1)
    assert leftovers(tmp_path) == []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_worker_is_a_clear_error_not_an_internal_one(tmp_path):
    names = []
    for i in range(4):
        path = tmp_path / f"f{i}.txt"
        path.write_text(FIXABLE, encoding="utf-8")
        names.append(str(path))
    prelude = (  # a worker dies; the parent (which cleans the first file) does not
        "import os, signal\n_f, _parent = os.fsync, os.getpid()\n"
        "os.fsync = lambda fd: _f(fd) if os.getpid() == _parent else os.kill(os.getpid(), 9)\n"
    )
    result = cli("fix", "-j", "2", *names, prelude=prelude)
    assert result.returncode == 2
    assert b"worker process" in result.stderr
    assert b"internal error" not in result.stderr


def test_changes_of_a_file_left_untouched_are_not_counted(tmp_path):
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text(FIXABLE * 3, encoding="utf-8")
    locked.chmod(0o444)
    result = cli("fix", "--isolated", "--statistics", str(tmp_path))
    assert result.returncode == 2
    assert b"read-only" in result.stderr
    # One change in a.txt; the three b.txt would have taken were not made.
    counts = [line.split() for line in result.stderr.decode().splitlines() if "AR101" in line]
    assert [line[:2] for line in counts] == [["1", "AR101"]], result.stderr
    assert locked.read_text(encoding="utf-8") == FIXABLE * 3
