"""`names scan` output formats, glossary writing, stdin."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from arclean.cli.names import names_group
from arclean.names import load_glossary

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_1e98b3542325010d.txt"


def test_scan_json() -> None:
    r = CliRunner().invoke(names_group, ["scan", "--output-format", "json", str(SEED)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    fidan = next(c for c in data if c["canonical"] == "فيدان")
    assert fidan["tier"] == "auto"
    forms = {m["form"]: m for m in fidan["members"]}
    assert forms["فيان"]["count"] == 2 and "[فيان]" in forms["فيان"]["kwic"]


def test_scan_table_and_toml(tmp_path: Path) -> None:
    out = tmp_path / "g.toml"
    # the table as well as the glossary: asked for explicitly
    args = ["scan", str(SEED), "--write-glossary", str(out), "--output-format", "table"]
    r = CliRunner().invoke(names_group, args)
    assert r.exit_code == 0 and "فيدان" in r.output
    g = load_glossary(out)
    assert any(e.canonical == "فيدان" and "فيان" in e.variants for e in g.entries)
    r = CliRunner().invoke(names_group, ["scan", "--output-format", "toml", str(SEED)])
    assert r.exit_code == 0 and 'canonical = "فيدان"' in r.output


def test_scan_stdin() -> None:
    text = SEED.read_text(encoding="utf-8")
    r = CliRunner().invoke(names_group, ["scan", "--output-format", "json", "-"], input=text)
    assert r.exit_code == 0
    assert any(c["canonical"] == "فيدان" for c in json.loads(r.output))


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(names_group, ["scan", str(tmp_path / "nope.txt")])
    assert r.exit_code != 0


def test_write_glossary_says_what_it_wrote_on_stderr(tmp_path: Path) -> None:
    """With --write-glossary the glossary is the output: what was written
    where is said on stderr, as `fix` says what it wrote, in one wording on
    the first write and a re-run, never the whole cluster table (stdout
    stays empty; --output-format table asks for it)."""
    out = tmp_path / "g.toml"
    r = CliRunner().invoke(names_group, ["scan", str(SEED), "--write-glossary", str(out)])
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert r.stderr == (
        f"{out}: 1 entry (1 spelling to rewrite) written; 1 cluster found, "
        "--output-format table lists them\n"
    )
    assert load_glossary(out).entries[0].canonical == "فيدان"
    # into the same glossary again: the same stream, the same words
    r = CliRunner().invoke(names_group, ["scan", str(SEED), "--write-glossary", str(out)])
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr == (
        f"{out}: existing glossary kept; nothing new to add, file not written; "
        "1 cluster found, --output-format table lists them\n"
    )
    # an explicit format is the output, as without --write-glossary
    args = ["scan", str(SEED), "--write-glossary", str(out), "--output-format", "json"]
    r = CliRunner().invoke(names_group, args)
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["canonical"] == "فيدان"
    assert r.stderr == f"{out}: existing glossary kept; nothing new to add, file not written\n"
    # entries added to an existing glossary: "spellings", not "spelling(s)"
    out.write_text('version = 1\n[[reject]]\npair = ["حسن", "حسين"]\n', encoding="utf-8")
    r = CliRunner().invoke(names_group, ["scan", str(SEED), "--write-glossary", str(out)])
    assert r.stderr.startswith(
        f"{out}: existing glossary kept; 1 entry (1 spelling to rewrite) added; 1 cluster found"
    )
    assert "(s)" not in r.stderr
    # nothing found: no table to point at
    plain = tmp_path / "plain.txt"
    plain.write_text("نص عادي بلا أسماء.\n", encoding="utf-8")
    r = CliRunner().invoke(names_group, ["scan", str(plain), "--write-glossary", str(out)])
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.endswith("; 0 clusters found\n")
