"""The article the project started from, and its cleaned version, reviewed by
hand (see seeds/README.md)."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEEDS

from arclean import Cleaner

SEED = SEEDS / "000_1e98b3542325010d.txt"
GOLDEN = SEEDS / "000_1e98b3542325010d.clean.txt"


def test_seed_matches_the_golden_file():
    assert Cleaner()(SEED.read_text(encoding="utf-8")) == GOLDEN.read_text(encoding="utf-8")


def test_golden_has_no_space_before_arabic_comma_and_no_other_damage():
    original = SEED.read_text(encoding="utf-8")
    golden = GOLDEN.read_text(encoding="utf-8")
    assert " ،" in original and " ،" not in golden
    # The article writes tanween fatha once before the alef (أيضًا) and once on
    # it (شمولاً): a tie, which AR205 resolves to before-alef.
    on_alef, before_alef = (
        "\N{ARABIC LETTER ALEF}\N{ARABIC FATHATAN}",
        "\N{ARABIC FATHATAN}\N{ARABIC LETTER ALEF}",
    )
    assert original.count(on_alef) == original.count(before_alef) == 1
    assert on_alef not in golden
    original = original.replace(on_alef, before_alef)
    # Otherwise only spaces went away: the words, their letters and order are intact.
    assert original.replace(" ", "") == golden.replace(" ", "")
    assert original.replace(" ،", "،").split() == golden.split()
    assert original.count("،") == golden.count("،")
    assert not original.endswith("\n") and not golden.endswith("\n")


def test_seed_through_the_command_line_is_byte_identical_to_golden(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "arclean", "fix"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == GOLDEN.read_bytes()


def test_seed_check_reports_the_unclosed_quote():
    findings = Cleaner().check(SEED.read_text(encoding="utf-8"))
    unbalanced = [f for f in findings if f.code == "AR190"]
    assert len(unbalanced) == 1
    assert "unclosed “" in unbalanced[0].message
