"""The names evaluation script (`scripts/eval_names.py`) loaded as a
module, for the tests that check it: one home for the loader."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def eval_module() -> ModuleType:
    """`scripts/eval_names.py`, imported (registered as ``eval_names``)."""
    spec = importlib.util.spec_from_file_location("eval_names", ROOT / "scripts" / "eval_names.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_names"] = mod
    spec.loader.exec_module(mod)
    return mod
