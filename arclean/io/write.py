"""Writing a file back atomically, keeping its permissions.

A reader of the file sees the old contents or the new ones, never a part; on
any error the original is left as it was.  Nothing here prints or exits.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from arclean.errors import InputError


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace the contents of the existing file at `path` with the bytes `data`.

    All at once: a temporary file in the same folder, flushed to disk, then
    renamed over the original.  The original's permissions are kept, and a
    symbolic link stays a link (its target is rewritten).  Raises
    `InputError` when the file cannot be written; the original is then
    untouched and no temporary file is left behind.
    """
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
