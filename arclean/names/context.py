"""Context passes over the texts: the words next to a name, and one
keyword-in-context line per spelling for the report.

Both passes read the texts again (after counting) and skip every line that
holds none of the wanted words; a line with marks is always tokenised,
because its words were counted with the marks stripped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise

from arclean.chars import ARABIC_MARK_RANGES, ARABIC_MARKS, PRESENTATION_SPAN, TATWEEL
from arclean.names.counting import Counts, prose_lines
from arclean.names.lexicon import CHAIN, CUES, KIN, NAMING, NISBA_ENDINGS, STOPWORDS, strip_marks
from arclean.names.similarity import weighted_distance
from arclean.names.tokens import fold_word, iter_tokens, words


def _folded(text: str) -> frozenset[str]:
    """The folded words of a space-separated list."""
    return frozenset(fold_word(w) for w in text.split())


#: A line that holds one of these may hold a word whose stripped form differs.
_MARKS_RE = re.compile(f"[{ARABIC_MARK_RANGES}{TATWEEL}{PRESENTATION_SPAN}]")


def neighbours(texts: Iterable[str], counts: Counts, wanted: set[str]) -> dict[str, Counter[str]]:
    """Folded left/right neighbour cores of each wanted folded core.

    Returns {folded core: Counter({"L:" + neighbour or "R:" + neighbour:
    count})}; neighbours shorter than three letters and function words
    (but not cues such as قال) are left out; a cue glued to و or ف counts
    as the cue (`_bare_cue`)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for c, left, right in _contexts(texts, counts, wanted):
        if _kept(left):
            out[c]["L:" + _bare_cue(left)] += 1
        if _kept(right):
            out[c]["R:" + _bare_cue(right)] += 1
    return out


def _bare_cue(nb: str) -> str:
    """A cue glued to و or ف as the cue itself (وأضاف as أضاف): whether the
    counts split the conjunction off depends on how often each form occurs
    in all the texts, so «وأضاف فيان» and «أضاف فيدان» share their cue
    however many other texts hold وأضاف."""
    return nb[1:] if nb not in CUES and cue(nb) else nb


def name_uses(
    texts: Iterable[str],
    counts: Counts,
    wanted: set[str],
    is_name: Callable[[str], bool],
    before: frozenset[str] = frozenset(),
) -> dict[str, tuple[int, int]]:
    """How often each wanted folded core stands as a name: after a word of
    a name sequence (`lexicon.KIN`: ابن هبيرة), before a link of a name
    chain (`lexicon.CHAIN`: معاوية بن), or beside a cue
    (`lexicon.CUES`: a title, a speech verb) or a neighbour for which
    `is_name` is true.

    Returns {folded core: (such occurrences, all occurrences)}; other
    neighbours are filtered as in `neighbours`.  A word of `before` counts
    only right before the core (`lexicon.NAMING`: مدينة كربلاء, not
    كربلاء مدينة), and not before an adjective (`lexicon.NISBA_ENDINGS`:
    جامعة أسترالية).  A wanted core the texts never hold is missing."""
    named: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for c, left, right in _contexts(texts, counts, wanted):
        seen[c] += 1
        near = any(_kept(x) and (cue(x) or is_name(x)) for x in (left, right))
        by_noun = left in before and not c.endswith(NISBA_ENDINGS)
        if left in KIN or right in CHAIN or by_noun or near:
            named[c] += 1
    return {c: (named[c], n) for c, n in seen.items()}


def adjacent_neighbours(
    texts: Iterable[str], counts: Counts, wanted: set[str]
) -> dict[str, Counter[str]]:
    """Like `neighbours`, but only the words written right beside each
    wanted core, with nothing but spaces between (not «باسكال · بروتوكول»:
    a list, not a full name), and none left out (بن, a title of two
    letters)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for c, left, right in _contexts(texts, counts, wanted, adjacent=True):
        if left:
            out[c]["L:" + left] += 1
        if right:
            out[c]["R:" + right] += 1
    return out


def frames(
    texts: Iterable[str], counts: Counts, wanted: set[str]
) -> dict[str, Counter[tuple[str, str]]]:
    """The (left, right) pairs of words written right beside each wanted
    folded core, both there and both words that may say something
    (`_kept`): «مدينة كراتشي الباكستانية» gives (مدينه, الباكستانيه)
    (round 18, `dropped.frame_support`)."""
    out: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for c, left, right in _contexts(texts, counts, wanted, adjacent=True):
        if left and right and _kept(left) and _kept(right):
            out[c][(left, right)] += 1
    return out


def _contexts(
    texts: Iterable[str], counts: Counts, wanted: set[str], adjacent: bool = False
) -> Iterator[tuple[str, str, str]]:
    """(folded core, left neighbour, right neighbour) of every occurrence
    of a wanted folded core, the neighbours folded cores ("" at either end
    of a line, and with `adjacent` where anything but spaces parts the
    neighbour from the core)."""
    folds = counts.core_folds()  # stripped surface word → folded core
    cache: dict[str, str] = {}  # a word with marks → folded core

    def core(w: str) -> str:
        c = folds.get(w)  # a stripped word is its own analysis key
        if c is None:
            c = cache.get(w)
            if c is None:
                sw = strip_marks(w)
                c = folds.get(sw)
                c = cache[w] = fold_word(sw) if c is None else c
        return c

    hits = {w for w, f in folds.items() if f in wanted}
    # Texts spread over machines (`arclean.corpus.Partitioned`) send back only
    # the lines that hold one of these words: the others add nothing here.
    lines_with = getattr(texts, "lines_with", None)
    for line, ws in prose_lines(lines_with(hits) if lines_with is not None else texts):
        if not ws or (hits.isdisjoint(ws) and not _MARKS_RE.search(line)):
            continue
        apart: list[bool] | None = None  # whether word i is parted from word i + 1
        last = len(ws) - 1
        for i, w in enumerate(ws):
            if w in hits:
                c = folds[w]
            elif w in folds:
                continue  # a stripped word whose core is not wanted
            else:
                c = core(w)  # a word with marks
                if c not in wanted:
                    continue
            if adjacent and apart is None:
                toks = list(iter_tokens(line))
                apart = [bool(line[a.end : b.start].strip()) for a, b in pairwise(toks)]
            left = core(ws[i - 1]) if i and not (apart and apart[i - 1]) else ""
            right = core(ws[i + 1]) if i < last and not (apart and apart[i]) else ""
            yield c, left, right


def cue(nb: str) -> bool:
    """The folded core `nb` is a cue (`lexicon.CUES`), or one glued to the
    conjunction و or ف (وأضاف, فقال: round 17; the counts split a proclitic
    off only the words they weigh, so a cue keeps its و as a neighbour)."""
    return nb in CUES or (len(nb) > 3 and nb[0] in "وف" and nb[1:] in CUES)


def _kept(nb: str) -> bool:
    """A neighbour that may say something: three letters or more, and no
    function word unless a cue."""
    return len(nb) >= 3 and (nb not in STOPWORDS or nb in CUES)


def kwic(texts: Iterable[str], counts: Counts, forms: set[str], width: int = 35) -> dict[str, str]:
    """One keyword-in-context line for each wanted (stripped) core.

    Returns {core: "…left[word]right…"} with up to `width` code points of
    context on each side (tabs shown as spaces); a core found in no line is
    missing from the result."""
    out: dict[str, str] = {}
    remaining = set(forms)
    hits = {w for w, (_p, core) in counts.analysis.items() if core in remaining}
    if counts.line_of:
        # one line known to hold each wanted core; the word is found by a
        # plain search (a line with marks is tokenised)
        targets: dict[int, list[str]] = defaultdict(list)
        placed: set[str] = set()
        # the form itself first (ريدبول before الريدبول): the word a
        # rewrite would change, where the text writes it
        for w in sorted(hits, key=lambda w: (w != counts.analysis[w][1], w)):
            core = counts.analysis[w][1]
            n = counts.line_of.get(w)
            if n is not None and core not in placed:
                placed.add(core)
                targets[n].append(w)
        n = 0
        for text in texts:
            if not targets:
                break
            for line in text.splitlines():
                ws = targets.pop(n, None)
                n += 1
                if ws is None:
                    continue
                if _MARKS_RE.search(line):
                    _kwic_line(line, counts, remaining, out, width)
                    continue
                for w in ws:
                    core = counts.analysis[w][1]
                    i = _find_word(line, w)
                    if core in remaining and i >= 0:
                        left = line[max(0, i - width) : i]
                        right = line[i + len(w) : i + len(w) + width]
                        out[core] = f"…{left}[{w}]{right}…".replace("\t", " ")
                        remaining.discard(core)
        if not remaining:
            return out
        hits = {w for w in hits if counts.analysis[w][1] in remaining}
    for text in texts:
        if not remaining:
            break
        for line in text.splitlines():
            ws = words(line)
            if not ws or (hits.isdisjoint(ws) and not _MARKS_RE.search(line)):
                continue
            marked = _MARKS_RE.search(line) is not None
            if not marked and not any(
                counts.analysis[w][1] in remaining for w in hits.intersection(ws)
            ):
                continue
            _kwic_line(line, counts, remaining, out, width, marked)
            if not remaining:
                break
    return out


def _find_word(line: str, w: str) -> int:
    """Offset of `w` as a whole word in `line`, or -1."""
    i = line.find(w)
    while i >= 0:
        j = i + len(w)
        if (i == 0 or not _is_letter(line[i - 1])) and (j == len(line) or not _is_letter(line[j])):
            return i
        i = line.find(w, i + 1)
    return -1


def _is_letter(ch: str) -> bool:
    """A character that continues a word for `_find_word`: a letter (tatweel
    included), a haraka or the superscript alef."""
    return ch.isalpha() or ch in ARABIC_MARKS or ch == TATWEEL


def _kwic_line(
    line: str,
    counts: Counts,
    remaining: set[str],
    out: dict[str, str],
    width: int,
    marked: bool = True,
) -> None:
    """KWIC lines from one line for the wanted cores it holds, each at the
    first word that is the core itself, else at the first that holds it
    (الريدبول)."""
    found: dict[str, tuple[int, int, str]] = {}
    for tok in iter_tokens(line):
        sw = strip_marks(tok.text) if marked else tok.text
        core = counts.analysis.get(sw, ("", sw))[1]
        if core in remaining and (core not in found or sw == core):
            found[core] = (tok.start, tok.end, tok.text)
            if sw == core:
                remaining.discard(core)  # no later word replaces it
    for core, (start, end, text) in found.items():
        left, right = line[max(0, start - width) : start], line[end : end + width]
        out[core] = f"…{left}[{text}]{right}…".replace("\t", " ")
        remaining.discard(core)


#: Neighbours that say nothing about who is meant (anyone قال something).
SPEECH = _folded("قال قالت أكد أكدت أعلن أعلنت أضاف أضافت صرح صرحت أوضح أوضحت ذكر ذكرت")

#: Words that make the word beside them a place.
PLACES = _folded("مدينة المدينة العاصمة بلدة قرية ولاية إقليم منطقة")


def own_context(
    v_nbs: Counter[str], c_nbs: Counter[str], name_like: Callable[[str], bool]
) -> str | None:
    """Why the variant (neighbours `v_nbs`) names something else than the
    canonical (`c_nbs`), or None (fifth round: a corpus of many
    articles).  Both have identifying neighbours — a name (a first or
    family name: بيناز صالح / ليتون بينز), a nisba (البرازيلي جابريل /
    المالي الأصل جبريل سيديبيه) or a place word (مدينة برنو / برونو
    سيزار) — and the two spellings share no neighbour but a speech verb
    (a neighbour spelled a cheap edit apart counts as shared: بافيتمبي
    غوميس / بافيتيمبي جوميس): each is consistently spelled in its own
    context, two names, not a slip."""
    c_keys = [x for x in c_nbs if x[2:] not in SPEECH]
    for x in v_nbs:
        if x[2:] not in SPEECH and any(_same_word(x, y) for y in c_keys):
            return None
    other = other_naming(v_nbs, c_nbs, named=True)
    if other is not None:
        return "own context: " + other  # فندق هوليندا beside شمال هولندا (fifteenth round)
    own = sorted(x[2:] for x in v_nbs if _identifying(x[2:], name_like))
    if own and any(_identifying(x[2:], name_like) for x in c_nbs):
        return "own context: " + ", ".join(own[:3]) + ", never beside the canonical"
    return None


#: The compass words of `lexicon.NAMING`, one kind of naming noun.
COMPASS = frozenset(fold_word(w) for w in ("شمال", "جنوب", "شرق", "غرب"))


def naming_kind(f: str) -> str:
    """The kind of a naming noun (`lexicon.NAMING`): itself, or the compass."""
    return "compass" if f in COMPASS else f


def other_naming(v_nbs: Counter[str], c_nbs: Counter[str], named: bool = False) -> str | None:
    """Why the variant (neighbours `v_nbs`) is named as another thing than
    the canonical (`c_nbs`), or None: a naming noun right before it of a
    kind never right before the canonical (فندق انتور beside نادي إنتر;
    the compass words are one kind).  With `named`, only when some naming
    noun stands before the canonical."""
    kinds = {naming_kind(x[2:]) for x in c_nbs if x.startswith("L:") and x[2:] in NAMING}
    if named and not kinds:
        return None
    hit = sorted(
        x[2:]
        for x in v_nbs
        if x[:2] == "L:" and x[2:] in NAMING and naming_kind(x[2:]) not in kinds
    )
    return f"after {hit[0]}, never before the canonical" if hit else None


def _same_word(x: str, y: str) -> bool:
    """Two neighbour keys ("L:" or "R:" + folded core) on the same side,
    spelled alike or a cheap edit apart."""
    if x == y:
        return True
    if x[:2] != y[:2] or min(len(x), len(y)) < 6:
        return False
    return weighted_distance(x[2:], y[2:], CHEAP_SAME) <= CHEAP_SAME


#: A neighbour this far from another is the same word spelled otherwise.
CHEAP_SAME = 0.7


def _identifying(f: str, name_like: Callable[[str], bool]) -> bool:
    """A neighbour that tells who or what is meant: a name, a place word,
    or a nisba with the article (البرازيلي, الأستوني)."""
    return f in PLACES or name_like(f) or (f.startswith("ال") and f.endswith("ي") and len(f) >= 6)
