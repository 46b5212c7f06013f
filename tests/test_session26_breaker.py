"""Session 26, the breaker's findings F6-F12: `pipe --all` and unsafe fixes,
bidi controls in listings and file names, subtitles with no cue, `-` named
twice, a read-only glossary in `names review`, an empty folder for `names
scan`, and `clean_texts` given one string."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from arclean.cli import cli


def invoke(args: list[str], data: str | bytes = b"") -> object:
    if isinstance(data, str):
        data = data.encode()
    return CliRunner().invoke(cli, args, input=data)


# -- F8: pipe GROUP --all applies unsafe opt-in fixes only with --unsafe-fixes --

VOWELLED = "كَتَبَ الوَلَدُ الدَّرْسَ\n"
NOTE = "Unsafe fixes not applied (add `--unsafe-fixes` to apply them)"


@pytest.mark.parametrize(
    ("step", "text", "codes"),
    [
        ("diacritics", VOWELLED, ["AR211"]),
        ("alef", "ذهب الى البيت والإستقبال\n", ["AR302", "AR303"]),
        ("letters", "قال فى البيت\n", ["AR410"]),
        ("letters", "مدرسه الجامعه\n", ["AR411"]),
    ],
)
def test_pipe_all_leaves_unsafe_fixes_without_the_option(
    step: str, text: str, codes: list[str]
) -> None:
    r = invoke(["pipe", "--isolated", step, "--all"], text)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == text
    assert NOTE in r.stderr and all(code in r.stderr for code in codes)
    assert f"arclean pipe --unsafe-fixes {step} --all" in r.stderr
    unsafe = invoke(["pipe", "--isolated", "--unsafe-fixes", step, "--all"], text)
    assert unsafe.exit_code == 0 and unsafe.stdout != text and NOTE not in unsafe.stderr


def test_pipe_all_applies_the_safe_opt_in_fixes_and_names_the_unsafe_one() -> None:
    r = invoke(["pipe", "--isolated", "punct", "--all"], 'قال "نعم" ...\n')
    assert r.stdout == "قال «نعم» …\n"
    assert NOTE in r.stderr and "AR113" in r.stderr and "AR110" not in r.stderr
    # Without --all nothing opt-in was chosen: no note.
    plain = invoke(["pipe", "--isolated", "punct"], "قال ، ثم\n")
    assert plain.stdout == "قال، ثم\n" and plain.stderr == ""


def test_pipe_all_matches_fix_extend_select() -> None:
    fix = invoke(["fix", "--isolated", "--extend-select", "AR211"], VOWELLED)
    pipe = invoke(["pipe", "--isolated", "diacritics", "--all"], VOWELLED)
    assert fix.stdout == pipe.stdout == VOWELLED
    assert NOTE in fix.stderr and NOTE in pipe.stderr


def test_pipe_help_says_unsafe_fixes_need_the_option() -> None:
    assert "--unsafe-fixes" in invoke(["pipe", "alef", "--help"]).stdout
    assert "--unsafe-fixes" in invoke(["pipe", "--help"]).stdout


# -- F9: bidi controls in change contexts and file names are named ----------

RLO = "\N{RIGHT-TO-LEFT OVERRIDE}"
RLM = "\N{RIGHT-TO-LEFT MARK}"
RLO_TAG = "<U+202E RIGHT-TO-LEFT OVERRIDE>"
BIDI_TEXT = f"قال {RLO} ، ثم{RLM} و\n"


@pytest.mark.parametrize("extra", [[], ["--buckwalter"], ["--color", "always"]])
def test_show_changes_names_bidi_controls_in_the_context(tmp_path, extra: list[str]) -> None:
    path = tmp_path / "b.txt"
    path.write_text(BIDI_TEXT, encoding="utf-8")
    r = invoke(["fix", "--isolated", "--show-changes", *extra, str(path)])
    assert r.exit_code == 0, r.stderr
    assert RLO not in r.stderr and RLM not in r.stderr
    assert RLO_TAG in r.stderr and "<U+200F RIGHT-TO-LEFT MARK>" in r.stderr


def test_show_changes_on_stdin_names_bidi_controls() -> None:
    r = invoke(["fix", "--isolated", "--show-changes", "-"], BIDI_TEXT)
    assert RLO not in r.stderr and RLO_TAG in r.stderr
    assert RLO in r.stdout  # the text itself is not touched by the display


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--output-format", "full"],
        ["check", "--output-format", "github"],
        ["fix", "--check"],
        ["fix", "--show-changes", "--check"],
    ],
)
def test_a_file_name_holding_a_bidi_control_is_named(tmp_path, args: list[str]) -> None:
    folder = tmp_path / "d6"
    folder.mkdir()
    (folder / f"a{RLO}txt.md").write_text("قال ، ثم\n", encoding="utf-8")
    r = invoke([*args, "--isolated", str(folder)])
    assert r.exit_code == 1, r.output
    assert RLO not in r.output
    assert f"a{RLO_TAG}txt.md" in r.output


def test_a_patch_header_keeps_the_name_git_apply_needs(tmp_path) -> None:
    folder = tmp_path / "d6"
    folder.mkdir()
    (folder / f"a{RLO}txt.md").write_text("قال ، ثم\n", encoding="utf-8")
    r = invoke(["fix", "--isolated", "--diff", str(folder)])
    assert f"a{RLO}txt.md" in r.stdout


# -- F6: a subtitle file with no cue is named; an Arabic-comma timing line is read --

NO_CUE = "قال ، ثم\nهذا ليس ، ترجمة\n"
ARABIC_COMMA_SRT = (
    "1\n00:00:01،000 --> 00:00:02،000\nقال ، ثم\n\n3\n00:00:05.000 --> 00:00:06.000\nقال ، ثم\n"
)


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("a.srt", NO_CUE, "SubRip"),
        ("a.vtt", NO_CUE, "WebVTT"),
        ("a.vtt", "WEBVTT\n\nقال ، ثم\n", "WebVTT"),
    ],
)
@pytest.mark.parametrize("command", [["check"], ["fix"], ["fix", "--check"]])
def test_a_subtitle_file_with_no_cue_is_named(
    tmp_path, name: str, text: str, kind: str, command: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    r = invoke([*command, "--isolated", str(path)])
    assert r.exit_code == 0, r.stderr  # nothing to do, as for a folder with no file
    assert f"{path}: no {kind} cue found" in r.stderr
    assert "use --format plain if it is prose" in r.stderr
    assert path.read_text(encoding="utf-8") == text


def test_a_piped_subtitle_with_no_cue_is_named() -> None:
    r = invoke(["fix", "--isolated", "--stdin-filename", "s.srt", "-"], NO_CUE)
    assert r.stdout == NO_CUE and "s.srt: no SubRip cue found" in r.stderr


@pytest.mark.parametrize("text", ["", "\n", "WEBVTT\n\nNOTE a note\n"])
def test_an_empty_subtitle_file_is_not_named(tmp_path, text: str) -> None:
    path = tmp_path / "e.vtt"
    path.write_text(text, encoding="utf-8")
    r = invoke(["check", "--isolated", str(path)])
    assert r.exit_code == 0 and "cue" not in r.stderr


def test_a_timing_line_with_the_arabic_comma_is_read(tmp_path) -> None:
    path = tmp_path / "ar.srt"
    path.write_text(ARABIC_COMMA_SRT, encoding="utf-8")
    check = invoke(["check", "--isolated", str(path)])
    assert check.exit_code == 1 and f"{path}:3:4: AR101" in check.stdout
    assert f"{path}:2: a timing line written with the Arabic comma" in check.stderr
    fix = invoke(["fix", "--isolated", str(path)])
    assert fix.exit_code == 0, fix.stderr
    fixed = path.read_text(encoding="utf-8")
    assert fixed == ARABIC_COMMA_SRT.replace("قال ، ثم", "قال، ثم")
    assert "00:00:01،000 --> 00:00:02،000" in fixed  # the timing line itself is left


def test_a_good_subtitle_file_has_no_note(tmp_path) -> None:
    path = tmp_path / "ok.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nقال ، ثم\n", encoding="utf-8")
    r = invoke(["fix", "--isolated", str(path)])
    assert r.exit_code == 0 and "warning" not in r.stderr


# -- F7: `-` named twice is refused by fix and check alike ------------------


@pytest.mark.parametrize(
    "args", [["fix", "-", "-"], ["check", "-", "-"], ["fix", "--diff", "-", "-"]]
)
def test_stdin_named_twice_is_refused(args: list[str]) -> None:
    r = invoke([args[0], "--isolated", *args[1:]], "قال ، ثم\n")
    assert r.exit_code == 2
    assert "`-` (stdin) is named 2 times" in r.stderr
    assert r.stdout == ""


def test_stdin_named_once_still_works() -> None:
    r = invoke(["fix", "--isolated", "-"], "قال ، ثم\n")
    assert r.exit_code == 0 and r.stdout == "قال، ثم\n"


# -- F10: names review refuses a read-only glossary before the first question --

EMPTY_GLOSSARY = 'version = 1\nfold = "arclean-fold-v1"\n'
NAMES_TEXT = "قال أحمد ، ثم قال احمد و أحمد هنا.\n" * 3


def _review(tmp_path, glossary) -> object:
    text = tmp_path / "news.txt"
    text.write_text(NAMES_TEXT, encoding="utf-8")
    args = ["names", "review", "--glossary", str(glossary), "--limit", "1", str(text)]
    return invoke(args, "a\nq\n")


def test_review_refuses_a_read_only_glossary_before_asking(tmp_path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text(EMPTY_GLOSSARY, encoding="utf-8")
    glossary.chmod(0o444)
    r = _review(tmp_path, glossary)
    assert r.exit_code == 2
    assert f"{glossary} is read-only" in r.stderr and "make it writable" in r.stderr
    assert "[1/" not in r.output and "cluster" not in r.stdout.lower()  # nothing asked
    assert glossary.read_text(encoding="utf-8") == EMPTY_GLOSSARY


def test_review_refuses_a_read_only_skipped_list(tmp_path) -> None:
    glossary = tmp_path / "g.toml"
    skipped = tmp_path / "g.toml.skipped"
    skipped.write_text("", encoding="utf-8")
    skipped.chmod(0o444)
    r = _review(tmp_path, glossary)
    assert r.exit_code == 2 and "g.toml.skipped is read-only" in r.stderr
    assert not glossary.exists()


def test_review_refuses_a_read_only_folder(tmp_path, monkeypatch) -> None:
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    # root may write anywhere: the folder is made read-only for os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(folder) else real_access(p, mode)
    )
    r = _review(tmp_path, folder / "g.toml")
    assert r.exit_code == 2 and f"its folder {folder} is read-only" in r.stderr


def test_scan_write_glossary_refuses_a_read_only_glossary_before_the_scan(tmp_path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text(EMPTY_GLOSSARY, encoding="utf-8")
    glossary.chmod(0o444)
    text = tmp_path / "news.txt"
    text.write_text(NAMES_TEXT, encoding="utf-8")
    r = invoke(["names", "scan", "--write-glossary", str(glossary), str(text)])
    assert r.exit_code == 2 and "is read-only" in r.stderr


# -- F11: an empty folder is a note (exit 0) for names scan, as for fix -----


@pytest.mark.parametrize("fmt", ["table", "json", "toml"])
def test_names_scan_of_an_empty_folder_is_a_note(tmp_path, fmt: str) -> None:
    empty = tmp_path / "e"
    empty.mkdir()
    fix = invoke(["fix", "--isolated", str(empty)])
    scan = invoke(["names", "scan", "--output-format", fmt, str(empty)])
    assert fix.exit_code == scan.exit_code == 0, scan.stderr
    assert f"no files to scan in {empty}" in scan.stderr
    assert f"no files to fix in {empty}" in fix.stderr
    if fmt == "json":
        assert scan.stdout.strip() == "[]"


def test_names_scan_of_a_folder_of_skipped_files_is_a_note(tmp_path) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "x.txt").write_bytes(b"a\x00b")
    scan = invoke(["names", "scan", str(folder)])
    assert scan.exit_code == invoke(["fix", "--isolated", str(folder)]).exit_code == 0
    assert "NUL bytes" in scan.stderr and "no files to scan" in scan.stderr


def test_names_review_of_an_empty_folder_asks_nothing_and_writes_nothing(tmp_path) -> None:
    empty = tmp_path / "e"
    empty.mkdir()
    glossary = tmp_path / "g.toml"
    r = invoke(["names", "review", "--glossary", str(glossary), str(empty)])
    assert r.exit_code == 0 and "no files to review" in r.stderr
    assert not glossary.exists()


def test_names_scan_of_a_missing_path_is_still_an_error(tmp_path) -> None:
    r = invoke(["names", "scan", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no such file" in r.stderr


# -- F12: clean_texts refuses one string ------------------------------------


@pytest.mark.parametrize("text", ["قال ، ثم", "قال ، ثم".encode()])
@pytest.mark.parametrize("names", [False, True])
def test_clean_texts_refuses_one_string(text: str | bytes, names: bool) -> None:
    from arclean.corpus import clean_texts

    with pytest.raises(TypeError, match="takes a sequence of texts, not one"):
        clean_texts(text, names=names)


def test_clean_texts_takes_a_list_and_a_tuple() -> None:
    from arclean.corpus import clean_texts

    assert clean_texts(["قال ، ثم", None]) == ["قال، ثم", None]
    assert clean_texts(("قال ، ثم",)) == ["قال، ثم"]


def test_a_broken_timing_line_is_named_not_passed_silently(tmp_path) -> None:
    """Cues 2 and 3 have timing lines with `->` and `;`: they are not read,
    and the file says so (cue 1 is still checked)."""
    path = tmp_path / "partial.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nقال ، ثم\n\n"
        "2\n00:00:03,000 -> 00:00:04,000\nذهب ، وعاد\n\n"
        "3\n00:00:05;000 --> 00:00:06;000\nكتب ، ثم\n",
        encoding="utf-8",
    )
    r = invoke(["check", "--isolated", "--output-format", "concise", str(path)])
    assert r.exit_code == 1
    assert "partial.srt:6: a line like a timing line that cannot be read (and 1 more)" in r.stderr
    assert r.stdout.count("AR101") == 1


def test_a_timing_line_in_arabic_indic_digits_is_read_and_named(tmp_path) -> None:
    path = tmp_path / "ai.srt"
    path.write_text("1\n٠٠:٠٠:٠١,٠٠٠ --> ٠٠:٠٠:٠٢,٠٠٠\nقال ، ثم\n", encoding="utf-8")
    r = invoke(["check", "--isolated", str(path)])
    assert r.exit_code == 1 and "AR101" in r.stdout
    assert "ai.srt:2: a timing line written with the Arabic comma ، or Arabic-Indic digits" in (
        r.stderr
    )
