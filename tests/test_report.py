"""The report package: change listings with Arabic character names, Buckwalter
fields in JSON, and a package that costs nothing to import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import arclean.report as report
from arclean.cli import cli
from arclean.report import (
    OUTPUT_FORMATS,
    change_rows,
    name_lines,
    render_changes_plain,
    render_changes_rich,
    render_findings,
)
from arclean.text.display import arabic_char_name, buckwalter, char_name, needs_names
from arclean.text.edits import Change, Finding

TATWEEL = "\N{ARABIC TATWEEL}"
FATHATAN = "\N{ARABIC FATHATAN}"
SHADDA = "\N{ARABIC SHADDA}"


def _listing(text: str, changes: list[Change], **options: bool) -> str:
    return render_changes_plain(change_rows("a.txt", text, changes, **options))


@pytest.mark.parametrize(
    ("text", "change", "line"),
    [
        (
            f"جم{TATWEEL * 3}يل",
            Change(2, 5, TATWEEL * 3, "", ("AR401",)),
            "    - U+0640 ARABIC TATWEEL ×3 (تطويل)",
        ),
        (
            f"كتاب{FATHATAN}{FATHATAN}",
            Change(4, 6, FATHATAN * 2, FATHATAN, ("AR202",)),
            "    - U+064B ARABIC FATHATAN (فتحتان)",
        ),
        (
            f"محم{SHADDA}{SHADDA}د",
            Change(3, 5, SHADDA * 2, SHADDA, ("AR202",)),
            "    - U+0651 ARABIC SHADDA (شدة)",
        ),
    ],
    ids=["tatweel", "fathatan", "shadda"],
)
def test_listing_gives_arabic_names_beside_unicode_names(text, change, line):
    assert line in _listing(text, [change]).splitlines()


def test_listing_without_arabic_name_shows_the_unicode_name_only():
    listing = _listing("قال ، ثم", [Change(3, 4, " ", "", ("AR101",))])
    assert listing.splitlines()[1] == "    - U+0020 SPACE"


def test_rich_listing_carries_the_same_names():
    text = f"جم{TATWEEL}يل"
    rows = change_rows("a.txt", text, [Change(2, 3, TATWEEL, "", ("AR401",))])
    assert [line.plain for line in render_changes_rich(rows)][1] == (
        "    - U+0640 ARABIC TATWEEL (تطويل)"
    )


def test_reordered_marks_are_named_without_the_common_letters():
    assert name_lines(f"م{SHADDA}\N{ARABIC FATHA}", f"م\N{ARABIC FATHA}{SHADDA}") == [
        "- U+0651 ARABIC SHADDA (شدة)",
        "- U+064E ARABIC FATHA (فتحة)",
        "+ U+064E ARABIC FATHA (فتحة)",
        "+ U+0651 ARABIC SHADDA (شدة)",
    ]


def test_transliterated_listing_is_ascii_apart_from_markers():
    text = f"جم{TATWEEL * 3}يل جدا"
    listing = _listing(text, [Change(2, 5, TATWEEL * 3, "", ("AR401",))], transliterate=True)
    assert listing == "a.txt:1:3 AR401  jm[-___-]{++}yl jdA\n    - U+0640 ARABIC TATWEEL ×3\n"


def test_cli_lists_arabic_names_and_buckwalter_on_request(runner):
    text = f"كتاب{FATHATAN}{FATHATAN} جدا\n".encode()
    shown = runner.invoke(cli, ["fix", "--show-changes", "--color", "never"], input=text)
    assert "    - U+064B ARABIC FATHATAN (فتحتان)" in shown.stderr
    ascii_view = runner.invoke(cli, ["fix", "--buckwalter", "--color", "never"], input=text)
    assert ascii_view.stdout == f"كتاب{FATHATAN} جدا\n"
    assert "ktAb[-FF-]{+F+}" in ascii_view.stderr
    assert "فتحتان" not in ascii_view.stderr


def test_rules_show_names_the_characters_of_its_examples(runner):
    shown = runner.invoke(cli, ["rules", "show", "AR401"])
    assert shown.exit_code == 0
    assert "      - U+0640 ARABIC TATWEEL ×3 (تطويل)" in shown.stdout.splitlines()


def test_json_carries_buckwalter_beside_the_text():
    text = f"كتاب{FATHATAN}{FATHATAN}"
    fixable = Finding(4, 6, "AR202", "m", "info", fixable=True, old=FATHATAN * 2, new=FATHATAN)
    unfixable = Finding(0, 1, "AR190", "m", "warning", old="")
    entries = [("a", text, fixable), ("a", text, unfixable)]
    item, other = json.loads(render_findings("json", "", "", entries))
    assert (item["original"], item["original_buckwalter"]) == (FATHATAN * 2, "FF")
    edit = item["fix"]["edits"][0]
    assert (edit["content"], edit["content_buckwalter"]) == (FATHATAN, "F")
    assert other["fix"] is None and other["original_buckwalter"] == ""


def test_cli_json_keeps_ruff_fields_and_adds_buckwalter(runner):
    result = runner.invoke(
        cli, ["check", "--output-format", "json"], input="ذهب إلى البيت ، ثم\n".encode()
    )
    (item,) = json.loads(result.stdout)
    assert list(item) == [
        "code",
        "message",
        "level",
        "filename",
        "location",
        "end_location",
        "fix",
        "original_buckwalter",
        "original",
    ]
    assert item["original_buckwalter"] == " "


def test_chars_naming():
    assert char_name(TATWEEL) == "U+0640 ARABIC TATWEEL"
    assert arabic_char_name(TATWEEL) == "تطويل"
    assert arabic_char_name("\N{ARABIC COMMA}") is None
    assert arabic_char_name("a") is None
    assert buckwalter("أَحْمَد، abc") == ">aHomad، abc"
    # Removing one of two fathas involves a mark, though a fatha remains.
    assert needs_names("بََ", "بَ")


def test_importing_the_package_loads_neither_its_modules_nor_pyarabic():
    code = (
        "import sys, arclean.report as r; "
        "assert r.OUTPUT_FORMATS[0] == 'full'; "
        "heavy = ('pyarabic', 'arclean.report.', 'rich'); "
        "print([m for m in sys.modules if m.startswith(heavy)])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_package_exports_resolve():
    assert set(report.__all__) == {"OUTPUT_FORMATS", *report._LAZY}
    for name in report.__all__:
        assert getattr(report, name) is not None
    assert OUTPUT_FORMATS == ("full", "concise", "json", "github", "sarif")
