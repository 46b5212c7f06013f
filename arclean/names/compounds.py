"""Compound names written joined or split (عبدالله / عبد الله, أبوظبي /
أبو ظبي; issue 9, sixth round).

The word pipeline sees عبدالله as one word and عبد الله as two, so it never
pairs them.  This step counts both spellings of every compound that begins
with a known head (`COMPOUND_HEADS`) and makes the text's usual spelling
the canonical one:

- a joined spelling (one word) is rewritten split when the text writes the
  compound split at least `compound_count` times and `context_ratio` times
  as often, and the joined word is no word of the lexicon (unless the
  gazetteer has it as a name);
- a split spelling (two words) is offered for review, joined, when the
  text writes the joined word at least `compound_count` times and
  `context_ratio` times as often, and the joined word is no word of the
  lexicon (unless the gazetteer has it as a name).  Never automatic: two
  words may be a phrase (قال إني عبد الله, "I am a servant of God"), the
  joined word is always a name (seventh round).

Both spellings must occur in the text: nothing is joined or split on a
list.  A member whose form holds a space is a two-word spelling; the
rewriter matches it over two adjacent words (`rewrite.Reconciler`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from arclean.names.counting import Counts, prose_lines
from arclean.names.evidence import Judge
from arclean.names.lexicon import strip_marks
from arclean.names.model import Cluster, Member, Settings, Tier
from arclean.names.tokens import Token, fold_word, iter_tokens, prefix_splits

#: First words of compound names (عبد الله, أبو ظبي, أبي طالب, أبا بكر).
COMPOUND_HEADS = ("عبد", "أبو", "ابو", "أبي", "ابي", "أبا", "ابا")
_HEAD_FOLDS = frozenset(fold_word(h) for h in COMPOUND_HEADS)
#: The second word of a compound has at least this many letters (أبواب is
#: not أبو + اب, أبيات not أبي + ات).
MIN_TAIL = 3
#: A head word with its proclitics has at most this many letters (فلأبي).
MAX_HEAD_WORD = 6
#: Evidence marker of a compound member (the report explains it).
COMPOUND = "compound name"


def head_of(folded: str) -> str | None:
    """The head a folded one-word spelling starts with, when the rest has
    `MIN_TAIL` letters or more (عبدالله → عبد), else None."""
    for h in _HEAD_FOLDS:
        if folded.startswith(h) and len(folded) - len(h) >= MIN_TAIL:
            return h
    return None


def split_head(word: str, analysis: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(proclitic, head) when the stripped word is a compound head, bare or
    after a proclitic other than the article (وعبد, لأبي; not العبد), as
    the counts analyse it or, when they leave it whole, as it splits."""
    if len(word) > MAX_HEAD_WORD:
        return None
    prefix, core = analysis.get(word, ("", word))
    if fold_word(core) in _HEAD_FOLDS:
        return None if _definite(prefix) else (prefix, core)
    if prefix:
        return None
    for p, c in prefix_splits(word):
        if fold_word(c) in _HEAD_FOLDS and not _definite(p):
            return (p, c)
    return None


def count_split(texts: Iterable[str], counts: Counts, keys: set[str]) -> dict[str, Counter[str]]:
    """{joined folded key: Counter of two-word spellings "head tail"} for
    the wanted keys: a head word (a proclitic split off as the counts
    analyse it) followed by one space and a word."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    if not keys:
        return out
    analysis = counts.analysis
    heads = {w for w in analysis if split_head(w, analysis) is not None}
    if not heads:
        return out
    lines_with = getattr(texts, "lines_with", None)
    # The words decide first; the line is tokenised with offsets only for
    # a pair they accept, to see whether one space parts it.
    head_of_word: dict[str, str | None] = {}  # a word → its head, if it is one
    for line, ws in prose_lines(lines_with(heads) if lines_with is not None else texts):
        if not any(h in line for h in COMPOUND_HEADS):
            continue  # most lines: no head (a fully vowelled one is not counted)
        toks: list[Token] | None = None
        for i in range(len(ws) - 1):
            w = ws[i]
            if w in head_of_word:
                head = head_of_word[w]
            else:
                hit = split_head(strip_marks(w), analysis)
                head = head_of_word[w] = None if hit is None else hit[1]
            if head is None:
                continue
            tail = strip_marks(ws[i + 1])
            key = fold_word(head) + fold_word(tail)
            if key not in keys or len(fold_word(tail)) < MIN_TAIL:
                continue
            if toks is None:
                toks = list(iter_tokens(line))
            if line[toks[i].end : toks[i + 1].start] == " ":
                out[key][f"{head} {tail}"] += 1
    return out


def compound_clusters(
    texts: Iterable[str],
    counts: Counts,
    judge: Judge,
    s: Settings,
    taken: set[str],
    merged: set[str],
) -> list[Cluster]:
    """Clusters of compounds spelled both ways in the text, the usual
    spelling kept.  A joined spelling in `taken` (a member of another
    cluster) is left to that cluster; a joined canonical in `merged` (a
    variant another cluster rewrites) is never kept, so that no rewrite
    chains into another (a glossary written from the clusters loads)."""
    joined: dict[str, Counter[str]] = defaultdict(Counter)
    glued: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for w, (prefix, core) in counts.analysis.items():
        n = counts.surface[w]
        if _definite(prefix):
            continue  # العبدالله is a family name, not ال + عبد الله
        if head_of(fold_word(core)) is not None:
            joined[fold_word(core)][core] += n
            continue
        if prefix or not _may_hold_head(w):
            continue
        # وعبدالملك: a proclitic on a joined compound the text never
        # writes bare; split off only if the compound is decided below
        for p, c in prefix_splits(w):
            if head_of(fold_word(c)) is not None and not _definite(p):
                glued[fold_word(c)].append((w, p, c))
                break
    split = count_split(texts, counts, set(joined) | set(glued))
    clusters: list[Cluster] = []
    for key in sorted(split):
        j_forms, s_forms = Counter(joined[key]), split[key]
        for w, _p, c in glued.get(key, ()):
            j_forms[c] += counts.surface[w]
        lex_word = judge.lex_count(key) >= s.known_count
        name = judge.gaz.count(key) > 0
        if lex_word and not name:
            continue
        usual = without_rejected(usual_spelling(s_forms, j_forms, s, taken, merged, "auto"), judge)
        if usual is None:
            continue
        canonical, members = usual
        if " " in canonical:
            for w, p, c in glued.get(key, ()):
                if c == canonical.replace(" ", ""):
                    counts.reanalyse(w, p, c)
        ev = [f"gazetteer ({judge.gaz.count(key)})"] if name else []
        tier: Tier = "auto" if any(m.tier == "auto" for m in members) else "review"
        clusters.append(Cluster(canonical, members, tier, evidence=ev))
    return clusters


def usual_spelling(
    split: Counter[str],
    joined: Counter[str],
    s: Settings,
    taken: set[str],
    merged: set[str],
    split_tier: Tier,
    split_note: str = "",
) -> tuple[str, list[Member]] | None:
    """The text's usual spelling of a compound written as two words
    (`split`) and as one (`joined`), and the members: the other kind's
    spellings rewritten into it, at `split_tier` when the usual spelling is
    the two words (`split_note` says why not automatic), always at review
    when it is the one word (two words may be a phrase: قال إني عبد الله, "I
    am a servant of God"; أبو ظبي الصغير; seventh round).  None when neither
    is `compound_count` times and `context_ratio` times as often as the
    other, when a joined spelling to be split is in `taken` (another
    cluster's), when the joined canonical is in `merged` (a variant another
    cluster rewrites), or when nothing would change."""
    jn, sn = sum(joined.values()), sum(split.values())
    if sn >= s.compound_count and sn >= s.context_ratio * jn:
        if any(f in taken for f in joined):
            return None
        canonical = split.most_common(1)[0][0]
        auto = "auto: " if split_tier == "auto" else ""
        why = f"{auto}{COMPOUND}, written as two words {sn} times in the text{split_note}"
        members = _members(canonical, split, joined, why, split_tier)
    elif jn >= s.compound_count and jn >= s.context_ratio * sn:
        canonical = joined.most_common(1)[0][0]
        if canonical in merged:
            return None
        why = f"{COMPOUND}, written as one word {jn} times in the text; two words may be a phrase"
        members = _members(canonical, joined, split, why, "review")
    else:
        return None
    if not any(m.tier for m in members):
        return None
    return canonical, members


def without_rejected(
    usual: tuple[str, list[Member]] | None, judge: Judge
) -> tuple[str, list[Member]] | None:
    """`usual_spelling`'s result with the members a person rejected
    (a glossary's ``[[reject]] pair = ["عبد الرحمن", "عبدالرحمن"]``, as
    `names review` writes it) left alone; None when nothing is left to
    change."""
    if usual is None:
        return None
    canonical, members = usual
    kept = [
        Member(m.form, m.count, None, 0.0, ["rejected"])
        if m.tier is not None and judge.glossary.rejected(m.form, canonical)
        else m
        for m in members
    ]
    return (canonical, kept) if any(m.tier for m in kept) else None


def _may_hold_head(word: str) -> bool:
    """A cheap test before the proclitic analysis: a head within the
    word's first letters (a proclitic chain is at most three letters)."""
    start = word[: MAX_HEAD_WORD + 1]
    return any(h in start for h in COMPOUND_HEADS)


def _definite(prefix: str) -> bool:
    """The proclitic ends with the article (ال, لل)."""
    return fold_word(prefix).endswith(("ال", "لل"))


def _members(
    canonical: str, kept: Counter[str], other: Counter[str], why: str, tier: Tier = "auto"
) -> list[Member]:
    """The canonical's member, the other spellings of its own kind (left
    alone), and the spellings of the other kind: `tier` when they have the
    same letters as the canonical but for the space (أبو رأس is not
    rewritten أبوراس: the hamza would be lost), else left alone."""
    same = canonical.replace(" ", "")
    members = [Member(canonical, kept[canonical])]
    members += [Member(f, n) for f, n in kept.items() if f != canonical]
    members += [
        Member(f, n, tier, 0.0, [why]) if f.replace(" ", "") == same else Member(f, n)
        for f, n in other.most_common()
    ]
    return members
