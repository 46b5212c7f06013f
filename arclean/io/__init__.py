"""Input and output of documents: `read` decodes bytes strictly (in the
encodings of `encodings`), `write` replaces files atomically and writes
every byte, `discover` walks folders for the files to work on.

Nothing in this package prints, exits, or writes anywhere but the path it
was given.
"""

from arclean.io.read import UTF8_BOM, BinaryFile, Source, Stamp, decode, read_source
from arclean.io.write import remove_pending, write_all, write_atomic

__all__ = [
    "UTF8_BOM",
    "BinaryFile",
    "Source",
    "Stamp",
    "decode",
    "read_source",
    "remove_pending",
    "write_all",
    "write_atomic",
]
