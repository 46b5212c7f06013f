"""The TOML parser, imported on first use (tomllib, or tomli before 3.11)."""

from __future__ import annotations

import sys
from types import ModuleType


def toml() -> ModuleType:
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli  # pragma: no cover - Python 3.10

    return tomli  # pragma: no cover
