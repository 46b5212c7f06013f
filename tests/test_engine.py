"""The engine: positions in the original text, fix loop, guards, spans."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.engine import Engine
from arclean.errors import ConvergenceError
from arclean.ruleset import parse_rule_text
from arclean.text.edits import LineIndex
from arclean.text.spans import ALL_RULES, Span

TATWEEL = "\N{ARABIC TATWEEL}"


def rules(text: str):
    # Test rules act on every line (shipped rules only on Arabic-script lines).
    text = text.replace("message='m'\n", "message='m'\nlanguages=['any']\n")
    text = text.replace("message='fold'\n", "message='fold'\nlanguages=['any']\n")
    return parse_rule_text('group = "test"\n' + text, "test.toml")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_changes_are_reported_in_original_coordinates(cleaner):
    original = f"سطر أول\nقال الوزير ، ثم جمـ{TATWEEL}ـيل  جدا , حسنا?"
    outcome = cleaner.fix(original)
    assert outcome.text == "سطر أول\nقال الوزير، ثم جميل جدا، حسنا؟"
    index = LineIndex(original)
    for change in outcome.changes:
        # Every change names the exact original text it replaced.
        assert original[change.start : change.end] == change.old
    found = {(index.line_col(c.start), c.codes) for c in outcome.changes}
    assert ((2, 11), ("AR101",)) in found
    assert ((2, 19), ("AR401",)) in found
    # Replaying the changes on the original gives the output.
    rebuilt = original
    for change in sorted(outcome.changes, key=lambda c: c.start, reverse=True):
        rebuilt = rebuilt[: change.start] + change.new + rebuilt[change.end :]
    assert rebuilt == outcome.text


def test_overlapping_changes_by_two_rules_merge_into_one_change(cleaner):
    # AR102 turns " , " into "، " and AR502 never sees it; the space before a
    # ؟ that AR104 creates is removed by the same rule: one change each.
    outcome = cleaner.fix("مصر , الأردن")
    assert outcome.text == "مصر، الأردن"
    assert [(c.old, c.new) for c in outcome.changes] == [(" , ", "، ")]


def test_fix_is_idempotent_on_the_seed(cleaner):
    from conftest import SEEDS

    text = (SEEDS / "000_1e98b3542325010d.txt").read_text(encoding="utf-8")
    once = cleaner(text)
    assert cleaner(once) == once
    assert not cleaner.fix(once).changes


def test_rules_that_undo_each_other_are_an_error_naming_them():
    pair = rules(
        "[[rule]]\ncode='XX101'\nslug='a-to-b'\nkind='regex'\nmessage='m'\npattern='a'\nreplace='b'\n"
        "[[rule]]\ncode='XX102'\nslug='b-to-a'\nkind='regex'\nmessage='m'\npattern='b'\nreplace='a'\n"
    )
    with pytest.raises(ConvergenceError, match="XX101, XX102"):
        Engine(pair).fix("a")


def test_spans_limit_rules_and_move_with_the_text():
    engine = Engine(
        rules(
            "[[rule]]\ncode='XX101'\nslug='x'\nkind='regex'\nmessage='m'\npattern='a'\nreplace='bb'\n"
        )
    )
    text = "a a `a` a"
    spans = [Span(0, 4), Span(7, 9)]
    assert engine.fix(text, spans).text == "bb bb `a` bb"


def test_disabled_spans_skip_the_named_rules(cleaner):
    engine = cleaner.engine
    text = "قال ، ثم\nقال ، ثم"
    spans = [Span(0, 8, frozenset({"AR101"})), Span(8, len(text))]
    assert engine.fix(text, spans).text == "قال ، ثم\nقال، ثم"
    spans = [Span(0, 8, frozenset({ALL_RULES})), Span(8, len(text), frozenset({"punct"}))]
    assert engine.fix(text, spans).text == text


def test_urls_and_emails_are_never_touched(cleaner):
    text = "انظر https://example.com/a,b?x=1 وwww.site.org/ص,ع أو ali,omar@example.com"
    assert cleaner(text) == text


def test_language_guard_leaves_persian_lines_alone(cleaner):
    persian = "در سال ۱۹۴۵ جنگ پایان یافت"
    arabic = "في عام ۱۹۴۵ انتهت الحرب"
    assert cleaner(persian + "\n" + arabic) == persian + "\nفي عام ١٩٤٥ انتهت الحرب"


def test_exceptions_veto_matches():
    engine = Engine(
        rules(
            "[[rule]]\ncode='XX101'\nslug='x'\nkind='regex'\nmessage='m'\npattern='  +'\n"
            "replace=' '\nexceptions=['^.*[|].*$']\n"
        )
    )
    assert engine.fix("a  b\n| a  | b |\nc  d").text == "a b\n| a  | b |\nc d"


def test_unsafe_fixes_are_reported_not_applied_unless_asked():
    unsafe = rules(
        "[[rule]]\ncode='XX101'\nslug='x'\nkind='map'\nmessage='fold'\nsafety='unsafe'\n"
        "map={'أ'='ا'}\n"
    )
    engine = Engine(unsafe)
    outcome = engine.fix("أحمد")
    assert outcome.text == "أحمد"
    assert outcome.findings == []  # fix leaves unsafe fixes to `check` to list
    assert [(f.code, f.fixable, f.new) for f in engine.report("أحمد")] == [("XX101", True, "ا")]
    assert Engine(unsafe, unsafe_fixes=True).fix("أحمد").text == "احمد"


def test_words_rule_keeps_proclitics_and_whole_words():
    words = rules(
        "[[rule]]\ncode='XX101'\nslug='x'\nkind='words'\nmessage='m'\n"
        "words={'إستقبال'='استقبال'}\nprefixes=['و','ب','ال','وال']\n"
    )
    engine = Engine(words)
    assert engine.fix("وإستقبال إستقبالات إستقبال").text == "واستقبال إستقبالات استقبال"


def test_unbalanced_pairs_check(cleaner):
    codes = lambda text: [f.code for f in cleaner.check(text) if f.code == "AR190"]  # noqa: E731
    assert codes("قال: “نعم") == ["AR190"]
    assert codes("قال: “نعم”") == []
    assert codes("قال: ”نعم“") == []
    assert codes("(أ) و(ب") == ["AR190"]
    assert codes("قال: «نعم»\n«لا") == ["AR190"]


def test_empty_and_non_arabic_text_untouched(cleaner):
    assert cleaner("") == ""
    text = "Hello ,  world ? 3 , 4  \n"
    assert cleaner(text) == text


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        ("انظر https://example.com/a,b، ثم", ["https://example.com/a,b"]),
        ("وhttps://x.org/ص?x=1 هنا", ["https://x.org/ص?x=1"]),
        ("زر WWW.Example.com/p,q.", ["WWW.Example.com/p,q"]),
        ("راسل ali.omar+x@mail.example.org أو", ["ali.omar+x@mail.example.org"]),
        ("كلمةhttps://x.org/a،ب", ["https://x.org/a،ب"]),
        ("نص بلا روابط @ و:// فقط", []),
    ],
)
def test_protected_ranges(text, protected):
    from arclean.text.masks import protected_ranges

    assert [text[a:b] for a, b in protected_ranges(text)] == protected


def test_crlf_text_is_fixed_like_lf_text(cleaner):
    """Windows line endings change nothing about what the rules do."""
    from conftest import CORPUS, SEEDS

    texts = [(SEEDS / "000_1e98b3542325010d.txt").read_text(encoding="utf-8")]
    wiki = CORPUS / "plain" / "arcd_wikipedia_paragraphs.txt"
    if wiki.exists():
        texts.append(wiki.read_text(encoding="utf-8")[:300_000])
    for text in texts:
        assert cleaner(text.replace("\n", "\r\n")) == cleaner(text).replace("\n", "\r\n")


def test_cleaner_pickles_and_works_in_worker_processes():
    """The API promise for corpus jobs: a Cleaner ships to other processes."""
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    cleaner = Cleaner(select=["punct"], ignore=["AR102"])
    clone = pickle.loads(pickle.dumps(cleaner))
    assert [r.code for r in clone.rules] == [r.code for r in cleaner.rules]
    texts = ["قال ، ثم", "مصر, الأردن", "كيف حالك ?"]
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(cleaner, texts)) == [cleaner(t) for t in texts]
    assert cleaner("مصر, الأردن") == "مصر, الأردن"  # AR102 stayed ignored
