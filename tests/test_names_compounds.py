"""Compound names written joined or split (issue 9, sixth round): the
text's usual spelling is kept, both ways, as one rewrite over two words
when the variant is split."""

from __future__ import annotations

from _names import auto_rewrites as _rewrites

from arclean.cli import cli
from arclean.names import Reconciler

SPLIT_USUAL = (
    "قال عبد الملك إن الاجتماع مهم. وأضاف عبد الملك أنه سيعود غدا. "
    "ثم قال عبدالملك إن الوفد وصل. وزار عبد الملك الوزارة، وقال عبد الملك إنه راض."
)
JOINED_USUAL = (
    "استقبل عبدالله الزائرين. وقال عبدالله إن اللقاء مثمر، وأكد عبدالله أهميته. "
    "وحضر وعبد الله السعيد المباراة."
)


def test_joined_spelling_is_split_when_the_text_splits_it():
    assert _rewrites(SPLIT_USUAL) == [("عبدالملك", "عبد الملك")]
    glued = SPLIT_USUAL.replace("قال عبدالملك", "قال وعبدالملك")
    assert _rewrites(glued) == [("وعبدالملك", "وعبد الملك")]


def test_split_spelling_is_joined_only_at_review_as_one_rewrite_over_two_words():
    # seventh round: two words may be a phrase, so joining is never automatic
    assert _rewrites(JOINED_USUAL) == []
    rec = Reconciler(fuzzy=True, tier="review")
    rec.prepare([JOINED_USUAL])
    new, reps = rec.rewrite(JOINED_USUAL)
    assert [(r.old, r.new) for r in reps] == [("وعبد الله", "وعبدالله")]
    r = reps[0]
    assert JOINED_USUAL[r.start : r.end] == "وعبد الله"
    assert new == JOINED_USUAL.replace("وعبد الله", "وعبدالله")


def test_a_thin_majority_is_not_enough():
    # once split, once joined: no usual spelling
    text = "قال عبد الملك إن الاجتماع مهم. ثم قال عبدالملك إن الوفد وصل."
    assert _rewrites(text) == []


def test_a_hamza_is_never_lost_by_joining():
    # أبوراس is the text's usual spelling, but أبو رأس writes a hamza
    text = "وقال أبوراس إن. وأكد أبوراس أن. وأضاف أبوراس. وحضر هاني أبو رأس الحفل."
    assert _rewrites(text) == []


def test_the_article_on_a_compound_is_a_family_name():
    # العبدالعالي (Al-Abdulaali) is no ال + عبد العالي
    text = "قال عبد العالي إن. وأكد عبد العالي أن. وأشرف محمد العبدالعالي على العلاج."
    assert _rewrites(text) == []


def test_split_words_separated_by_more_than_a_space_are_left_alone():
    text = JOINED_USUAL.replace("وعبد الله", "وعبد\nالله")
    assert _rewrites(text) == []


def test_vowelled_compound_is_left_alone():
    text = JOINED_USUAL.replace("وعبد الله", "وعَبْد الله")
    assert _rewrites(text) == []


def test_fix_applies_the_two_word_rewrite_through_the_engine(runner, tmp_path):
    # AR802 joins nothing by itself now (seventh round); a glossary entry
    # with a two-word variant is applied through the engine as one rewrite
    result = runner.invoke(
        cli,
        ["fix", "--isolated", "--select", "AR802", "--unsafe-fixes"],
        input=JOINED_USUAL.encode(),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == JOINED_USUAL
    glossary = tmp_path / "g.toml"
    glossary.write_text(
        'version = 1\n[[entity]]\ncanonical = "عبدالله"\nvariants = ["عبد الله"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        cli, ["fix", "--isolated", "--glossary", str(glossary)], input=JOINED_USUAL.encode()
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == JOINED_USUAL.replace("وعبد الله", "وعبدالله")


def test_compound_inside_a_url_is_left_alone(runner):
    text = SPLIT_USUAL + "\n\nhttps://example.org/عبدالملك\n"
    result = runner.invoke(
        cli, ["fix", "--isolated", "--select", "AR802", "--unsafe-fixes"], input=text.encode()
    )
    assert result.exit_code == 0, result.output
    assert "https://example.org/عبدالملك" in result.stdout
    assert "ثم قال عبد الملك إن الوفد" in result.stdout


def test_a_glossary_written_from_compound_clusters_loads_and_applies():
    from arclean.names import scan
    from arclean.names.glossary import glossary_from_clusters, loads_glossary

    g = glossary_from_clusters(scan([JOINED_USUAL + " " + SPLIT_USUAL]), tier="all")
    again = loads_glossary(g.dumps())
    pairs = {(e.canonical, v) for e in again.entries for v in e.variants}
    assert ("عبدالله", "عبد الله") in pairs and ("عبد الملك", "عبدالملك") in pairs
    auto = glossary_from_clusters(scan([JOINED_USUAL + " " + SPLIT_USUAL]), tier="auto")
    assert {(e.canonical, v) for e in auto.entries for v in e.variants} == {
        ("عبد الملك", "عبدالملك")
    }
    rec = Reconciler([again], fuzzy=False)
    new, reps = rec.rewrite("قال وعبد الله إن عبدالملك وصل.")
    assert new == "قال وعبدالله إن عبد الملك وصل."
    assert {r.code for r in reps} == {"AR801"}


def test_a_glossary_decides_the_compound_over_the_texts_majority():
    from arclean.names.glossary import loads_glossary

    g = loads_glossary('version = 1\n[[entity]]\ncanonical = "عبد الله"\nvariants = ["عبدالله"]\n')
    rec = Reconciler([g], fuzzy=True, tier="auto")
    rec.prepare([JOINED_USUAL])
    new, reps = rec.rewrite(JOINED_USUAL)
    # the joined spellings become split (AR801); the split one is left
    # alone, not joined back by AR802 (no fix loop)
    assert {(r.old, r.new, r.code) for r in reps} == {("عبدالله", "عبد الله", "AR801")}
    assert "عبدالله" not in new


def test_fix_with_a_compound_glossary_and_the_fuzzy_rule_settles(runner, tmp_path):
    glossary = tmp_path / "g.toml"
    glossary.write_text(
        'version = 1\n[[entity]]\ncanonical = "عبد الله"\nvariants = ["عبدالله"]\n',
        encoding="utf-8",
    )
    args = ["fix", "--isolated", "--glossary", str(glossary), "--extend-select", "AR802"]
    result = runner.invoke(cli, [*args, "--unsafe-fixes"], input=JOINED_USUAL.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout == JOINED_USUAL.replace("عبدالله", "عبد الله")


def test_two_split_spellings_against_one_joined_are_enough():
    """Session 18, a hand-written-article trial: an article names a person
    two or three times; عبد الرحمن twice and عبدالرحمن once is the text's
    usual spelling (both are one name), one against one is no majority."""
    text = (
        "وقال عبد الرحمن السالم إن المشروع يسير وفق الخطة. "
        "وأضاف عبدالرحمن أن العمل سينتهي قريبا. "
        "وختم عبد الرحمن حديثه بالشكر."
    )
    assert _rewrites(text) == [("عبدالرحمن", "عبد الرحمن")]
    one_each = "وقال عبد الرحمن السالم إن المشروع يسير. وأضاف عبدالرحمن أن العمل سينتهي."
    assert _rewrites(one_each) == []


def test_a_rejected_compound_pair_is_left_alone():
    """Session 27, a fresh user: ``[[reject]] pair = ["عبد الملك",
    "عبدالملك"]`` (what `names review` writes for `x N` on such a
    cluster) was ignored by `pipe names`, AR802 and `names scan`."""
    from arclean.names import scan
    from arclean.names.glossary import Glossary

    rejected = Glossary(rejections=[("عبد الملك", "عبدالملك")])
    assert Reconciler([rejected]).rewrite(SPLIT_USUAL)[1] == []
    offered = {m.form for cl in scan([SPLIT_USUAL], glossaries=[rejected]) for m in cl.variants}
    assert "عبدالملك" not in offered  # not offered again
    other = Glossary(rejections=[("عبد الله", "عبدالله")])  # another pair: no effect
    assert [(r.old, r.new) for r in Reconciler([other]).rewrite(SPLIT_USUAL)[1]] == [
        ("عبدالملك", "عبد الملك")
    ]
