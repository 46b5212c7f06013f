"""`python bench/run.py` without the corpus: a clear message and exit 2,
before the wheel and the benchmark's environments are built (it ended on
the in-process script's argparse error, "the following arguments are
required: texts").  Only the argument check runs here, no benchmark."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

RUN = Path(__file__).resolve().parents[1] / "bench" / "run.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _never(*_args: object) -> None:
    raise AssertionError("the benchmark began building its environments")


@pytest.mark.parametrize("only", [[], ["--only", "throughput"], ["--only", "inprocess"]])
def test_a_missing_corpus_is_said_before_anything_is_built(tmp_path, monkeypatch, capsys, only):
    bench = _bench()
    corpus = tmp_path / "nope"
    monkeypatch.setattr(bench, "CORPUS", corpus)
    monkeypatch.setattr(bench, "TEXTS", {"news": corpus / "news" / "day.txt"})
    monkeypatch.setattr(bench, "build_wheel", _never)
    monkeypatch.setattr(sys, "argv", ["run.py", *only])
    assert bench.main() == 2
    said = capsys.readouterr().err
    assert said.startswith(f"bench: the corpus is missing: looked in {corpus} for news/day.txt")
    assert "ARCLEAN_CORPUS" in said and "--only startup" in said


def test_the_start_up_block_needs_no_corpus(tmp_path, monkeypatch) -> None:
    bench = _bench()
    monkeypatch.setattr(bench, "TEXTS", {"news": tmp_path / "day.txt"})
    assert bench.corpus_missing(["startup"]) is None
    (tmp_path / "day.txt").write_text("x", encoding="utf-8")
    assert bench.corpus_missing(["throughput", "inprocess"]) is None
