"""A file name that is not UTF-8 (an Arabic name from a cp1256 archive)
reaches JSON and SARIF reports as valid UTF-8: JSON as a ``\\udcXX``
escape (the name comes back with `os.fsencode`), SARIF as a percent-encoded
byte in the URI; never an internal error that loses every file's report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NAME = "مقال".encode("cp1256") + b".txt"


def _check(folder: Path, fmt: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arclean", "check", "--isolated", "--output-format", fmt, "."],
        capture_output=True,
        cwd=folder,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    try:
        (tmp_path / os.fsdecode(NAME)).write_text("قال ، ثم\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses a name that is not UTF-8")
    (tmp_path / "good.txt").write_text("قال ، ثم\n", encoding="utf-8")
    return tmp_path


def test_json_report_is_utf8_and_gives_the_name_back(folder: Path) -> None:
    result = _check(folder, "json")
    assert result.returncode == 1, result.stderr
    names = sorted(d["filename"] for d in json.loads(result.stdout.decode("utf-8")))
    assert [os.fsencode(n) for n in names] == sorted([NAME, b"good.txt"])


def test_sarif_report_percent_encodes_the_byte(folder: Path) -> None:
    result = _check(folder, "sarif")
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout.decode("utf-8"))
    uris = sorted(
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for res in log["runs"][0]["results"]
        for loc in res["locations"]
    )
    assert uris == ["%E3%DE%C7%E1.txt", "good.txt"]
