"""Rule files: loading, validating and selecting rules.

A rule file is TOML and pure data: nothing in it is executed.  Each
``[[rule]]`` table describes one rule with a stable code, what it matches,
what it writes, when it is on, and examples that prove it.  See
``docs/rule-format.md`` for the format.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any

import regex

from arclean._toml import toml
from arclean.chars import PATTERN_MACROS, REGEX_FLAGS
from arclean.errors import RuleFileError, SelectorError

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
KINDS = ("map", "regex", "words", "builtin", "check")
SAFETY_LEVELS = ("safe", "unsafe")
LEVELS = ("error", "warning", "info")
PROFILES = ("default", "search")
#: Where a rule acts, by line: "arabic-script" (the default: lines holding an
#: Arabic-script letter), "ar" (such lines that are Arabic, not Persian, Urdu
#: or Kurdish), or "any" (every line, Arabic or not).
LANGUAGES = ("arabic-script", "ar", "any")

_COMMON_KEYS = {
    "code",
    "slug",
    "kind",
    "message",
    "description",
    "safety",
    "default",
    "profiles",
    "level",
    "languages",
    "exceptions",
    "examples",
    "keep",
    "group",
    "trigger",
    "off-in",
}
_KIND_KEYS = {
    "map": {"map", "before", "after"},
    "regex": {"pattern", "replace"},
    "words": {"words", "words-file", "prefixes"},
    "builtin": {"function", "options"},
    "check": {"pattern", "check", "options"},
}
_CODE_RE = regex.compile(r"\A[A-Z]{2,4}[0-9]{3,4}\Z")
_SLUG_RE = regex.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_FILE_KEYS = {"group", "description", "rule"}


@dataclass(frozen=True)
class Example:
    """``input`` must become ``output``; for a check rule, ``output`` is None
    and ``input`` must raise a finding."""

    input: str
    output: str | None


@dataclass(frozen=True)
class Rule:
    """One validated rule.  Patterns are compiled on first use."""

    code: str
    slug: str
    group: str
    kind: str
    message: str
    safety: str = "safe"
    default: bool = False
    profiles: tuple[str, ...] = ()
    off_in: tuple[str, ...] = ()
    level: str = "warning"
    description: str = ""
    languages: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    keep: tuple[str, ...] = ()
    trigger: str | None = None
    # kind-specific
    pattern: str | None = None
    replace: str | None = None
    mapping: tuple[tuple[str, str], ...] = ()
    before: str | None = None
    after: str | None = None
    words: tuple[tuple[str, str], ...] = ()
    prefixes: tuple[str, ...] = ()
    check: str | None = None
    function: str | None = None
    options: tuple[tuple[str, Any], ...] = ()
    # provenance
    path: str = ""
    line: int = 0

    @property
    def fixes(self) -> bool:
        return self.kind != "check"

    @cached_property
    def trigger_chars(self) -> str | None:
        """Characters of which the text must hold at least one for the rule
        to find anything: the engine skips the rule on a text that has none.
        Declared with `trigger` (``X-Y`` is a range; a literal ``-`` goes
        first or last), or derived from the keys of a map or word list; None
        means "always run"."""
        if self.trigger:
            return expand_trigger(self.trigger)
        if self.kind == "map":
            return "".join(sorted({key[0] for key, _ in self.mapping}))
        if self.kind == "words":
            return "".join(sorted({word[0] for word, _ in self.words}))
        return None

    def option(self, name: str, default: Any = None) -> Any:
        """A built-in's option, as written in the rule file (lists as tuples)."""
        for key, value in self.options:
            if key == name:
                return value
        return default

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def enabled_in(self, profile: str) -> bool:
        """On in `profile`?  Every profile builds on the default one, except
        where a rule says it is `off-in` that profile."""
        if profile in self.off_in:
            return False
        return self.default or profile in self.profiles

    @cached_property
    def compiled(self) -> regex.Pattern[str] | None:
        """The pattern that finds what this rule changes or reports."""
        return compile_rule_pattern(self)

    @cached_property
    def compiled_exceptions(self) -> tuple[regex.Pattern[str], ...]:
        return tuple(regex.compile(expand_macros(p), REGEX_FLAGS) for p in self.exceptions)


def expand_trigger(trigger: str) -> str:
    """The characters a `trigger` names, ranges (``\ufb50-\ufdff``) expanded."""
    chars: set[str] = set()
    i = 0
    while i < len(trigger):
        if i + 2 < len(trigger) and trigger[i + 1] == "-":
            chars.update(chr(c) for c in range(ord(trigger[i]), ord(trigger[i + 2]) + 1))
            i += 3
        else:
            chars.add(trigger[i])
            i += 1
    return "".join(sorted(chars))


def expand_macros(pattern: str) -> str:
    """Replace ``{letter}``, ``{mark}`` ... by their classes.  Only these names
    are touched, so ``{2,}`` and other braces keep their regex meaning."""
    for name, cls in PATTERN_MACROS.items():
        pattern = pattern.replace("{" + name + "}", cls)
    return pattern


def _alternation(strings: Iterable[str]) -> str:
    # Longest first, so that a longer key wins over its own prefix.
    return "|".join(regex.escape(s) for s in sorted(set(strings), key=lambda s: (-len(s), s)))


def compile_rule_pattern(rule: Rule) -> regex.Pattern[str] | None:
    if rule.kind == "regex" or (rule.kind == "check" and rule.pattern):
        assert rule.pattern is not None
        return regex.compile(expand_macros(rule.pattern), REGEX_FLAGS)
    if rule.kind == "map":
        body = f"(?:{_alternation(k for k, _ in rule.mapping)})"
        before = f"(?<={expand_macros(rule.before)})" if rule.before else ""
        after = f"(?={expand_macros(rule.after)})" if rule.after else ""
        return regex.compile(before + body + after, REGEX_FLAGS)
    if rule.kind == "words":
        word = PATTERN_MACROS["word"]
        prefix = f"(?P<prefix>{_alternation(rule.prefixes)})?" if rule.prefixes else ""
        body = f"(?P<word>{_alternation(k for k, _ in rule.words)})"
        return regex.compile(f"(?<!{word}){prefix}{body}(?!{word})", REGEX_FLAGS)
    return None


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


class _LineFinder:
    """Finds the line of a rule or of one of its keys in the raw TOML text;
    TOML parsers keep no positions, and errors must name a line."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.rule_lines = [
            i + 1 for i, line in enumerate(self.lines) if line.strip().startswith("[[rule]]")
        ]

    def rule_line(self, index: int) -> int:
        return self.rule_lines[index] if index < len(self.rule_lines) else 0

    def key_line(self, index: int, key: str) -> int:
        start = self.rule_line(index)
        if not start:
            return 0
        end = self.rule_lines[index + 1] if index + 1 < len(self.rule_lines) else len(self.lines)
        key_re = regex.compile(rf"^\s*(?:{regex.escape(key)}|\"{regex.escape(key)}\")\s*=")
        for number in range(start, end + 1):
            if number - 1 < len(self.lines) and key_re.match(self.lines[number - 1]):
                return number
        return start


def _type_name(value: Any) -> str:
    return {str: "a string", bool: "true or false", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _parse_rule(
    raw: dict[str, Any],
    *,
    index: int,
    file_group: str | None,
    path: str,
    finder: _LineFinder,
    base_dir: Path | None,
    compile_patterns: bool = True,
) -> Rule:
    code = raw.get("code") if isinstance(raw.get("code"), str) else None
    line = finder.rule_line(index)

    def fail(message: str, key: str | None = None) -> RuleFileError:
        where = finder.key_line(index, key) if key else line
        return RuleFileError(path, message, line=where, code=code)

    def want(key: str, kind: type, required: bool = False) -> Any:
        if key not in raw:
            if required:
                raise fail(f"missing required key '{key}'")
            return None
        value = raw[key]
        if not isinstance(value, kind):
            raise fail(f"'{key}' must be {_type_name(kind())}, not {_type_name(value)}", key)
        return value

    def string_list(key: str) -> tuple[str, ...]:
        value = want(key, list) or []
        if not all(isinstance(v, str) for v in value):
            raise fail(f"'{key}' must be a list of strings", key)
        return tuple(value)

    if code is None:
        raise fail("missing required key 'code' (a stable code such as \"AR101\")")
    if not _CODE_RE.match(code):
        raise fail(f"code {code!r} must be 2-4 capital letters and 3-4 digits, like AR101", "code")
    kind = want("kind", str, required=True)
    if kind not in KINDS:
        raise fail(f"kind {kind!r} is not one of: {', '.join(KINDS)}", "kind")
    unknown = set(raw) - _COMMON_KEYS - _KIND_KEYS[kind]
    if unknown:
        key = sorted(unknown)[0]
        allowed = ", ".join(sorted(_COMMON_KEYS | _KIND_KEYS[kind]))
        raise fail(f"unknown key '{key}' for a {kind} rule (allowed: {allowed})", key)
    slug = want("slug", str, required=True)
    if not _SLUG_RE.match(slug):
        raise fail(f"slug {slug!r} must be lower-case words joined by '-'", "slug")
    group = want("group", str) or file_group
    if not group:
        raise fail("no group: set 'group' in the rule or at the top of the file")
    message = want("message", str, required=True)
    safety = want("safety", str) or "safe"
    if safety not in SAFETY_LEVELS:
        raise fail(f"safety {safety!r} must be 'safe' or 'unsafe'", "safety")
    level = want("level", str) or ("warning" if kind == "check" else "info")
    if level not in LEVELS:
        raise fail(f"level {level!r} must be one of: {', '.join(LEVELS)}", "level")
    default = want("default", bool)
    profiles = string_list("profiles")
    for profile in profiles:
        if profile not in PROFILES:
            raise fail(f"profile {profile!r} is not one of: {', '.join(PROFILES)}", "profiles")
    off_in = string_list("off-in")
    for profile in off_in:
        if profile not in PROFILES:
            raise fail(f"profile {profile!r} is not one of: {', '.join(PROFILES)}", "off-in")
    languages = string_list("languages")
    for language in languages:
        if language not in LANGUAGES:
            raise fail(f"language {language!r} is not one of: {', '.join(LANGUAGES)}", "languages")

    fields: dict[str, Any] = {}
    if kind == "regex":
        fields["pattern"] = want("pattern", str, required=True)
        fields["replace"] = want("replace", str, required=True)
    elif kind == "map":
        mapping = want("map", dict, required=True)
        if not mapping or not all(isinstance(v, str) and k for k, v in mapping.items()):
            raise fail("'map' must be a non-empty table of strings to strings", "map")
        fields["mapping"] = tuple(mapping.items())
        fields["before"] = want("before", str)
        fields["after"] = want("after", str)
    elif kind == "words":
        words = want("words", dict) or {}
        words_file = want("words-file", str)
        if words_file:
            words = {**_read_word_file(words_file, base_dir, fail), **words}
        if not words or not all(isinstance(v, str) and k for k, v in words.items()):
            raise fail("a words rule needs 'words' (a table) or 'words-file' (a TSV file)", "words")
        fields["words"] = tuple(words.items())
        fields["prefixes"] = string_list("prefixes")
    elif kind == "builtin":
        fields["function"] = want("function", str, required=True)
        fields["options"] = _builtin_options(fields["function"], "fix", raw, fail)
    elif kind == "check":
        fields["pattern"] = want("pattern", str)
        fields["check"] = want("check", str)
        if bool(fields["pattern"]) == bool(fields["check"]):
            raise fail("a check rule needs exactly one of 'pattern' or 'check'")
        if fields["check"]:
            fields["options"] = _builtin_options(fields["check"], "check", raw, fail)
        elif "options" in raw:
            raise fail("'options' belong to a built-in check ('check = NAME')", "options")

    trigger = want("trigger", str)
    if trigger is not None and not trigger:
        raise fail("'trigger' must list at least one character", "trigger")

    examples = []
    for entry in want("examples", list) or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("input"), str):
            raise fail("each example must be a table with 'input' (and 'output')", "examples")
        extra = set(entry) - {"input", "output"}
        if extra:
            raise fail(f"unknown example key '{sorted(extra)[0]}'", "examples")
        output = entry.get("output")
        if kind == "check" and output is not None:
            raise fail("a check rule's examples have no 'output'", "examples")
        if kind != "check" and not isinstance(output, str):
            raise fail("each example of a fixing rule needs an 'output' string", "examples")
        examples.append(Example(entry["input"], output))
    rule = Rule(
        code=code,
        slug=slug,
        group=group,
        kind=kind,
        message=message,
        safety=safety,
        default=bool(default),
        profiles=profiles,
        off_in=off_in,
        level=level,
        description=want("description", str) or "",
        languages=languages,
        exceptions=string_list("exceptions"),
        examples=tuple(examples),
        keep=string_list("keep"),
        trigger=trigger,
        path=path,
        line=line,
        **fields,
    )
    if not compile_patterns:
        return rule
    try:
        rule.compiled  # noqa: B018 - validate now so errors name the rule
        rule.compiled_exceptions  # noqa: B018
    except regex.error as exc:
        key = "exceptions" if "exception" in str(exc) else "pattern"
        raise fail(f"invalid regular expression: {exc}", key) from None
    return rule


def _check_template(pattern: regex.Pattern[str], template: str) -> str | None:
    """Return an error message if `template` refers to a group `pattern` lacks."""
    for ref in regex.finditer(r"\\(\d+)|\\g<(\w+)>", template):
        number, name = ref.group(1), ref.group(2)
        if number is not None and int(number) > pattern.groups:
            return f"replacement refers to group {number}, the pattern has {pattern.groups}"
        if name is not None:
            if name.isdigit():
                if int(name) > pattern.groups:
                    return f"replacement refers to group {name}, the pattern has {pattern.groups}"
            elif name not in pattern.groupindex:
                return f"replacement refers to group <{name}>, which the pattern does not define"
    return None


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _freeze(v)) for k, v in value.items())
    return value


def _builtin_options(name: str, kind: str, raw: dict[str, Any], fail: Any) -> tuple[Any, ...]:
    """Check a built-in's name and options against what it declares."""
    from arclean.builtins import BUILTINS

    key = "function" if kind == "fix" else "check"
    known = sorted(n for n, b in BUILTINS.items() if b.kind == kind)
    if name not in BUILTINS or BUILTINS[name].kind != kind:
        raise fail(f"{key} {name!r} is not one of: {', '.join(known)}", key)
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise fail("'options' must be a table", "options")
    declared = BUILTINS[name].options
    for option, value in options.items():
        if option not in declared:
            allowed = ", ".join(sorted(declared)) or "none"
            raise fail(f"{name} has no option '{option}' (allowed: {allowed})", "options")
        if not isinstance(value, declared[option]):
            raise fail(
                f"option '{option}' of {name} must be {_type_name(declared[option]())}", "options"
            )
    return _freeze(options)


def _read_word_file(name: str, base_dir: Path | None, fail: Any) -> dict[str, str]:
    """Read a TSV word list (``from<TAB>to``, ``#`` comments) next to the rule file."""
    if base_dir is None:
        raise fail(f"words-file {name!r} cannot be resolved here", "words-file")
    target = base_dir / name
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read words-file {name!r}: {exc}", "words-file") from None
    words: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0]:
            raise fail(f"{target}:{number}: expected 'from<TAB>to', got {line!r}", "words-file")
        words[parts[0]] = parts[1]
    return words


def parse_rule_text(
    text: str,
    path: str,
    base_dir: Path | None = None,
    compile_patterns: bool = True,
) -> list[Rule]:
    """Parse and validate the rules of one rule file's text.  With
    `compile_patterns` false, patterns are compiled (and so checked) only
    when first used: for the shipped rules, which the test suite and `arclean
    rules test` check, so that start-up does not compile rules a text never
    needs."""
    try:
        data = toml().loads(text)
    except toml().TOMLDecodeError as exc:
        line = None
        match = regex.search(r"line (\d+)", str(exc))
        if match:
            line = int(match.group(1))
        raise RuleFileError(path, f"not valid TOML: {exc}", line=line) from None
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise RuleFileError(
            path,
            f"unknown top-level key '{sorted(unknown)[0]}' (allowed: group, description, rule)",
        )
    file_group = data.get("group")
    if file_group is not None and not isinstance(file_group, str):
        raise RuleFileError(path, "'group' must be a string")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleFileError(path, "rules must be written as [[rule]] tables")
    finder = _LineFinder(text)
    rules = []
    for index, raw in enumerate(raw_rules):
        rule = _parse_rule(
            raw,
            index=index,
            file_group=file_group,
            path=path,
            finder=finder,
            base_dir=base_dir,
            compile_patterns=compile_patterns,
        )
        if rule.kind == "regex" and compile_patterns:
            problem = _check_template(rule.compiled, rule.replace or "")  # type: ignore[arg-type]
            if problem:
                raise RuleFileError(
                    path, problem, line=finder.key_line(index, "replace"), code=rule.code
                )
        rules.append(rule)
    return rules


def load_rule_file(path: str | Path) -> list[Rule]:
    """Load one user rule file."""
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleFileError(str(path), "no such rule file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), f"cannot read rule file: {exc}") from None
    return parse_rule_text(text, str(path), base_dir=target.parent)


def builtin_rules_dir() -> Path:
    """Where the shipped rule files are: inside the installed package, or the
    top-level ``rules/`` folder of a source checkout."""
    installed = Path(__file__).resolve().parent / "rules"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    # Installed in a form that is not a plain folder (a zip): ask importlib.
    from importlib import resources

    return Path(str(resources.files("arclean") / "rules"))


def load_builtin_rules(lazy: bool = False) -> list[Rule]:
    """The shipped rules; with `lazy`, patterns compile on first use and the
    validated rules come from a cache keyed by the rule files' content."""
    directory = builtin_rules_dir()
    key = _rules_key(directory) if lazy else None
    if key is not None:
        cached = _cached_rules(key)
        if cached is not None:
            return cached
    rules: list[Rule] = []
    for file in sorted(directory.glob("*.toml")):
        text = file.read_text(encoding="utf-8")
        rules.extend(
            parse_rule_text(
                text, f"rules/{file.name}", base_dir=directory, compile_patterns=not lazy
            )
        )
    if key is not None:
        _store_rules(key, rules)
    return rules


_RULE_FIELDS = tuple(f.name for f in fields(Rule))
_EXAMPLES_AT = _RULE_FIELDS.index("examples")


def _rules_key(directory: Path) -> str:
    import hashlib

    from arclean import __version__

    digest = hashlib.sha1(__version__.encode())
    for file in sorted(directory.iterdir()):
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _cached_rules(key: str) -> list[Rule] | None:
    """Rules validated by an earlier run, stored with marshal (plain data:
    nothing in the cache is executed)."""
    import marshal

    try:
        data = marshal.loads((_cache_dir() / f"rules-{key}.marshal").read_bytes())
        return [
            Rule(
                **{
                    **dict(zip(_RULE_FIELDS, values, strict=True)),
                    "examples": tuple(Example(*e) for e in values[_EXAMPLES_AT]),
                }
            )
            for values in data
        ]
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _store_rules(key: str, rules: list[Rule]) -> None:
    import marshal

    data = [
        tuple(
            tuple((e.input, e.output) for e in rule.examples)
            if name == "examples"
            else getattr(rule, name)
            for name in _RULE_FIELDS
        )
        for rule in rules
    ]
    path = _cache_dir() / f"rules-{key}.marshal"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(data))
        tmp.replace(path)
    except (OSError, ValueError):
        pass  # a read-only home: no cache, no harm


def _cache_dir() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "arclean"


# ---------------------------------------------------------------------------
# The set of all known rules, and selection
# ---------------------------------------------------------------------------


@dataclass
class RuleSet:
    """All known rules, built-in and user-supplied, keyed by code."""

    rules: list[Rule] = field(default_factory=list)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), builtin: bool = True) -> RuleSet:
        rules = load_builtin_rules(lazy=True) if builtin else []
        for path in extra_files:
            rules.extend(load_rule_file(path))
        ruleset = cls()
        for rule in rules:
            ruleset.add(rule)
        return ruleset

    def add(self, rule: Rule) -> None:
        for existing in self.rules:
            if existing.code == rule.code:
                raise RuleFileError(
                    rule.path,
                    f"code {rule.code} is already used at {existing.location}",
                    line=rule.line,
                    code=rule.code,
                )
        self.rules.append(rule)

    @property
    def groups(self) -> list[str]:
        seen = dict.fromkeys(GROUP_PREFIXES)
        seen.update(dict.fromkeys(r.group for r in self.rules))
        return [g for g in seen if any(r.group == g for r in self.rules) or g in GROUP_PREFIXES]

    def get(self, code: str) -> Rule:
        for rule in self.rules:
            if rule.code == code.upper() or rule.slug == code:
                return rule
        raise SelectorError(f"no rule {code!r}; `arclean rules list` shows them all")

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names: a code, a code prefix, a group or a slug.
        ``ALL`` names every rule."""
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
        `extend_select` adds to it and `ignore` removes from it.
        """
        if profile not in PROFILES:
            raise SelectorError(
                f"unknown profile {profile!r}; choose one of: {', '.join(PROFILES)}"
            )
        if select is not None:
            chosen = {r.code for s in select for r in self.matching(s)}
        else:
            chosen = {r.code for r in self.rules if r.enabled_in(profile)}
        chosen |= {r.code for s in extend_select for r in self.matching(s)}
        chosen -= {r.code for s in ignore for r in self.matching(s)}
        return order_rules(r for r in self.rules if r.code in chosen)


_CODE_PREFIX_RE = regex.compile(r"\A[A-Z]{1,4}[0-9]{0,4}\Z")


def order_rules(rules: Iterable[Rule]) -> list[Rule]:
    """Shipped groups in their fixed order, then user groups; by code within."""
    group_rank = {g: i for i, g in enumerate(GROUP_PREFIXES)}
    return sorted(rules, key=lambda r: (group_rank.get(r.group, len(group_rank)), r.group, r.code))
