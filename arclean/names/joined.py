"""Two-word names written as one word, or one-word names split, beyond the
compound heads of `compounds` (ريد بول / ريدبول, نيودلهي / نيو دلهي;
issue 9, session 21): offered for review only.

The word pipeline sees ريدبول as one word and ريد بول as two, so it never
pairs them, and `compounds` knows only names that begin with عبد, أبو and
their like.  This step looks for a word of the text that is the two words
of a pair of adjacent words of the same text joined, and offers the text's
usual spelling, at least `compound_count` times and `context_ratio` times
as often as the other, for review.  Never automatic, either way: a name
may be two names joined (ماريلين is no ماري لين, روزماري the herb no
actress روز ماري, ويلسون no ويل سون), and two words may be a phrase.

Only names: the joined word is no word of the lexicon, each of the two
words has at least `MIN_PART` letters (لا بد / لابد, ما بين / مابين are
spellings of common words), and both are names of the reference data
(`_name_part`: a Wikidata name token at least as often as a word, a
Natural Earth country token): حفاظا على and وزير الشؤون are missing
spaces, the spacing rules' business, and الهارد وير or بلاي ستيشن
loanwords, not names.  Both spellings must occur in the text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from arclean.names.compounds import head_of, usual_spelling, without_rejected
from arclean.names.counting import Counts, prose_lines
from arclean.names.evidence import Judge
from arclean.names.lexicon import strip_marks
from arclean.names.model import Cluster, Settings
from arclean.names.tokens import Token, fold_word, iter_tokens

#: Each of the two words has at least this many letters, folded.
MIN_PART = 3


def joined_clusters(
    texts: Iterable[str],
    counts: Counts,
    judge: Judge,
    s: Settings,
    taken: set[str],
    merged: set[str],
) -> list[Cluster]:
    """Clusters of two-word names the text also writes as one word, the
    usual spelling kept (see the module).  A spelling in `taken` (a member
    of another cluster) is left to that cluster; a joined canonical in
    `merged` (a variant another cluster rewrites) is never kept."""
    splits = _splits(counts, judge, s)
    if not splits:
        return []
    firsts = {a for entry in splits.values() for a, _ in entry.pairs}
    found = _count_pairs(texts, counts, splits, firsts)
    clusters: list[Cluster] = []
    for key in sorted(found):
        s_forms = found[key]
        j_forms = Counter({w: counts.surface[w] for w in splits[key].words})
        if any(f in taken for f in j_forms) or any(f in taken for f in s_forms):
            continue
        parts = [fold_word(p) for p in s_forms.most_common(1)[0][0].split(" ")]
        if not all(_name_part(p, judge) for p in parts):
            continue
        note = "; one word may be another name"
        usual = without_rejected(
            usual_spelling(s_forms, j_forms, s, taken, merged, "review", note), judge
        )
        if usual is not None:
            clusters.append(Cluster(usual[0], usual[1], "review", evidence=[]))
    return clusters


class _Split:
    """The surface words of one folded joined key, and the folded word
    pairs it splits into."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.pairs: set[tuple[str, str]] = set()


def _splits(counts: Counts, judge: Judge, s: Settings) -> dict[str, _Split]:
    """{folded joined word: its surface words and folded splits} for every
    bare word of the text (no proclitic split off) that is no word of the
    lexicon, begins with no compound head, and splits into two words of the
    text of `MIN_PART` letters or more."""
    folded_words: set[str] = set()
    for w in counts.surface:
        folded_words.add(fold_word(w))
    out: dict[str, _Split] = {}
    for w, (prefix, core) in counts.analysis.items():
        if prefix or core != w:
            continue
        k = fold_word(w)
        if len(k) < 2 * MIN_PART or head_of(k) is not None:
            continue
        if judge.lex_count(k) > 0:
            continue  # جانحين (delinquents) is no جان + حين
        for i in range(MIN_PART, len(k) - MIN_PART + 1):
            a, b = k[:i], k[i:]
            if a in folded_words and b in folded_words:
                entry = out.setdefault(k, _Split())
                entry.pairs.add((a, b))
        if k in out:
            out[k].words.append(w)
    return out


def _count_pairs(
    texts: Iterable[str], counts: Counts, splits: dict[str, _Split], firsts: set[str]
) -> dict[str, Counter[str]]:
    """{folded joined key: Counter of the two-word spellings "a b" in the
    text}: two words one space apart whose folded letters, joined, are a
    key of `splits` at one of its splits."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    surface_firsts = {w for w in counts.surface if fold_word(w) in firsts}
    # The words decide first (`ws` are the texts' tokens, in order); the
    # line is tokenised with offsets only for a pair they accept, to see
    # whether one space parts it.
    starts: dict[str, str | None] = {}  # a word → its stripped form, if a pair may begin with it
    lines_with = getattr(texts, "lines_with", None)
    for line, ws in prose_lines(lines_with(surface_firsts) if lines_with is not None else texts):
        toks: list[Token] | None = None
        for i in range(len(ws) - 1):
            w = ws[i]
            if w in starts:
                first = starts[w]
            else:
                sw = strip_marks(w)
                first = starts[w] = sw if fold_word(sw) in firsts else None
            if first is None:
                continue
            second = strip_marks(ws[i + 1])
            fa, fb = fold_word(first), fold_word(second)
            key = fa + fb
            entry = splits.get(key)
            if entry is None or (fa, fb) not in entry.pairs:
                continue
            if toks is None:
                toks = list(iter_tokens(line))
            if line[toks[i].end : toks[i + 1].start] == " ":
                out[key][f"{first} {second}"] += 1
    return out


def _name_part(f: str, judge: Judge) -> bool:
    """A word of a name in the reference data: a Wikidata name token at
    least as often as a word of the lexicon (ريد, بول, ماريا; not على or
    جان), or a Natural Earth country token."""
    g = judge.gaz.count(f)
    return (g >= judge.s.gaz_count and g >= judge.lex.count(f)) or judge.place(f)
