"""Configuration files: ``.arclean.toml``, ``arclean.toml``, or
``[tool.arclean]`` in ``pyproject.toml``.

For each file arclean works on, the nearest configuration up from its folder
wins (no merging between files, as in ruff). Paths inside a configuration are
relative to the file that names them. Command-line options override it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arclean._toml import toml
from arclean.errors import ConfigError
from arclean.ruleset.model import PROFILES
from arclean.ruleset.selection import SHORTHANDS, validate_options

if TYPE_CHECKING:
    from arclean.ruleset import RuleSet

CONFIG_NAMES = (".arclean.toml", "arclean.toml", "pyproject.toml")

#: Every key a configuration may hold, with its type and what it means.
KEYS: dict[str, tuple[type[Any], str]] = {
    "select": (list, "rules to run, replacing the profile's choice (codes, prefixes, groups)"),
    "extend-select": (list, "rules to add to the selection"),
    "ignore": (list, "rules to leave out"),
    "profile": (str, "default or search"),
    "unsafe-fixes": (bool, "also apply fixes that may change meaning"),
    "rules": (list, "extra rule files, relative to this configuration"),
    "glossaries": (list, "name glossaries, relative to this configuration"),
    "exclude": (list, "gitignore-style patterns of paths to skip, relative to this configuration"),
    "per-file-ignores": (dict, "gitignore-style pattern → rules to leave out for matching files"),
    "formats": (dict, "file extension → format name (arclean.formats.format_names())"),
    "front-matter-keys": (list, "Markdown front-matter keys whose one-line values are prose"),
    "options": (dict, "options of built-in rules, by option name, e.g. convention = 'majority'"),
    "quote-style": (str, "unify quotes (turns AR110 on): guillemets, curly-rtl or straight"),
    "tanween": (str, "tanween-fatha position (AR205): majority, before-alef or on-alef"),
    "digits": (str, "unify digits (turns AR702 on): western or arabic-indic"),
}
#: Shorthand key → (built-in option it sets, rule it turns on or None, allowed values).
_SHORTHANDS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    key: (short.option, short.turns_on, short.allowed) for key, short in SHORTHANDS.items()
}


@dataclass(frozen=True)
class Config:
    """Resolved settings of one configuration file (or the defaults)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def paths(self, key: str) -> list[str]:
        return [str(self.root / p) for p in self.values.get(key, [])]

    @property
    def options(self) -> dict[str, Any]:
        options = dict(self.values.get("options", {}))
        for key, (option, _, _) in _SHORTHANDS.items():
            if key in self.values:
                options[option] = self.values[key]
        return options

    @property
    def implied_select(self) -> list[str]:
        """Rules that a shorthand such as `quote-style` turns on."""
        return [rule for key, (_, rule, _) in _SHORTHANDS.items() if rule and key in self.values]

    def source(self, key: str) -> str:
        if key in self.values and self.path is not None:
            return str(self.path)
        return "default"

    def is_excluded(self, path: str | Path) -> bool:
        patterns = self.values.get("exclude", [])
        return bool(patterns) and _matches(path, patterns, self.root)

    def ignores_for(self, path: str | Path) -> list[str]:
        result: list[str] = []
        for pattern, codes in self.values.get("per-file-ignores", {}).items():
            if _matches(path, [pattern], self.root):
                result.extend(codes)
        return result


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """`patterns` compiled once, with the semantics of lines of a .gitignore:
    a test of a ``/``-separated path relative to the patterns' folder.
    Raises `ValueError` for an invalid pattern."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns).match_file


def _matches(path: str | Path, patterns: list[str], root: Path) -> bool:
    """Does `path` match `patterns`, read as the lines of a ``.gitignore``
    file in the folder `root`?

    As in git: ``*`` and ``?`` stop at ``/``; a pattern with a ``/`` at its
    start or in its middle is anchored at `root` (``docs/*.md`` matches
    ``docs/a.md`` but not ``docs/sub/a.md``; ``/docs`` only `root`'s own
    ``docs``), one without (``vendor``, ``*.srt``) matches at any depth;
    ``**`` spans folders; a trailing ``/`` matches folders only; matching a
    folder matches everything in it; ``!`` re-includes.  A path outside
    `root` never matches.
    """
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        try:
            relative = absolute.relative_to(Path(os.path.abspath(root))).as_posix()
        except ValueError:
            return False
    return _spec(tuple(patterns))(relative)


def _validate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: unknown key '{key}' (known keys: {known})")
        kind, _ = KEYS[key]
        if not isinstance(value, kind):
            allowed = (
                PROFILES if key == "profile" else _SHORTHANDS[key][2] if key in _SHORTHANDS else ()
            )
            choices = f" (one of: {', '.join(allowed)})" if allowed else ""
            raise ConfigError(f"{path}: '{key}' must be a {kind.__name__}{choices}, not {value!r}")
        if kind is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: '{key}' must be a list of strings")
        values[key] = value
    for key, (_, _, allowed) in _SHORTHANDS.items():
        if key in values and values[key] not in allowed:
            raise ConfigError(
                f"{path}: '{key}' must be one of {', '.join(allowed)}, not {values[key]!r}"
            )
    if values.get("profile", "default") not in PROFILES:
        raise ConfigError(
            f"{path}: 'profile' must be one of: {', '.join(PROFILES)}, not {values['profile']!r}"
        )
    if "options" in values:
        values["options"] = validate_options(values["options"], str(path))
    for pattern, codes in values.get("per-file-ignores", {}).items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{path}: per-file-ignores '{pattern}' must be a list of rule codes")
    for key, patterns in (
        ("exclude", values.get("exclude", [])),
        ("per-file-ignores", list(values.get("per-file-ignores", {}))),
    ):
        for pattern in patterns:
            try:
                _spec((pattern,))
            except (ValueError, re.error) as exc:
                # re.error's message counts positions in the regular expression
                # pathspec built, not in the pattern: give its cause only.
                reason = getattr(exc, "msg", None) or str(exc)
                raise ConfigError(
                    f"{path}: {key} pattern {pattern!r} is not valid: {reason} "
                    "(patterns follow the .gitignore syntax; see the README)"
                ) from None
    from arclean.formats import format_names

    for ext, name in values.get("formats", {}).items():
        if name not in format_names():
            raise ConfigError(
                f"{path}: formats '{ext}' = {name!r} is not a format "
                f"(choose from: {', '.join(format_names())})"
            )
    return values


def load_config(path: Path) -> Config:
    """Read and validate one configuration file (a regular file: a FIFO or a
    device is refused).  Errors never quote the file's content."""
    from arclean.errors import InputError
    from arclean.io.read import read_source

    try:
        data = toml().loads(read_source(path).text)
    except toml().TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    except InputError as exc:
        message = str(exc).removeprefix(f"{path}: ")
        raise ConfigError(f"{path}: cannot read: {message}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        data = tool.get("arclean") if isinstance(tool, dict) else None
        if data is None:
            return Config()
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.arclean] must be a table")
    values = _validate(data, path)
    for key in ("rules", "glossaries"):
        for entry in values.get(key, []):
            _confined(path, key, entry)
    return Config(path, values)


def _confined(path: Path, key: str, entry: str) -> None:
    """Refuse a path in a configuration that leads out of its folder (by
    ``..``, an absolute path or a symbolic link)."""
    folder = os.path.realpath(path.parent)
    target = os.path.realpath(path.parent / entry)
    if os.path.commonpath([folder, target]) != folder:
        raise ConfigError(
            f"{path}: '{key}' entry {entry!r} is outside the configuration's folder; "
            "refused (name it on the command line instead)"
        )


def trusted(path: Path) -> bool:
    """Is the configuration file at `path` owned by the user running arclean
    or by root?  A file another user could write is not applied."""
    if not hasattr(os, "getuid"):
        return True
    try:
        owner = path.stat().st_uid
    except OSError:
        return False
    return owner in (os.getuid(), 0)


class ConfigFinder:
    """Finds the configuration for each file: the nearest one up from its
    folder. Results are cached per folder."""

    def __init__(self, explicit: str | None = None, isolated: bool = False) -> None:
        self._cache: dict[Path, Config] = {}
        #: Configuration files found but not applied, as messages for the
        #: command line to show (taken and emptied by `take_warnings`).
        self.warnings: list[str] = []
        self._explicit = load_config(Path(explicit)) if explicit else None
        if self._explicit is not None and self._explicit.path is None:
            raise ConfigError(f"{explicit}: holds no [tool.arclean] table")
        self._isolated = isolated

    def for_path(self, path: str | Path | None) -> Config:
        if self._explicit is not None:
            return self._explicit
        if self._isolated:
            return Config()
        folder = Path(os.path.abspath(path)).parent if path not in (None, "-") else Path.cwd()
        return self._for_folder(folder)

    def _for_folder(self, folder: Path) -> Config:
        if folder in self._cache:
            return self._cache[folder]
        found = Config()
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if not trusted(candidate):
                    self.warnings.append(
                        f"{candidate}: owned by another user; ignored (only your own "
                        "configuration files, or root's, are applied; --config names one)"
                    )
                    continue
                config = load_config(candidate)
                if config.path is not None:
                    found = config
                    break
        else:
            parent = folder.parent
            if parent != folder:
                found = self._for_folder(parent)
        self._cache[folder] = found
        return found

    def take_warnings(self) -> list[str]:
        """The warnings gathered since the last call."""
        taken, self.warnings = self.warnings, []
        return taken


def check_selectors(ruleset: RuleSet, config: Config, profile: str = "default") -> None:
    """Raise `ConfigError` naming the configuration file and key when one of
    its selectors (``select``, ``extend-select``, ``ignore``, the codes of
    ``per-file-ignores``) names no rule of `ruleset`, or when one of
    ``select`` and ``extend-select`` matches only rules of another profile
    than `profile` (`FoldsOnlySelector`)."""
    from arclean.errors import FoldsOnlySelector, SelectorError

    if config.path is None:
        return
    entries = [
        (key, s) for key in ("select", "extend-select", "ignore") for s in config.get(key, [])
    ]
    entries += [
        (f"per-file-ignores '{pattern}'", s)
        for pattern, codes in config.get("per-file-ignores", {}).items()
        for s in codes
    ]
    for key, selector in entries:
        try:
            ruleset.matching(selector)
            folds = ruleset.only_other_profile(selector, profile) if "select" in key else ()
        except SelectorError as exc:
            raise ConfigError(f"{config.path}: {key}: {exc}") from None
        if folds:
            advice = FoldsOnlySelector(selector, folds, profile).advice('profile = "search"')
            raise ConfigError(f"{config.path}: {key}: {advice}")
