"""Issue 9, seventh round: `names scan` and `names review` say what they
mean (counts in words, whole numbers, no empty explanation, an invalid
answer asked again) and rank names before ordinary words."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from arclean.cli import cli
from arclean.names import load_glossary, scan
from arclean.names.model import COMMON_WORDS, Cluster, Member, times
from arclean.names.report import change_words, explain, member_line, ranked, render

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_1e98b3542325010d.txt"
EXTRA = (
    "\nقال الرئيس ترامب إن الاقتصاد قوي. وأكد ترامب أن الوظائف كثيرة. وقال ترامب إنه "
    "سيفوز. وقال ترمب إن الانتخابات قريبة. وقالت سارة بيلين إن بالين مرشحة.\n"
)


def test_counts_in_words() -> None:
    assert [times(1), times(2), times(3), times(1500)] == [
        "once",
        "twice",
        "3 times",
        "1,500 times",
    ]
    assert explain(["lexicon 1"]) == ["once in the reference books"]
    assert explain(["gazetteer (1)"]) == ["a known name (once in the Wikidata name list)"]


def test_what_a_cluster_would_change_is_whole_words() -> None:
    cl = Cluster("ا", [Member("ا", 9), Member("اا", 3, "auto"), Member("ب", 5, "review")], "auto")
    assert change_words(cl) == "would change 8 words (3 automatically, 5 if a person accepts them)"
    one = Cluster("ا", [Member("ا", 9), Member("اا", 1, "review")], "review")
    assert change_words(one) == "would change 1 word (1 if a person accepts them)"
    assert ".5" not in "\n".join(render([cl, one]))


def test_a_member_without_evidence_says_so() -> None:
    line = member_line(Member("عبداللة", 1), "عبدالله")
    assert not line.rstrip().endswith(";") and "no rule supports" in line


def test_ordinary_words_rank_after_names() -> None:
    common = Cluster("أنهم", [Member("أنهم", 146), Member("إنهم", 30, "review")], "review")
    common.evidence.append(COMMON_WORDS)
    name = Cluster("بيلسا", [Member("بيلسا", 20), Member("بييلسا", 2, "review")], "review")
    assert [c.canonical for c in ranked([common, name])] == ["بيلسا", "أنهم"]


def test_hamza_of_a_common_word_is_an_ordinary_words_cluster() -> None:
    text = "قالوا إنهم جاؤوا. " * 3 + "وأكدوا أنهم راضون. " * 6 + "ترامب ترامب ترامب ترمب"
    by = {c.canonical: c for c in scan([text], kwic=False)}
    assert COMMON_WORDS in by["أنهم"].evidence
    assert COMMON_WORDS not in by["ترامب"].evidence


def test_an_invalid_answer_is_asked_again(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(SEED.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    g = tmp_path / "g.toml"
    args = ["names", "review", "--glossary", str(g), "--limit", "3", str(p)]
    r = CliRunner().invoke(cli, args, input="s\ns\na\nmaybe\ny\n")
    assert r.exit_code == 0, r.output
    assert "unknown answer 'maybe'" in r.output
    assert r.output.count("also accept بيلين") == 2
    assert [e.canonical for e in load_glossary(g).entries] == ["بالين"]


def test_foreign_sound_message_names_every_such_letter() -> None:
    """The reason given for a member that differs by a letter for a foreign
    sound names that letter, whichever of ڤ پ چ گ ڨ ژ it is (گ was missing)."""
    from arclean.chars import FOREIGN_SOUND_LETTERS
    from arclean.names.report import explain

    (message,) = explain(["letter for a foreign sound"])
    for letter in FOREIGN_SOUND_LETTERS:
        assert letter in message
