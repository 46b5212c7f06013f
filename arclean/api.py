"""The Python API: `Cleaner` is what the command line, the tests and Dask use.

>>> cleaner = Cleaner()
>>> cleaner("قال ، ثم")
'قال، ثم'
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arclean.engine import Engine, Outcome
from arclean.errors import Unencodable
from arclean.formats import Format, StructureChanged, get_format
from arclean.ruleset import INDEX_PROFILES, Rule, RuleSet
from arclean.ruleset.selection import validate_options, with_options
from arclean.text.edits import Finding
from arclean.text.spans import Span

if TYPE_CHECKING:
    from arclean.names.glossary import Glossary
    from arclean.structure import Verify


def _require_str(text: object) -> None:
    """`TypeError`, saying what to do, unless `text` is a `str`."""
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"Cleaner takes text (str), not {type(text).__name__}: decode it first, "
            "for example data.decode('utf-8')"
        )
    raise TypeError(f"Cleaner takes text (str), not {type(text).__name__}")


class Cleaner:
    """Cleans Arabic text with a fixed choice of rules.

    Build one and reuse it: rules are loaded and compiled once.

    - `profile`: ``"default"`` (what an editor accepts) or ``"search"`` (folds
      hard for indexes and NLP; implies `unsafe_fixes`).
    - `select` replaces the profile's choice; `extend_select` adds to it;
      `ignore` removes from it.  Each entry is a code (``AR101``), a code
      prefix (``AR1``), a group (``punct``), a slug or ``ALL``; a string is
      one selector or several, comma-separated (``"AR101,AR102"``).  ``ALL``
      and other broad selectors leave out the search profile's folds (unless
      the profile is ``search``) and, of two rules that undo each other (a
      rule file's ``conflicts``), keep one; naming both raises
      `SelectorError`.
    - `rule_files`: extra rule files in arclean's TOML format.
    - `unsafe_fixes`: also apply fixes marked unsafe (otherwise they are
      only reported).
    - `format`: ``plain``, or another format name: rules then run only
      inside its prose.
    - `glossaries`: name glossaries whose rewrites are applied: paths of
      glossary files (TOML), or `Glossary` objects built in memory
      (`arclean.names.glossary`); a file that cannot be read or does not
      validate raises `GlossaryError`.
    - `front_matter_keys`: in Markdown, front-matter keys (``title``) whose
      one-line values are prose; front matter is otherwise never touched.
    - `options`: options of built-in rules by name (``{"convention": "majority"}``);
      each applies to every active rule that declares it.  They are checked
      at once against what the built-ins declare: an unknown name or a bad
      value raises `ConfigError`.

    A single path, glossary or key may be given alone instead of a list
    (``rule_files="house.toml"``); None means none.  A value of another
    type raises `TypeError` naming the parameter.
    """

    def __init__(
        self,
        *,
        profile: str = "default",
        select: str | Sequence[str] | None = None,
        extend_select: str | Sequence[str] | None = (),
        ignore: str | Sequence[str] | None = (),
        rule_files: str | Path | Sequence[str | Path] | None = (),
        unsafe_fixes: bool | None = None,
        format: str = "plain",
        glossaries: str | Path | Glossary | Sequence[str | Path | Glossary] | None = (),
        options: dict[str, Any] | None = None,
        front_matter_keys: str | Sequence[str] | None = (),
        ruleset: RuleSet | None = None,
    ) -> None:
        select = _selectors(select, "select") if select is not None else None
        extend_select = _selectors(extend_select, "extend_select")
        ignore = _selectors(ignore, "ignore")
        # one path or one key given alone is that one, not its characters
        rule_files = _items(rule_files, "rule_files", "paths")
        glossaries = _items(glossaries, "glossaries", "paths or Glossary objects")
        front_matter_keys = _items(front_matter_keys, "front_matter_keys", "key names")
        self.settings: dict[str, Any] = {
            "profile": profile,
            "select": tuple(select) if select is not None else None,
            "extend_select": tuple(extend_select),
            "ignore": tuple(ignore),
            "rule_files": tuple(str(p) for p in rule_files),
            "unsafe_fixes": unsafe_fixes,
            "format": format,
            # a copy of each Glossary object: one changed after this cleaner
            # is built changes neither it nor the copies workers rebuild
            "glossaries": tuple(
                str(p) if isinstance(p, (str, Path)) else copy.deepcopy(p) for p in glossaries
            ),
            "options": dict(options or {}),
            "front_matter_keys": tuple(front_matter_keys),
        }
        options = validate_options(options or {}, "Cleaner(options=...)")
        self._rebuildable = ruleset is None
        self.ruleset = ruleset if ruleset is not None else RuleSet.load(rule_files)
        self.rules: list[Rule] = self.ruleset.select(
            profile=profile, select=select, extend_select=extend_select, ignore=ignore
        )
        if glossaries:
            from arclean.names.rules import glossary_sources, load_glossaries

            options["glossaries"] = glossary_sources(glossaries)
            loaded = load_glossaries(options["glossaries"])  # bad glossaries fail now, once
            if profile in INDEX_PROFILES:
                options["glossaries"] = self._folded(loaded)
        if options:
            self.rules = [with_options(rule, options) for rule in self.rules]
        #: The output is a search index (`INDEX_PROFILES`), not an edited text.
        self.index = profile in INDEX_PROFILES
        if unsafe_fixes is None:
            unsafe_fixes = self.index
        self.unsafe_fixes = unsafe_fixes
        self.format: Format = get_format(format, tuple(front_matter_keys))
        self.engine = Engine(self.rules, unsafe_fixes=unsafe_fixes, index=self.index)
        self._by_code = {r.code: r for r in self.ruleset.rules}

    def __repr__(self) -> str:
        """The settings that differ from the defaults and the number of
        active rules: ``Cleaner(profile='search', rules=31)``."""
        defaults: dict[str, Any] = {
            "select": None,
            "unsafe_fixes": None,
            "format": "plain",
            "options": {},
        }
        shown = [
            f"{key}={value!r}"
            for key, value in self.settings.items()
            if value != defaults.get(key, ()) and (key != "profile" or value != "default")
        ]
        return f"Cleaner({', '.join([*shown, f'rules={len(self.rules)}'])})"

    def _folded(self, glossaries: Sequence[Glossary]) -> tuple[Any, ...]:
        """`glossaries` folded by this index profile's other rules
        (`folded_glossary`), as the ``glossaries`` option holds them."""
        from arclean.names.glossary import folded_glossary
        from arclean.names.rules import glossary_sources

        fold = Cleaner(
            ruleset=self.ruleset,
            profile=self.settings["profile"],
            select=[r.code for r in self.rules if r.group != "names"],
            unsafe_fixes=True,
            options=self.settings["options"],
        )
        return glossary_sources([folded_glossary(g, fold) for g in glossaries])

    @classmethod
    def from_rules(cls, rules: Iterable[Rule], **kwargs: Any) -> Cleaner:
        """A cleaner that runs exactly `rules` (all of them)."""
        ruleset = RuleSet()
        for rule in rules:
            ruleset.add(rule)
        return cls(ruleset=ruleset, select=["ALL"] if ruleset.rules else [], **kwargs)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild from settings on the other side (Dask workers, processes):
        # compiled patterns are cheaper to rebuild than to ship.
        if not self._rebuildable:
            return (_restore, (self.__dict__,))
        return (_rebuild, (self.settings,))

    def rule(self, code: str) -> Rule:
        return self._by_code[code]

    def __call__(self, text: str) -> str:
        """The cleaned text, and nothing else (faster: changes are not tracked).
        Raises `TypeError` when `text` is not a `str`."""
        _require_str(text)
        # Neither changes nor findings are wanted: the check-only rules do not run.
        return self._fix(text, self.format.prose_spans(text), False, report=False).text

    def fix(self, text: str, *, track: bool = True, encoding: str = "utf-8") -> Outcome:
        """Apply the fixes to `text`.  The result carries the new text, every
        change (in the coordinates of `text`; not recorded with
        ``track=False``) and the findings that remain.  `encoding` is the
        one the text will be written in: a change that writes a character it
        has no byte for (cp1256) is left out, as a finding that says so, like
        a change that would alter a document's structure.  Raises
        `TypeError` when `text` is not a `str`."""
        _require_str(text)
        return self._fix(text, self.format.prose_spans(text), track, encoding=encoding)

    def _fix(
        self,
        text: str,
        spans: list[Span],
        track: bool,
        *,
        report: bool = True,
        encoding: str = "utf-8",
    ) -> Outcome:
        outcome = self.engine.fix(text, spans, track=track, report=report)
        if outcome.changed:
            verify = self._verifier(text, encoding)
            try:
                verify(text, outcome.text)
            except (StructureChanged, Unencodable):
                first = outcome if track else None
                return self._without_structure_changes(text, spans, report, first, verify)
        return outcome

    def _verifier(self, text: str, encoding: str) -> Verify:
        """The format's `verify`, which also refuses an output that
        `encoding` cannot hold (`Unencodable`), when it holds `text`."""
        if encoding.startswith("utf"):
            return self.format.verify
        from arclean.io.encodings import no_byte_for

        if no_byte_for(text, encoding):
            return self.format.verify

        def verify(before: str, after: str) -> None:
            self.format.verify(before, after)
            why = no_byte_for(after, encoding)
            if why:
                raise Unencodable(why)

        return verify

    def _without_structure_changes(
        self,
        text: str,
        spans: list[Span],
        report: bool,
        tracked: Outcome | None,
        verify: Verify,
    ) -> Outcome:
        """The fix of `text` without the changes `verify` refuses (they would
        change its structure, or hold a character the output encoding lacks:
        `arclean.structure`), which become findings; raises the format's
        `StructureChanged` when no such split exists.  `tracked` is the fix
        already made with its changes tracked, if there is one (the rules run
        again otherwise)."""
        from arclean.structure import without_structure_changes

        if tracked is None:
            tracked = self.engine.fix(text, spans, track=True, report=False)

        def rerun(code: str) -> Outcome:  # the same fix without the rule `code`
            rules = [rule for rule in self.rules if rule.code != code]
            engine = Engine(rules, unsafe_fixes=self.unsafe_fixes, index=self.index)
            return engine.fix(text, spans, track=True, report=False)

        partial = without_structure_changes(text, tracked, verify, self._message, rerun)
        if partial is None:
            verify(text, tracked.text)  # raises StructureChanged
            raise AssertionError("verify accepted what it refused")  # pragma: no cover
        if not report:
            return partial
        found = self.engine.remaining(partial.text, self.format.prose_spans(partial.text))
        both = sorted([*found, *partial.findings], key=lambda f: (f.start, f.code))
        return dataclasses.replace(partial, findings=both)

    def check(self, text: str, *, encoding: str = "utf-8") -> list[Finding]:
        """Everything the rules report on `text`, without changing it: each
        change a fix would make (one `fix` would leave out is not fixable:
        see `fix` for `encoding`), and the check-only findings.  Raises
        `TypeError` when `text` is not a `str`."""
        _require_str(text)
        # The prose spans (a full Markdown parse for .md) are found once, for
        # the fixes and the reporters alike.
        spans = self.format.prose_spans(text)
        outcome = self._fix(text, spans, track=True, encoding=encoding)
        # One finding per change: when several rules made one change, the
        # first is reported and the others are named in its message.
        findings = [
            Finding(
                change.start,
                change.end,
                change.codes[0],
                self._message(change.codes),
                self._by_code[change.codes[0]].level
                if change.codes[0] in self._by_code
                else "info",
                fixable=True,
                old=change.old,
                new=change.new,
                applicability="unsafe"
                if any(self._safety(c) == "unsafe" for c in change.codes)
                else "safe",
            )
            for change in outcome.changes
            if change.codes
        ]
        findings += outcome.left_out  # would change the structure (or encoding): not applied
        for finding in self.engine.report(text, spans):
            if finding.new is not None:  # an unsafe fix `fix` does not apply
                safety = self._safety(finding.code)
                finding = dataclasses.replace(
                    finding,
                    applicability=safety,
                    fixable=safety == "safe" or self.unsafe_fixes,
                )
            findings.append(finding)
        findings.sort(key=lambda f: (f.start, f.code))
        return findings

    def unknown_control_codes(self, text: str) -> list[tuple[int, str]]:
        """``(offset, selector)`` for each code in an ``arclean-disable``,
        ``-enable`` or ``-disable-next-line`` comment of `text` that names no
        rule, group or prefix (``AR9999``): such a comment disables nothing."""
        if "arclean-" not in text:
            return []
        from arclean.errors import SelectorError
        from arclean.formats._common import CONTROL_RE, parse_codes
        from arclean.text.spans import ALL_RULES

        unknown = []
        for match in CONTROL_RE.finditer(text):
            for code in sorted(parse_codes(match.group(2)) - {ALL_RULES}):
                try:
                    self.ruleset.matching(code)
                except SelectorError:
                    unknown.append((match.start(), code))
        return unknown

    def _message(self, codes: Sequence[str]) -> str:
        first = self._by_code.get(codes[0])
        message = first.message if first is not None else codes[0]
        return message + (f" (with {', '.join(codes[1:])})" if len(codes) > 1 else "")

    def _safety(self, code: str) -> str:
        rule = self._by_code.get(code)
        return rule.safety if rule is not None else "safe"

    def hidden_fixes(self) -> list[Rule]:
        """The active rules whose fixes are not applied (unsafe, without
        `unsafe_fixes`): `check` reports them, `fix` leaves them."""
        if self.unsafe_fixes:
            return []
        return [r for r in self.rules if r.fixes and r.safety == "unsafe"]


def _selectors(value: str | Sequence[str] | None, name: str) -> list[str]:
    """Selectors given as a list, or as one string (``"punct"``,
    ``"AR101,AR102"``); None is none.  Raises TypeError naming the
    parameter for anything else."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    items = list(_items(value, name, "rule codes or group names"))
    if not all(isinstance(item, str) for item in items):
        raise TypeError(f"Cleaner({name}=...) takes rule codes or group names as strings")
    return items


def _items(value: Any, name: str, what: str) -> tuple[Any, ...]:
    """`value` as a tuple: a list or tuple as it is, one string, path or
    `Glossary` as one item, None as none.  Raises TypeError naming the
    parameter for anything else (``Cleaner(ignore=5)``)."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(value)
    if isinstance(value, (str, PathLike)):
        return (value,)
    from arclean.names.glossary import Glossary

    if isinstance(value, Glossary):
        return (value,)
    if isinstance(value, (dict, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"Cleaner({name}=...) takes a list of {what}, not {type(value).__name__}")
    return tuple(value)


def _rebuild(settings: dict[str, Any]) -> Cleaner:
    return Cleaner(**settings)


def _restore(state: dict[str, Any]) -> Cleaner:
    cleaner = Cleaner.__new__(Cleaner)
    cleaner.__dict__.update(state)
    return cleaner
