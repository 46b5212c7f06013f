"""The README's rule table quotes each rule's audited rate: it must be the
rate today's rules give on the corpus (`scripts/audit.py` writes it; a rule
change that moves a rate without re-running the audit leaves the README
wrong, as it once was for AR190: 40.17 shown, 29.99 measured)."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_the_readme_table_is_todays_audit() -> None:
    spec = importlib.util.spec_from_file_location("arclean_audit", REPO / "scripts" / "audit.py")
    assert spec is not None and spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    sys.modules["arclean_audit"] = audit
    try:
        spec.loader.exec_module(audit)
        args = argparse.Namespace(max_chars=600_000, chunk=100)
        tally, used, _seconds = audit.audit(args)
        expected = audit.readme_table(tally, used)
    finally:
        del sys.modules["arclean_audit"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split(audit.README_START, 1)[1].split(audit.README_END, 1)[0].strip()
    assert shown == expected.strip(), "run `PYTHONPATH=. python scripts/audit.py` and commit"
