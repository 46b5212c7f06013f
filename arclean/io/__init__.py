"""Input and output of documents: `read` decodes bytes strictly, `write`
replaces files atomically, `discover` walks folders for the files to work on.

Nothing in this package prints, exits, or writes anywhere but the path it
was given.
"""

from arclean.io.read import UTF8_BOM, BinaryFile, Source, decode, read_source
from arclean.io.write import write_atomic

__all__ = ["UTF8_BOM", "BinaryFile", "Source", "decode", "read_source", "write_atomic"]
