"""`arclean rules list|show|test`: the rules, explained and tested."""

from __future__ import annotations

import click

from arclean.cli.app import CONTEXT_SETTINGS, EXIT_CHANGES, EXIT_OK
from arclean.cli.options import holds_no_rule, rule_files_option


@click.group("rules", context_settings=CONTEXT_SETTINGS)
def rules() -> None:
    """List, explain and test rules."""


@rules.command("list", context_settings=CONTEXT_SETTINGS)
@rule_files_option("Also list the rules of this file.")
def rules_list(rule_files: tuple[str, ...]) -> None:
    """Every rule: code, name, group, whether it is on by default, safety."""
    from arclean.ruleset import RuleSet, order_rules

    ruleset = RuleSet.load(rule_files)
    rows = []
    for rule in order_rules(ruleset.rules):
        if rule.kind == "check":
            on = "check"
        else:
            on = "default" if rule.default else ("+".join(rule.profiles) or "opt-in")
        rows.append(
            (rule.code, rule.slug, rule.group, on, rule.safety if rule.fixes else "-", rule.message)
        )
    header = ("CODE", "NAME", "GROUP", "ON IN", "FIX", "MESSAGE")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        cells = [row[i].ljust(widths[i]) for i in range(5)]
        click.echo("  ".join([*cells, row[5]]))


@rules.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("code")
@rule_files_option("Also look in this rule file.")
def rules_show(code: str, rule_files: tuple[str, ...]) -> None:
    """Explain one rule: what it does, why, when it is on, and its examples."""
    from arclean.report import change_names
    from arclean.ruleset import RuleSet

    rule = RuleSet.load(rule_files).get(code)
    on = "on by default" if rule.default else "off by default (opt-in)"
    if rule.profiles:
        on += f"; on in profile(s): {', '.join(rule.profiles)}"
    lines = [
        f"{rule.code} {rule.slug}  ({rule.group}, {rule.kind}, {on})",
        "",
        rule.message,
    ]
    if rule.description:
        lines += ["", rule.description.strip()]
    lines += ["", f"Fix safety: {rule.safety}" if rule.fixes else f"Check only, level {rule.level}"]
    if rule.languages:
        lines.append(f"Only in paragraphs detected as: {', '.join(rule.languages)}")
    if rule.examples:
        lines += ["", "Examples:"]
        for example in rule.examples:
            if example.output is None:
                lines.append(f"  reported: {example.input!r}")
            else:
                lines.append(f"  {example.input!r}\n    → {example.output!r}")
                lines += [f"      {n}" for n in change_names(example.input, example.output)]
    if rule.keep:
        lines += ["", "Left alone:"]
        lines += [f"  {text!r}" for text in rule.keep]
    lines += ["", f"Defined in {rule.location}"]
    click.echo("\n".join(lines))


@rules.command("test", context_settings=CONTEXT_SETTINGS)
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
@click.pass_context
def rules_test(ctx: click.Context, path: str | None, quiet: bool) -> None:
    """Run every rule's embedded examples.

    With PATH, only that rule file's rules. Each failure is missing (the rule
    did not act), wrong (it wrote something else), unstable (a second run
    changes the output again) or noisy (it changed or flagged text it must
    leave alone). Ends with `N passed, M failed` (with -q, that line is all
    it prints); exits 1 on any failure.
    """
    from arclean.cli.app import warn
    from arclean.ruleset import RuleSet, load_builtin_rules
    from arclean.testing import run_rule_examples

    if path:
        # Loaded beside the shipped rules, as `fix --rules` loads it: a code
        # or slug used twice is the same error here as there.
        ruleset = RuleSet.load([path])
        rules_to_test = [r for r in ruleset.rules if r.path == path]
        if not rules_to_test:
            raise holds_no_rule(path)
    else:
        rules_to_test = load_builtin_rules()
    for rule in rules_to_test:
        # A rule whose action needs an option no example can set (AR801: a
        # glossary) is still tested by what it must leave alone.
        if not rule.examples and not rule.keep:
            warn(
                f"{rule.location} {rule.code} has no examples and nothing it must keep: "
                "nothing proves it works"
            )
    passed = failed = 0
    for result in run_rule_examples(rules_to_test):
        if result.ok:
            passed += 1
            continue
        failed += 1
        if quiet:
            continue
        click.echo(
            f"{result.rule.location} {result.rule.code} {result.kind.upper()}: {result.detail}"
        )
    click.echo(f"{passed} passed, {failed} failed")
    ctx.exit(EXIT_CHANGES if failed else EXIT_OK)
