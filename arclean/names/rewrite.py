"""Rewriting: variant spellings become their canonical spelling.

A `Reconciler` rewrites glossary variants always (rule AR801, a safe fix) and,
when `fuzzy` is on, the variants that a scan of the text (or of a corpus given
to `prepare`) finds at the chosen tier (AR802, an unsafe fix).  A proclitic
stays on the word (وترمب → وترامب) and marks on it are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from arclean.names.clustering import cluster
from arclean.names.compounds import split_head
from arclean.names.counting import Counts, HeldTexts, count_texts, reiterable
from arclean.names.fullnames import outside_canonicals
from arclean.names.glossary import Glossary, imperative_reading, merge
from arclean.names.imperatives import name_occurrence
from arclean.names.lexicon import gazetteer, lexicon, strip_marks
from arclean.names.model import (
    CODE_FUZZY,
    CODE_GLOSSARY,
    DEFAULT_SETTINGS,
    TIERS,
    Cluster,
    Replacement,
    Settings,
    Tier,
)
from arclean.names.similarity import NOUN_ENDINGS
from arclean.names.tokens import (
    Token,
    attach,
    fold_word,
    iter_tokens,
    prefix_splits,
    unprotected,
    words,
)


class Reconciler:
    """Rewrites variant spellings: glossary entries always (safe, AR801),
    fuzzy clusters when `fuzzy` is on, at `tier` or better (unsafe, AR802).

    A glossary entry with `context_any` is applied only when one of those
    words is within `window` tokens of the variant.  Raises ValueError for a
    `tier` that is not one of `TIERS`.
    """

    def __init__(
        self,
        glossaries: Sequence[Glossary] = (),
        fuzzy: bool = True,
        tier: Tier = "auto",
        settings: Settings = DEFAULT_SETTINGS,
        window: int = 50,
    ) -> None:
        if tier not in TIERS:
            raise ValueError(f"tier must be one of {TIERS}, not {tier!r}")
        self.glossary = merge(glossaries)
        self.fuzzy = fuzzy
        self.tier = tier
        self.settings = settings
        self.window = window
        self._prepared: dict[str, tuple[str, str]] | None = None  # variant → (canonical, msg)
        self._corpus: Counts | None = None
        self._gloss_map: dict[str, int] = {}
        for i, e in enumerate(self.glossary.entries):
            for v in e.variants:
                self._gloss_map.setdefault(strip_marks(v), i)

    def prepare(self, texts: Iterable[str]) -> list[Cluster]:
        """Scan a whole corpus once; `rewrite` then applies its clusters
        (without it, each `rewrite` scans its own text).  Returns the
        clusters found (no KWIC lines)."""
        texts = reiterable(texts)
        self._corpus = count_texts(texts)
        clusters = cluster(texts, self._corpus, self.glossary, self.settings, False)
        self._prepared = self._variant_map(clusters)
        return clusters

    def _variant_map(self, clusters: list[Cluster]) -> dict[str, tuple[str, str]]:
        """{variant core: (canonical, message)} at the allowed tiers (glossary
        members are left to the glossary map)."""
        allowed = {"auto"} if self.tier == "auto" else {"auto", "review"}
        out: dict[str, tuple[str, str]] = {}
        for cl in clusters:
            for m in cl.variants:
                if m.tier in allowed and "glossary" not in m.evidence:
                    why = "; ".join(m.evidence)
                    out[m.form] = (cl.canonical, f"{m.form} → {cl.canonical} ({why})")
        return out

    def rewrite(self, text: str) -> tuple[str, list[Replacement]]:
        """The text with variants rewritten, and the replacements made, in
        text order (offsets in code points into `text`)."""
        fuzzy_map: dict[str, tuple[str, str]] = {}
        analysis: dict[str, tuple[str, str]] = {}
        if self.fuzzy:
            if self._prepared is None:
                texts = HeldTexts([text])
                counts = count_texts(texts)
                clusters = cluster(texts, counts, self.glossary, self.settings, False)
                fuzzy_map = self._variant_map(clusters)
                analysis = counts.analysis
            else:
                fuzzy_map = self._prepared
                analysis = self._corpus.analysis if self._corpus else {}
        if not fuzzy_map and not self._gloss_map:
            return text, []
        # a word inside a tag, a link or a Quranic quotation is never rewritten
        prose = unprotected(text)
        phrases = self._phrases(fuzzy_map)
        # a word is looked up once: most of a text's tokens are words it
        # writes again and again
        matched: dict[str, tuple[int, str, str, str, int | None] | None] = {}
        if not phrases:
            # one word at a time: the text's words first, without offsets;
            # a text none of whose words has a rewrite is not tokenised
            for w in set(words(prose)):
                matched[w] = self._match(strip_marks(w), fuzzy_map, analysis)
            if not any(matched.values()):
                return text, []
        # a bare-alef spelling that is also an imperative (احمد: praise!)
        # is rewritten only where this occurrence is the name
        # (`imperatives.name_occurrence`): its neighbours are read
        verbs = {
            w
            for w, hit in matched.items()
            if hit and imperative_reading(strip_marks(w)[hit[0] :], hit[1])
        }
        # every token only when a rule looks past its word: a phrase, a
        # glossary entry's context words around it, or an imperative reading
        if verbs or phrases or any(e.context_any for e in self.glossary.entries):
            tokens = list(iter_tokens(prose))
        else:
            tokens = list(iter_tokens(prose, {w for w, hit in matched.items() if hit}))
        folded_tokens: list[str] | None = None
        out: list[Replacement] = []
        skip = -1
        for idx, tok in enumerate(tokens):
            if idx <= skip:
                continue
            two = self._match_two(text, tokens, idx, phrases, analysis) if phrases else None
            if two is not None:
                skip = idx + 1
                out.append(two)
                continue
            if tok.text in matched:
                hit = matched[tok.text]
            else:
                hit = matched[tok.text] = self._match(strip_marks(tok.text), fuzzy_map, analysis)
            if hit is None:
                continue
            prefix_len, new_core, code, message, entry = hit
            if _marked(tok.text, prefix_len):
                # a vowelled word (ايادٍ, hands, with tanween; فِيَانُ beside a
                # glossary's فيدان) was written with care, and the rewrite
                # would drop its marks: left alone, by a glossary too
                continue
            if entry is not None and self.glossary.entries[entry].context_any:
                if folded_tokens is None:
                    folded_tokens = [fold_word(strip_marks(t.text)) for t in tokens]
                if not self._context_ok(entry, folded_tokens, idx):
                    continue
            prefix = _surface_prefix(tok.text, prefix_len)
            if imperative_reading(
                strip_marks(tok.text)[prefix_len:], new_core
            ) and not name_occurrence(prose, tokens, idx, prefix):
                continue  # «احمد الله», «فاحمد ربك»: the verb
            if " " in new_core and fold_word(prefix).endswith(("ال", "لل")):
                continue  # العبدالعالي (a family name) is not ال + عبد العالي
            new = attach(prefix, new_core)
            if new is None or new == tok.text:
                continue
            out.append(Replacement(tok.start, tok.end, tok.text, new, code, message))
        if out:
            out = outside_canonicals(text, out, self._long_canonicals(fuzzy_map))
        if not out:
            return text, []
        pieces, last = [], 0
        for r in out:
            pieces.append(text[last : r.start])
            pieces.append(r.new)
            last = r.end
        pieces.append(text[last:])
        return "".join(pieces), out

    def _long_canonicals(self, fuzzy_map: dict[str, tuple[str, str]]) -> set[str]:
        """The canonical spellings of more than one word (عبد الفتاح السيسي),
        from the glossaries and `fuzzy_map`."""
        out = {strip_marks(e.canonical) for e in self.glossary.entries if " " in e.canonical}
        out.update(strip_marks(c) for c, _ in fuzzy_map.values() if " " in c)
        return out

    def _phrases(
        self, fuzzy_map: dict[str, tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[str, str, str, int | None]]:
        """Two-word variants (a compound written split: عبد الله when the
        text writes عبدالله): {(first word, second word): (canonical, code,
        message, glossary entry)}; glossary entries first."""
        out: dict[tuple[str, str], tuple[str, str, str, int | None]] = {}
        for v, i in self._gloss_map.items():
            if " " in v:
                e = self.glossary.entries[i]
                first, _, second = v.partition(" ")
                msg = f"{v} → {e.canonical} (glossary)"
                out[(first, second)] = (e.canonical, CODE_GLOSSARY, msg, i)
        for v, (canonical, msg) in fuzzy_map.items():
            if " " in v:
                first, _, second = v.partition(" ")
                out.setdefault((first, second), (canonical, CODE_FUZZY, msg, None))
        return out

    def _match_two(
        self,
        text: str,
        tokens: list[Token],
        idx: int,
        phrases: dict[tuple[str, str], tuple[str, str, str, int | None]],
        analysis: dict[str, tuple[str, str]],
    ) -> Replacement | None:
        """The rewrite of tokens `idx` and `idx + 1` as one two-word variant
        (one space between them, a proclitic on the first kept, no marks on
        either), or None."""
        if idx + 1 >= len(tokens):
            return None
        a, b = tokens[idx], tokens[idx + 1]
        if text[a.end : b.start] != " ":
            return None
        sa, sb = strip_marks(a.text), strip_marks(b.text)
        if sa != a.text or sb != b.text:
            return None  # vowelled words are written with care: left alone
        candidates = [("", sa)]
        head = split_head(sa, analysis)
        if head is not None and head[0]:
            candidates.append(head)
        for prefix, core in candidates:
            hit = phrases.get((core, sb))
            if hit is None:
                continue
            canonical, code, message, _entry = hit
            new = attach(prefix, canonical)
            if new is None:
                return None
            return Replacement(a.start, b.end, text[a.start : b.end], new, code, message)
        return None

    def _match(
        self,
        sw: str,
        fuzzy_map: dict[str, tuple[str, str]],
        analysis: dict[str, tuple[str, str]],
    ) -> tuple[int, str, str, str, int | None] | None:
        """(prefix length in letters, new core, code, message, glossary entry)."""
        known = analysis.get(sw)
        # the corpus analysis decides the split; a word it never saw may be
        # split when it is not a known word itself (وفيان, بترمب)
        candidates: list[tuple[str, str]] = [("", sw)]
        if known is not None and known[0]:
            candidates.append(known)
        # the lexicon is read only for a word that may hold a glossary
        # variant after a proclitic (a hook's run on a clean file never
        # loads it: 0.3 s)
        extra = (
            _splits(sw)
            if (not known or not known[0])
            and any(core in self._gloss_map for _p, core in prefix_splits(sw))
            and not _lexical(sw)
            else []
        )
        for prefix, core in candidates + extra:
            entry = self._gloss_map.get(core)
            if entry is not None:
                e = self.glossary.entries[entry]
                msg = f"{core} → {e.canonical} (glossary)"
                return (len(prefix), e.canonical, CODE_GLOSSARY, msg, entry)
        # a fuzzy merge follows the corpus's own analysis only: a split
        # guessed here (فكريا = ف + كريا, بايرن = ب + ايرن) is not evidence
        # (ninth round) nor is a glued word that is a known word as a whole
        # (فكريا, intellectually, when the text also has كريا)
        for prefix, core in candidates:
            hit = fuzzy_map.get(core)
            if (
                hit is not None
                and prefix
                and fold_word(hit[0]) != fold_word(core)
                # ك ("like") before a name is rare, and it opens many foreign
                # names: «تشوي كيونج» is no ك + يونج (session 27)
                and (_known_word(sw) or fold_word(prefix).endswith("ك"))
            ):
                continue
            if hit is not None:
                return (len(prefix), hit[0], CODE_FUZZY, hit[1], None)
        return None

    def _context_ok(self, entry: int, folded_tokens: list[str], idx: int) -> bool:
        """A context word of glossary entry `entry` (bare or after a
        proclitic) is within `window` tokens of token `idx`."""
        wanted = {fold_word(strip_marks(w)) for w in self.glossary.entries[entry].context_any}
        lo, hi = max(0, idx - self.window), idx + self.window + 1
        for f in folded_tokens[lo:hi]:
            if f in wanted or any(
                f.endswith(w) and fold_word(f[: len(f) - len(w)]) in _PROCLITIC_FOLDS
                for w in wanted
            ):
                return True
        return False


_PROCLITIC_FOLDS = frozenset(
    {"و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "فب", "فل",
     "وبال", "وكال", "ولل", "فلل"}
)  # fmt: skip


def _splits(word: str) -> list[tuple[str, str]]:
    """`prefix_splits` of `word`, shortest proclitic first, stopping at the
    first core that is a known word: a known word is not split further
    (والاحمد is و + الاحمد, a word of the books, as the bare الاحمد is
    left whole; not وال + احمد), so a word is treated alike with and without
    a proclitic."""
    out: list[tuple[str, str]] = []
    for prefix, core in prefix_splits(word):
        out.append((prefix, core))
        if _lexical(core):
            break
    return out


def _lexical(word: str) -> bool:
    """The word is known as a whole (lexicon or gazetteer): do not split it."""
    f = fold_word(word)
    return bool(lexicon().count(f) or gazetteer().count(f))


def _known_word(word: str) -> bool:
    """The word is known as a whole (`_lexical`), or is a stem the lexicon
    knows (four letters or more: وفيان is not وفي + ان) with a noun ending
    (`similarity.NOUN_ENDINGS`: فكريا = فكري + ا,
    which the old books lack)."""
    if _lexical(word):
        return True
    f = fold_word(word)
    lex = lexicon()
    return any(
        f.endswith(e) and len(f) - len(e) >= 4 and lex.count(f[: len(f) - len(e)])
        for e in NOUN_ENDINGS
    )


def _marked(token: str, prefix_len: int) -> bool:
    """The token's core (after `prefix_len` letters) carries harakat."""
    core = token[len(_surface_prefix(token, prefix_len)) :]
    return strip_marks(core) != core


def _surface_prefix(token: str, stripped_len: int) -> str:
    """The part of the original token (marks included) that spells the first
    `stripped_len` letters of its stripped form."""
    if stripped_len == 0:
        return ""
    seen = 0
    for i, ch in enumerate(token):
        if strip_marks(ch):
            seen += 1
            if seen == stripped_len:
                j = i + 1
                while j < len(token) and not strip_marks(token[j]):
                    j += 1
                return token[:j]
    return token


def iter_replacements(text: str, reconciler: Reconciler) -> Iterator[Replacement]:
    """Convenience: the replacements `reconciler` makes in `text`."""
    yield from reconciler.rewrite(text)[1]
