"""The installed distribution's version: `pyproject.toml` is its one home."""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """arclean's version from the installed metadata (``importlib.metadata``,
    imported on first use); ``0+unknown`` when arclean runs from a checkout
    that is not installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("arclean")
    except PackageNotFoundError:
        return "0+unknown"
