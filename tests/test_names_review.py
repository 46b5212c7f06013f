"""Issue 9, item 6: a review a person can finish, through `arclean.cli:cli`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from arclean.cli import cli
from arclean.names import load_glossary
from arclean.names.model import Cluster, Member
from arclean.names.report import explain, ranked

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_1e98b3542325010d.txt"
EXTRA = (
    "\nقال الرئيس ترامب إن الاقتصاد قوي. وأكد ترامب أن الوظائف كثيرة. وقال ترامب إنه "
    "سيفوز. وقال ترمب إن الانتخابات قريبة. وقالت سارة بيلين إن بالين مرشحة.\n"
)


def _corpus(tmp_path: Path) -> Path:
    p = tmp_path / "texts" / "a.txt"
    p.parent.mkdir()
    p.write_text(SEED.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    return p


def _review(tmp_path: Path, text: Path, keys: str, *extra: str):
    g = tmp_path / "g.toml"
    args = ["names", "review", "--glossary", str(g), *extra, str(text)]
    return CliRunner().invoke(cli, args, input=keys), g


def test_clusters_are_ranked_by_what_they_would_change() -> None:
    small = Cluster("ب", [Member("ب", 9), Member("بب", 1, "auto")], "auto")
    big = Cluster("ا", [Member("ا", 2), Member("اا", 4, "review")], "review")
    assert [c.canonical for c in ranked([small, big])] == ["ا", "ب"]  # 4 × 0.5 > 1 × 1


def test_scan_limit_folder_and_plain_words(tmp_path: Path) -> None:
    text = _corpus(tmp_path)
    r = CliRunner().invoke(cli, ["names", "scan", str(text.parent)])  # a folder
    assert r.exit_code == 0, r.output
    assert "cluster 1 of 3: فيدان" in r.output and "cluster 3 of 3" in r.output
    assert "cost 0.35" not in r.output and "share" not in r.output
    r = CliRunner().invoke(
        cli, ["names", "scan", "--limit", "1", "--output-format", "json", str(text)]
    )
    assert [c["canonical"] for c in json.loads(r.output)] == ["فيدان"]


def test_scan_table_on_a_terminal_shows_the_first_clusters(tmp_path: Path, monkeypatch) -> None:
    """A news day has thousands of clusters: on a terminal the table shows
    the first ones (`TERMINAL_LIMIT`) and says how many more; --limit 0,
    a file or a program's format get them all."""
    import arclean.cli.names as names_cli

    text = _corpus(tmp_path)
    monkeypatch.setattr(names_cli, "TERMINAL_LIMIT", 1)
    monkeypatch.setattr(names_cli, "stdout_isatty", lambda: True)
    r = CliRunner().invoke(cli, ["names", "scan", str(text)])
    assert r.exit_code == 0, r.output
    assert "cluster 1 of 3: فيدان" in r.stdout and "cluster 2" not in r.stdout
    assert r.stdout.endswith(
        "\n2 more clusters, 1 of them automatic (--tier auto lists those); --limit 0 for all\n"
    )
    r = CliRunner().invoke(cli, ["names", "scan", "--limit", "0", str(text)])
    assert "cluster 3 of 3" in r.stdout and "more cluster" not in r.stdout
    # under --tier auto every cluster is automatic: the footer does not say so
    from arclean.names.model import Cluster, Member

    auto = [
        Cluster(f"ك{i}", [Member(f"ك{i}", 2), Member("x", 1, "auto")], "auto") for i in range(3)
    ]
    assert names_cli._more(auto[1:], all_auto=True) == "2 more clusters; --limit 0 for all"
    assert names_cli._more(auto[1:]) == (
        "2 more clusters, 2 of them automatic (--tier auto lists those); --limit 0 for all"
    )
    # an explicit --limit: the header and the footer count all clusters found
    r = CliRunner().invoke(cli, ["names", "scan", "--limit", "2", str(text)])
    assert "cluster 1 of 3: فيدان" in r.stdout and "cluster 2 of 3" in r.stdout
    assert "cluster 3" not in r.stdout and "of 2" not in r.stdout
    assert r.stdout.endswith("\n1 more cluster; --limit 0 for all\n")
    r = CliRunner().invoke(cli, ["names", "scan", "--output-format", "json", str(text)])
    assert len(json.loads(r.stdout)) == 3
    monkeypatch.setattr(names_cli, "stdout_isatty", lambda: False)  # a file: all of it
    r = CliRunner().invoke(cli, ["names", "scan", str(text)])
    assert "cluster 3 of 3" in r.stdout and "more cluster" not in r.stdout


def test_review_output_into_a_file_is_not_wrapped(tmp_path: Path) -> None:
    """Not on a terminal (a file, a pipe, a test), each line stays whole:
    rich's 80-column default cut the cluster line and the evidence."""
    r, _ = _review(tmp_path, _corpus(tmp_path), "s\ns\ns\n")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert (
        "cluster 1 of 3: فيدان (automatic (rewritten by `pipe names` and AR802); "
        "would change 2 words (2 automatically))"
    ) in lines
    member = next(line for line in lines if line.startswith("  2. فيان ×2"))
    assert member.endswith("both spellings stand next to اضاف, next to هاكان")


def test_evidence_in_words() -> None:
    words = explain(["cost 0.35", "lexicon 12, ال-share 0.00", "auto: shared context هاكان"])
    assert words[0].startswith("one long vowel")
    assert words[1] == "12 times in the reference books, 0 % of them with the article ال"
    assert words[2] == "rewritten automatically because: both spellings stand next to هاكان"


def test_write_glossary_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "nope" / "g.toml"
    r = CliRunner().invoke(cli, ["names", "scan", str(SEED), "--write-glossary", str(out)])
    assert r.exit_code == 2
    assert "does not exist" in r.output and "Traceback" not in r.output


def test_review_stops_at_end_of_input_and_resumes(tmp_path: Path) -> None:
    text = _corpus(tmp_path)
    r, g = _review(tmp_path, text, "a\n")  # accept the first, then end of input
    assert r.exit_code == 0, r.output
    assert "cluster 1 of 3" in r.output and "run the same command to continue" in r.output
    assert [e.canonical for e in load_glossary(g).entries] == ["فيدان"]
    r, g = _review(tmp_path, text, "s\n")
    assert "cluster 1 of" not in r.output and "cluster 2 of 3: ترامب" in r.output
    r, g = _review(tmp_path, text, "q\n")  # the skipped cluster stays skipped
    assert "cluster 3 of 3: بالين" in r.output and "ترامب (" not in r.output
    r, g = _review(tmp_path, text, "q\n", "--restart")
    assert "cluster 2 of 3: ترامب" in r.output


def test_accept_asks_before_taking_review_tier_members(tmp_path: Path) -> None:
    text = _corpus(tmp_path)
    r, g = _review(tmp_path, text, "s\ns\na\nn\n")
    assert "also accept بيلين" in r.output
    assert not g.exists()  # "n": nothing of the review tier is taken, no glossary written
    r, g = _review(tmp_path, text, "a\ny\n", "--restart", "--limit", "1")
    assert r.exit_code == 0


def test_review_refuses_to_exclude_the_canonical_and_explains_keys(tmp_path: Path) -> None:
    text = _corpus(tmp_path)
    r, g = _review(tmp_path, text, "x 1\nz\nq\n")
    assert "cannot be excluded" in r.output
    assert "unknown choice 'z'" in r.output and "x N exclude member N" in r.output
    assert not g.exists()  # no rejection, nothing decided: no glossary created


def test_kwic_keeps_the_marks_inside_the_brackets() -> None:
    from arclean.names.context import kwic
    from arclean.names.counting import count_texts

    text = "لاعب مصرياً هنا"
    lines = kwic([text], count_texts([text], None, track_lines=True), {"مصريا"})
    assert "[مصرياً]" in lines["مصريا"]


def _session(answers: list[str]):
    from arclean.names.glossary import Glossary
    from arclean.names.review import Session

    said: list[str] = []  # what the person reads: prompts and messages
    it = iter(answers)

    def ask(prompt: str, _default: str) -> str:
        said.append(prompt)
        return next(it)

    session = Session(Glossary(), lambda: None, ask, said.append)
    return session, said


def test_editing_the_kept_spelling_into_an_unrelated_word_asks_first() -> None:
    """A typed kept spelling unlike every member (كوربين for دوليا/داليا)
    would rewrite them all into it: the person confirms, and Enter says no."""
    cl = Cluster("داليا", [Member("داليا", 5), Member("دوليا", 2, "review")], "review")
    session, said = _session(["e كوربين", "", "a", "y"])
    session.one(cl, 1, 1)
    assert any("كوربين is unlike every spelling here" in s for s in said)
    (entry,) = session.glossary.entries
    assert entry.canonical == "داليا" and entry.variants == ["دوليا"]


def test_editing_into_a_close_spelling_needs_no_confirmation() -> None:
    cl = Cluster("ترمب", [Member("ترمب", 5), Member("ترامب", 2, "auto")], "auto")
    session, said = _session(["e ترامپ", "a", "n"])
    session.one(cl, 1, 1)
    assert not any("unlike" in s for s in said)
    (entry,) = session.glossary.entries
    assert entry.canonical == "ترامپ" and set(entry.variants) == {"ترامب"}


def test_confirmed_unrelated_spelling_is_kept() -> None:
    cl = Cluster("داليا", [Member("داليا", 5), Member("دوليا", 2, "auto")], "auto")
    session, _said = _session(["e كوربين", "y", "a", "n"])
    session.one(cl, 1, 1)
    (entry,) = session.glossary.entries
    assert entry.canonical == "كوربين"


def test_a_kept_spelling_with_quotes_digits_or_latin_is_refused() -> None:
    """`e` with characters no name has (أحمد"] = 1, Ahmed, احمد2) changes
    nothing: such a kept spelling would be written into every text."""
    cl = Cluster("أحمد", [Member("أحمد", 5), Member("احمد", 2, "auto")], "auto")
    session, said = _session(['e أحمد"] = 1', "e Ahmed", "e احمد2", "a"])
    session.one(cl, 1, 1)
    assert sum("cannot be a kept spelling" in s for s in said) == 3
    (entry,) = session.glossary.entries
    assert entry.canonical == "أحمد" and entry.variants == ["احمد"]


def test_a_kept_spelling_with_tatweel_or_vowel_marks_is_refused() -> None:
    """أحمـد would fight AR401 for ever; أَحمد would put a fatha on every أحمد."""
    cl = Cluster("أحمد", [Member("أحمد", 5), Member("احمد", 2, "auto")], "auto")
    session, said = _session(["e أحمـد", "e أَحمد", "a"])
    session.one(cl, 1, 1)
    assert sum("cannot be a kept spelling" in s for s in said) == 2
    assert session.glossary.entries[0].canonical == "أحمد"


COMPOUND = (
    "قال عبد الرحمن إن الفريق جاهز. وأكد عبد الرحمن أن المباراة صعبة. "
    "وأضاف عبد الرحمن أن الجمهور مهم. ثم غادر عبدالرحمن الملعب.\n"
)


def test_a_skipped_compound_name_is_remembered(tmp_path: Path) -> None:
    """The .skipped file holds one kept spelling a line: عبد الرحمن, two
    words, is one line, read back whole (not as عبد and الرحمن)."""
    text = tmp_path / "c.txt"
    text.write_text(COMPOUND, encoding="utf-8")
    r, g = _review(tmp_path, text, "s\n")
    assert "cluster 1 of 1: عبد الرحمن" in r.output
    state = Path(f"{g}.skipped")
    assert state.read_text(encoding="utf-8") == "عبد الرحمن\n"
    r, g = _review(tmp_path, text, "q\n")
    assert r.exit_code == 0, r.output
    assert "cluster 1 of 1" not in r.output
    assert state.read_text(encoding="utf-8") == "عبد الرحمن\n"  # no stray عبد, الرحمن
