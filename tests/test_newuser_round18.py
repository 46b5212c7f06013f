"""Session 18, new-user round: what a first-time user tripped over."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from arclean.cli import cli
from arclean.cli.names import names_group
from arclean.names import load_glossary
from arclean.names.glossary import Entry, Glossary, merge_into

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_1e98b3542325010d.txt"

# --- 1. `names scan --write-glossary` into an existing glossary ------------

PERSON = """version = 1
fold = "arclean-fold-v1"
# decided by a person in `names review`
[[entity]]
canonical = "عبد ربه"
variants = ["عبدربه"]

[[reject]]
pair = ["حسن", "حسين"]
"""


def test_write_glossary_keeps_an_existing_glossary(tmp_path: Path) -> None:
    g = tmp_path / "g.toml"
    g.write_text(PERSON, encoding="utf-8")
    r = CliRunner().invoke(names_group, ["scan", "--write-glossary", str(g), str(SEED)])
    assert r.exit_code == 0, r.output
    text = g.read_text(encoding="utf-8")
    assert text.startswith(PERSON.rstrip())  # byte for byte, the comment too
    got = load_glossary(g)
    assert [(e.canonical, e.variants) for e in got.entries] == [
        ("عبد ربه", ["عبدربه"]),
        ("فيدان", ["فيان"]),
    ]
    assert got.rejections == [("حسن", "حسين")]
    assert "existing glossary kept; 1 entry" in r.stderr
    # the same scan again: nothing new, the file is not rewritten
    r = CliRunner().invoke(names_group, ["scan", "--write-glossary", str(g), str(SEED)])
    assert r.exit_code == 0 and g.read_text(encoding="utf-8") == text
    assert "file not written" in r.stderr


def test_write_glossary_conflict_is_left_to_the_person(tmp_path: Path) -> None:
    g = tmp_path / "g.toml"
    decided = 'version = 1\n[[entity]]\ncanonical = "فيان"\nvariants = ["فيدان"]\n'
    g.write_text(decided, encoding="utf-8")
    r = CliRunner().invoke(names_group, ["scan", "--write-glossary", str(g), str(SEED)])
    assert r.exit_code == 0, r.output
    assert g.read_text(encoding="utf-8") == decided
    assert "فيدان ← فيان: the glossary rewrites فيدان into فيان" in r.stderr


def test_write_glossary_refuses_an_invalid_glossary_before_scanning(tmp_path: Path) -> None:
    g = tmp_path / "g.toml"
    g.write_text("version = 7\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["names", "scan", "--write-glossary", str(g), str(SEED)])
    assert r.exit_code == 2 and "unsupported glossary version" in r.output + r.stderr
    assert g.read_text(encoding="utf-8") == "version = 7\n"


def test_merge_into_kinds_of_conflict() -> None:
    kept = Glossary(
        [Entry("فيدان", ["فيان"]), Entry("ترامب", ["ترمب"])], rejections=[("كييف", "كيف")]
    )
    found = Glossary(
        [
            Entry("فيدان", ["فيان", "فيدانن"]),  # agrees, and one new spelling
            Entry("ترمب", ["ترامب"]),  # the other way round
            Entry("أردوغان", ["ترمب"]),  # a variant rewritten elsewhere
            Entry("بوتين", ["فيدان"]),  # a variant the glossary keeps
            Entry("كييف", ["كيف", "كيیف"]),  # one pair rejected
        ]
    )
    merged = merge_into(kept, found)
    assert [(e.canonical, e.variants) for e in merged.added] == [
        ("فيدان", ["فيدانن"]),
        ("كييف", ["كيیف"]),
    ]
    assert len(merged.conflicts) == 4
    assert merged.conflicts[0].startswith("ترمب ← ترامب: the glossary rewrites ترمب")
    assert "keeps فيدان as a spelling of its own" in merged.conflicts[2]
    assert merged.conflicts[3] == "كييف ← كيف: the glossary rejects this pair"
