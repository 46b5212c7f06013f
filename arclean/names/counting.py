"""Step 1: count the word types of the scanned texts and split proclitics.

A `Counts` holds, per stripped surface word and per core (proclitics split
off when the core is attested, see `tokens.analyse`), how often it occurs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import repeat

from arclean.names.lexicon import strip_marks
from arclean.names.tokens import analyse, fold_word, unprotected, words


def reiterable(texts: Iterable[str]) -> Iterable[str]:
    """Texts that can be read twice: a one-shot iterator is buffered, and
    texts held in memory (a list, a tuple) come back as `HeldTexts`, split
    into lines and words once for all the passes of a scan; any other
    re-iterable (files streamed, partitions) is returned as it is."""
    if iter(texts) is texts or isinstance(texts, (list, tuple)):
        return HeldTexts(texts)
    return texts


class HeldTexts(list[str]):
    """Texts held in memory, whose prose lines and their words are split
    once (`prose_lines`): a scan reads them five to ten times (counting,
    neighbours, name uses, compounds), and a text read again is split
    again otherwise.  Holds about the texts' size again, plus a pointer per
    word (a word is one string however often the texts write it)."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        super().__init__(texts)
        self._lines: list[tuple[str, list[str]]] | None = None

    def prose_lines(self) -> list[tuple[str, list[str]]]:
        """(line, its words) of every line of the texts (`prose_lines`)."""
        if self._lines is None:
            one: dict[str, str] = {}
            self._lines = [(line, [one.setdefault(w, w) for w in ws]) for line, ws in _split(self)]
        return self._lines


def prose_lines(texts: Iterable[str]) -> Iterable[tuple[str, list[str]]]:
    """(line, its Arabic words `tokens.words`) for every line of `texts`
    with the protected ranges blanked out (`tokens.unprotected`), in
    order; split once for `HeldTexts`, as they are read otherwise."""
    held = getattr(texts, "prose_lines", None)
    if held is not None:
        lines: list[tuple[str, list[str]]] = held()
        return lines
    return _split(texts)


def _split(texts: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    for text in texts:
        for line in unprotected(text).splitlines():
            yield line, words(line)


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
        self._core_folds: dict[str, str] | None = None  # `core_folds`

    def add_text(self, text: str) -> None:
        """Count the Arabic words of `text`, line by line, outside the
        protected ranges (`tokens.unprotected`)."""
        self.add_lines(prose_lines([text]))

    def add_lines(self, lines: Iterable[tuple[str, list[str]]]) -> None:
        """Count the words of `lines` (`prose_lines`), in order."""
        track = self.track_lines
        for _line, ws in lines:
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

    def core_folds(self) -> dict[str, str]:
        """{stripped surface word: its core folded} for every word of
        `analysis`, built when first asked for after `finish` and again
        after `reanalyse`."""
        if self._core_folds is None:
            self._core_folds = {w: fold_word(core) for w, (_p, core) in self.analysis.items()}
        return self._core_folds

    def reanalyse(self, word: str, prefix: str, core: str) -> None:
        """Take the stripped surface `word` as `prefix` + `core` from now on
        (`analysis`; the core counts are the caller's to move)."""
        self.analysis[word] = (prefix, core)
        self._core_folds = None

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
    counts.add_lines(prose_lines(texts))
    if base is not None:
        counts.surface.update(base.surface)
        counts.tokens += base.tokens
    counts.finish()
    return counts
