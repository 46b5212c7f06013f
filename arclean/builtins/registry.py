"""The declarative registry of built-in rules: what each one is called, what
it returns, the options it takes (type, allowed values, default) and the
module its function lives in.

The rule loader validates rule files and configuration options against this
table alone: no rule function is imported until the engine first runs it
(`Builtin.func`, `get_function`).  This module imports nothing from arclean.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

#: ``"fix"``: the function returns replacements; ``"check"``: findings.
BuiltinKind = Literal["fix", "check"]


@dataclass(frozen=True)
class Option:
    """One option a built-in accepts.

    - `type`: the TOML type of the value, ``str`` or ``list`` (of strings).
    - `default`: the value when neither rule file nor configuration sets it.
    - `choices`: for a ``str`` option, the values allowed (empty: any string).
    - `item_length`: for a ``list`` option, the length every string in it
      must have (in code points), or None for any length.
    """

    type: type
    default: Any
    choices: tuple[str, ...] = ()
    item_length: int | None = None
    doc: str = ""

    def problem(self, value: Any) -> str | None:
        """Why `value` is not allowed (a phrase completing "must ..."), or
        None when it is.  Lists may come as tuples (frozen rule options)."""
        if self.type is list:
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                return f"must be {self.describe()}"
            if self.item_length is not None and any(len(v) != self.item_length for v in value):
                return f"must be {self.describe()}"
            return None
        if not isinstance(value, self.type):
            return f"must be {self.describe()}"
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(self.choices)}"
        return None

    def describe(self) -> str:
        """The shape of an allowed value, in words."""
        if self.type is list:
            if self.item_length == 2:
                return "a list of two-character strings"
            if self.item_length is not None:
                return f"a list of {self.item_length}-character strings"
            return "a list of strings"
        if self.choices:
            return "one of " + ", ".join(self.choices)
        return "a string"


@dataclass(frozen=True)
class Builtin:
    """A named function a rule file may use (``function = NAME`` for a fix,
    ``check = NAME`` for a check).

    The function, ``func(text, spans, rule)``, lives in `module` under the
    Python name `attribute`; it is imported on first use.  Offsets in what it
    returns are code points into `text`.  A `line_local` one decides each
    line on its own (never from counts over the text): after its first run
    the engine gives it only the lines changed since.  A `whole_spans` one
    finds its few characters itself, with one fast search per span: the
    engine gives it every span where it may act, not first cut to the lines
    that hold its rule's scan hits (a cut that costs it more than it saves),
    unless those spans are costly to have (`Guard.cuts_cheaply`: thousands
    of links); the result is the same either way.
    """

    name: str
    kind: BuiltinKind
    module: str
    attribute: str
    options: Mapping[str, Option] = field(default_factory=dict)
    line_local: bool = False
    whole_spans: bool = False

    @property
    def func(self) -> Callable[..., Any]:
        """The rule function, imported on first use."""
        return get_function(self.name)

    @property
    def doc(self) -> str:
        """The function's docstring: what it does and what it leaves alone."""
        return (self.func.__doc__ or "").strip()


_PKG = "arclean.builtins"
_PAIRS = Option(list, (), item_length=2, doc="opening and closing mark of each pair")
_LIST_FILE = Option(str, "boilerplate.txt", doc="a file of lines next to the rule file")
_GLOSSARIES = Option(list, (), doc="name glossaries (TOML files)")


def _b(
    name: str,
    kind: BuiltinKind,
    module: str,
    line_local: bool = False,
    whole_spans: bool = False,
    **options: Option,
) -> Builtin:
    attribute = name.replace("-", "_")
    return Builtin(name, kind, f"{_PKG}.{module}", attribute, options, line_local, whole_spans)


#: Every built-in, by the name rule files use.
BUILTINS: dict[str, Builtin] = {
    b.name: b
    for b in (
        _b("unbalanced-pairs", "check", "punct", whole_spans=True, pairs=_PAIRS),
        _b("space-inside-pairs", "fix", "punct", line_local=True, whole_spans=True),
        _b(
            "quote-style",
            "fix",
            "punct",
            style=Option(str, "guillemets", ("guillemets", "curly-rtl", "straight")),
        ),
        _b(
            "tanween-fatha-position",
            "fix",
            "diacritics",
            whole_spans=True,
            convention=Option(str, "majority", ("majority", "before-alef", "on-alef")),
        ),
        _b("dagger-alef", "fix", "diacritics"),
        _b("order-marks", "fix", "diacritics", line_local=True),
        _b("repeated-spaces", "fix", "space"),
        _b("decomposed-hamza", "fix", "alef", line_local=True),
        _b("hamza-consistency", "fix", "alef"),
        _b("presentation-forms", "fix", "letters", line_local=True),
        _b("zero-width-space-in-word", "fix", "invisible", line_local=True),
        _b("zero-width-space-undecided", "check", "invisible", line_local=True),
        _b("farsi-yeh-inside-word", "fix", "letters"),
        _b("farsi-yeh-at-word-end", "fix", "letters"),
        _b("farsi-yeh-undecided", "check", "letters"),
        _b("keheh-in-arabic", "fix", "letters"),
        _b("teh-marbuta-written-as-heh", "fix", "teh_marbuta"),
        _b(
            "unify-digits",
            "fix",
            "digits",
            target=Option(str, "western", ("western", "arabic-indic")),
        ),
        _b("persian-digits", "fix", "digits", line_local=True),
        _b("utf8-read-as-cp1256", "fix", "encoding"),
        _b("cp1256-read-as-latin1", "fix", "encoding"),
        _b("boilerplate-lines", "check", "boilerplate", list=_LIST_FILE),
        _b("remove-boilerplate-lines", "fix", "boilerplate", list=_LIST_FILE),
        _b("names-glossary", "fix", "names", glossaries=_GLOSSARIES),
        _b("names-fuzzy", "fix", "names", glossaries=_GLOSSARIES),
    )
}

_LOADED: dict[str, Callable[..., Any]] = {}


def get_function(name: str) -> Callable[..., Any]:
    """The function of built-in `name`, importing its module on first use.
    Raises KeyError for an unknown name."""
    func = _LOADED.get(name)
    if func is None:
        spec = BUILTINS[name]
        func = getattr(importlib.import_module(spec.module), spec.attribute)
        _LOADED[name] = func
    return func


def option_schema() -> dict[str, list[tuple[str, Option]]]:
    """Every option name any built-in declares, with the built-ins that
    declare it and their schema: what a configuration's ``[options]`` may set."""
    schema: dict[str, list[tuple[str, Option]]] = {}
    for spec in BUILTINS.values():
        for option, declared in spec.options.items():
            schema.setdefault(option, []).append((spec.name, declared))
    return schema


def fingerprint() -> str:
    """A stable text describing the whole registry, for cache keys: it
    changes whenever a built-in, its kind or one of its options changes."""
    return repr(
        sorted(
            (
                spec.name,
                spec.kind,
                spec.module,
                spec.attribute,
                sorted(
                    (k, o.type.__name__, o.default, o.choices, o.item_length)
                    for k, o in spec.options.items()
                ),
            )
            for spec in BUILTINS.values()
        )
    )
