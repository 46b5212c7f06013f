"""Whatever rounds of replacements a text goes through, the changes a
`ChangeMap` reports replay on the original into the final text (a tester,
session 19: in the search profile a replacement inside a region an earlier
one had merged was lost: ﺁﻵﯾ became الاي, its changes replayed to الاﯾ)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arclean.api import Cleaner
from arclean.text.edits import ChangeMap, Replacement, apply_replacements


@st.composite
def _rounds(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int, str]]]]:
    text = draw(st.text(alphabet="abcde", min_size=1, max_size=12))
    rounds = []
    length = len(text)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6)))
        reps = []
        last = -1
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            if a <= last or (a == b and a == last):
                continue
            new = draw(st.text(alphabet="xyz", max_size=3))
            reps.append((a, b, new))
            last = b
        rounds.append(reps)
        length += sum(len(n) - (b - a) for a, b, n in reps)
    return text, rounds


@settings(max_examples=400, deadline=None)
@given(_rounds())
def test_changes_replay_into_the_final_text(
    case: tuple[str, list[list[tuple[int, int, str]]]],
) -> None:
    original, rounds = case
    changes = ChangeMap()
    text = original
    for reps in rounds:
        text = changes.apply(text, [Replacement(a, b, n, "T") for a, b, n in reps])
    assert apply_replacements(original, changes.changes(original, text)) == text


def test_presentation_forms_replay_in_the_search_profile() -> None:
    cleaner = Cleaner(profile="search")
    for text in ("ﺁﻵﯾ", "ﺁﻟﺴﻌﺂﺩة أﺷﻴﺂﺀ", "#ﺗﺘﺸـﻞ ﺁﻵﯾـﺂﺩﻯ"):
        out = cleaner.fix(text)
        assert apply_replacements(text, out.changes) == out.text
