"""Every example and counter-example embedded in the shipped rule files is a
test case: a rule file cannot claim what its rule does not do."""

from __future__ import annotations

import pytest

from arclean.ruleset import load_builtin_rules
from arclean.testing import check_rule

RULES = load_builtin_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_examples(rule):
    failures = [r for r in check_rule(rule) if not r.ok]
    assert not failures, "\n".join(f"{r.kind}: {r.detail}" for r in failures)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_examples_and_counter_examples(rule):
    # AR801 acts only with a user's glossary, which a rule file cannot embed;
    # tests/test_names_integration.py proves it through the command line.
    if rule.code != "AR801":
        assert rule.examples, f"{rule.code} has no examples"
    assert rule.keep, f"{rule.code} has no texts it must leave alone"
    assert rule.message and rule.slug


def test_codes_are_unique_and_in_their_group_range():
    from arclean.ruleset import GROUP_PREFIXES

    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        assert rule.code.startswith(GROUP_PREFIXES[rule.group]), rule.code


def _rule(body: str):
    from arclean.ruleset import parse_rule_text

    header = (
        'group = "punct"\n[[rule]]\ncode = "XX101"\nslug = "bad"\nkind = "regex"\nmessage = "m"\n'
        'languages = ["any"]\n'
    )
    (rule,) = parse_rule_text(header + body, "mem.toml")
    return rule


def test_rule_self_test_reports_each_kind_of_failure():
    """The self-test must be able to fail, with the right category."""
    rule = _rule(
        "pattern = 'a'\nreplace = 'b'\n"
        'examples = [{ input = "b", output = "c" }, { input = "xa", output = "xc" },'
        ' { input = "ya", output = "yb" }]\n'
        'keep = ["a", "q"]\n'
    )
    assert [r.kind for r in check_rule(rule)] == ["missing", "wrong", "ok", "noisy", "ok"]
    growing = _rule(
        "pattern = 'a'\nreplace = 'aa'\nexamples = [{ input = \"a\", output = \"aa\" }]\n"
    )
    assert [r.kind for r in check_rule(growing)] == ["unstable"]
