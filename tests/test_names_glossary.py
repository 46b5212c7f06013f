"""Glossary TOML: load/save, validation, context conditions, rejections."""

from __future__ import annotations

from pathlib import Path

import pytest

from arclean.errors import ArcleanError
from arclean.names import CODE_GLOSSARY, Entry, Glossary, Reconciler, load_glossary, scan

GLOSSARY = """version = 1
fold = "arclean-fold-v1"

[[entity]]
canonical = "كييف"
variants = ["كيف"]
type = "LOC"
context_any = ["أوكرانيا", "الأوكرانية"]

[[entity]]
canonical = "ترامب"
variants = ["ترمب"]
type = "PER"

[[reject]]
pair = ["حسن", "حسين"]
"""


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    p = tmp_path / "g.toml"
    p.write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(p)


def test_load_and_roundtrip(glossary: Glossary, tmp_path: Path) -> None:
    assert [e.canonical for e in glossary.entries] == ["كييف", "ترامب"]
    assert glossary.rejected("حسين", "حسن")
    out = tmp_path / "out.toml"
    glossary.save(out)
    again = load_glossary(out)
    assert again.entries == glossary.entries
    assert again.rejections == glossary.rejections


def test_save_escapes_quotes(tmp_path: Path) -> None:
    g = Glossary([Entry('ا"ب\\ج', ["ابج"], note="line\nbreak")])
    g.save(tmp_path / "q.toml")
    assert load_glossary(tmp_path / "q.toml").entries == g.entries


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('[[entity]]\nvariants = ["x"]\n', ":4 (entity #1): `canonical`"),
        ('[[entity]]\ncanonical = "ا"\nvariants = "x"\n', "`variants` must be a list"),
        ('[[entity]]\ncanonical = "ا"\ntype = "CITY"\n', "`type` must be one of"),
        ('[[entity]]\ncanonical = "ا"\nvariants = ["ا"]\n', "both the canonical"),
        ("[[entity]\n", "invalid TOML"),
        ('[[reject]]\npair = ["ا"]\n', "reject #1"),
    ],
)
def test_validation_names_file_line_entry(tmp_path: Path, body: str, fragment: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_text('version = 1\nfold = "arclean-fold-v1"\n\n' + body, encoding="utf-8")
    with pytest.raises(ArcleanError) as err:
        load_glossary(p)
    assert str(p) in str(err.value)
    assert fragment in str(err.value)


def test_glossary_rewrite_is_safe_and_keeps_proclitics(glossary: Glossary) -> None:
    text = "قال ترمب إن بترمب وبترمب"
    new, reps = Reconciler([glossary], fuzzy=False).rewrite(text)
    assert new == "قال ترامب إن بترامب وبترامب"
    assert {r.code for r in reps} == {CODE_GLOSSARY}


def test_context_condition(glossary: Glossary) -> None:
    rec = Reconciler([glossary], fuzzy=False)
    assert rec.rewrite("كيف حالك اليوم؟")[1] == []
    new, _ = rec.rewrite("وصل الوفد إلى كيف عاصمة أوكرانيا")
    assert "كييف" in new


def test_rejection_blocks_fuzzy_merge() -> None:
    text = " ".join(["غوتيريش قال"] * 3 + ["غوتيريس قال"])
    g = Glossary(rejections=[("غوتيريش", "غوتيريس")])
    for cl in scan([text], glossaries=[g]):
        assert not ({"غوتيريش", "غوتيريس"} <= {m.form for m in cl.members})


def test_a_known_word_is_treated_alike_with_and_without_a_proclitic(tmp_path) -> None:
    """الاحمد is a word of the books, left whole; والاحمد and بالاحمد are
    that word after و and ب, not وال + احمد: none is rewritten (before,
    والأحمد appeared beside an untouched الاحمد).  An unknown word is still
    split after any proclitic."""
    from arclean import Cleaner

    g = tmp_path / "g.toml"
    g.write_text(
        'version = 1\nfold = "arclean-fold-v1"\n'
        '[[entity]]\ncanonical = "أحمد"\nvariants = ["احمد"]\n'
        '[[entity]]\ncanonical = "ترامب"\nvariants = ["ترمب"]\n',
        encoding="utf-8",
    )
    c = Cleaner(glossaries=[str(g)])
    # (the last احمد after a title: bare, it may be the imperative, session 26)
    assert c("قال الاحمد والاحمد بالاحمد الشيخ احمد.") == "قال الاحمد والاحمد بالاحمد الشيخ أحمد."
    assert c("قال الترمب والترمب بالترمب ترمب.") == "قال الترامب والترامب بالترامب ترامب."


def test_a_variant_inside_its_own_full_name_is_left_and_the_fix_settles(tmp_path: Path) -> None:
    """A glossary that keeps the full name for the surname (السيسي → عبد
    الفتاح السيسي) rewrites the bare surname once and leaves it inside the
    full name: the fix settles instead of failing after ten rounds."""
    from arclean import Cleaner

    path = tmp_path / "g.toml"
    path.write_text(
        'version = 1\nfold = "arclean-fold-v1"\n\n[[entity]]\n'
        'canonical = "عبد الفتاح السيسي"\nvariants = ["السيسي"]\n',
        encoding="utf-8",
    )
    out = Cleaner(glossaries=[path])("قال السيسي، ثم قال عبد الفتاح السيسي")
    assert out == "قال عبد الفتاح السيسي، ثم قال عبد الفتاح السيسي"


def test_a_variant_is_not_rewritten_inside_another_entrys_full_name() -> None:
    """سلمان → الملك سلمان must not turn محمد بن سلمان into another name."""
    glossary = Glossary(
        [
            Entry("الملك سلمان", ["سلمان"], "person"),
            Entry("محمد بن سلمان", ["بن سلمان"], "person"),
        ]
    )
    text = "استقبل محمد بن سلمان الوفد"
    out, _ = Reconciler([glossary], fuzzy=False).rewrite(text)
    assert out == text


@pytest.mark.parametrize(
    "text",
    [
        "قال عبد الفتاح السيسى، ثم",  # the surname in its ى spelling
        "قال عبدالفتاح السيسي",  # the compound written joined
        "قال عبد الفتّاح السيسي",  # a shadda in the full name
        "قال عبد\u200cالفتاح السيسي",  # ZWNJ in the compound
    ],
)
def test_a_full_name_in_another_spelling_is_never_given_its_first_name_twice(text) -> None:
    """The surname inside a full name the fold equates with the kept one is
    left: never «عبد الفتاح عبد الفتاح السيسي»."""
    glossary = Glossary([Entry("عبد الفتاح السيسي", ["السيسي", "السيسى"], "person")])
    out, _ = Reconciler([glossary], fuzzy=False).rewrite(text)
    assert out == text


def test_a_bare_surname_apart_from_the_full_name_is_still_rewritten() -> None:
    glossary = Glossary([Entry("عبد الفتاح السيسي", ["السيسي", "السيسى"], "person")])
    out, _ = Reconciler([glossary], fuzzy=False).rewrite("قال عبد الفتاح السيسي والسيسى")
    assert out == "قال عبد الفتاح السيسي وعبد الفتاح السيسي"
    joined = Glossary([Entry("عبد الله", ["عبدالله"], "person")])
    assert Reconciler([joined], fuzzy=False).rewrite("قال عبدالله إن")[0] == "قال عبد الله إن"


def test_a_canonical_with_tatweel_is_refused_at_load_time(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(
        'version = 1\nfold = "arclean-fold-v1"\n\n[[entity]]\n'
        'canonical = "أحمـد"\nvariants = ["احمد"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ArcleanError, match="tatweel"):
        load_glossary(path)


def test_a_full_name_split_by_markup_keeps_its_first_name_once() -> None:
    glossary = Glossary([Entry("عبد الفتاح السيسي", ["السيسي"], "person")])
    text = "قال عبد الفتاح <b>السيسي</b> ثم"
    assert Reconciler([glossary], fuzzy=False).rewrite(text)[0] == text
