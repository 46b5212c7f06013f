"""Reading files byte for byte and writing them atomically.

What comes in goes out unchanged except for the fixes: the byte order mark,
line endings (LF, CRLF or a mix), a missing final newline and the file's
permissions all survive.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from arclean.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"


class BinaryFile(InputError):
    """The file holds NUL bytes: not text; it is skipped."""


@dataclass(frozen=True)
class Source:
    """A decoded text and what is needed to write it back as it was."""

    name: str
    text: str
    bom: bool = False

    def encode(self, text: str) -> bytes:
        data = text.encode("utf-8")
        return UTF8_BOM + data if self.bom else data


def decode(data: bytes, name: str) -> Source:
    """Decode UTF-8 strictly.  A NUL byte means binary; invalid UTF-8 is an
    error naming the byte offset and line, so the user can find it."""
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


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace the file's contents with `data`, all at once: a temporary file
    in the same folder, flushed to disk, then renamed over the original.  The
    original's permissions are kept, and a symbolic link stays a link (its
    target is rewritten).  On any error the original is untouched."""
    import tempfile

    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".arclean", dir=target.parent
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot write: {exc.strerror or exc}; the file was left untouched"
        ) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
