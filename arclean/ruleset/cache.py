"""A cache of the validated shipped rules, so that start-up does not parse
and validate every rule file on each run.

- **Off unless asked for.**  `directory` is None by default: a library or
  API call never reads or writes the user's home.  The command line sets it
  (`arclean.cli.main`).  ``ARCLEAN_NO_CACHE=1`` turns the cache off even then.
- **Keyed by code as well as data.**  The key hashes the source of the code
  that builds the cached values (`CODE`: the rule loader's package, the
  built-ins' registry, the character classes; arclean's version instead
  when a source file cannot be read), the schema (the fields of `Rule` and
  `Example` with their types, and the built-ins' registry) and every
  shipped rule file's name and bytes: a change to any of them is a new key,
  never a stale hit, in a checkout as well as in a release.  Reading those
  files costs well under a millisecond; the version would cost
  ``importlib.metadata`` (15-30 ms of start-up).
- **Stored by field name.**  The file holds the field names next to the
  values, and is used only when those names are exactly `Rule`'s fields.
- **Shipped.**  A wheel carries the cache of its own rules (written at
  build time by ``hatch_build.py``), found by the same key: the first run
  after an install, or every run of a CI job with an empty cache folder,
  reads it instead of parsing the rule files.
- **Plain data.**  Values are stored with `marshal`: nothing in the cache is
  executed.  A damaged or unreadable file is ignored.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from arclean.ruleset.model import Rule

#: Where the cache lives (a folder, created when first written); None, the
#: default, means no cache.
directory: str | os.PathLike[str] | None = None

#: Bump when the layout of the stored data changes.
_FORMAT = 3

#: The source files (relative to the ``arclean`` package, folders meaning
#: their ``*.py``) whose code shapes the cached rules.
CODE = ("ruleset", "builtins/registry.py", "chars.py", "_toml.py", "locations.py")


def user_directory() -> str:
    """The per-user cache folder: ``$XDG_CACHE_HOME/arclean`` or
    ``~/.cache/arclean``.  A string: the command line sets it at start-up,
    where importing pathlib would cost `arclean --help` time."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "arclean")


def active_directory() -> Path | None:
    """`directory`, unless ``ARCLEAN_NO_CACHE`` is set (to anything but
    ``""`` or ``0``)."""
    if directory is None or os.environ.get("ARCLEAN_NO_CACHE", "") not in ("", "0"):
        return None
    from pathlib import Path

    return Path(directory)


def schema_fingerprint() -> str:
    """The shape of what is cached: `Rule`'s and `Example`'s field names and
    types, and the built-ins' registry."""
    from dataclasses import fields

    from arclean.builtins.registry import fingerprint
    from arclean.ruleset.model import Example, Rule

    shape = [
        (cls.__name__, [(f.name, str(f.type)) for f in fields(cls)]) for cls in (Rule, Example)
    ]
    return f"{_FORMAT}:{shape!r}:{fingerprint()}"


def code_fingerprint() -> bytes:
    """The bytes of the `CODE` files, each after its path; arclean's version
    when one of them cannot be read (an install without sources)."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent
    parts: list[bytes] = []
    try:
        for name in CODE:
            where = package / name
            files = sorted(where.glob("*.py")) if where.is_dir() else [where]
            for file in files:
                parts += [file.relative_to(package).as_posix().encode(), file.read_bytes()]
    except OSError:
        from arclean.version import version

        return version().encode()
    return b"\0".join(parts)


def hasher(data: bytes = b"", digest_size: int = 32) -> Any:
    """A BLAKE2b hash object over `data`, from hashlib's own module, without
    loading OpenSSL (2 ms of start-up): what every cache key is made with."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter without it
        from hashlib import blake2b
    return blake2b(data, digest_size=digest_size)


def key_for(rules_dir: Path) -> str:
    """The cache key of the rule files in `rules_dir` (a hex digest)."""
    digest = hasher(code_fingerprint() + b"\0" + schema_fingerprint().encode())
    for file in sorted(rules_dir.iterdir()):
        if file.is_file():
            digest.update(b"\0" + file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _field_names() -> tuple[str, ...]:
    from dataclasses import fields

    from arclean.ruleset.model import Rule

    return tuple(f.name for f in fields(Rule))


def shipped(key: str) -> Path:
    """Where a wheel ships the cache of its own rules (written when the wheel
    is built, by ``hatch_build.py``): beside this module."""
    from pathlib import Path

    return Path(__file__).resolve().parent / f"rules-{key}.marshal"


def load(key: str) -> list[Rule] | None:
    """The rules stored under `key`, or None: no cache, no entry, a damaged
    file, or one stored for other fields.  The copy a wheel ships comes
    first: a first run (an empty cache folder, a CI job) parses no rule file."""
    where = active_directory()
    if where is None:
        return None
    for path in (shipped(key), where / f"rules-{key}.marshal"):
        rules = _read(path)
        if rules is not None:
            return rules
    return None


def _read(path: Path) -> list[Rule] | None:
    import marshal

    from arclean.ruleset.model import Example, Rule

    try:
        data = marshal.loads(path.read_bytes())
        names, rows = data["fields"], data["rules"]
        if tuple(names) != _field_names():
            return None
        rules = []
        for row in rows:
            values: dict[str, Any] = dict(zip(names, row, strict=True))
            values["examples"] = tuple(Example(*e) for e in values["examples"])
            rules.append(Rule(**values))
        return rules
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return None


def store(key: str, rules: list[Rule]) -> None:
    """Store `rules` under `key`, if the cache is on; a folder that cannot be
    written means no cache, not an error."""
    where = active_directory()
    if where is None:
        return
    import contextlib

    with contextlib.suppress(OSError, ValueError):  # a read-only home: no cache, no harm
        write(where / f"rules-{key}.marshal", rules)


def write(path: Path, rules: list[Rule]) -> None:
    """`rules` into `path`, atomically (the user's cache, and the copy a
    wheel ships: ``hatch_build.py``).  Raises OSError, ValueError."""
    import marshal

    names = _field_names()
    rows = [
        tuple(
            tuple((e.input, e.output) for e in rule.examples)
            if name == "examples"
            else getattr(rule, name)
            for name in names
        )
        for rule in rules
    ]
    write_bytes(path, marshal.dumps({"fields": list(names), "rules": rows}))


def write_bytes(path: Path, data: bytes) -> None:
    """`data` into `path` through a temporary file beside it (a reader never
    sees half a file; the temporary file is removed on failure).  Raises
    OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        import contextlib

        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
