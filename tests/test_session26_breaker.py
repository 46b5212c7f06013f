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
