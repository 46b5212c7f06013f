"""Formats and the engine together: rules act inside prose only, and the
structure check refuses anything else."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from arclean import Cleaner
from arclean.formats import StructureChanged
from arclean.ruleset import parse_rule_text

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def every_letter_rule() -> Cleaner:
    """A test-only rule that rewrites every Arabic and Latin letter."""
    pairs = {**{c: ARABIC[(i + 5) % len(ARABIC)] for i, c in enumerate(ARABIC)}}
    for alphabet in (string.ascii_lowercase, string.ascii_uppercase):
        pairs.update({c: alphabet[(i + 13) % 26] for i, c in enumerate(alphabet)})
    # One round only: a map that cycles letters would never settle, so map
    # each letter to a private-use character that no rule maps back.
    table = ", ".join(f'"{k}" = "{chr(0xE000 + ord(v) % 0x1000)}"' for k, v in pairs.items())
    text = (
        'group = "test"\n[[rule]]\ncode = "TT101"\nslug = "every-letter"\nkind = "map"\n'
        f'message = "m"\nlanguages = ["any"]\nmap = {{ {table} }}\n'
    )
    return parse_rule_text(text, "every-letter.toml")


@pytest.fixture(scope="module")
def letters_rule():
    return every_letter_rule()


def test_commonmark_spec_examples_keep_their_structure(corpus, letters_rule):
    cleaner = Cleaner.from_rules(letters_rule, format="markdown")
    examples = json.loads(
        (corpus / "markdown" / "commonmark_spec_examples.json").read_text(encoding="utf-8")
    )
    assert len(examples) == 652
    changed = 0
    from arclean.formats.markdown import Markdown

    fmt = Markdown()
    for example in examples:
        source = example["markdown"]
        # Cleaner.fix re-parses and raises StructureChanged if anything but
        # prose moved; it must never raise here.
        outcome = cleaner.fix(source)
        changed += outcome.changed
        fmt.verify(source, outcome.text)
    assert changed > 400  # the rule really ran on most examples


def test_arabic_markdown_sample_only_prose_changes(corpus):
    source = (corpus / "markdown" / "arabic_markdown_sample.md").read_text(encoding="utf-8")
    outcome = Cleaner(format="markdown").fix(source)
    assert outcome.changed
    for change in outcome.changes:
        assert "http" not in change.old and "`" not in change.old


def test_markdown_page_fixed_in_prose_only_byte_for_byte(runner, tmp_path):
    from arclean.cli import cli

    page = tmp_path / "page.md"
    page.write_bytes((FIXTURES / "page.md").read_bytes())
    result = runner.invoke(cli, ["fix", str(page)])
    assert result.exit_code == 0, result.output
    expected = (FIXTURES / "page.md").read_text(encoding="utf-8")
    for old, new in [
        ("# مرحبا , بالعالم", "# مرحبا، بالعالم"),
        ("ثم *تأكيد , مائل*", "ثم *تأكيد، مائل*"),
        (
            '[نص الرابط , هنا](https://example.com/a,b "عنوان , الرابط")',
            '[نص الرابط، هنا](https://example.com/a,b "عنوان , الرابط")',
        ),
        ("| خلية , هنا |", "| خلية، هنا |"),
        ("| رأس , أول | رأس ; ثان |", "| رأس، أول | رأس؛ ثان |"),
        (">وسم , مضمن<", ">وسم، مضمن<"),
        ("سطر عادي , بعده", "سطر عادي، بعده"),
        # A full reference link's text is prose; shortcut/collapsed ones are labels.
        ("[نص , مرجعي][ref]", "[نص، مرجعي][ref]"),
        # Only AR101 is disabled here: the Latin comma rule (AR102) still runs.
        ("نص معطل , جزئيا", "نص معطل، جزئيا"),
    ]:
        assert old in expected
        expected = expected.replace(old, new)
    assert page.read_text(encoding="utf-8") == expected


def test_srt_with_crlf_fixed_in_text_lines_only(runner, tmp_path):
    from arclean.cli import cli

    original = (FIXTURES / "sample.srt").read_bytes()
    path = tmp_path / "sample.srt"
    path.write_bytes(original)
    assert runner.invoke(cli, ["fix", str(path)]).exit_code == 0
    fixed = path.read_bytes()
    assert fixed.count(b"\r\n") == original.count(b"\r\n")
    before_lines = original.decode().split("\r\n")
    after_lines = fixed.decode().split("\r\n")
    assert len(before_lines) == len(after_lines)
    for before, after in zip(before_lines, after_lines, strict=True):
        if "-->" in before or before.strip().isdigit() or not before.strip():
            assert before == after  # timing lines (with their comma), cue numbers
        elif " , " in before and "<" not in before and "{" not in before:
            assert after == before.replace(" , ", "، ")
    assert "00:00:01,000 --> 00:00:03,500" in fixed.decode()


def _leaky_rules(tmp_path, monkeypatch, rules_toml: str):
    """Markdown whose whole text is prose (as if a rule leaked into markup)
    and a rule file with `rules_toml`'s rules."""
    from arclean.formats.markdown import Markdown

    def leaky(self, text):  # pretend the whole text is prose
        from arclean.text.spans import Span

        return [Span(0, len(text))]

    monkeypatch.setattr(Markdown, "prose_spans", leaky)
    rules = tmp_path / "r.toml"
    rules.write_text('group = "x"\n' + rules_toml, encoding="utf-8")
    return rules


def test_a_change_to_markup_is_left_out_and_named(runner, tmp_path, monkeypatch):
    """If a rule ever leaked into markup, that change is left out and
    reported with its rule; the other fixes of the file are applied."""
    from arclean.cli import cli

    path = tmp_path / "a.md"
    path.write_text("قال ، ثم [رابط](https://x.org)\n", encoding="utf-8")
    rules = _leaky_rules(
        tmp_path,
        monkeypatch,
        '[[rule]]\ncode = "XX101"\nslug = "x"\nkind = "regex"\nmessage = "m"\n'
        "default = true\npattern = '\\]\\('\nreplace = '] ('\n",
    )
    result = runner.invoke(cli, ["check", "--rules", str(rules), str(path)])
    assert result.exit_code == 1
    assert "XX101 m (not applied: it would change the document's structure" in result.stdout
    result = runner.invoke(cli, ["fix", "--rules", str(rules), str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == "قال، ثم [رابط](https://x.org)\n"


def test_changes_that_break_markup_only_together_lose_the_later_one(runner, tmp_path, monkeypatch):
    """Two changes harmless alone that make a link together: the later one
    is left out and named; the other fixes are applied, the markup kept."""
    from arclean.cli import cli

    path = tmp_path / "a.md"
    text = "قال ، ثم QQ نص ZZ هنا\n"
    path.write_text(text, encoding="utf-8")
    rule = (
        '[[rule]]\ncode = "{code}"\nslug = "{slug}"\nkind = "regex"\nmessage = "m"\n'
        "default = true\npattern = '{pattern}'\nreplace = '{new}'\n"
    )
    rules = _leaky_rules(
        tmp_path,
        monkeypatch,
        rule.format(code="XX101", slug="x", pattern="QQ", new="[")
        + rule.format(code="XX102", slug="y", pattern="ZZ", new="](u)"),
    )
    result = runner.invoke(cli, ["check", "--rules", str(rules), str(path)])
    assert result.exit_code == 1
    (line,) = [x for x in result.stdout.splitlines() if "not applied" in x]
    assert ": XX102 m (with AR108) (not applied: it would change the document's structure" in line
    assert "AR101" in result.stdout
    result = runner.invoke(cli, ["fix", "--rules", str(rules), str(path)])
    assert result.exit_code == 0, result.output
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith("قال، ثم [") and "ZZ" in fixed and "](u)" not in fixed


def test_stdin_filename_picks_the_format(runner):
    from arclean.cli import cli

    text = "قال ، ثم `a , b` و[نص ، هنا](https://e.com/a,b)\n"
    result = runner.invoke(cli, ["fix", "--stdin-filename", "x.md"], input=text.encode())
    assert result.stdout == "قال، ثم `a , b` و[نص، هنا](https://e.com/a,b)\n"
    result = runner.invoke(cli, ["fix", "--format", "markdown"], input=text.encode())
    assert result.stdout == "قال، ثم `a , b` و[نص، هنا](https://e.com/a,b)\n"


def test_structure_changed_is_an_arclean_error():
    from arclean.errors import ArcleanError

    assert issubclass(StructureChanged, ArcleanError)


def test_front_matter_keys_are_opt_in_prose(runner, tmp_path, monkeypatch):
    from arclean.cli import cli

    page = tmp_path / "p.md"
    source = (
        '---\ntitle: "عنوان , هنا"\ndescription: وصف , هنا\ntags: [أ, ب]\n'
        "url: https://x.org/a,b\n---\n\nنص , هنا\n"
    )
    page.write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["fix", "p.md"]).exit_code == 0
    assert page.read_text(encoding="utf-8") == source.replace("نص , هنا", "نص، هنا")
    (tmp_path / ".arclean.toml").write_text(
        'front-matter-keys = ["title", "description"]\n', encoding="utf-8"
    )
    page.write_text(source, encoding="utf-8")
    assert runner.invoke(cli, ["fix", "p.md"]).exit_code == 0
    assert page.read_text(encoding="utf-8") == (
        source.replace("نص , هنا", "نص، هنا")
        .replace("عنوان , هنا", "عنوان، هنا")
        .replace("وصف , هنا", "وصف، هنا")
    )


def test_mdx_jsx_esm_and_expressions_are_code():
    source = (
        "import Chart from '../components/Chart'\n\n"
        "# العنوان , الرئيسي\n\n"
        '<Chart data={[1, 2, 3]} title="مخطط , هنا" />\n\n'
        'نص {props.name , x} عادي , هنا <Note kind="أ , ب">داخل , الوسم</Note>\n'
    )
    fixed = Cleaner(format="mdx")(source)
    assert fixed == (
        "import Chart from '../components/Chart'\n\n"
        "# العنوان، الرئيسي\n\n"
        '<Chart data={[1, 2, 3]} title="مخطط , هنا" />\n\n'
        'نص {props.name , x} عادي، هنا <Note kind="أ , ب">داخل، الوسم</Note>\n'
    )
