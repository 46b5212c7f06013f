"""Rule files: reading, validating and building `Rule` values.

A rule file is TOML and pure data: nothing in it is executed.  Each
``[[rule]]`` table describes one rule with a stable code, what it matches,
what it writes, when it is on, and examples that prove it.  See
``docs/rule-format.md`` for the format.  Every error is a `RuleFileError`
naming the file, the line and the rule's code.  A built-in's name and
options are checked against `arclean.builtins.registry`, which imports no
rule function.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import regex

from arclean._toml import toml
from arclean.builtins.registry import BUILTINS
from arclean.chars import lazy_compile
from arclean.errors import RuleFileError
from arclean.locations import builtin_rules_dir
from arclean.ruleset import cache
from arclean.ruleset.checks import Fail, read_word_file, trial_match
from arclean.ruleset.model import (
    KINDS,
    LANGUAGES,
    LEVELS,
    PROFILES,
    SAFETY_LEVELS,
    Example,
    Language,
    Rule,
    freeze,
)
from arclean.ruleset.patterns import RECURSION_RE, check_template, expand_trigger

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
    "scan",
    "reach",
    "back",
    "off-in",
    "conflicts",
    "scope",
    "text-wide",
}
_KIND_KEYS = {
    "map": {"map", "before", "after"},
    "regex": {"pattern", "replace"},
    "words": {"words", "words-file", "prefixes"},
    "builtin": {"function", "options"},
    "check": {"pattern", "check", "options"},
}
_CODE_RE = lazy_compile(r"\A[A-Z]{2,4}[0-9]{3,4}\Z")
_SLUG_RE = lazy_compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_FILE_KEYS = {"group", "description", "rule"}


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
        if language not in LANGUAGES:  # so `languages` holds `Language` values only
            raise fail(f"language {language!r} is not one of: {', '.join(LANGUAGES)}", "languages")

    fields: dict[str, Any] = {}
    if kind == "regex":
        fields["pattern"] = want("pattern", str, required=True)
        if not fields["pattern"]:
            raise fail("'pattern' is empty: it would match everywhere", "pattern")
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
            words = {**read_word_file(words_file, base_dir, fail), **words}
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

    scope = want("scope", str) or "prose"
    if scope not in ("prose", "text"):
        raise fail(f"scope {scope!r} must be 'prose' or 'text'", "scope")
    if scope == "text" and kind != "check":
        raise fail("only a check rule may look at the whole text (scope = 'text')", "scope")
    trigger = want("trigger", str)
    if trigger is not None and not trigger:
        raise fail("'trigger' must list at least one character", "trigger")
    scan = want("scan", str)
    reach = want("reach", int) or 0
    if scan is not None:
        try:
            re.compile(scan, re.MULTILINE)
        except re.error as exc:
            raise fail(f"invalid 'scan' pattern (Python's re): {exc}", "scan") from None
    if reach < 0 or reach > 256:
        raise fail("'reach' must be between 0 and 256 characters", "reach")

    conflicts = string_list("conflicts")
    for other in conflicts:
        if not _CODE_RE.match(other) or other == code:
            raise fail(f"conflicts: {other!r} must be the code of another rule", "conflicts")

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
        languages=cast("tuple[Language, ...]", languages),
        exceptions=string_list("exceptions"),
        examples=tuple(examples),
        keep=string_list("keep"),
        trigger=trigger,
        conflicts=conflicts,
        scope=scope,
        text_wide=bool(want("text-wide", bool)),
        scan=scan,
        reach=reach,
        back=expand_trigger(want("back", str) or ""),
        path=path,
        line=line,
        **fields,
    )
    replacements = [v for _, v in rule.mapping] + [v for _, v in rule.words]
    if any("\0" in v for v in replacements):
        raise fail("a replacement holds a NUL character, which would corrupt the output")
    if not compile_patterns:
        return rule
    for key, pattern in [("pattern", rule.pattern or "")] + [
        ("exceptions", p) for p in rule.exceptions
    ]:
        if RECURSION_RE.search(pattern):
            raise fail(
                "recursive patterns ((?R), (?1), (?&name)) are not allowed: "
                "they can take unbounded memory",
                key,
            )
    try:
        rule.compiled  # noqa: B018 - validate now so errors name the rule
        rule.compiled_exceptions  # noqa: B018
    except (regex.error, ValueError, OverflowError, RecursionError, MemoryError) as exc:
        key = "exceptions" if "exception" in str(exc) else "pattern"
        raise fail(f"invalid regular expression: {exc}", key) from None
    trial_match(rule, fail)
    return rule


def _builtin_options(name: str, kind: str, raw: dict[str, Any], fail: Fail) -> tuple[Any, ...]:
    """Check a built-in's name and options against what the registry
    declares for it (type, allowed values); return the options frozen."""
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
        problem = declared[option].problem(value)
        if problem:
            raise fail(f"option '{option}' of {name} {problem}, not {value!r}", "options")
    result: tuple[Any, ...] = freeze(options)
    return result


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
    except RecursionError:
        raise RuleFileError(path, "not valid TOML: nested too deeply") from None
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
            problem = check_template(rule.compiled, rule.replace or "")  # type: ignore[arg-type]
            if problem:
                raise RuleFileError(
                    path, problem, line=finder.key_line(index, "replace"), code=rule.code
                )
        rules.append(rule)
    return rules


def load_rule_file(path: str | Path) -> list[Rule]:
    """Load one user rule file."""
    from arclean.errors import InputError
    from arclean.io.read import read_source

    target = Path(path)
    if not target.exists() and not target.is_symlink():
        raise RuleFileError(str(path), "no such rule file")
    try:
        text = read_source(target).text
    except InputError as exc:
        message = str(exc).removeprefix(f"{path}: ")
        raise RuleFileError(str(path), f"cannot read rule file: {message}") from None
    return parse_rule_text(text, str(path), base_dir=target.parent)


def load_builtin_rules(lazy: bool = False, *, use_cache: bool = True) -> list[Rule]:
    """The shipped rules.  With `lazy`, patterns compile on first use, and
    the validated rules may come from the cache (`arclean.ruleset.cache`,
    on only when the command line turned it on, and `use_cache`)."""
    directory = builtin_rules_dir()
    key = cache.key_for(directory) if lazy and use_cache and cache.active_directory() else None
    if key is not None:
        cached = cache.load(key)
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
        cache.store(key, rules)
    return rules
