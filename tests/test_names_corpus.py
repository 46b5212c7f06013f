"""Checks on the shared corpus (skipped when it is absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "ner").is_dir(), reason="shared corpus absent")


def test_eval_runs_on_dev(tmp_path: Path) -> None:
    out = tmp_path / "dev.json"
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_names.py"), "--split", "dev", "--seeds",
         "1", "--json", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert out.exists() and "recall" in out.read_text(encoding="utf-8")
