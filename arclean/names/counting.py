"""Step 1: count the word types of the scanned texts and split proclitics.

A `Counts` holds, per stripped surface word and per core (proclitics split
off when the core is attested, see `tokens.analyse`), how often it occurs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import repeat

from arclean.names.lexicon import strip_marks
from arclean.names.tokens import analyse, fold_word, unprotected, words


def reiterable(texts: Iterable[str]) -> Iterable[str]:
    """Texts that can be read twice (a one-shot iterator is buffered into a list)."""
    if iter(texts) is texts:  # a one-shot iterator
        return list(texts)
    return texts


class Counts:
    """Word statistics of the scanned texts.

    Fill with `add_text` for each text, then call `finish` once; only then
    are `core`, `definite` and `analysis` set.
    """

    def __init__(self, track_lines: bool = False) -> None:
        self.surface: Counter[str] = Counter()  # stripped surface word → count
        self.core: Counter[str] = Counter()  # stripped core → count (clitics split)
        self.definite: Counter[str] = Counter()  # core → uses with the article
        self.analysis: dict[str, tuple[str, str]] = {}  # surface → (prefix, core)
        self.tokens = 0
        # with `track_lines`: surface word → number of a line that holds it
        # (the last one), so that the KWIC pass tokenises only those lines
        self.track_lines = track_lines
        self.line_of: dict[str, int] = {}
        self.lines = 0
        self._shown: dict[str, str] | None = None  # `surface_of`
        self._folded: Counter[str] | None = None  # `folded_surface`

    def add_text(self, text: str) -> None:
        """Count the Arabic words of `text`, line by line, outside the
        protected ranges (`tokens.unprotected`)."""
        track = self.track_lines
        for line in unprotected(text).splitlines():
            ws = words(line)
            if ws:
                self.tokens += len(ws)
                self.surface.update(ws)
                if track:
                    self.line_of.update(zip(ws, repeat(self.lines)))
            self.lines += 1

    def finish(self) -> None:
        """Strip marks, then split proclitics whose core is attested."""
        merged: Counter[str] = Counter()
        line_of = self.line_of
        for w, n in self.surface.items():
            sw = strip_marks(w)
            merged[sw] += n
            if line_of and sw != w and w in line_of:
                line_of.setdefault(sw, line_of[w])
        self.surface = merged
        get = merged.get
        for w, n in merged.items():
            prefix, core = analyse(w, lambda c: get(c, 0), n)
            self.analysis[w] = (prefix, core)
            self.core[core] += n
            if fold_word(prefix).endswith(("ال", "لل")) or (
                fold_word(core).startswith("ال") and prefix == ""
            ):
                self.definite[core] += n

    def folded_surface(self) -> Counter[str]:
        """The surface words' counts by folded spelling (أدانت and ادانت
        together), built once after `finish` (the surface counts do not
        change after it)."""
        if self._folded is None:
            self._fold_surface()
        assert self._folded is not None
        return self._folded

    def surface_of(self, folded: str) -> str:
        """The text's most frequent spelling of a folded word (شركة for
        شركه), for words shown to a person; `folded` itself when the text
        never writes it."""
        if self._shown is None:
            self._fold_surface()
        assert self._shown is not None
        return self._shown.get(folded, folded)

    def _fold_surface(self) -> None:
        """One pass over the surface words for `folded_surface` and
        `surface_of`."""
        folded: Counter[str] = Counter()
        best: dict[str, tuple[int, str]] = {}
        for w, n in self.surface.items():
            f = fold_word(w)
            folded[f] += n
            if n > best.get(f, (0, ""))[0]:
                best[f] = (n, w)
        self._folded = folded
        self._shown = {f: w for f, (_n, w) in best.items()}


def count_texts(
    texts: Iterable[str], base: Counts | None = None, track_lines: bool = False
) -> Counts:
    """Word statistics of `texts` (plus the surface counts of `base`, a
    larger corpus counted before), finished."""
    counts = Counts(track_lines)
    for text in texts:
        counts.add_text(text)
    if base is not None:
        counts.surface.update(base.surface)
        counts.tokens += base.tokens
    counts.finish()
    return counts
