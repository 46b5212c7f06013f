"""Name glossaries: TOML files of canonical spellings, their variants,
context conditions and remembered rejections.

    version = 1
    fold = "arclean-fold-v1"

    [[entity]]
    canonical = "كييف"
    variants = ["كيف"]
    type = "LOC"
    context_any = ["أوكرانيا", "الأوكرانية"]   # rewrite only near one of these

    [[reject]]
    pair = ["حسن", "حسين"]                     # never merge these two
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from arclean.chars import TATWEEL, fold
from arclean.errors import ArcleanError

if TYPE_CHECKING:
    from arclean.names.model import Cluster

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FOLD_VERSION = "arclean-fold-v1"
ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
_ENTITY_KEYS = {"canonical", "variants", "type", "context_any", "note"}


class GlossaryError(ArcleanError):
    """A glossary file cannot be read or does not validate."""

    def __init__(self, path: str, message: str, line: int | None = None, entry: int | None = None):
        self.path, self.line, self.entry = path, line, entry
        where = f"{path}:{line}" if line else path
        what = f" (entity #{entry})" if entry else ""
        super().__init__(f"{where}{what}: {message}")


@dataclass
class Entry:
    """One name: its canonical spelling and the spellings to rewrite."""

    canonical: str
    variants: list[str] = field(default_factory=list)
    type: str | None = None
    context_any: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class Glossary:
    """Entries and rejected pairs, from one file (or built in memory)."""

    entries: list[Entry] = field(default_factory=list)
    rejections: list[tuple[str, str]] = field(default_factory=list)
    path: str | None = None

    def rejected(self, a: str, b: str) -> bool:
        """True when the user said `a` and `b` are different names."""
        if not self.rejections:
            return False
        fa, fb = fold(a), fold(b)
        return any({fold(x), fold(y)} == {fa, fb} for x, y in self.rejections)

    def add_rejection(self, a: str, b: str) -> None:
        """Remember that `a` and `b` are different names (once)."""
        if not self.rejected(a, b):
            self.rejections.append((a, b))

    def entry_for(self, canonical: str) -> Entry | None:
        """The entry with this exact canonical spelling, or None."""
        for e in self.entries:
            if e.canonical == canonical:
                return e
        return None

    def save(self, path: str | Path) -> None:
        """Write the glossary as TOML (UTF-8) to `path`, atomically (a full
        disk leaves the old glossary whole); raises `arclean.errors.InputError`."""
        from arclean.io.write import write_atomic

        write_atomic(path, self.dumps().encode("utf-8"), create=True)

    def dumps(self) -> str:
        """The glossary as TOML text that `loads_glossary` reads back to equal
        entries and rejections (its `path` is not written)."""
        entities: list[dict[str, object]] = []
        for e in self.entries:
            table: dict[str, object] = {"canonical": e.canonical}
            if e.type:
                table["type"] = e.type
            # as they are: a string where a list belongs is refused when read
            # back (`loads_glossary`), never split into one-letter variants
            table["variants"] = e.variants
            if e.context_any:
                table["context_any"] = e.context_any
            if e.note:
                table["note"] = e.note
            entities.append(table)
        data: dict[str, object] = {"version": 1, "fold": FOLD_VERSION}
        if entities:
            data["entity"] = entities
        if self.rejections:
            data["reject"] = [{"pair": [a, b]} for a, b in self.rejections]
        return tomli_w.dumps(data)


def _header_lines(text: str, table: str) -> list[int]:
    """Line numbers (1-based) of each ``[[table]]`` header, to point errors
    at the entry (tomllib does not keep positions)."""
    out = []
    for i, raw in enumerate(text.splitlines(), 1):
        s = raw.strip()
        if s.startswith("[[") and s[2:].split("]]", 1)[0].strip() == table:
            out.append(i)
    return out


def _str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


#: How errors name a glossary built in memory (`Glossary` objects given to
#: `Cleaner`): its TOML text is made here, so no line of it is named.
IN_MEMORY = "a Glossary built in memory"


def loads_glossary(text: str, path: str = "<glossary>") -> Glossary:
    """Parse and validate glossary TOML text.  Raises `GlossaryError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # the message ends with "(at line L, column C)"
        raise GlossaryError(path, f"invalid TOML: {exc}") from None
    version = data.get("version", 1)
    if version != 1:
        raise GlossaryError(path, f"unsupported glossary version {version!r} (expected 1)")
    fold_name = data.get("fold", FOLD_VERSION)
    if fold_name != FOLD_VERSION:
        raise GlossaryError(path, f"glossary was made for fold {fold_name!r}, not {FOLD_VERSION!r}")
    unknown = set(data) - {"version", "fold", "entity", "reject"}
    if unknown:
        raise GlossaryError(path, f"unknown top-level key(s): {', '.join(sorted(unknown))}")

    glossary = Glossary(path=path)
    ent_lines = _header_lines(text, "entity")
    entities = data.get("entity", [])
    if not isinstance(entities, list):
        raise GlossaryError(path, "`entity` must be an array of tables ([[entity]])")
    seen: dict[str, int] = {}
    for i, raw in enumerate(entities, 1):
        line = ent_lines[i - 1] if i - 1 < len(ent_lines) and path != IN_MEMORY else None

        def bad(msg: str, _line: int | None = line, _i: int = i) -> GlossaryError:
            return GlossaryError(path, msg, line=_line, entry=_i)

        extra = set(raw) - _ENTITY_KEYS
        if extra:
            raise bad(f"unknown key(s) {', '.join(sorted(extra))}")
        canonical = raw.get("canonical")
        if not isinstance(canonical, str) or not canonical.strip():
            raise bad("`canonical` must be a non-empty string")
        variants = raw.get("variants", [])
        if not _str_list(variants):
            raise bad("`variants` must be a list of non-empty strings")
        context = raw.get("context_any", [])
        if not _str_list(context):
            raise bad("`context_any` must be a list of non-empty strings")
        etype = raw.get("type")
        if etype is not None and etype not in ENTITY_TYPES:
            raise bad(f"`type` must be one of {', '.join(ENTITY_TYPES)}, not {etype!r}")
        if canonical in variants:
            raise bad(f"{canonical!r} is both the canonical form and a variant")
        if TATWEEL in canonical:
            # AR401 removes tatweel between letters and AR801 would put it
            # back: the fix would never settle
            raise bad(f"`canonical` {canonical!r} holds a tatweel (ـ): write the name without it")
        for v in variants:
            if v in seen and seen[v] != i:
                raise bad(f"variant {v!r} is already a variant of entity #{seen[v]}")
            seen[v] = i
        note = raw.get("note")
        glossary.entries.append(
            Entry(
                canonical=canonical.strip(),
                variants=[v.strip() for v in variants],
                type=etype,
                context_any=[c.strip() for c in context],
                note=note if isinstance(note, str) else None,
            )
        )
    _check_chains(glossary.entries, path, ent_lines)
    rej_lines = _header_lines(text, "reject")
    for i, raw in enumerate(data.get("reject", []), 1):
        pair = raw.get("pair")
        if not (_str_list(pair) and len(pair) == 2):
            line = rej_lines[i - 1] if i - 1 < len(rej_lines) else None
            raise GlossaryError(path, f"reject #{i}: `pair` must list two spellings", line=line)
        glossary.rejections.append((pair[0], pair[1]))
    return glossary


def _check_chains(entries: Sequence[Entry], path: str, lines: Sequence[int] = ()) -> None:
    """A canonical spelling that another entry lists as a variant makes the
    rewrites contradict each other (فيدان → فيان and فيان → فيدان) or chain
    (a fix that needs a second pass): refused, naming both entries."""
    variant_of: dict[str, int] = {}
    for i, e in enumerate(entries, 1):
        for v in e.variants:
            variant_of.setdefault(v, i)
    for i, e in enumerate(entries, 1):
        j = variant_of.get(e.canonical)
        if j is not None and j != i:
            other = entries[j - 1]
            kind = "contradicts" if other.canonical in e.variants else "chains with"
            where = f" (line {lines[j - 1]})" if j - 1 < len(lines) else ""
            raise GlossaryError(
                path,
                f"entity #{i} ({e.canonical} ← {', '.join(e.variants)}) {kind} entity #{j}"
                f"{where} ({other.canonical} ← {', '.join(other.variants)}):"
                f" {e.canonical!r} is a canonical spelling here and a variant there",
                line=lines[i - 1] if i - 1 < len(lines) else None,
                entry=i,
            )


def imperative_reading(variant: str, canonical: str) -> bool:
    """Is `variant` the bare-alef spelling of a name of the pattern أفعل
    (احمد for أحمد, اسعد, اكرم, اشرف)?  Bare, it is also the imperative of a
    verb, correctly spelled (hamzat wasl: «احمد ربك», praise your Lord), so
    only a text's own evidence may make it the name, never a glossary
    written for other texts."""
    return (
        len(variant) == len(canonical) == 4
        and variant[0] == "\N{ARABIC LETTER ALEF}"
        and canonical[0] == "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
        and variant[1:] == canonical[1:]
    )


def glossary_from_clusters(clusters: Sequence[Cluster], tier: str = "review") -> Glossary:
    """A glossary of the clusters' members at `tier` or better: with
    ``"auto"`` only the auto members (a review-tier guess such as جزأين in
    the جازان cluster never reaches a glossary written with ``--tier auto``),
    less the bare-alef spellings that are also an imperative
    (`imperative_reading`: احمد), which a person adds with ``names review``;
    with ``"review"`` or ``"all"`` the auto and review members.  Members
    without a tier (rejected, another word) are never written."""
    keep = {"auto"} if tier == "auto" else {"auto", "review"}
    g = Glossary()
    for cl in clusters:
        variants = [
            m.form
            for m in cl.variants
            if m.tier in keep and not (tier == "auto" and imperative_reading(m.form, cl.canonical))
        ]
        if variants:
            note = f"tier {cl.tier}; " + ", ".join(f"{m.form}:{m.count}" for m in cl.members)
            g.entries.append(Entry(cl.canonical, variants, cl.type, [], note))
    return g


def folded_glossary(glossary: Glossary, fold: Callable[[str], str]) -> Glossary:
    """`glossary` for a text that `fold` (a search profile's folds) will
    fold: each spelling folded, and a variant that folds to its canonical's
    spelling dropped (the folds make them one already; rewriting it back to
    a hamza or ة that the folds take away again would never settle:
    اوباما → أوباما → اوباما).  Rejections are kept as they are."""
    entries = []
    for entry in glossary.entries:
        canonical = fold(entry.canonical)
        variants = [v for v in dict.fromkeys(map(fold, entry.variants)) if v != canonical]
        if variants:
            entries.append(
                Entry(canonical, variants, entry.type, list(entry.context_any), entry.note)
            )
    return Glossary(entries, list(glossary.rejections), glossary.path)


def load_glossary(path: str | Path) -> Glossary:
    """Read and validate a glossary file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise GlossaryError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise GlossaryError(str(path), "not UTF-8 text") from None
    return loads_glossary(text, str(path))


def merge(glossaries: Sequence[Glossary]) -> Glossary:
    """One glossary from several; earlier files win on a conflicting variant."""
    out = Glossary()
    taken: set[str] = set()
    for g in glossaries:
        for e in g.entries:
            variants = [v for v in e.variants if v not in taken]
            taken.update(variants)
            out.entries.append(Entry(e.canonical, variants, e.type, list(e.context_any), e.note))
        out.rejections.extend(g.rejections)
    if len(glossaries) > 1:
        names = ", ".join(g.path or "<glossary>" for g in glossaries)
        _check_chains(out.entries, f"glossaries {names}")
    return out


@dataclass
class Merged:
    """What `merge_into` adds to an existing glossary: entries to append
    (one with a canonical spelling the glossary already has carries only
    the new variants) and one line per finding it left out."""

    added: list[Entry] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def new_variants(self) -> int:
        """How many spellings the appended entries rewrite."""
        return sum(len(e.variants) for e in self.added)


def merge_into(kept: Glossary, found: Glossary) -> Merged:
    """What a scan `found` adds to `kept` (an existing glossary: a person's
    decisions, which stay as they are and win).  A found entry disagreeing
    with `kept` is left out whole: its canonical spelling is a variant
    there, or one of its variants is a canonical spelling there or a
    variant of another one.  A variant `kept` already rewrites the same way
    is dropped silently; one `kept` rejects for that canonical spelling is
    left out.  Each left-out finding is one line of `Merged.conflicts`."""
    canonicals = {e.canonical for e in kept.entries}
    target = {v: e.canonical for e in kept.entries for v in e.variants}
    result = Merged()
    for e in found.entries:
        shown = f"{e.canonical} ← {', '.join(e.variants)}"
        clash = next(
            (v for v in e.variants if v in canonicals or target.get(v, e.canonical) != e.canonical),
            None,
        )
        if e.canonical in target:
            why = f"the glossary rewrites {e.canonical} into {target[e.canonical]}"
        elif clash in canonicals:
            why = f"the glossary keeps {clash} as a spelling of its own"
        elif clash is not None:
            why = f"the glossary rewrites {clash} into {target[clash]}"
        else:
            why = ""
        if why:
            result.conflicts.append(f"{shown}: {why}")
            continue
        new = []
        for v in e.variants:
            if v in target:
                continue  # the glossary says the same
            if kept.rejected(e.canonical, v):
                result.conflicts.append(f"{e.canonical} ← {v}: the glossary rejects this pair")
                continue
            new.append(v)
            target[v] = e.canonical
        if new:
            result.added.append(Entry(e.canonical, new, e.type, list(e.context_any), e.note))
    return result


def merge_file(path: str | Path, found: Glossary) -> Merged:
    """Add what a scan `found` to the glossary file at `path` (see
    `merge_into`): its text is kept byte for byte, comments included, and
    the new entries are appended, atomically; the file is not written when
    nothing is new.  Raises `GlossaryError` (the file cannot be read or does
    not validate) and `arclean.errors.InputError` (it cannot be written)."""
    from arclean.io.write import write_atomic

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise GlossaryError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise GlossaryError(str(path), "not UTF-8 text") from None
    merged = merge_into(loads_glossary(text, str(path)), found)
    if merged.added:
        tables = Glossary(merged.added).dumps().split("\n", 2)[2]  # without version, fold
        text = f"{text.rstrip()}\n\n{tables.lstrip()}"
        loads_glossary(text, str(path))  # still valid: checked before the write
        write_atomic(path, text.encode("utf-8"), create=True)
    return merged
