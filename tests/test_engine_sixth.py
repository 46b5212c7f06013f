"""The engine's sixth pass: the guard cuts a rule's spans by all its holes
at once (links, lines in no Arabic script, lines in another language),
where it cut by one list after another: it must give exactly the pieces
of the old cuts.  (``-j``'s own forked workers give the results of one
process: tests/test_jobs_round2.py, tests/test_pool.py.)"""

from __future__ import annotations

import random

from conftest import corpus_lines

from arclean.guard import Guard
from arclean.ruleset import load_builtin_rules
from arclean.text import masks
from arclean.text.masks import protected_ranges
from arclean.text.spans import Range, Span, subtract_spans

RULES = {rule.code: rule for rule in load_builtin_rules()}


def _sequential(spans: list[Span], *holes: list[Range]) -> list[Span]:
    for part in holes:
        spans = subtract_spans(spans, part)
    return spans


def _holes(rng: random.Random, size: int) -> list[Range]:
    """Sorted, disjoint ranges, some of them empty, inside ``[0, size]``."""
    count = min(rng.randrange(0, 12), (size + 1) // 2) * 2
    points = sorted(rng.sample(range(size + 1), count))
    ranges = [(points[i], points[i + 1]) for i in range(0, len(points), 2)]
    if ranges and rng.random() < 0.5:  # an empty hole, alone or touching one
        at = rng.randrange(size + 1)
        ranges = sorted({*ranges, (at, at)})
        ranges = [r for i, r in enumerate(ranges) if i == 0 or r[0] >= ranges[i - 1][1]]
    return ranges


def test_one_cut_by_all_the_holes_is_the_cuts_one_after_another() -> None:
    rng = random.Random(13)
    for _ in range(3000):
        size = rng.randrange(1, 60)
        cuts = sorted(rng.sample(range(1, size + 1), min(size, rng.randrange(1, 6))))
        spans = [
            Span(a, b, frozenset({"AR101"}) if i % 2 else frozenset())
            for i, (a, b) in enumerate(zip([0, *cuts], [*cuts, size], strict=True))
            if rng.random() < 0.8
        ]
        lists = [_holes(rng, size) for _ in range(rng.randrange(1, 4))]
        together = sorted(hole for part in lists for hole in part)
        assert subtract_spans(spans, together) == _sequential(spans, *lists), (spans, lists)


def test_the_guard_cuts_spans_as_before_on_the_corpus(corpus) -> None:
    text = corpus_lines(corpus, ["messy/arsarcasm_tweets.txt"], 4000)
    text += "قال الوزير: Hello world, this line is English.\nنص عربي https://example.com/a\n"
    third = len(text) // 3
    spans = [Span(0, third), Span(third, len(text), frozenset({"AR105"}))]
    for code in ("AR105", "AR109", "AR403", "AR102", "AR801"):
        guard = Guard(text, protected_ranges(text))
        rule = RULES[code]
        got = guard.spans_for(rule, spans)
        languages = rule.languages or ("arabic-script",)
        lists = [guard.protected]
        if "any" not in languages:
            lists.append(guard._no_script or [])
            if "ar" in languages:
                lists.append(guard._other or [])
        assert got == _sequential(spans, *lists)
    assert len(guard.protected) > 100  # the tweets' links


def test_find_through_a_rare_character_is_str_find() -> None:
    rng = random.Random(6)
    alphabet = "w/:.Wm@ عب\n"
    needles = ["://", "www.", "WWW.", "Www.", "mailto:", "w.", "ww"]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
        if rng.random() < 0.3:  # needles in it
            for _ in range(rng.randrange(1, 4)):
                at = rng.randrange(len(text) + 1)
                text = text[:at] + rng.choice(needles) + text[at:]
        needle = rng.choice(needles)
        start = rng.randrange(0, len(text) + 3)
        for key in range(len(needle)):
            assert masks._find(text, needle, start, key) == text.find(needle, start)
    # Past `_PROBES` candidates, `str.find` takes over.
    text = "w" * (3 * masks._PROBES) + "www." + "/" * (3 * masks._PROBES) + "://"
    assert masks._find(text, "www.") == text.find("www.") == 3 * masks._PROBES
    assert masks._find(text, "://", 0, 1) == text.find("://") == 6 * masks._PROBES + 4


def test_links_are_the_same_found_through_a_rare_character(corpus, monkeypatch) -> None:
    names = [
        "messy/arsarcasm_tweets.txt",
        "news/saudinewsnet_2015-08-09.txt",
        "plain/arcd_wikipedia_paragraphs.txt",
    ]
    text = corpus_lines(corpus, names, 3000)
    samples = [text, "x" * 50 + "mailto:a@b.co http://a.com/x WWW.EXAMPLE.com/y www.b.org", ""]
    found = [masks.link_ranges(sample) for sample in samples]
    monkeypatch.setattr(
        masks, "_find", lambda text, needle, start=0, key=0: text.find(needle, start)
    )
    assert [masks.link_ranges(sample) for sample in samples] == found
    assert len(found[0]) > 100 and len(found[1]) == 4
