"""The -j worker pool: forked workers start with the parent's resolver."""

from __future__ import annotations

import sys

import pytest

from arclean import pool
from arclean.resolver import Resolver, RunOptions

DIRTY = "قال الوزير ، ثم, غادر\n"


def test_a_forked_worker_takes_the_parents_resolver_without_its_progress():
    parent = Resolver(RunOptions(isolated=True))
    parent.progress = lambda done, total: None
    try:
        pool._INHERIT = parent
        pool._init_worker(parent.options, None, 0)
        assert pool._WORKER is parent
        assert parent.progress is None and parent.on_inputs is None
        # Other options (a pool started elsewhere): the worker builds its own.
        pool._init_worker(RunOptions(isolated=True, select=("AR101",)), None, 0)
        assert pool._WORKER is not parent
        assert pool._WORKER.options.select == ("AR101",)
    finally:
        pool._INHERIT = pool._WORKER = None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_parallel_results_are_the_serial_ones_in_order(tmp_path):
    names = []
    for i in range(7):
        path = tmp_path / f"f{i}.txt"
        path.write_text(DIRTY * (i + 1) if i % 3 else "نص سليم\n", encoding="utf-8")
        names.append(str(path))
    names.append(str(tmp_path / "missing.txt"))
    resolver = Resolver(RunOptions(isolated=True))

    def shape(results):
        return [(r.name, r.changed, r.error is not None, len(r.changes)) for r in results]

    serial = shape(pool.process_files(names, "preview", resolver, keep_text=True, jobs=1))
    parallel = shape(pool.process_files(names, "preview", resolver, keep_text=True, jobs=2))
    assert parallel == serial
    assert [name for name, *_ in serial] == names
    assert pool._INHERIT is None  # not left behind for a later pool
