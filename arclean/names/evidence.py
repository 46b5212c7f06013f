"""Step 2: the word judge.  Lexicon and gazetteer evidence that a folded
word is a name, a common word, a verb or an inflected form.

All the forms here are folded (`arclean.chars.fold`) unless a name says
`surface`; counts are occurrences in the shipped lexicon (Hindawi books) or
gazetteer (Wikidata name tokens) or place list (Natural Earth country names).
"""

from __future__ import annotations

from collections import Counter

from arclean.names.counting import Counts
from arclean.names.glossary import Glossary
from arclean.names.lexicon import (
    BARE_ENDINGS,
    CUES,
    PLACE,
    PLURAL_ENDINGS,
    PRONOUNS,
    STOPWORDS,
    WORD_SUFFIXES,
    Lexicon,
    gazetteer,
    inflected,
    lexicon,
    places,
)
from arclean.names.model import DEFAULT_SETTINGS, Settings
from arclean.names.similarity import NOUN_ENDINGS
from arclean.names.tokens import fold_word


class Judge:
    """Decides what may be a name and whether two spellings are one name.

    `counts` are the scanned texts' statistics; `lex` and `gaz` default to
    the shipped lexicon and gazetteer (loaded on first use).  Every method
    takes a folded form unless its argument is called `surface`.
    """

    def __init__(
        self,
        counts: Counts,
        glossary: Glossary,
        settings: Settings = DEFAULT_SETTINGS,
        lex: Lexicon | None = None,
        gaz: Lexicon | None = None,
    ) -> None:
        self.counts = counts
        self.glossary = glossary
        self.s = settings
        self.lex = lex or lexicon()
        self.gaz = gaz or gazetteer()
        self.places = places()
        self.glossary_forms = {fold_word(e.canonical) for e in glossary.entries}
        self._evidence: dict[str, str | None] = {}
        self._suffixed: dict[str, bool] = {}
        self._text_folded: Counter[str] | None = None
        self._text_words: set[str] | None = None

    def common(self, f: str, text_definite: int = 0, text_count: int = 0) -> bool:
        """A common word (noun, verb ...), not a name: frequent in the lexicon
        and often with the article, or often with the article in the text."""
        if f in STOPWORDS:
            return True
        if (
            text_count >= 3
            and text_definite / text_count >= self.s.text_al_ratio
            and not f.startswith("ال")
        ):
            return True
        n = self.lex.count(f)
        if n < self.s.common_count or self.place(f):
            return False
        if self.gaz.count(f) >= self.s.common_count:
            return False  # a frequent name (سعيد, محمد)
        if f.startswith("ال") and len(f) > 4:
            # definite forms: names with an intrinsic article (القاهرة, اليونان)
            # are almost never written without it; definite nouns (التالية) are
            ratio = self.lex.al_ratio(f)
            return ratio is None or ratio < self.s.bound_al_ratio
        ratio = self.lex.al_ratio(f)
        return ratio is not None and ratio >= self.s.common_al_ratio

    def name_evidence(self, f: str) -> str | None:
        """Memoised `_name_evidence`."""
        try:
            return self._evidence[f]
        except KeyError:
            r = self._name_evidence(f)
            if r not in ("gazetteer", "glossary") and f not in STOPWORDS and self.place(f):
                r = PLACE  # a country (by the gazetteer, a person's name first)
            self._evidence[f] = r
            return r

    def _name_evidence(self, f: str) -> str | None:
        """Positive evidence that the folded form `f` is a name, or None:
        the glossary; a gazetteer entry that the lexicon does not contradict
        (a common noun with ال-uses, a verb, a pronoun suffix: the Wikidata
        tokens hold a few ordinary words); or a frequent lexicon word that
        (almost) never goes without the article (اليونان).  A word that
        merely never takes the article is not enough: verbs never do."""
        if f in self.glossary_forms:
            return "glossary"
        if f in STOPWORDS or self.suffixed(f) or self.verb_like(f):
            return None
        ratio = self.lex.al_ratio(f)
        if f.startswith("ال") and len(f) > 4:
            if self.lex.count(f) >= self.s.name_count and ratio is not None:
                return "name with the article" if self.definite_name(f) else None
            # a Wikidata token with ال is a nisba (الرجبي), often an adjective too
            return "gazetteer" if self.gazetteer_name(f, 2) else None
        if self.gazetteer_name(f) and (ratio is None or ratio < self.s.common_al_ratio):
            return "gazetteer"
        if self.bare_name(f):
            return "lexicon: never with ال, a suffix or an ending"
        return None

    def auto_evidence(self, f: str, min_gaz: int | None = None, variant: str = "") -> str | None:
        """Name evidence strong enough for an automatic rewrite into `f`, or
        None.  The glossary; or a gazetteer name that is at least as much a
        name as a word (gazetteer count x `name_lex_ratio` >= lexicon count:
        ترامب, not نظيف or أجمل) and seen there at least `min_gaz` times
        (default `auto_gaz`; a merge with much context support asks for 1).
        Lexicon evidence alone (a definite noun: الأخيرة, الأربعاء; a word
        never inflected: أسابيع, ينبغى) is never enough: the auto tier is for
        names, common words' hamza belongs to the alef rules.  A token of
        the shipped place list (`lexicon.places`) is evidence enough, but
        not for a `variant` of its length (a letter swapped: ثوريا/سوريا)."""
        if f in self.glossary_forms:
            return "glossary"
        why = self.name_evidence(f)
        if why is None or why == "name with the article" or self.text_verb(f):
            return None
        place = PLACE if self.place(f) and len(variant) != len(f) else None
        if why == PLACE:
            return place
        g = self.gaz.count(f)
        floor = self.s.auto_gaz if min_gaz is None else min_gaz
        if g >= floor and g * self.s.name_lex_ratio >= self.lex.count(f):
            return "gazetteer name, more often a name than a word"
        return place

    def place(self, f: str) -> bool:
        """A token of a country's name (Natural Earth; no ordinary word)."""
        return self.places.count(f) > 0

    def text_verb(self, f: str) -> bool:
        """The scanned text itself conjugates the word (أدان: أدانت, أدانوا),
        which the old books may not show: a verb, no name, when the past
        forms are `text_verb_share` of its uses (not دمشقت ×1, دمشق ×103)."""
        if self._text_folded is None:
            folded: Counter[str] = Counter()
            for w, n in self.counts.core.items():
                folded[fold_word(w)] += n
            self._text_folded = folded
        conj = self._text_folded[f + "ت"] + self._text_folded[f + "وا"]
        return conj > 0 and conj >= self.s.text_verb_share * self._text_folded[f]

    def name_word(self, f: str) -> bool:
        """A neighbour that is a name: in the gazetteer at least as often as
        in the lexicon, and no function word (هاكان, not نظام)."""
        g = self.gaz.count(f)
        return g > 0 and g >= self.lex.count(f) and f not in STOPWORDS and f not in CUES

    def name_like(self, f: str) -> bool:
        """A neighbour that may be a name: a `name_word`, any
        gazetteer token (صالح, ميمونة: adjectives too), or a word of four
        letters or more the lexicon never saw (ليتون, تساكخنا); no
        function word or cue."""
        rest = f[1:] if f[:1] in ("و", "ف", "ب", "ل", "ك") else ""
        if f in STOPWORDS or f in CUES or rest in STOPWORDS or rest in CUES:
            return False  # واكد: a cue with و (in the gazetteer twice)
        if self.gaz.count(f) > 0:
            return True
        # an unknown word, not a proclitic on a known one (بالاتفاق)
        return len(f) >= 4 and not self.lex_count(f) and not (rest and self.lex_count(rest))

    def wordlike(self, f: str) -> bool:
        """The folded form reads as an inflected word of the lexicon: a
        stem of it with a pronoun, dual or plural suffix (حياتك, أسبوعين,
        أعدائنا), a proclitic glued to a word (لوقفه), or a verb whose other
        persons are known (ألعب: يلعب, نلعب).  Names rarely do.  A word with
        the article takes no pronoun nor verb person (fourteenth round:
        الريها is no الري + ها), only a dual or plural ending or its ة
        (folded ه: الأخيرة beside الأخير, and so القاهرة beside القاهر)."""
        known = self.s.known_count
        if self.gaz.count(f) >= self.s.attested_count:
            return False  # a well-attested name (سلمان: سلم + ان)
        definite = f.startswith("ال")
        for suf in WORD_SUFFIXES:
            stem = f[: len(f) - len(suf)]
            if definite and suf not in PLURAL_ENDINGS and suf != "ه":
                continue  # no pronoun nor verb person after ال (الريها: no الري + ها)
            if f.endswith(suf) and len(stem) >= 3 and self.lex_count(stem) >= known:
                return True
        if f[0] in "وفبلك" and len(f) > 4 and self.lex_count(f[1:]) >= known:
            return True
        if f[0] in "اتين" and len(f) >= 4:
            others = sum(self.lex.count(p + f[1:]) >= known for p in "اتين" if p != f[0])
            if others >= 2:
                return True
        return len(f) >= 5 and f[0] == "س" and f[1] in "اتين" and self.lex_count(f[1:]) >= known

    def own_word(self, v: str, c: str) -> str | None:
        """Why the variant `v` reads as a word of its own beside the
        canonical `c` (issue 9, second round), or None.  The lexicon has
        the variant at all while the canonical is a word of it too (صفيا
        beside صوفيا, النجر: نجر beside النجار); or the scanned text uses
        its stem as a noun, with the article or a plural ending (مصطافي
        beside المصطافين: the plural in construct, not مصطفى)."""
        known = self.s.known_count
        bare = v[2:] if v.startswith("ال") and len(v) > 4 else v
        if self.lex_count(c) >= known and (self.lex_count(v) or self.lex.count(bare)):
            return "the variant is a word of the lexicon too"
        if v.startswith("ال"):
            return None
        stem = v[:-1] if v.endswith(("ي", "ا", "ه")) else v
        if len(stem) < 3:
            return None
        if self._text_words is None:
            self._text_words = set(self.counts.folded_surface()) | {
                fold_word(w) for w in self.counts.core
            }
        family = ("ال" + stem, stem + "ين", stem + "ون", "ال" + stem + "ين", "ال" + stem + "ون")
        hit = next((x for x in family if x != c and x in self._text_words), None)
        return None if hit is None else f"the text uses its stem as a word ({hit})"

    def bare_name(self, f: str) -> bool:
        """A word the lexicon uses often and never inflects: never with ال,
        (almost) never with a pronoun suffix, a plural or verb ending, and not
        an adverb in -ا (كثيرا: كثير takes ال).  Place names missing from the
        person-name gazetteer pass (تركيا, هولندا, حزيران); verbs, nouns and
        function words (stoplist) do not."""
        n = self.lex.count(f)
        if n < self.s.name_count or len(f) < self.s.min_letters or f.startswith("ال"):
            return False
        if f.endswith("ت") and self.lex.count(f[:-1]) >= self.s.known_count:
            return False  # خرجت, كادت: a verb in the past (خرج, كاد)
        if f.endswith("تي") and self.lex.count(f[:-2] + "ه") >= self.s.known_count:
            return False  # سيدتي, مولاتي: a noun in ة + my
        if self.lex.count("ال" + f) > self.s.bare_al_share * n:
            return False
        inflected = sum(self.lex.count(f + p) for p in BARE_ENDINGS)
        if inflected > self.s.bare_al_share * n:
            return False
        if f.endswith("ا"):
            # an adverb in -ا: كثيرا (كثير takes ال), شيئا (شيء)
            stem = f[:-1]
            r = self.lex.al_ratio(stem)
            if self.lex.count(stem) >= self.s.known_count and r is not None and r >= 0.05:
                return False
            if f[-2] == "ي" and self.lex.count(f[:-2] + "ء") >= self.s.known_count:
                return False  # شيئا (folded شييا): شيء + ا
        if f.endswith("ته") and self.lex.count(f[:-2] + "ه") >= self.s.known_count:
            return False  # فنيته: فنية + ه
        if any(f.endswith(p) and f[: len(f) - len(p)] in STOPWORDS for p in PRONOUNS):
            return False  # أننا, معها: a function word with a pronoun
        if any(f[:i] in STOPWORDS and f[i:] in STOPWORDS for i in range(2, len(f) - 1)):
            return False  # كيلا = كي + لا
        # تدور beside يدور: maybe a verb
        return not (
            f[0] in "اتين"
            and any(self.lex.count(p + f[1:]) >= self.s.known_count for p in "اتين" if p != f[0])
        )

    def gazetteer_name(self, f: str, at_least: int = 1) -> bool:
        """In the gazetteer often enough, and not a far more frequent word
        of the lexicon (إحدى, أولا: function words in some Wikidata names)."""
        g = self.gaz.count(f)
        return (
            g >= max(at_least, self.s.gaz_count) and self.lex.count(f) <= self.s.gaz_lex_ratio * g
        )

    def definite_name(self, f: str) -> bool:
        """An ال-word of the lexicon that is a name (القاهرة, الشام, الأندلس):
        its bare form, with or without a pronoun suffix, is rare next to it,
        and it has no feminine form (الثاني/الثانية, an adjective)."""
        n = self.lex.count(f)
        ratio = self.lex.al_ratio(f)
        if ratio is None or ratio < self.s.bound_al_ratio:
            return False
        bare = f[2:]
        other = self.lex.count(bare) + sum(self.lex.count(bare + p) for p in PRONOUNS)
        if not f.endswith("ه"):
            other += self.lex.count(f + "ه")  # الثانية beside الثاني
        elif f.endswith("يه"):
            other += self.lex.count(f[:-1])  # العربي beside العربية
        return other < self.s.bound_share * n

    def verb_like(self, f: str) -> bool:
        """A verb (or verb-like word) in the lexicon: it takes the past-tense
        endings ت / وا (أطلق → أطلقت, أطلقوا), or it is a past plural (قالوا:
        قال, قالت) or an imperfect whose other persons are in the lexicon
        (أرجو: يرجو, نرجو; تأتي: يأتي).  Names do not inflect so; a
        well-attested name of the gazetteer (أحمد: يحمد) is exempt."""
        n = self.lex.count(f + "ت") + self.lex.count(f + "وا")
        if n >= max(3, 0.05 * self.lex.count(f)):
            return True
        if len(f) < 4 or self.gaz.count(f) >= self.s.attested_count:
            return False
        floor = max(self.s.known_count, 0.05 * self.lex.count(f))
        if f.endswith("وا"):
            stem = f[:-2]
            if self.lex.count(stem) + self.lex.count(stem + "ت") >= floor:
                return True
        if f[0] in "اتين":
            # two other persons in use (not تونس/يونس, إيران/نيران)
            others = [self.lex.count(p + f[1:]) for p in "اتين" if p != f[0]]
            if sum(n >= self.s.known_count for n in others) >= 2 and sum(others) >= floor:
                return True
        return False

    def suffixed(self, f: str) -> bool:
        """Memoised `_suffixed`."""
        r = self._suffixed.get(f)
        if r is None:
            r = self._suffixed[f] = self._is_suffixed(f)
        return r

    def _is_suffixed(self, f: str) -> bool:
        """An ordinary word with a pronoun suffix (أثره = أثر + ه): the stem is
        a common word of the lexicon."""
        for suf in ("ه", "ها", "هم", "هما", "ك", "كم", "نا"):
            stem = f[: len(f) - len(suf)]
            if (
                f.endswith(suf)
                and len(stem) >= 3
                and stem.endswith("ا")
                and not self.ta_marbuta(f)
                and self.lex.count(stem[:-1] + "ي") >= self.s.attested_count
                and self.gaz.count(f) < self.s.attested_count
            ):
                return True  # ى written ا before a pronoun: سواه = سوى + ه, أتاه = أتى + ه
        if inflected(f):
            return True
        for suf in PRONOUNS:
            stem = f[: len(f) - len(suf)]
            if suf == "ه" and self.ta_marbuta(f):
                continue  # سورية, القسطنطينية: ة folded to ه, not a pronoun
            if (
                suf == "ه"
                and f.endswith("ه")
                and len(stem) >= 3
                and self.lex.count(f) - self.lex.ta_marbuta.get(f, 0) >= self.s.known_count
                and self.lex.count(stem) >= self.s.attested_count
                and self.gaz.count(f) < self.s.attested_count
            ):
                return True  # أخيه, بينه: a frequent stem + the pronoun ه
            # a stem of two letters with a suffix of two (يدها, سرهم: her
            # hand, their secret) as well as of three
            if f.endswith(suf) and len(stem) >= (2 if len(suf) >= 2 else 3):
                ratio = self.lex.al_ratio(stem)
                if (
                    self.lex.count(stem) >= self.s.common_count
                    and ratio is not None
                    and ratio >= self.s.common_al_ratio
                ):
                    return True
        return False

    def ta_marbuta(self, f: str) -> bool:
        """The folded final ه is mostly a ة in the lexicon's spellings."""
        if not f.endswith("ه"):
            return False
        return self.lex.ta_marbuta.get(f, 0) * 2 >= self.lex.count(f) > 0

    def lex_count(self, f: str) -> int:
        """Lexicon count of a folded word with or without the article."""
        if f.startswith("ال") and len(f) > 4:
            return self.lex.count(f)
        return self.lex.count(f) + self.lex.count("ال" + f)

    def known_spelling(self, surface: str) -> int:
        """How often this exact spelling (hamza, ة, ى kept) is in the lexicon,
        the gazetteer or the place list."""
        return sum(x.surface.get(surface, 0) for x in (self.lex, self.gaz, self.places))

    def attested(self, f: str) -> bool:
        """A well-attested word or name: two such words are never merged."""
        return (
            self.lex.count(f) >= self.s.attested_count or self.gaz.count(f) >= self.s.attested_count
        )

    def no_word(self, f: str) -> bool:
        """The folded form is no word at all (issue 9, ninth round): not
        once in the lexicon, with or without ال (nor its bare form when it
        has ال), not in the gazetteer, and no inflected form of a known
        word (`wordlike`, `suffixed`, س + a known verb).  A spelling like
        this cannot be another word a rewrite would turn into a name: the
        cheapest evidence a dearer merge asks for (جورغ, أيمشتاين; not
        كوبا, عصام, نظيف).  The books are old and miss modern words, so a
        known stem (even once) with a noun or adjective ending is a word
        too (ثوريا = ثوري + ا, revolutionary, beside سوريا)."""
        bare = f[2:] if f.startswith("ال") and len(f) > 4 else f
        for x in {f, bare}:
            if self.lex_count(x) or self.gaz.count(x) or self.wordlike(x) or self.suffixed(x):
                return False
            for end in NOUN_ENDINGS:
                stem = x[: len(x) - len(end)]
                if x.endswith(end) and len(stem) >= 3 and self.lex_count(stem):
                    return False
        return not future_verb(f, self)


def future_verb(f: str, judge: Judge) -> bool:
    """س + an imperfect verb of the lexicon (سيعيد = س + يعيد, سأعيد):
    not a spelling of سعيد."""
    return (
        len(f) >= 5
        and f[0] == "س"
        and f[1] in "اتين"
        and judge.lex_count(f[1:]) >= judge.s.known_count
    )
