"""A new user's first run, from the README: each fault they found, its kind
(the sample and at least three more cases) and what must stay."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from arclean import Cleaner
from arclean.cli import cli
from arclean.text.masks import protected_ranges, quran_ranges

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpus" / "news" / "saudinewsnet_2015-08-09.txt"
SEED = ROOT / "seeds" / "000_1e98b3542325010d.txt"


def invoke(args: list[str], input: str | None = None):
    return CliRunner().invoke(cli, args, input=input)


def fix(text: str, **settings) -> str:
    return Cleaner(**settings)(text)


# -- 1. a written glossary holds only the automatic tier -----------------------

#: Review-tier clusters of the user's report: each kept spelling is the
#: frequent one, and none of the members may reach a written glossary.
REVIEW_TEXT = " ".join(
    ["قتل آلاف الأشخاص في الحرب."] * 6
    + ["وصل آلآف اللاجئين."]
    + ["قالت إن لديها خطة جديدة."] * 5
    + ["وأكدت أن لدىها موعدا."]
    + ["وأكد أنهم سيصلون غدا."] * 6
    + ["وقال إنهم وصلوا أمس."] * 3
    + ["وأعلن الجيش استهداف مواقع المسلحين."] * 5
    + ["وقال إن الطيران استهدف قافلة."] * 3
)
REVIEW_WORDS = ["آلآف", "لدىها", "إنهم", "استهدف", "آلاف", "لديها", "أنهم", "استهداف"]


def _scan_and_fix(tmp_path: Path, text: str, *scan_args: str) -> tuple[str, str, str]:
    """Scan `text` with --write-glossary, then `fix --glossary` it: the
    glossary written, the fixed text and the scan's listing."""
    src = tmp_path / "text.txt"
    src.write_text(text, encoding="utf-8")
    glossary = tmp_path / "names.toml"
    # the listing as well as the glossary: --output-format table
    scan = ["names", "scan", str(src), "--write-glossary", str(glossary)]
    scanned = invoke([*scan, "--output-format", "table", *scan_args])
    assert scanned.exit_code == 0, scanned.output
    if not glossary.exists():  # nothing automatic: no file (session 26)
        assert "file not written" in scanned.stderr
        return "", src.read_text(encoding="utf-8"), scanned.output
    fixed = invoke(["fix", "--isolated", "--select", "AR801", "--glossary", str(glossary),
                    "--no-show-changes", str(src)])  # fmt: skip
    assert fixed.exit_code == 0, fixed.output
    return glossary.read_text(encoding="utf-8"), src.read_text(encoding="utf-8"), scanned.output


@pytest.mark.parametrize("tier", ["review", "all", "auto"])
def test_a_written_glossary_holds_no_review_tier_member(tmp_path: Path, tier: str) -> None:
    glossary, fixed, listing = _scan_and_fix(tmp_path, REVIEW_TEXT, "--tier", tier)
    assert fixed == REVIEW_TEXT
    assert not any(word in glossary for word in REVIEW_WORDS)
    if tier != "auto":  # --tier still chooses what is listed
        for word in ("آلآف", "لدىها", "إنهم", "استهدف"):
            assert word in listing


def test_the_kept_spelling_of_a_review_cluster_is_the_frequent_one() -> None:
    from arclean.names import scan

    kept = {m.form: cl.canonical for cl in scan([REVIEW_TEXT]) for m in cl.members}
    assert kept["آلآف"] == "آلاف" and kept["لدىها"] == "لديها"
    assert kept["إنهم"] == "أنهم" and kept["استهدف"] == "استهداف"


def test_toml_output_is_the_glossary_that_is_written() -> None:
    r = invoke(["names", "scan", "--output-format", "toml", "--tier", "all", "-"],
               input=REVIEW_TEXT)  # fmt: skip
    assert r.exit_code == 0 and not any(word in r.output for word in REVIEW_WORDS)


def test_the_automatic_tier_is_still_written_and_applied(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    glossary, fixed, _ = _scan_and_fix(tmp_path, text)
    assert 'canonical = "فيدان"' in glossary and '"فيان"' in glossary
    assert fixed == text.replace("فيان", "فيدان")


def test_help_says_a_glossary_gets_only_the_automatic_tier() -> None:
    r = invoke(["names", "scan", "--help"])
    assert "Review-tier members are never written" in " ".join(r.output.split())
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "writes only the automatic-tier members" in readme


@pytest.mark.skipif(not NEWS.is_file(), reason="shared corpus absent")
def test_a_written_glossary_changes_only_planted_variants_of_real_news(tmp_path: Path) -> None:
    lines = NEWS.read_text(encoding="utf-8").splitlines(keepends=True)[:3000]
    text = "".join(lines)
    from arclean.names import scan

    # the kept spelling of the biggest clusters is their most frequent member
    clusters = sorted(scan([text]), key=lambda cl: -cl.count)[:40]
    for cl in clusters:
        counts = {m.form: m.count for m in cl.members}
        if cl.tier == "auto" or cl.canonical in ("آلاف", "لديها", "أنهم", "استهداف"):
            assert counts[cl.canonical] == max(counts.values()), (cl.canonical, counts)
    thousands = next(cl for cl in clusters if cl.canonical == "آلاف")
    assert {m.form for m in thousands.members} >= {"آلاف", "آلآف"}
    # The text's own automatic merges first, so that what is left to find
    # is what we plant; then plant variants of names it spells often.
    (tmp_path / "first").mkdir()
    _, clean, _ = _scan_and_fix(tmp_path / "first", text)
    planted = {"تشيلسي": "تشلسي", "أحمد": "احمد", "ماوريسيو": "موريسيو", "فينجر": "فينغر"}
    spots = []
    for canonical, variant in planted.items():
        found = list(regex.finditer(rf"(?<!\w){canonical}(?!\w)", clean))
        spots += [(m.start(), canonical, variant) for m in found[1:3]]
    text = clean
    for start, canonical, variant in sorted(spots, reverse=True):
        text = text[:start] + variant + text[start + len(canonical) :]
    (tmp_path / "second").mkdir()
    glossary, fixed, _ = _scan_and_fix(tmp_path / "second", text)
    # every word the glossary changed is a planted variant, put back
    before, after = text.split(), fixed.split()
    assert len(before) == len(after)
    changed = Counter((a, b) for a, b in zip(before, after, strict=True) if a != b)
    assert changed, "no planted variant was found"
    for (old, new), _n in changed.items():
        assert any(old.endswith(v) and new.endswith(c) for c, v in planted.items()), (old, new)
    for word in ("آلآف", "لدىها", "إنهم", "استهدف"):
        assert word not in glossary


# -- 2. reversed guillemets »…« ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "كتب »الأيام« و »الأهرام« أمس",  # the report
        "قرأت »الشرق الأوسط« و »الحياة« و »النهار« صباحا",
        "نشرت »المصري اليوم« تقريرا عن »الوفد« أمس",
        "قال »نعم« ثم « لا »",  # mixed: which one opens is unknown
        "قال « نعم و « لا »",  # unpaired: left for AR190
    ],
)
def test_spaces_beside_guillemets_that_cannot_be_paired_inward_stay(text: str) -> None:
    assert fix(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "كتب » الأيام « و » الأهرام « أمس",  # »…« with spaces: which opens is unknown
        "على السماع » فسمعتها تقول : «الساعة الثالثة",  # » closes the line before's quote
        "حدث هذا؟» . فقال : «لا أدرى كيف",
    ],
)
def test_a_line_whose_first_guillemet_closes_is_left_alone(text: str) -> None:
    assert fix(text, select=["AR108"]) == text
    assert Cleaner().check(text)  # AR190 says the line's guillemets do not pair
    fix(text)  # and the default rules settle (they used to undo each other)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال « نعم » و « لا »", "قال «نعم» و «لا»"),
        ("قال «هو « نعم » ثم»", "قال «هو «نعم» ثم»"),
        ("عنوانها « الحرب والسلام » كما قال", "عنوانها «الحرب والسلام» كما قال"),
    ],
)
def test_paired_guillemets_lose_inner_spaces(text: str, expected: str) -> None:
    assert fix(text) == expected


# -- 3. Quranic quotations are never edited --------------------------------------

VERSE = "﴿إِنَّ اللَّهَ كَانَ عَلِيمًا حَكِيمًا﴾"
REPORT = f"قال تعالى: {VERSE} وكان الأمر واضحاً جداً وسريعاً."


@pytest.mark.parametrize(
    "text",
    [
        REPORT,
        # the other order of the ornate parentheses
        "قال تعالى: ﴾إِنَّ اللَّهَ كَانَ عَلِيمًا حَكِيمًا﴿ وكان واضحاً جداً وسريعاً.",
        # spacing, punctuation and marks inside a verse are the verse's own
        "قال تعالى: ﴿ وَقُل  رَّبِّ زِدْنِي عِلْمًا ﴾ وهذا مهم .",
        "قال تعالى: ﴿يَا أَيُّهَا النَّاسُ , اتَّقُوا رَبَّكُمْ﴾ ثم سكت",
        "﴿وَٱللَّهُ عَلِيمٌ حَكِيمٌ﴾ كما ورد",
    ],
)
def test_no_rule_edits_a_quranic_quotation(text: str) -> None:
    out = fix(text)
    (start, end), *_ = quran_ranges(text)
    assert text[start:end] in out


def test_the_prose_around_a_verse_is_still_cleaned() -> None:
    out = fix("قال تعالى: ﴿ وَقُل  رَّبِّ زِدْنِي عِلْمًا ﴾ وهذا  مهم .")
    assert out == "قال تعالى: ﴿ وَقُل  رَّبِّ زِدْنِي عِلْمًا ﴾ وهذا مهم."


def test_a_verse_counts_for_no_text_wide_decision() -> None:
    # The verse writes tanween before the alef three times, the prose on the
    # alef twice and before it once: the prose's majority (on-alef) decides.
    text = "﴿عَلِيمًا حَكِيمًا سَمِيعًا﴾ قال واضحاً وسريعاً ثم قال كتابًا"
    out = Cleaner(select=["AR205"])(text)
    assert out.startswith("﴿عَلِيمًا حَكِيمًا سَمِيعًا﴾")
    assert out.endswith("كتاباً")
    assert Cleaner(select=["AR205"])(REPORT) == REPORT


def test_an_ornate_parenthesis_pairs_only_within_its_paragraph() -> None:
    text = "قال ﴿ نص\n\nثم ﴾ بعد"
    assert quran_ranges(text) == []
    assert quran_ranges("أ ﴿ب﴾ ج ﴿د﴾") == [(2, 5), (8, 11)]
    assert protected_ranges("﴿آية﴾ https://x.org") == [(0, 5), (6, 19)]


def test_formats_freeze_a_verse(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text(f"# عنوان\n\n{REPORT}\n", encoding="utf-8")
    r = invoke(["fix", "--isolated", "--no-show-changes", str(page)])
    assert r.exit_code == 0, r.output
    assert VERSE in page.read_text(encoding="utf-8")


# -- 4. verse layout and space-aligned tables -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ألا ليت الشباب يعود يوما        فأخبره بما فعل المشيب",  # the report
        "الاسم      العمر    المدينة\nأحمد       30       الرياض\n",  # the report
        "قفا نبك من ذكرى حبيب ومنزل    بسقط اللوى بين الدخول فحومل",
        "الاسم  العمر  المدينة",  # two runs on one line: columns
        "في   عام 2022 زار  الرياض",  # two runs on one line: maybe columns, kept
        "المدينة  السكان\nالرياض   ٧ ملايين\n",  # one run each: the next column lines up
        "السعر  ٢٠٠٠\nالبند  ٣٠٠٠\nالمجموع ٥٠٠٠\n",  # runs in the same columns
    ],
)
def test_alignment_spaces_stay(text: str) -> None:
    assert fix(text, select=["AR502"]) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال  الوزير إن الاجتماع انتهى", "قال الوزير إن الاجتماع انتهى"),
        ("قال  الوزير\nإن الاجتماع   انتهى", "قال الوزير\nإن الاجتماع انتهى"),
        ("في   عام 2022 زار الرياض", "في عام 2022 زار الرياض"),
        ("ذهب إلى  السوق\nثم عاد إلى البيت مساء", "ذهب إلى السوق\nثم عاد إلى البيت مساء"),
    ],
)
def test_typing_slips_are_still_one_space(text: str, expected: str) -> None:
    assert fix(text, select=["AR502"]) == expected


# -- 5. a doubled و is not joined ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "السيارات و وأجزاء",  # the report
        "قال و وأضاف",
        "الرئيس و وزير الخارجية",
        "وَ وَقَالَ الرجل",
    ],
)
def test_waw_is_not_joined_to_a_word_starting_with_waw(text: str) -> None:
    assert fix(text, select=["AR109"]) == text


def test_waw_is_still_joined_to_other_words() -> None:
    assert fix("السلام و الحرب و أجزاء", select=["AR109"]) == "السلام والحرب وأجزاء"


# -- 6. noise ---------------------------------------------------------------------


def test_rules_test_does_not_warn_about_ar801() -> None:
    r = invoke(["rules", "test", "-q"])
    assert r.exit_code == 0 and "AR801" not in r.stderr


def test_opt_in_unsafe_fix_hint_only_when_named_or_verbose() -> None:
    text = "قال  نعم\n"
    quiet = invoke(["fix", "--isolated", "--select", "punct", "-"], input=text)
    assert "Unsafe fixes not applied" not in quiet.stderr
    named = invoke(["fix", "--isolated", "--select", "punct,AR113", "-"], input=text)
    assert "AR113" in named.stderr
    verbose = invoke(["fix", "--isolated", "--select", "punct", "-v", "-"], input=text)
    assert "Unsafe fixes not applied" in verbose.stderr and "AR113" in verbose.stderr


def test_check_on_a_folder_with_nothing_to_check_says_why(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text("قال الوزير\n", encoding="utf-8")
    r = invoke(["check", "--isolated", "empty"])
    assert r.exit_code == 0
    assert "no files to check in empty" in r.stderr and "Found 0" not in r.stderr
    r = invoke(["check", "--isolated", "empty", "full"])
    assert r.exit_code == 0 and "no files to check in empty:" in r.stderr
    assert "Found 0 findings" in r.stderr
    r = invoke(["check", "--isolated", "full"])
    assert "no files to check" not in r.stderr
    assert invoke(["check", "--isolated", "-q", "empty"]).stderr == ""


def test_a_diff_outside_the_current_folder_is_named_and_warned(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "here").mkdir()
    (tmp_path / "notes.txt").write_text("قال  الوزير\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "here")
    r = invoke(["fix", "--isolated", "--diff", "../notes.txt"])
    assert r.exit_code == 1
    assert "--- a/../notes.txt" in r.stdout
    assert "outside the current folder" in r.stderr
    monkeypatch.chdir(tmp_path)
    r = invoke(["fix", "--isolated", "--diff", "./here/../notes.txt"])
    assert "--- a/notes.txt" in r.stdout and "outside" not in r.stderr
