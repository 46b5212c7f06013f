"""Rules that a pattern cannot express, written once in Python and used from
rule files by name (``kind = "builtin"`` with ``function = NAME``, or
``kind = "check"`` with ``check = NAME``), with their settings in
``options``.

`registry` declares every built-in (name, kind, options with their types,
allowed values and defaults, and the module of its function); the loader
validates against it without importing any rule function.  The functions
live by group in `punct`, `space`, `diacritics`, `alef`, `letters`,
`digits`, `encoding`, `boilerplate` and `names`; each gets the text, the spans it may
act in and the rule (for its options), and returns replacements or findings
(offsets in code points).  A module is imported the first time one of its
rules runs.  Nothing here imports `arclean.ruleset`.
"""

from __future__ import annotations

from arclean.builtins.registry import BUILTINS, Builtin, BuiltinKind, Option, get_function

__all__ = ["BUILTINS", "Builtin", "BuiltinKind", "Option", "get_function"]
