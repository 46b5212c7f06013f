"""Running the examples that rules carry, for `arclean rules test` and pytest.

Each rule runs alone.  An example fails as:

- **missing**: the rule did not act on an input it should fix or flag;
- **wrong**: it wrote something other than the expected output;
- **unstable**: running it again on its own output changes it again;
- **noisy**: it changed or flagged a text listed under ``keep``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from arclean.ruleset import Rule


@dataclass(frozen=True)
class CaseResult:
    rule: Rule
    case: str
    kind: str  # "ok", "missing", "wrong", "unstable", "noisy"
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


def _show(text: str) -> str:
    from arclean.text.display import visible

    return repr(visible(text))


def check_rule(rule: Rule) -> Iterator[CaseResult]:
    """Every example and counter-example of one rule, run with that rule alone
    (unsafe fixes included: the examples show what the fix does)."""
    from arclean.engine import Engine

    yield from _cases(rule, Engine([rule], unsafe_fixes=True))


def _cases(rule: Rule, engine: Any) -> Iterator[CaseResult]:
    from arclean.errors import ConvergenceError

    for example in rule.examples:
        case = example.input
        if example.output is None:
            if engine.report(case):
                yield CaseResult(rule, case, "ok")
            else:
                yield CaseResult(rule, case, "missing", f"{_show(case)} was not reported")
            continue
        try:
            result = engine.fix(case).text
        except ConvergenceError:
            yield CaseResult(rule, case, "unstable", f"{_show(case)} never stops changing")
            continue
        if result == case and example.output != case:
            yield CaseResult(rule, case, "missing", f"{_show(case)} was left unchanged")
        elif result != example.output:
            yield CaseResult(
                rule,
                case,
                "wrong",
                f"{_show(case)} became {_show(result)}, expected {_show(example.output)}",
            )
        elif engine.fix(result).text != result:
            again = engine.fix(result).text
            yield CaseResult(
                rule, case, "unstable", f"{_show(result)} changes again, to {_show(again)}"
            )
        else:
            yield CaseResult(rule, case, "ok")
    for text in rule.keep:
        try:
            outcome = engine.fix(text) if rule.fixes else None
        except ConvergenceError:
            yield CaseResult(rule, text, "noisy", f"{_show(text)} must stay, keeps changing")
            continue
        if outcome is not None and outcome.changed:
            yield CaseResult(
                rule, text, "noisy", f"{_show(text)} must stay, became {_show(outcome.text)}"
            )
        elif not rule.fixes and engine.report(text):
            yield CaseResult(rule, text, "noisy", f"{_show(text)} must not be reported")
        else:
            yield CaseResult(rule, text, "ok")


def run_rule_examples(rules: Iterable[Rule]) -> Iterator[CaseResult]:
    for rule in rules:
        yield from check_rule(rule)


def collect_rule_cases(rules: Iterable[Rule] | None = None) -> list[tuple[Rule, int]]:
    """(rule, index) pairs for ``pytest.mark.parametrize``; index counts
    examples first, then ``keep`` texts."""
    if rules is None:
        from arclean.ruleset import load_builtin_rules

        rules = load_builtin_rules()
    return [(rule, i) for rule in rules for i in range(len(rule.examples) + len(rule.keep))]
