"""Rules: the data model, rule files, and choosing the rules that run.

- `model`: `Rule`, `Example` and the `Literal` types of kind, level,
  safety and languages;
- `patterns`: pattern macros, triggers and the compiled pattern of a rule;
- `loader`: reading and validating rule files and word lists;
- `selection`: `RuleSet`, profiles, selectors, group order, the
  configuration shorthands and option validation;
- `cache`: the cache of validated shipped rules (off unless the command
  line turns it on).

The names below are re-exported here, as they were when this was one module.
Submodules are imported on first use, so that ``import arclean.ruleset.cache``
(which the command line does at start-up) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from arclean._lazy import lazy_getattr

if TYPE_CHECKING:
    from arclean.locations import builtin_rules_dir
    from arclean.ruleset.loader import load_builtin_rules, load_rule_file, parse_rule_text
    from arclean.ruleset.model import (
        INDEX_PROFILES,
        KINDS,
        LANGUAGES,
        LEVELS,
        PROFILES,
        SAFETY_LEVELS,
        Example,
        Kind,
        Language,
        Level,
        Profile,
        Rule,
        Safety,
    )
    from arclean.ruleset.patterns import compile_rule_pattern, expand_macros, expand_trigger
    from arclean.ruleset.selection import (
        GROUP_PREFIXES,
        SHORTHANDS,
        RuleSet,
        order_rules,
        validate_options,
        with_options,
    )

__all__ = [
    "GROUP_PREFIXES",
    "INDEX_PROFILES",
    "KINDS",
    "LANGUAGES",
    "LEVELS",
    "PROFILES",
    "SAFETY_LEVELS",
    "SHORTHANDS",
    "Example",
    "Kind",
    "Language",
    "Level",
    "Profile",
    "Rule",
    "RuleSet",
    "Safety",
    "builtin_rules_dir",
    "compile_rule_pattern",
    "expand_macros",
    "expand_trigger",
    "load_builtin_rules",
    "load_rule_file",
    "order_rules",
    "parse_rule_text",
    "validate_options",
    "with_options",
]

#: Where each name of `__all__` lives.
_HOMES: dict[str, tuple[str, ...]] = {
    "arclean.locations": ("builtin_rules_dir",),
    "arclean.ruleset.loader": ("load_builtin_rules", "load_rule_file", "parse_rule_text"),
    "arclean.ruleset.model": (
        "KINDS",
        "LANGUAGES",
        "INDEX_PROFILES",
        "LEVELS",
        "SAFETY_LEVELS",
        "Example",
        "Kind",
        "Language",
        "Level",
        "PROFILES",
        "Profile",
        "Rule",
        "Safety",
    ),
    "arclean.ruleset.patterns": ("compile_rule_pattern", "expand_macros", "expand_trigger"),
    "arclean.ruleset.selection": (
        "GROUP_PREFIXES",
        "SHORTHANDS",
        "RuleSet",
        "order_rules",
        "validate_options",
        "with_options",
    ),
}
__getattr__ = lazy_getattr(__name__, _HOMES)
