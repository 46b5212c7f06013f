"""A cue glued to و (وأضاف) is the cue (أضاف) when two spellings are
compared by their neighbours: whether the counts split the و off depends
on every text scanned, so one more text holding «وأضاف أن» took away the
seed's shared cue and its فيان → فيدان merge (the new user's finding)."""

from __future__ import annotations

from conftest import SEED

from arclean.names import Reconciler, scan


def _merged(texts: list[str]) -> bool:
    return any(
        cl.canonical == "فيدان" and any(m.form == "فيان" and m.tier == "auto" for m in cl.variants)
        for cl in scan(texts, kwic=False)
    )


def test_the_seed_merge_does_not_hang_on_how_often_another_text_glues_its_cue():
    seed = SEED.read_text(encoding="utf-8")
    assert _merged([seed])
    assert _merged([seed, "وأضاف أن مستوى الأمان جيد."])
    assert _merged([seed, "وأضاف العنزي أن مستوى الأمان جيد.\nوأضاف أن الفريق جاهز."])


def test_one_shared_cue_is_still_not_enough():
    # الأمير before both, وأضاف before both: cues, no name beside either
    text = (
        "وأضاف نواف أن الفريق جاهز. أضاف نواف أن التدريب مستمر. "
        "قال الأمير نواف إن الموسم صعب. وأضاف نايف أن الجمهور رائع."
    )
    assert not any(
        {m.form for m in cl.members} >= {"نواف", "نايف"} and cl.tier == "auto"
        for cl in scan([text], kwic=False)
    )


def test_a_name_opening_with_kaf_is_no_proclitic_on_a_merged_name():
    """Session 27, a fresh user on news 2015-08-09: Ashley Young's يونج →
    يونغ also respelled the Korean minister «تشوي كيونج» (ك taken as the
    preposition "like").  A fuzzy merge never goes through a ك proclitic;
    the bare slip is still mended."""
    text = (
        "سجل أشلي يونغ هدفا. وقال يونغ إن الفريق قوي. وأكد أشلي يونغ أن المدرب راض. "
        "ومرر أشلي يونج الكرة. وقال يونغ إنه سعيد.\n"
        "وفي سيول قال نائب رئيس الوزراء تشوي كيونج إن الاقتصاد ينمو."
    )
    assert [(r.old, r.new) for r in Reconciler().rewrite(text)[1]] == [("يونج", "يونغ")]
