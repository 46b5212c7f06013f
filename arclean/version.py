"""The installed distribution's version: `pyproject.toml` is its one home."""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """arclean's version from the installed metadata; ``0+unknown`` when
    arclean runs from a checkout that is not installed.

    The ``arclean-*.dist-info`` folder beside the package is read directly
    (a wheel install: what a hook runs, without the 10-30 ms that
    ``importlib.metadata`` costs to import); anything else asks
    ``importlib.metadata``."""
    import os

    site = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        infos = [
            n for n in os.listdir(site) if n.startswith("arclean-") and n.endswith(".dist-info")
        ]
    except OSError:
        infos = []
    if len(infos) == 1:
        try:
            with open(os.path.join(site, infos[0], "METADATA"), encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break
        except OSError:
            pass
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("arclean")
    except PackageNotFoundError:
        return "0+unknown"
