"""Document formats: each one says where the prose is (see `arclean.formats.base`)."""

from arclean.formats.base import EXTENSIONS, Format, PlainText, StructureChanged, format_names
from arclean.formats.registry import format_for_path, get_format

__all__ = [
    "EXTENSIONS",
    "Format",
    "PlainText",
    "StructureChanged",
    "format_for_path",
    "format_names",
    "get_format",
]
