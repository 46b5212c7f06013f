"""Messages: right advice about encodings, `--encoding` that reads and
writes back, and no "internal error" for ordinary conditions (issue 12,
"Messages")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from arclean.errors import InputError
from arclean.io import decode

REPO = Path(__file__).resolve().parents[1]
ARABIC = "هذا نص عربي قديم مكتوب بترميز ويندوز ، وفيه فاصلة\n"


def arclean(*args: str, cwd: Path | None = None, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "arclean", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_real_cp1256_gets_the_cp1256_hint():
    with pytest.raises(InputError, match="Windows-1256") as caught:
        decode(ARABIC.encode("cp1256"), "f.txt")
    assert "--encoding cp1256" in str(caught.value)


def test_damaged_utf8_is_not_called_cp1256_and_lists_offsets():
    data = bytearray(ARABIC.encode("utf-8") * 3)
    for offset in (10, 40, 70, 100, 130, 160, 190):
        data[offset] = 0xFF
    with pytest.raises(InputError) as caught:
        decode(bytes(data), "f.txt")
    message = str(caught.value)
    assert "1256" not in message
    assert "damaged UTF-8" in message
    assert "Bad bytes at offsets 9, 10, 40, 70, 71 (12 bad bytes in all)" in message


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-16-le", "utf-16-be", "auto"])
def test_encoding_reads_and_writes_back_in_that_encoding(tmp_path, encoding):
    codec = {"auto": "cp1256"}.get(encoding, encoding)
    path = tmp_path / "a.txt"
    path.write_bytes(ARABIC.encode(codec))
    result = arclean("fix", "--isolated", "--encoding", encoding, str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == ARABIC.replace(" ،", "،").encode(codec)


def test_auto_keeps_a_utf16_bom_and_utf8():
    assert decode("قال\n".encode("utf-16"), "-", "auto").encoding.startswith("utf-16")
    assert decode("قال\n".encode(), "-", "auto").encoding == "utf-8"


def test_a_character_cp1256_cannot_hold_is_an_error_not_a_corruption():
    source = decode("قال\n".encode("cp1256"), "f.txt", "cp1256")
    with pytest.raises(InputError, match="cannot be written back in cp1256"):
        source.encode("قال \N{ARABIC LETTER ALEF WASLA}\n")


# -- no internal errors for ordinary conditions ---------------------------------


def test_diff_of_odd_file_names_is_not_an_internal_error(tmp_path):
    for name in (b"a\xff.txt", b"b\nc.txt"):
        (tmp_path / os.fsdecode(name)).write_text("قال ،\n", encoding="utf-8")
    result = arclean("fix", "--isolated", "--diff", ".", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert b"internal error" not in result.stderr
    assert b"--- a/a\xff.txt\n" in result.stdout
    assert b'--- "a/b\\nc.txt"\n' in result.stdout  # quoted as git quotes it


def test_a_file_named_twice_is_worked_on_once(tmp_path):
    (tmp_path / "a.txt").write_text("قال ،\n", encoding="utf-8")
    result = arclean("fix", "--isolated", "--diff", "a.txt", "a.txt", "./a.txt", cwd=tmp_path)
    assert result.stdout.count(b"@@") == 2  # one hunk header: "@@ ... @@"


def test_write_glossary_into_a_missing_folder_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("قال محمد ومحمد\n", encoding="utf-8")
    result = arclean(
        "names",
        "scan",
        "--write-glossary",
        str(tmp_path / "no" / "g.toml"),
        str(tmp_path / "a.txt"),
    )
    assert result.returncode == 2
    assert b"internal error" not in result.stderr
    assert b"does not exist" in result.stderr


def test_out_of_memory_is_a_message_not_a_bug(tmp_path):
    code = (
        "import arclean.pool as p, arclean.runner as r\n"
        "def boom(*a, **k):\n    raise MemoryError\n"
        "p.process_source = r.process_source = boom\n"
        "from arclean.cli.app import main\nmain()\n"
    )
    (tmp_path / "a.txt").write_text("قال ،\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", code, "fix", str(tmp_path / "a.txt")],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 2
    assert b"out of memory" in result.stderr and b"internal error" not in result.stderr


def test_latin1_capitals_are_not_taken_for_cp1256(tmp_path: Path) -> None:
    """Read as cp1256, Latin-1 capitals (É Ç Ù) are Arabic letters between
    ASCII letters: `--encoding auto` refuses such a file and leaves it as it
    was, instead of rewriting its ? into a ؟ byte (¿ in Latin-1)."""
    from arclean.io.encodings import looks_like_cp1256

    french = "GARÇON ÇA , ÉTÉ ?\nÇÀ ÊTRE  OÙ , DÛ ?\n".encode("latin-1")
    assert not looks_like_cp1256(french)
    assert looks_like_cp1256("قال الوزير ، إن Google ستفتح مكتبا ?\n".encode("cp1256") * 3)
    path = tmp_path / "fr.txt"
    path.write_bytes(french)
    result = arclean("fix", "--encoding", "auto", str(path))
    assert result.returncode == 2 and path.read_bytes() == french
