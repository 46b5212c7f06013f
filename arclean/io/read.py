"""Reading files byte for byte and decoding them strictly.

A `Source` remembers what is needed to write the text back as it came: the
byte order mark; line endings (LF, CRLF or a mix) and a missing final newline
survive because the text is never translated.  Nothing here prints or exits:
problems are raised as `arclean.errors.InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from arclean.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"


class BinaryFile(InputError):
    """The input holds NUL bytes: not text (or UTF-16); callers skip it with a warning."""


@dataclass(frozen=True)
class Source:
    """A decoded text and what is needed to write it back as it was.

    `name` labels messages (a path, or ``-``/the ``--stdin-filename`` for
    stdin); `text` is the whole document; `bom` is whether a UTF-8 byte order
    mark preceded it.
    """

    name: str
    text: str
    bom: bool = False

    def encode(self, text: str) -> bytes:
        """`text` (this document, fixed) as UTF-8 bytes, with the BOM if it had one."""
        data = text.encode("utf-8")
        return UTF8_BOM + data if self.bom else data


def decode(data: bytes, name: str) -> Source:
    """Decode the bytes of one document (`name` labels messages) as strict UTF-8.

    Raises `BinaryFile` when `data` holds a NUL byte, and `InputError` for
    invalid UTF-8, naming the byte offset and line (with a hint when the bytes
    look like Windows-1256), so the user can find it.
    """
    if b"\x00" in data:
        raise BinaryFile(f"{name}: contains NUL bytes, looks binary (or UTF-16); skipped")
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(UTF8_BOM) if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        bad = data[offset : offset + 4].hex(" ")
        hint = ""
        if _looks_like_cp1256(body):
            hint = (
                " It looks like Windows-1256 (cp1256): convert it first,"
                " e.g. iconv -f CP1256 -t UTF-8."
            )
        raise InputError(
            f"{name}: not valid UTF-8 at byte offset {offset} (line {line}): bytes {bad}; "
            f"the file was left untouched.{hint}"
        ) from None
    return Source(name, text, bom)


def _looks_like_cp1256(data: bytes) -> bool:
    # Arabic letters in cp1256 are 0xC1-0xFE; in UTF-8 they never stand alone.
    high = sum(1 for b in data[:4096] if b >= 0xC1)
    try:
        data[:4096].decode("cp1256")
    except UnicodeDecodeError:
        return False
    return high > 10


def read_source(path: str | Path) -> Source:
    """Read and decode the file at `path` (see `decode`).

    Raises `InputError` when it is missing, a folder, unreadable or not UTF-8,
    and `BinaryFile` when it holds NUL bytes.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return decode(data, name)
