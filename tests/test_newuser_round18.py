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


# --- 6. pre-commit batches of excluded files; the wording outside git -----


def _excluding_repo(root: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "pyproject.toml").write_text(
        '[tool.arclean]\nexclude = ["drafts/", "vendor/"]\n', encoding="utf-8"
    )
    for name in ("drafts/a.md", "vendor/b.txt", "docs/c.txt"):
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text("قال الوزير ، ثم غادر\n", encoding="utf-8")


def test_force_exclude_batch_of_excluded_files_is_quiet(tmp_path: Path, monkeypatch) -> None:
    _excluding_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    for verb in ("fix", "check"):
        r = CliRunner().invoke(cli, [verb, "--force-exclude", "drafts/a.md", "vendor/b.txt"])
        assert r.exit_code == 0 and r.stderr == "" and r.stdout == "", (verb, r.stderr)
    assert (tmp_path / "drafts/a.md").read_text(encoding="utf-8") == "قال الوزير ، ثم غادر\n"
    # a batch holding a file the configuration does not exclude: fixed, and said
    r = CliRunner().invoke(cli, ["fix", "--force-exclude", "drafts/a.md", "docs/c.txt"])
    assert r.exit_code == 0 and r.stderr.strip() == "1 file fixed"


def test_no_files_wording_inside_and_outside_git(tmp_path: Path) -> None:
    outside = tmp_path / "plain" / "empty"
    outside.mkdir(parents=True)
    r = CliRunner().invoke(cli, ["check", str(outside)])
    assert r.exit_code == 0 and "no files to check" in r.stderr
    assert "git" not in r.stderr and "not hidden" in r.stderr
    _excluding_repo(tmp_path / "repo")
    inside = tmp_path / "repo" / "empty"
    inside.mkdir()
    r = CliRunner().invoke(cli, ["fix", str(inside)])
    assert r.exit_code == 0 and "that git does not ignore" in r.stderr


# --- 7. a pipe step that selects no rule -------------------------------------

MOJIBAKE = "ط§ظ„ط¹ط±ط¨ظٹط©\n"


def test_pipe_step_without_rules_is_an_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["pipe", "--isolated", "encoding"], input=MOJIBAKE)
    assert r.exit_code == 2 and r.stdout == ""
    assert "step 'encoding' selects no rule" in r.stderr
    assert "AR901" in r.stderr and "AR902" in r.stderr
    assert "pipe --unsafe-fixes encoding --all" in r.stderr
    args = ["pipe", "--isolated", "--unsafe-fixes", "encoding", "--all"]
    r = CliRunner().invoke(cli, args, input=MOJIBAKE)
    assert r.exit_code == 0 and r.stdout == "العربية\n"


def test_pipe_step_emptied_by_the_configuration(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "arclean.toml").write_text('ignore = ["AR5"]\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["pipe", "punct", "space"], input="a  b\n")
    assert r.exit_code == 2 and "step 'space' selects no rule" in r.stderr
    assert "`select`/`ignore`" in r.stderr and "AR502" in r.stderr


# --- 4. ZWNJ inside Arabic words: the search profile removes it --------------

TWEET = "قد ﻳﺒﻄﺊ ﺍﻟﻨﺼﺮ ﻷ\u200cﻥ ﺍﻟﺒﻴﺌﺔ ﻻ\u200c ﺗﺼﻠﺢ"


def test_search_profile_removes_zwnj_in_arabic_words() -> None:
    from arclean import Cleaner

    assert Cleaner(profile="search")(TWEET) == "قد يبطي النصر لان البييه لا تصلح"
    assert "\u200c" not in Cleaner(profile="search")("الأ\u200cمل هو تلك النافذه")


def test_default_profile_keeps_zwnj() -> None:
    from arclean import Cleaner

    assert Cleaner()(TWEET).count("\u200c") == 2
    persian = "من می\u200cخواهم این کتاب را بخوانم."
    assert Cleaner()(persian) == persian


# --- 8. NUL bytes piped in: the message says how to go on ---------------------


def test_nul_bytes_on_stdin_say_how_to_fix() -> None:
    utf16 = "العربية جميلة\n".encode("utf-16")
    for command in (
        ["fix", "--isolated"],
        ["check", "--isolated"],
        ["pipe", "--isolated", "punct"],
    ):
        r = CliRunner().invoke(cli, command, input=utf16)
        assert r.exit_code == 2 and r.stdout == "", command
        # `pipe` has no --encoding (session 21): it says to convert the text
        use = "arclean pipe reads UTF-8 only" if command[0] == "pipe" else "use --encoding utf-16"
        assert f"nothing written. It looks like UTF-16: {use}" in r.stderr
        assert "skipped" not in r.stderr
    r = CliRunner().invoke(cli, ["fix", "--isolated"], input=b"\x00\x01\x02binary\xff\xfe")
    assert r.exit_code == 2
    assert "nothing written. If it is text, name its encoding with --encoding" in r.stderr


# --- 10. AR105 after a closing quote, bracket, emphasis, or digits ------------


def test_space_before_full_stop_after_quotes_emphasis_digits() -> None:
    from arclean import Cleaner

    clean = Cleaner()
    for before, after in [
        ("قال إن «الحياة جميلة» .", "قال إن «الحياة جميلة»."),
        ("ما يسمى “الدستور” .", "ما يسمى “الدستور”."),
        ("ولد في ٢٠٢٤ .", "ولد في ٢٠٢٤."),
        ("قال تعالى {وَقُل رَّبِّ زِدْنِي عِلْمًا} .", "قال تعالى {وَقُل رَّبِّ زِدْنِي عِلْمًا}."),
        ("كاسيميرو (ريال مدريد) : أفضل", "كاسيميرو (ريال مدريد): أفضل"),
    ]:
        assert clean(before) == after
    markdown = Cleaner(format="markdown")
    assert markdown("كلمة __تحته__ .\n") == "كلمة __تحته__.\n"
    assert markdown("قال **نعم** !\n") == "قال **نعم**!\n"


def test_ar105_leaves_numbers_lists_latin_and_links() -> None:
    from arclean import Cleaner

    clean, markdown = Cleaner(), Cleaner(format="markdown")
    for text in [
        "الساعة ١٠ : ٣٠",  # a time
        "بلغ ٣ . ٥ في المئة",  # a spaced decimal point
        "١ . مقدمة",  # a numbered list
        "في 2024 . 5",  # western digits before a digit (session 20: at a line's end
        "نظام Windows 10 .",  # or before an Arabic word they take the stop)
        'He said "yes" .',  # Latin
        "قال «نعم» ... ثم",  # an ellipsis after a quote
        "ابتسم :) . ثم",  # a smiley
        "انظر [1] .",
    ]:
        assert clean(text) == text, text
    link = "انظر [الرابط](https://example.com/a) .\n"
    assert markdown(link) == link
    assert clean("في 2024 .") == "في 2024."


# --- 3. AR205's majority per JSON Lines value, documented ----------------------

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    return README[start : README.index("\n## ", start + 1)]


def test_jsonl_tanween_majority_is_per_value_as_documented(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    records = '{"text":"كتاباً وقلماً ودفترًا"}\n{"text":"كتابًا وقلمًا ودفتراً"}\n'
    r = CliRunner().invoke(cli, ["fix", "--isolated", "--jsonl"], input=records)
    assert r.stdout == '{"text":"كتاباً وقلماً ودفتراً"}\n{"text":"كتابًا وقلمًا ودفترًا"}\n'
    section = _section("JSON Lines")
    assert "AR205's tanween majority is counted in each\nvalue apart" in section
    assert 'tanween = "before-alef"' in section
    (tmp_path / "arclean.toml").write_text('tanween = "before-alef"\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["fix", "--jsonl"], input=records)
    assert r.stdout == '{"text":"كتابًا وقلمًا ودفترًا"}\n' * 2
    # the tie rule, where AR205 is described
    assert "a tie goes to before-alef, كتابًا" in README
    from arclean import Cleaner

    assert Cleaner()("كتاباً ودفترًا") == "كتابًا ودفترًا"


# --- 9. the Python API example folds; Cleaner reads no configuration -----------


def test_readme_python_api_examples_do_what_they_say(tmp_path: Path, monkeypatch) -> None:
    from arclean import Cleaner

    section = _section("Python API")
    line = next(x for x in section.splitlines() if x.startswith('Cleaner(profile="search"'))
    assert "select=" not in line.replace("extend_select=", "")
    cleaner = eval(line, {"Cleaner": Cleaner})  # the README's own example
    assert cleaner("أحمد ، على مدرسة") == "احمد، علي مدرسه"
    assert "It reads no configuration file" in section
    for word in ("rule_files", "glossaries", "options"):
        assert f"`{word}`" in section
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.arclean]\nignore = ["AR101"]\n', encoding="utf-8"
    )
    assert Cleaner()("قال ، ثم") == "قال، ثم"


# --- 5. pre-commit: installing, and the two hooks with a glossary ---------------


def test_precommit_hooks_with_a_configured_glossary(tmp_path: Path, monkeypatch) -> None:
    import shlex

    import yaml

    hooks = {
        h["id"]: shlex.split(h["entry"])[1:]
        for h in yaml.safe_load(
            (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
        )
    }
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.toml").write_text(
        'version = 1\n[[entity]]\ncanonical = "فيدان"\nvariants = ["فيان"]\n', encoding="utf-8"
    )
    (tmp_path / "arclean.toml").write_text('glossaries = ["names.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("قال فيان ، ثم غادر\n", encoding="utf-8")
    r = CliRunner().invoke(cli, [*hooks["arclean"], "a.txt"])
    assert r.exit_code == 0 and (tmp_path / "a.txt").read_text("utf-8") == "قال فيدان، ثم غادر\n"
    r = CliRunner().invoke(cli, [*hooks["arclean-names"], "a.txt"])
    assert r.exit_code == 0 and "1 file left unchanged" in r.stderr
    section = _section("pre-commit")
    assert "pip install pre-commit && pre-commit install" in section
    assert "`arclean-names` then finds nothing left and says Passed" in section


# --- 11. --buckwalter with --diff; removal before addition; config show -------


def test_buckwalter_with_diff_says_the_diff_keeps_its_letters(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["fix", "--isolated", "--diff", "--buckwalter"], input="قال ، ثم\n")
    assert r.exit_code == 1 and "+قال، ثم" in r.stdout
    assert "--buckwalter transliterates the change listing (stderr) only" in r.stderr
    assert "qAl[-" in r.stderr


def test_name_lines_list_removals_before_additions() -> None:
    from arclean.report.changes import name_lines

    # difflib matches the space: the comma's addition came first
    assert name_lines(" , ", "، ") == [
        "- U+002C COMMA",
        "- U+0020 SPACE",
        "+ U+060C ARABIC COMMA",
    ]


def test_config_show_refuses_a_missing_rule_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "arclean.toml").write_text('rules = ["house.toml"]\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["config", "show"])
    assert r.exit_code == 2 and "house.toml: no such rule file" in r.stderr
    assert "rules " in r.stdout  # the listing still comes first
    (tmp_path / "arclean.toml").write_text('glossaries = ["g.toml"]\n', encoding="utf-8")
    assert CliRunner().invoke(cli, ["config", "show"]).exit_code == 2
    (tmp_path / "arclean.toml").write_text('ignore = ["AR101"]\n', encoding="utf-8")
    assert CliRunner().invoke(cli, ["config", "show"]).exit_code == 0
