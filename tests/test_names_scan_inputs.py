"""`names scan` reads its inputs as `fix` does: text that is not UTF-8 (cp1256,
damaged bytes, NUL bytes) is an error naming the file, the byte offset and
the line, exit 2, never "no name variants found" with exit 0; a bad file
does not stop the others from being scanned; a file with NUL bytes found by
walking a folder is skipped with a warning; `review` does not start on part
of the texts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

ARABIC = "قال وزير الخارجية إن المحادثات مستمرة.\n"
CP1256 = ARABIC.encode("cp1256")
DAMAGED = ARABIC.encode() + b"\xff\xfe bad\n"
NUL = ARABIC.encode() + b"\x00\x01\n"


def scan(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "arclean", "names", *args],
        input=stdin,
        capture_output=True,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (CP1256, "Windows-1256 (cp1256) Arabic: arclean names reads UTF-8 only"),
        (DAMAGED, "not valid UTF-8 at byte offset 71 (line 2)"),
        (NUL, "contains NUL bytes"),
    ],
)
def test_bad_text_piped_in_is_an_error(data, said):
    r = scan("scan", "-", stdin=data)
    assert r.returncode == 2, r.stderr
    assert said in r.stderr and "not scanned" in r.stderr
    assert "no name variants" not in r.stdout + r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (CP1256, "b.txt: not valid UTF-8 at byte offset 0 (line 1)"),
        (DAMAGED, "b.txt: not valid UTF-8 at byte offset 71 (line 2)"),
        (NUL, "b.txt: contains NUL bytes"),
    ],
)
def test_a_bad_file_named_is_an_error_and_the_others_are_scanned(tmp_path, data, said):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(data)
    r = scan("scan", "--tier", "auto", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert r.returncode == 2
    assert said in r.stderr
    assert "فيدان" in r.stdout  # the seed was scanned all the same


def test_nul_bytes_found_by_walking_a_folder_are_a_warning(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "c.txt").write_bytes(NUL)
    r = scan("scan", "--tier", "auto", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "warning:" in r.stderr and "c.txt: contains NUL bytes" in r.stderr
    assert "فيدان" in r.stdout


def test_review_does_not_start_on_part_of_the_texts(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(CP1256)
    glossary = tmp_path / "g.toml"
    r = scan("review", "--glossary", str(glossary), str(tmp_path))
    assert r.returncode == 2
    assert "b.txt: not valid UTF-8" in r.stderr and "review again" in r.stderr
    assert not glossary.exists()


def test_a_good_file_in_utf8_with_a_bom_is_scanned(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + Path(SEED).read_bytes())
    r = scan("scan", "--tier", "auto", str(path))
    assert r.returncode == 0, r.stderr
    assert "فيدان" in r.stdout


def test_stdin_named_twice_is_read_once():
    r = scan("scan", "--tier", "auto", "-", "-", stdin=Path(SEED).read_bytes())
    assert r.returncode == 0, r.stderr
    assert "فيدان" in r.stdout and "no name variants" not in r.stdout


def test_a_utf16_file_named_is_not_told_about_an_option_scan_lacks(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(ARABIC.encode("utf-16"))
    r = scan("scan", str(path))
    assert r.returncode == 2
    assert "--encoding" not in r.stderr and "iconv -f UTF-16" in r.stderr


def test_a_missing_path_is_named_and_the_others_are_scanned(tmp_path):
    r = scan("scan", "--tier", "auto", str(tmp_path / "missing.txt"), str(SEED))
    assert r.returncode == 2
    assert "missing.txt: no such file or directory" in r.stderr
    assert "فيدان" in r.stdout
