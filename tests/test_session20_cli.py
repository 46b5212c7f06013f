"""Command-line details a tester found in session 20: the hint for a
binary file piped in, and a file name holding a line break in `check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from arclean.cli.app import cli
from arclean.io.encodings import UTF16_HINT, decode_as
from arclean.io.read import BinaryFile


@pytest.mark.parametrize(
    "data",
    [b"\x7fELF\x02\x01\x01" + b"\x00" * 40 + b"\x02\x00>\x00" * 20, b"\x00\x01\x00\x00" * 50],
)
def test_a_binary_file_gets_no_utf16_hint(data: bytes) -> None:
    with pytest.raises(BinaryFile) as info:
        decode_as(data, "-", "utf-8", BinaryFile)
    assert UTF16_HINT not in str(info.value)


def test_utf16_text_still_gets_the_hint() -> None:
    with pytest.raises(BinaryFile) as info:
        decode_as("قال ، ثم\nhello world\n".encode("utf-16-le"), "-", "utf-8", BinaryFile)
    assert UTF16_HINT in str(info.value)


@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_a_name_with_a_line_break_stays_on_its_line(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "n\nl.txt").write_text("قال ، ثم\n", encoding="utf-8")
    args = ["check", "--isolated", "--output-format", fmt, str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith('"') and "n\\nl.txt" in first and "AR101" in first
