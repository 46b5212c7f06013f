"""The second round of user reports: each fault, its kind (the sample and a
few more cases) and the counter-examples that must stay as they are."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from arclean import Cleaner
from arclean.api import Cleaner as ApiCleaner
from arclean.cli import cli
from arclean.jsonl import check_document, fix_document


def invoke(args: list[str], input: str | bytes | None = None):
    return CliRunner().invoke(cli, args, input=input)


def fix(text: str, **settings) -> str:
    return Cleaner(**settings)(text)


# -- 1. fix --jsonl: a lengthening fix before a report-only finding ---------------

#: A fix lengthens the value (AR106 adds a space, AR402 ﻫ → هـ) and the value
#: ends with a finding fix cannot change (AR190, unbalanced).
LENGTHENED = [
    # The report (قال.ثم»: AR106 now reads قال.ثم as two letter names, كيو.آي).
    ("قال.فجأة»", "قال. فجأة»"),
    ("قال.فجأة)", "قال. فجأة)"),
    ("ﻫ «", "هـ «"),
    ("قال.فجأة نعم»", "قال. فجأة نعم»"),
    ("قال ،ثم»", "قال، ثم»"),
    ("قال:ثم)", "قال: ثم)"),
]


def _record(value: str, ascii: bool = False, **extra) -> str:
    return json.dumps({"id": 1, "text": value, **extra}, ensure_ascii=ascii) + "\n"


@pytest.mark.parametrize(("dirty", "clean"), LENGTHENED)
@pytest.mark.parametrize("ascii", [False, True])
def test_jsonl_fix_before_a_remaining_finding(dirty, clean, ascii):
    doc = _record("سطر أول") + _record(dirty, ascii) + _record(dirty, ascii)
    result = fix_document(doc, ("text",), Cleaner())
    lines = result.text.splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["سطر أول", clean, clean]
    assert not result.problems
    # The findings that remain point into the new document, at what they name.
    assert result.findings
    for finding in result.findings:
        assert finding.code == "AR190"
        assert result.text[finding.start : finding.end] == finding.old
        assert json.loads('"' + finding.old + '"') in "»)«"


@pytest.mark.parametrize(("dirty", "clean"), LENGTHENED)
def test_jsonl_cli_fix_diff_check_strict_on_stdin(dirty, clean):
    line = _record(dirty)
    fixed = invoke(["fix", "--jsonl"], input=line)
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stdout == _record(clean)
    assert "internal error" not in fixed.stderr
    diff = invoke(["fix", "--jsonl", "--diff"], input=line)
    assert diff.exit_code == 1 and "+" + _record(clean) in diff.stdout
    check = invoke(["fix", "--jsonl", "--check"], input=line)
    assert check.exit_code == 1 and "internal error" not in check.stderr
    strict = invoke(["fix", "--jsonl", "--strict"], input=line)
    assert (strict.exit_code, strict.stdout) == (0, _record(clean))
    report = invoke(["check", "--jsonl"], input=line)
    assert report.exit_code == 1 and "AR190" in report.stdout


def test_jsonl_cli_files(tmp_path):
    paths = []
    for i, (dirty, _clean) in enumerate(LENGTHENED):
        path = tmp_path / f"part-{i}.jsonl"
        path.write_text(_record(dirty) + _record("قال ، ثم"), encoding="utf-8")
        paths.append(path)
    for option in ("--diff", "--check"):
        preview = invoke(["fix", "--jsonl", option, *map(str, paths)])
        assert preview.exit_code == 1 and "internal error" not in preview.stderr
    result = invoke(["fix", "--jsonl", "-j", "2", *map(str, paths)])
    assert result.exit_code == 0, result.output
    for path, (_dirty, clean) in zip(paths, LENGTHENED, strict=True):
        assert path.read_text(encoding="utf-8") == _record(clean) + _record("قال، ثم")


def test_jsonl_counter_examples_unchanged():
    # Nothing to fix, a finding at the end: the record stays byte for byte.
    for value in ["قال ثم»", "«قال", "(نعم"]:
        doc = _record(value)
        result = fix_document(doc, ("text",), Cleaner())
        assert result.text == doc and not result.changed
        (finding,) = result.findings
        assert doc[finding.start : finding.end] == finding.old
        findings, _ = check_document(doc, ("text",), Cleaner())
        assert [f.code for f in findings] == ["AR190"]


@pytest.fixture
def failing(monkeypatch):
    """Fixing a value holding BOOM raises, in `fix` and `check` alike: a bug
    in a rule (both go through `Cleaner._fix`)."""
    original = ApiCleaner._fix

    def fix(self, text, *args, **kwargs):
        if "BOOM" in text:
            raise IndexError("list index out of range")
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(ApiCleaner, "_fix", fix)


def test_one_bad_record_never_takes_down_a_run(failing):
    doc = _record("قال ، ثم") + _record("BOOM ، ثم") + _record("قال ، ثم")
    fixed = invoke(["fix", "--jsonl"], input=doc)
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stdout == _record("قال، ثم") + _record("BOOM ، ثم") + _record("قال، ثم")
    assert "-:2: record could not be cleaned" in fixed.stderr
    assert "IndexError" in fixed.stderr
    check = invoke(["check", "--jsonl"], input=doc)
    assert check.exit_code == 1 and "-:2: record could not be cleaned" in check.stderr
    strict = invoke(["fix", "--jsonl", "--strict"], input=doc)
    assert (strict.exit_code, strict.stdout) == (2, "")


@pytest.mark.parametrize("jsonl", [True, False])
def test_one_failing_file_does_not_stop_the_others(failing, tmp_path, jsonl):
    first, bad, last = (tmp_path / f"{n}.jsonl" for n in ("a", "b", "c"))
    dirty, clean = ("قال ، ثم", "قال، ثم")
    if jsonl:
        # A whole file fails: its records are read before any is cleaned.
        import arclean.jsonl

        original = arclean.jsonl.process

        def process(text, *args, **kwargs):
            if "BOOM" in text:
                raise RuntimeError("broken")
            return original(text, *args, **kwargs)

        pytest.MonkeyPatch.setattr(pytest.MonkeyPatch(), arclean.jsonl, "process", process)
        for path, value in [(first, dirty), (bad, "BOOM"), (last, dirty)]:
            path.write_text(_record(value), encoding="utf-8")
        args = ["fix", "--jsonl"]
    else:
        first.write_text(dirty, encoding="utf-8")
        bad.write_text("BOOM " + dirty, encoding="utf-8")
        last.write_text(dirty, encoding="utf-8")
        args = ["fix", "--format", "plain"]
    before = bad.read_bytes()
    result = invoke([*args, str(first), str(bad), str(last)])
    assert result.exit_code == 2
    assert f"{bad}: internal error" in result.stderr
    assert bad.read_bytes() == before
    expected = _record(clean) if jsonl else clean
    assert first.read_text(encoding="utf-8") == expected
    assert last.read_text(encoding="utf-8") == expected


# -- 2. a mark cited alone is left alone by every mark rule ----------------------

CITED = [
    "الفتحة ( َ ) والضمة ( ُ )\nالحركات: َ ُ ِ ْ\n",  # the report
    "التنوين: ً ٌ ٍ والشدة: ّ",
    'الكسرة «ِ» والسكون "ْ"',
    "والضمتان ( ٌ ) والكسرتان ٍ.",
    "السكون ْ\nالشدة ( ّ )",
    "الفتحة [ َ ]، والضمة ( ُ ).",
]


@pytest.mark.parametrize("text", CITED)
def test_a_cited_mark_is_kept(text):
    assert fix(text) == text
    assert fix(text, unsafe_fixes=True) == text
    # Only AR207 (info) reports it, so that a reader sees the citation.
    assert {f.code for f in Cleaner().check(text)} <= {"AR207"}


def test_a_cited_mark_through_the_cli():
    text = CITED[0]
    result = invoke(["fix"], input=text)
    assert (result.exit_code, result.stdout) == (0, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Between two words a mark may be cited (علامة الفتحة هي َ وعلامة):
        # left alone (second breaker report).
        ("كتاب \u064e جديد", "كتاب \u064e جديد"),
        ("\u064e قال", "قال"),
        ("سطر\n\u0652 ثم", "سطر\nثم"),
        ("عام ١٩٤٥\u064e", "عام ١٩٤٥"),
        ("لصادق \u064c آمين", "لصادقٌ آمين"),  # AR203: the letter is certain
    ],
)
def test_a_stray_mark_before_a_word_still_goes(text, expected):
    assert fix(text) == expected


@pytest.mark.parametrize(
    "text", ["\u064b \u0645\u0631\u062d\u0628\u0627", "قال: \u064b مرحبا بكم", "(\u064d) قال"]
)
def test_a_cut_off_tanween_is_still_reported(text):
    # Issue 10: a tanween cut off before a word is reported, not kept silently
    # (one alone in brackets, (ٍ), reads as cited: AR207 reports it).
    assert fix(text) == text
    assert {"AR206", "AR207"} & {f.code for f in Cleaner().check(text)}


# -- 3. a ???? placeholder is not a question mark ---------------------------------

PLACEHOLDERS = [
    "أنفقت ???? مليون ريال",  # the report (news text: a number lost on the way)
    "بلغ عدد الضحايا ?? شخصا",
    "أنفقت ??? 5 ملايين",
    "قال ???? إن الاجتماع انتهى.",
    "السعر ???? ريالا\nوالكمية ?? قطعة",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_a_question_mark_placeholder_is_kept(text):
    assert fix(text) == text
    assert not [f for f in Cleaner().check(text) if f.code in {"AR104", "AR105"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ماذا??", "ماذا؟"),
        ("هل أنت بخير؟?", "هل أنت بخير؟"),
        ("ماذا ??", "ماذا؟"),  # nothing after it: a question
        ("ماذا?? قال", "ماذا؟ قال"),  # attached to the word: a question
        ("كيف حالك ?", "كيف حالك؟"),
    ],
)
def test_question_marks_after_a_word_still_become_arabic(text, expected):
    assert fix(text) == expected


# -- 4. front-matter values stay valid YAML ---------------------------------------

FRONT_VALUES = [
    "الفصل الأول:البداية",  # the report
    "قال :نعم",
    "ملاحظة:انتبه ، ثم",
    "العنوان:الفرعي:الثاني",
    "وصف  قصير ، جدا",
]


def _page(value: str) -> str:
    return f"---\ntitle: {value}\nlayout: post\n---\n\nقال الوزير ، ثم غادر.\n"


@pytest.mark.parametrize("value", FRONT_VALUES)
def test_front_matter_values_stay_valid_yaml(tmp_path, value):
    yaml = pytest.importorskip("yaml")
    (tmp_path / ".arclean.toml").write_text('front-matter-keys = ["title"]\n', encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(_page(value), encoding="utf-8")
    before = yaml.safe_load(_page(value).split("---")[1])
    result = invoke(["fix", "--no-show-changes", str(page)])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert text.endswith("قال الوزير، ثم غادر.\n")  # the body is still fixed
    after = yaml.safe_load(text.split("---")[1])
    assert after.keys() == before.keys()
    assert ": " not in after["title"] and " #" not in after["title"]


def test_a_quoted_front_matter_value_still_gets_its_space(tmp_path):
    yaml = pytest.importorskip("yaml")
    (tmp_path / ".arclean.toml").write_text('front-matter-keys = ["title"]\n', encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text('---\ntitle: "قال:نعم ، ثم"\n---\n\nنص.\n', encoding="utf-8")
    assert invoke(["fix", "--no-show-changes", str(page)]).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert yaml.safe_load(text.split("---")[1]) == {"title": "قال: نعم، ثم"}


def test_a_rewrite_that_writes_yaml_syntax_is_refused():
    from arclean.formats.base import StructureChanged
    from arclean.formats.markdown import Markdown

    markdown = Markdown(front_matter_keys=("title",))
    before = "---\ntitle: الفصل الأول:البداية\n---\n\nنص.\n"
    for after in [
        "---\ntitle: الفصل الأول: البداية\n---\n\nنص.\n",
        "---\ntitle: الفصل الأول:\n---\n\nنص.\n",
    ]:
        with pytest.raises(StructureChanged, match="valid YAML"):
            markdown.verify(before, after)
    markdown.verify(before, "---\ntitle: الفصل الأول:البدايه\n---\n\nنص.\n")  # counter-example
    # A value that already held ": " (written so on purpose) may stay.
    markdown.verify("---\ntitle: أ: ب ،ج\n---\n", "---\ntitle: أ: ب، ج\n---\n")


# -- 6. small messages -----------------------------------------------------------


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["قال نعم\nثم ذهب\n", "العام 2015 كان\n", "hello world\n"])
def test_utf16_on_stdin_suggests_the_encoding(order, text):
    result = invoke(["fix"], input=text.encode(order))
    assert result.exit_code == 2 and result.stdout == ""
    assert "use --encoding utf-16" in result.stderr
    fixed = invoke(["fix", "--encoding", order], input=text.encode(order))
    assert fixed.exit_code == 0 and fixed.stdout_bytes.decode(order) == text


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\xff\xfe", "قال\0 ا".encode()])
def test_binary_on_stdin_does_not_suggest_utf16(data):
    result = invoke(["fix"], input=data)
    assert result.exit_code == 2
    assert "NUL bytes" in result.stderr and "utf-16" not in result.stderr.split("(")[-1]


def test_a_misspelled_field_gives_one_summary_line():
    records = "".join(_record(f"قال ، ثم {i}") for i in range(50))
    for command in (["fix", "--jsonl"], ["check", "--jsonl"]):
        result = invoke([*command, "--field", "titel"], input=records)
        warnings = [line for line in result.stderr.splitlines() if "titel" in line]
        assert len(warnings) == 4, result.stderr  # the first three, then the count
        assert "-:1: record has no field 'titel'" in warnings[0]
        assert "47 more records" in warnings[-1] and "50 in all" in warnings[-1]
        assert "--field" in warnings[-1]
    fixed = invoke(["fix", "--jsonl", "--field", "titel"], input=records)
    assert fixed.stdout == records  # passed through


def test_other_record_problems_are_each_reported():
    # A few missing fields, and records that are not JSON: one line each.
    doc = "{oops\n" * 5 + _record("قال") + '{"id": 2}\n' * 2
    result = invoke(["fix", "--jsonl"], input=doc)
    # three of a kind, then their count (session 22: a damaged file of
    # 50,000 bad lines gave 50,000 lines of warnings)
    assert result.stderr.count("record is not valid JSON") == 3
    assert "2 more records that are not valid JSON (5 in all)" in result.stderr
    assert result.stderr.count("no field 'text'") == 2
    assert "more records with" not in result.stderr


@pytest.mark.parametrize(
    ("setting", "shown"),
    [
        ("profile = 3", "one of: default, search"),  # the report
        ('profile = "x"', "one of: default, search"),
        ("quote-style = 3", "one of: guillemets, curly-rtl, straight"),
        ("profile = true", "one of: default, search"),
    ],
)
def test_a_wrong_setting_lists_the_allowed_values(tmp_path, setting, shown):
    (tmp_path / ".arclean.toml").write_text(setting + "\n", encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text("نص.\n", encoding="utf-8")
    result = invoke(["check", str(page)])
    assert result.exit_code == 2
    assert shown in result.stderr and "internal error" not in result.stderr
