"""The glossary writer (tomli-w): what it writes loads back identically."""

from __future__ import annotations

from pathlib import Path

from arclean.names import Entry, Glossary, load_glossary
from arclean.names.glossary import loads_glossary

TRICKY = [
    "أردوغان",  # hamza seat
    "مُحَمَّد",  # harakat
    "مـحـمـد",  # tatweel
    'قال "ترامب"',  # double quotes
    "C:\\dir\\ملف",  # backslashes
    "\\u0041 is no escape",  # a literal backslash-u
    "'single' and '''triple''' quotes",
    "ends with a backslash \\",
    'ends with a quote "',
    "tab\there, newline\nthere, CR\rhere",
    "\u200c\u200f\ufeff\u0640 invisible ones",
    "control \x01\x1f\x7f",
    "# not a comment",
    "[[entity]] not a table",
]


def _glossary() -> Glossary:
    return Glossary(
        entries=[
            Entry("كييف", ["كيف"], "LOC", ["أوكرانيا", "الأوكرانية"], "a note"),
            Entry(TRICKY[0], TRICKY[1:7], "PER", TRICKY[7:], TRICKY[3]),
            Entry("ترامب", []),
            Entry('ا"ب\\ج', ["ابج"], None, [], "line\nbreak"),
        ],
        rejections=[("حسن", "حسين"), (TRICKY[3], TRICKY[4])],
    )


def test_dumps_loads_back_identically() -> None:
    g = _glossary()
    again = loads_glossary(g.dumps())
    assert again.entries == g.entries
    assert again.rejections == g.rejections


def test_save_load_back_identically(tmp_path: Path) -> None:
    g = _glossary()
    g.save(tmp_path / "g.toml")
    again = load_glossary(tmp_path / "g.toml")
    assert again.entries == g.entries
    assert again.rejections == g.rejections
    # written twice, the same bytes
    again.save(tmp_path / "h.toml")
    assert (tmp_path / "h.toml").read_bytes() == (tmp_path / "g.toml").read_bytes()


def test_empty_glossary_roundtrip() -> None:
    text = Glossary().dumps()
    assert text == 'version = 1\nfold = "arclean-fold-v1"\n'
    again = loads_glossary(text)
    assert again.entries == [] and again.rejections == []
