"""``-j``'s own forked workers (`arclean.pool._forked`, used when the
resolver says how a worker ends, as the command line's does, and no other
thread runs): the results of one process, in order; a worker that dies is
an error; a caller that stops early leaves no worker behind.  With another
test's thread running, `process_files` uses its `ProcessPoolExecutor`,
which must behave the same; the first test runs in a fresh interpreter,
where the forked workers are certain.  (The command line's runs with ``-j
2``: tests/test_jobs_round2.py, tests/test_io_safety.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_jobs_round2 import _corpus, fail_work_on

from arclean import pool
from arclean.errors import WorkerError
from arclean.resolver import Resolver, RunOptions

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")


_FRESH = """
import os, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from test_jobs_round2 import _corpus, fail_work_on
from arclean import pool
from arclean.resolver import Resolver, RunOptions
names = _corpus(Path(sys.argv[1]), 50)
resolver = Resolver(RunOptions(isolated=True))
resolver.worker_exit = os._exit
serial = list(pool.process_files(names, "preview", resolver, keep_text=True))
parallel = list(pool.process_files(names, "preview", resolver, keep_text=True, jobs=2))
assert parallel == serial and any(r.changed for r in serial)
assert "concurrent.futures" not in sys.modules  # forked by arclean, no executor
print("ok")
"""


def test_forked_workers_in_a_fresh_interpreter(tmp_path):
    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": str(here.parent), "ARCLEAN_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _FRESH, str(tmp_path), str(here)], env=env, capture_output=True
    )
    assert done.returncode == 0 and done.stdout == b"ok\n", done.stderr.decode()[-2000:]


def _resolver() -> Resolver:
    resolver = Resolver(RunOptions(isolated=True))
    resolver.worker_exit = os._exit  # what the command line gives
    return resolver


def _children() -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                found.add(int(entry))
    return found


@pytest.mark.parametrize("mode,keep_text,diff", [("preview", True, False), ("check", False, True)])
def test_forked_workers_give_the_results_of_one_process_in_order(tmp_path, mode, keep_text, diff):
    names = _corpus(tmp_path, 75)
    resolver = _resolver()
    serial = list(pool.process_files(names, mode, resolver, keep_text=keep_text, diff=diff))
    before = _children()
    parallel = list(
        pool.process_files(names, mode, resolver, keep_text=keep_text, jobs=3, diff=diff)
    )
    assert parallel == serial  # every field, in the order given
    assert any(r.changed for r in serial) and any(r.error for r in serial)
    assert _children() == before  # every worker waited for
    assert pool._INHERIT is None


def test_a_forked_worker_that_dies_is_an_error(tmp_path, monkeypatch):
    names = _corpus(tmp_path, 40)
    fail_work_on(monkeypatch, names[20], lambda: os._exit(9))  # killed by the system
    got = []
    with pytest.raises(WorkerError, match="stopped unexpectedly"):
        for result in pool.process_files(names, "preview", _resolver(), keep_text=False, jobs=2):
            got.append(result.name)
    assert got == names[: len(got)] and len(got) <= 20


def test_an_exception_in_a_forked_worker_is_raised_in_its_place(tmp_path, monkeypatch):
    names = _corpus(tmp_path, 30)

    def too_big():
        raise MemoryError("too big")

    fail_work_on(monkeypatch, names[10], too_big)
    got = []
    with pytest.raises(MemoryError, match="too big"):
        for result in pool.process_files(names, "preview", _resolver(), keep_text=False, jobs=2):
            got.append(result.name)
    assert got == names[: len(got)] and len(got) <= 10


def test_forked_workers_stopped_early_leave_nothing_behind(tmp_path):
    names = _corpus(tmp_path, 60)
    before = _children()
    results = pool.process_files(names, "preview", _resolver(), keep_text=False, jobs=2)
    first = [next(results) for _ in range(5)]
    results.close()  # the workers finish their batch, start no other, and are waited for
    assert [r.name for r in first] == names[:5]
    assert _children() == before
    assert pool._INHERIT is None
