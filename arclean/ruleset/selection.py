"""Choosing rules: profiles, selectors, the order of groups, and options.

This module is the one home of the profile names (`PROFILES`), of the rule
groups and their code prefixes (`GROUP_PREFIXES`), and of the configuration
shorthands (`SHORTHANDS`: ``quote-style``, ``tanween``, ``digits``).  Option
values, from a configuration or from `Cleaner(options=...)`, are validated
here against the built-ins' declared schema (`arclean.builtins.registry`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from arclean.builtins.registry import BUILTINS, option_schema
from arclean.chars import lazy_compile
from arclean.errors import ConfigError, FoldsOnlySelector, RuleFileError, SelectorError
from arclean.ruleset.model import PROFILES, Rule, freeze

#: The profiles: ``default`` (what an editor accepts) and ``search`` (folds
#: hard for indexes and NLP).

#: Rule groups shipped with arclean, in the order `fix` applies them, with the
#: code prefix each one owns.
GROUP_PREFIXES: dict[str, str] = {
    # Encoding repair runs first: the other rules need real letters to see.
    "encoding": "AR90",
    "invisible": "AR6",
    "letters": "AR4",
    "alef": "AR3",
    "diacritics": "AR2",
    "punct": "AR1",
    "space": "AR5",
    "digits": "AR7",
    "names": "AR8",
    "boilerplate": "AR95",
}


class Shorthand(NamedTuple):
    """A configuration key that sets one built-in option: `option` of
    built-in `builtin`, turning rule `turns_on` on (None: on already)."""

    option: str
    turns_on: str | None
    builtin: str

    @property
    def allowed(self) -> tuple[str, ...]:
        """The values the option takes, from the built-in's declaration."""
        return BUILTINS[self.builtin].options[self.option].choices


#: Configuration shorthand key → the built-in option it sets.
SHORTHANDS: dict[str, Shorthand] = {
    "quote-style": Shorthand("style", "AR110", "quote-style"),
    "tanween": Shorthand("convention", None, "tanween-fatha-position"),
    "digits": Shorthand("target", "AR702", "unify-digits"),
}


def validate_options(options: Mapping[str, Any], source: str) -> dict[str, Any]:
    """Check options meant for every active built-in that declares them (a
    configuration's ``[options]``, `Cleaner(options=...)`) against each
    declaring built-in's schema; return them frozen (lists as tuples).

    Raises `ConfigError` naming `source` (a file path, or how the API was
    called) and the key: an unknown option, or a value of the wrong type or
    outside the allowed values, e.g. ``.arclean.toml: [options] convention =
    'bogus': must be one of majority, before-alef, on-alef``.
    """
    schema = option_schema()
    frozen: dict[str, Any] = {}
    for key, value in options.items():
        declared = schema.get(key)
        if declared is None:
            known = ", ".join(sorted(schema))
            hint = ""
            if key in SHORTHANDS:
                hint = f"; '{key}' is a configuration key, the option is '{SHORTHANDS[key].option}'"
            raise ConfigError(
                f"{source}: [options] unknown option '{key}' (known options: {known}){hint}"
            )
        for _, spec in declared:
            problem = spec.problem(value)
            if problem:
                raise ConfigError(f"{source}: [options] {key} = {value!r}: {problem}")
        frozen[key] = freeze(value)
    return frozen


def with_options(rule: Rule, options: Mapping[str, Any]) -> Rule:
    """`rule` with the given options where its built-in declares them (the
    others are left out); `options` are validated (`validate_options`)."""
    name = rule.function or rule.check
    if not name or name not in BUILTINS:
        return rule
    declared = BUILTINS[name].options
    current = dict(rule.options)
    changed = False
    for key, value in options.items():
        if key in declared:
            current[key] = freeze(value)
            changed = True
    if not changed:
        return rule
    return dataclasses.replace(rule, options=tuple(current.items()))


_CODE_PREFIX_RE = lazy_compile(r"\A[A-Z]{1,4}[0-9]{0,4}\Z")


@dataclass
class RuleSet:
    """All known rules, built-in and user-supplied, keyed by code."""

    rules: list[Rule] = field(default_factory=list)
    _by_code: dict[str, Rule] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_slug: dict[str, Rule] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for rule in self.rules:
            self._by_code.setdefault(rule.code, rule)
            self._by_slug.setdefault(rule.slug, rule)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), builtin: bool = True) -> RuleSet:
        """The shipped rules (unless `builtin` is false) and those of
        `extra_files`.  Raises `RuleFileError` for a file that does not
        validate or a code used twice."""
        from arclean.ruleset.loader import load_builtin_rules, load_rule_file

        rules = load_builtin_rules(lazy=True) if builtin else []
        for path in extra_files:
            rules.extend(load_rule_file(path))
        ruleset = cls()
        for rule in rules:
            ruleset.add(rule)
        ruleset.check_conflicts()
        return ruleset

    def check_conflicts(self) -> None:
        """Every code a rule's `conflicts` names must be a known rule; raises
        `RuleFileError` naming the rule file otherwise."""
        for rule in self.rules:
            for other in rule.conflicts:
                if other not in self._by_code:
                    raise RuleFileError(
                        rule.path,
                        f"conflicts names {other}, which is not a known rule",
                        line=rule.line,
                        code=rule.code,
                    )

    def add(self, rule: Rule) -> None:
        """Add `rule`; raises `RuleFileError` if its code is taken."""
        existing = self._by_code.get(rule.code)
        if existing is not None:
            raise RuleFileError(
                rule.path,
                f"code {rule.code} is already used at {existing.location}",
                line=rule.line,
                code=rule.code,
            )
        other = self._by_slug.get(rule.slug)
        if other is not None:
            raise RuleFileError(
                rule.path,
                f"slug {rule.slug!r} is already used by {other.code} at {other.location}",
                line=rule.line,
                code=rule.code,
            )
        self._by_slug[rule.slug] = rule
        self._by_code[rule.code] = rule
        self.rules.append(rule)

    @property
    def groups(self) -> list[str]:
        """The shipped groups in their order, then the user's groups."""
        seen = dict.fromkeys(GROUP_PREFIXES)
        seen.update(dict.fromkeys(r.group for r in self.rules))
        return [g for g in seen if any(r.group == g for r in self.rules) or g in GROUP_PREFIXES]

    def get(self, code: str) -> Rule:
        """The rule with this code (any case) or slug; raises `SelectorError`."""
        for rule in self.rules:
            if rule.code == code.upper() or rule.slug == code:
                return rule
        raise SelectorError(f"no rule {code!r}; `arclean rules list` shows them all")

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names: a code, a code prefix, a group or a slug.
        ``ALL`` names every rule.  Raises `SelectorError` when none match."""
        key = selector.strip()
        if key.upper() == "ALL":
            return list(self.rules)
        by_group = [r for r in self.rules if r.group == key.lower()]
        if by_group:
            return by_group
        by_slug = [r for r in self.rules if r.slug == key]
        if by_slug:
            return by_slug
        upper = key.upper()
        if _CODE_PREFIX_RE.match(upper):
            by_prefix = [r for r in self.rules if r.code.startswith(upper)]
            if by_prefix:
                return by_prefix
        raise SelectorError(
            f"{selector!r} selects no rule: use a code (AR101), a code prefix (AR1), "
            f"a group ({', '.join(self.groups)}) or ALL; `arclean rules list` shows them"
        )

    def names_one_rule(self, selector: str) -> bool:
        """Does `selector` name one rule by its code or slug (rather than
        sweep several: ``ALL``, a group, a code prefix)?"""
        key = selector.strip()
        return any(r.code == key.upper() or r.slug == key for r in self.rules)

    def only_other_profile(self, selector: str, profile: str) -> tuple[str, ...]:
        """The codes `selector` matches when it is a broad selector (not one
        rule's code or slug) that matches only rules of another profile than
        `profile` (`AR49`, the search folds, from the default profile): it
        takes none of them.  Empty otherwise.  Raises `SelectorError` for a
        selector that names no rule."""
        if self.names_one_rule(selector):
            return ()
        rules = self.matching(selector)
        if rules and all(r.belongs_to_other_profile(profile) for r in rules):
            return tuple(r.code for r in rules)
        return ()

    def select(
        self,
        *,
        profile: str = "default",
        select: Sequence[str] | None = None,
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> list[Rule]:
        """The active rules, in application order.

        Without `select`, the profile decides; `select` replaces that choice,
        `extend_select` adds to it and `ignore` removes from it.  A rule named
        by its code or slug is always taken; a broad selector (``ALL``, a
        group, a code prefix) leaves out the rules of another profile only
        (the search folds, seen from the default profile), and of two rules
        that conflict it keeps one (`resolve_conflicts`).  Raises
        `SelectorError` for an unknown profile, a selector naming no rule, or
        two conflicting rules both named by code, and `FoldsOnlySelector` for
        a broad selector that matches only another profile's rules.
        """
        if profile not in PROFILES:
            raise SelectorError(
                f"unknown profile {profile!r}; choose one of: {', '.join(PROFILES)}"
            )
        named: set[str] = set()

        def expand(selectors: Sequence[str]) -> set[str]:
            codes: set[str] = set()
            for selector in selectors:
                rules = self.matching(selector)
                if self.names_one_rule(selector):
                    named.update(r.code for r in rules)
                else:
                    # `AR49` from the default profile: folds for a search
                    # index, never an editor's fix unless named one by one
                    folds = self.only_other_profile(selector, profile)
                    if folds:
                        raise FoldsOnlySelector(selector, folds, profile)
                    rules = [r for r in rules if not r.belongs_to_other_profile(profile)]
                codes.update(r.code for r in rules)
            return codes

        if select is not None:
            chosen = expand(select)
        else:
            chosen = {r.code for r in self.rules if r.enabled_in(profile)}
        chosen |= expand(extend_select)
        chosen -= {r.code for s in ignore for r in self.matching(s)}
        chosen = self.resolve_conflicts(chosen, named & chosen, profile)
        return order_rules(r for r in self.rules if r.code in chosen)

    def resolve_conflicts(self, chosen: set[str], named: set[str], profile: str) -> set[str]:
        """`chosen` with one rule of each conflicting pair left out: a rule
        named by code beats one the profile turns on, which beats one a broad
        selector swept in; between equals, the earlier code stays.  Raises
        `SelectorError` when both were named."""
        result = set(chosen)

        def rank(rule: Rule) -> tuple[int, str]:
            if rule.code in named:
                return (0, rule.code)
            return (1 if rule.enabled_in(profile) else 2, rule.code)

        pairs = sorted(
            {
                tuple(sorted((rule.code, other)))
                for rule in self.rules
                if rule.code in chosen
                for other in rule.conflicts
                if other in chosen
            }
        )
        for first, second in pairs:
            if first not in result or second not in result:
                continue
            a, b = self._by_code[first], self._by_code[second]
            if a.code in named and b.code in named:
                raise SelectorError(
                    f"{a.code} ({a.slug}) and {b.code} ({b.slug}) cannot run together: "
                    "they undo each other's changes. Select one of them."
                )
            result.discard(max(a, b, key=rank).code)
        return result


def order_rules(rules: Iterable[Rule]) -> list[Rule]:
    """Shipped groups in their fixed order, then user groups; by code within."""
    group_rank = {g: i for i, g in enumerate(GROUP_PREFIXES)}
    return sorted(rules, key=lambda r: (group_rank.get(r.group, len(group_rank)), r.group, r.code))
