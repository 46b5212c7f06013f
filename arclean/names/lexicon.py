"""The shipped word-frequency lexicon and name gazetteer, loaded lazily.

- ``data/lexicon.tsv.gz``: word counts from Hindawi books in the public domain.
- ``data/gazetteer.tsv.gz``: Arabic tokens of person names from Wikidata (CC0).
- ``data/places.tsv.gz``: tokens of country names from Natural Earth (public
  domain) that the books do not use mostly as ordinary words.

Both are keyed by the surface form without harakat; folded totals are derived
on load.  See ``data/README.md`` and ``scripts/build_names_data.py``.
"""

from __future__ import annotations

import contextlib
import gzip
import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from arclean.chars import MARK_CATEGORY, PRESENTATION_SPAN, TATWEEL, fold
from arclean.locations import names_data

if TYPE_CHECKING:
    pass


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


#: Function words and very frequent forms that are never names, whatever the
#: lexicon says (compared folded, except where a fold collision matters).
STOPWORDS = _folded_words(
    """
    على إلى الى في من عن مع بين حتى منذ عند لدى لكن ولكن إن أن ان إذا اذا ذلك تلك هذا هذه
    هؤلاء أولئك الذي التي الذين اللذين اللتين اللاتي اللواتي حيث بينما عندما كيف كيفما
    أيضا ايضا أيضًا كان كانت يكون تكون كانوا ليس ليست غير سوى كل بعض أي أو ثم قد لقد
    لم لن لا ما ماذا لماذا متى أين هنا هناك هنالك جدا فقط دون نحو خلال قبل بعد فوق تحت
    أمام وراء حول ضد عبر لدي إنه انه إنها انها أنه أنها الآن اليوم أمس غدا عليه عليها إليه
    اليه إليها منه منها فيه فيها عنه عنها بها به لها له لهم لهن عليهم إليهم منهم فيهم
    قال قالت يقول تقول وقال وقالت أضاف أكد أعلن أشار ذكر كما مثل لأن لان بأن بان
    إحدى أحد إلينا إليكم إليك إليكما إليهما إليهن إلي علينا عليكم عليك منا منكم
    أولا ثانيا ثالثا رابعا أخيرا آخر أخرى الأخرى أمرا أمر إذن إذ إما أما إلا ألا
    أنا أنت أنتم أنتما أنتن نحن هو هي هم هن إني إنني أنني لأنه لأنها إنما أنما
    أيها أيتها أكثر أقل أول أولى الأولى الأول أحيانا أبدا أمامه أمامها وراءه
    """
) | _folded_words(
    # dialect function words (Egyptian, Levantine, Gulf, Maghrebi): the
    # lexicon's old books lack them, and a Wikidata token (اللي) must not
    # make them names (seventh round: اللى → اللي 56 times in the tweets)
    """
    اللي اللى إللي ده دي دا دول دولت كده كدا كدة عشان علشان عشانك ازاي إزاي ايه إيه
    ليه فين امتى إمتى مش مفيش مافيش مافي بتاع بتاعت بتاعة بتاعه بتوع لسه لسة لسا
    برضه برضو بردو اوي أوي بس كمان يعني زي زى اهو أهو اهي أهي احنا إحنا انتو إنتو
    انتي إنتي هما همه عايز عاوز عايزة عاوزة عايزه حاجة حاجه يلا ياريت هيك هيدا هيدي
    هاد هادا هاذا هاذي هذي هذول شو ليش وين هلق هلأ منيح كتير مشان منشان وش ايش إيش
    شلون وايد اللحين الحين ديال ديالي بزاف واش علاش كيفاش دابا شنو
    """
)

#: Words that announce a name next to them: titles, speech verbs, place words.
CUES = _folded_words(
    """
    الرئيس رئيس الوزير وزير نظيره نظيرته الملك الأمير الشيخ السيد السيدة الدكتور
    المستشار الجنرال العقيد الزعيم المتحدث مدينة المدينة العاصمة بلدة قرية ولاية
    قال قالت أكد أكدت أعلن أعلنت أضاف أضافت صرح صرحت أوضح أوضحت ذكر ذكرت
    الدكتورة الملكة الأميرة الشيخة الوزيرة وزيرة الرئيسة رئيسة المستشارة المتحدثة
    """
)

#: Nouns for a person that a name follows (اللاعب أحمد, المواطن أحمد,
#: الأستاذ أحمد, طفله أحمد): titles, ranks, jobs and kin, beyond the titles of
#: `CUES`.  Written by hand (session 26) from the titles and occupation nouns
#: of Arabic news style, a generic list (no word of the evaluation's names);
#: kin nouns also take a pronoun (`KIN_NOUNS`).
PERSON_NOUNS = _folded_words(
    """
    الأستاذ الأستاذة الدكتور المهندس المهندسة المحامي القاضي الإمام الداعية الحاج
    الحاجة الخليفة السلطان الشريف الفريق اللواء العميد العقيد المقدم الرائد النقيب
    الملازم الرقيب العريف الجندي الضابط الشرطي الأمين المدير المديرة النائب العضو
    السفير القنصل المحافظ الأمير المفتي المطران الأب القس الكابتن المدرب اللاعب
    لاعب النجم المهاجم المدافع الحارس الحكم الفنان الفنانة الممثل الممثلة المطرب
    المطربة المغني الشاعر الشاعرة الكاتب الكاتبة الروائي الصحفي الصحافي الإعلامي
    المذيع المذيعة المصور الباحث الباحثة العالم الطبيب الطبيبة الممرض الطالب
    الطالبة التلميذ المعلم المعلمة المواطن المواطنة المقيم المتهم الضحية الشهيد
    الفقيد المرحوم المرحومة الراحل الزميل الزميلة الصديق الشاب الفتى الفتاة الطفل
    الطفلة الرضيع الشيخة السيد السيدة السادة الرجل المرأة المسن الجد الجدة العم
    """
)
#: Kin nouns that name the person after them, bare, with the article or a
#: pronoun (ابنه أحمد, شقيقها أحمد, الطفل أحمد).
KIN_NOUNS = _folded_words(
    """
    ابن ابنة بنت أخ أخو أخي أخت شقيق شقيقة زوج زوجة والد والدة طفل طفلة نجل نجلة
    حفيد حفيدة عم عمة خال خالة جد جدة صديق صديقة زميل زميلة
    """
)

#: Nouns that name a place or a body by the word after them (مدينة كربلاء,
#: جبل قاسيون, نادي سبورتنغ, منتخب هولندا, شمال أفريقيا; twelfth round, written by hand:
#: a generic list, no word of the evaluation's names).  Also common nouns
#: follow them (فريق عمل, شركة طيران): `weighing.cue_candidate` asks the
#: word after them to be no word of the books, or a name of them.
NAMING = _folded_words(
    """
    مدينة المدينة العاصمة عاصمة بلدة قرية ولاية إقليم محافظة منطقة دولة جمهورية
    مملكة إمارة جزيرة جزر نهر جبل جبال بحيرة قارة شركة منظمة مجموعة نادي فريق
    منتخب جامعة حزب مطار ملعب استاد صحيفة جريدة مجلة وكالة قناة مسجد جامع كنيسة
    معبد قلعة قصر فندق مستشفى سجن برج شمال جنوب شرق غرب
    """
)
#: Endings of the adjectives that follow a naming noun too (جامعة أسترالية,
#: فريق إيطالي, folded): a word ending so is never named by one.
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "ات")

#: Words of a name sequence: the word after them is a name (ابن هبيرة, بنت
#: الشاطئ, أبو بكر, آل سعود; not أم, also "or").
KIN = _folded_words("ابن بن ابنة بنت أبو ابو أبي ابي أبا ابا آل")
#: The links of a name chain (محمد بن سلمان): the word right before one
#: is a name too (round 17; not ابن, which also opens a name: قال ابن خلدون).
CHAIN = _folded_words("بن بنت")


#: The evidence of a token of the shipped place list (`places`).
PLACE = "place (Natural Earth country name)"
#: Endings a common word takes and a name does not (pronoun suffixes, plurals, verbs).
BARE_ENDINGS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ات", "ون", "ين", "وا", "ت")
#: Pronoun suffixes.
PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي")
#: Endings of ordinary words (plurals, nisba adjectives and adverbs, verbs).
COMMON_ENDINGS = ("ات", "ون", "ين", "يا", "يه", "ي", "وا", "ها", "هم")
#: Endings of an inflected word (pronouns, dual, plurals, verb persons).
WORD_SUFFIXES = (
    "ك", "كم", "كما", "ني", "نا", "ها", "هم", "هما", "ه",
    "ين", "ان", "ون", "ات", "وا", "تم"
)  # fmt: skip
#: The `WORD_SUFFIXES` a word with the article may take (dual, plurals; ه
#: is its ة: الأخيرة, the feminine of الأخير).
PLURAL_ENDINGS = ("ين", "ان", "ون", "ات")
#: Pronoun and feminine plural suffixes that rule a form out of pairing.
SUFFIXES = ("ها", "هم", "هما", "كم", "هن", "ته", "تها", "تهم", "ات", "اتها", "اتهم")


def inflected(f: str) -> bool:
    """A folded word ending with a pronoun or feminine plural suffix: names
    do not (الإمارات keeps its article and is exempt)."""
    return not f.startswith("ال") and f.endswith(SUFFIXES) and len(f) > 5


_PRESENTATION = re.compile(f"[{PRESENTATION_SPAN}]")


def strip_marks(word: str) -> str:
    """Surface form without non-spacing marks or tatweel (hamza seats, ة and
    ى kept); a word with a presentation form is NFKC-normalised first."""
    if _PRESENTATION.search(word):
        word = unicodedata.normalize("NFKC", word)
    if word.isalpha() and TATWEEL not in word:
        return word
    return "".join(ch for ch in word if unicodedata.category(ch) != MARK_CATEGORY and ch != TATWEEL)


def _read(name: str) -> dict[str, int]:
    out: dict[str, int] = {}
    with names_data(name).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, rest = line.rstrip("\n").partition("\t")
            if word.startswith("#"):
                if word == "#total":
                    out["#total"] = int(rest)
                continue
            out[word] = int(rest.split("\t", 1)[0])
    return out


class Lexicon:
    """Word counts (surface and folded) with a few derived measures."""

    def __init__(self, counts: Mapping[str, int], total: int | None = None) -> None:
        self.surface = dict(counts)
        self.total = total or max(1, sum(counts.values()))
        self.folded: dict[str, int] = {}
        self.ta_marbuta: dict[str, int] = {}  # folded form → count of spellings ending in ة
        for w, n in self.surface.items():
            f = fold(w)
            self.folded[f] = self.folded.get(f, 0) + n
            if w.endswith("ة"):
                self.ta_marbuta[f] = self.ta_marbuta.get(f, 0) + n

    def count(self, form: str) -> int:
        """Count of a folded form."""
        return self.folded.get(form, 0)

    def per_million(self, form: str) -> float:
        """Count of a folded form per million words of the lexicon."""
        return self.count(form) * 1e6 / self.total

    def al_ratio(self, form: str) -> float | None:
        """Share of a folded form's uses that carry the article: near 0 for
        foreign names (ترامب), 0.2-0.7 for common nouns.  For a form that
        starts with ال, the share of the bare form that is definite.  None
        when the lexicon has not seen the word."""
        if form.startswith("ال") and len(form) > 4:
            bare, definite = self.count(form[2:]), self.count(form)
        else:
            bare, definite = self.count(form), self.count("ال" + form)
        if bare + definite == 0:
            return None
        return definite / (bare + definite)


@cache
def lexicon() -> Lexicon:
    """Hindawi word frequencies (public domain), loaded once."""
    counts = _read("lexicon.tsv.gz")
    total = counts.pop("#total", None)
    return Lexicon(counts, total)


@cache
def surface_counts() -> dict[str, int]:
    """Hindawi word counts by surface form (harakat removed, hamza, ة and ى
    kept), without the folded totals `lexicon` derives."""
    counts = _read("lexicon.tsv.gz")
    counts.pop("#total", None)
    return counts


#: A word of ``lexicon.tsv.gz``: what starts a line, up to its first tab
#: (the ``#total`` line left out).
_WORD = re.compile(r"^([^\t\n#][^\t\n]*)\t", re.MULTILINE)


class WordList:
    """A set of words kept as one sorted block of UTF-8 lines, looked up by
    bisection: loading it is reading a file, where a `frozenset` of the
    lexicon's 186,000 words takes 30-40 ms to build.  After `SET_AFTER`
    lookups (a text with many words to look up) the set is built after all,
    and answers from then on.  ``word in words`` is True for exactly the
    words given."""

    #: Lookups answered by bisection (about 1 µs each) before the set is
    #: built: together about what building the set costs.
    SET_AFTER = 20_000

    def __init__(self, lines: bytes, words: frozenset[str] | None = None) -> None:
        """`lines`: the words, UTF-8, sorted as bytes, one a line, no empty
        line and no final line break; `words`: the same as a set, when the
        caller has it (`lines` is then not read)."""
        self._lines = lines
        self._set = words
        self._left = self.SET_AFTER

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        if not isinstance(word, str):
            return False
        self._left -= 1
        if self._left < 0:
            self._set = self.words()
            return word in self._set
        key = word.encode("utf-8", "surrogatepass")
        data = self._lines
        lo, hi = 0, len(data)  # the lines that start in [lo, hi), lo and hi line starts
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid) + 1 or lo
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line == key:
                return True
            if line < key:
                lo = end + 1
            else:
                hi = start
        return False

    def words(self) -> frozenset[str]:
        """Every word, as a set (built once; lookups use it from then on)."""
        if self._set is None:
            lines = self._lines.decode("utf-8")
            self._set = frozenset(lines.split("\n")) if lines else frozenset()
        return self._set


@cache
def surface_words() -> frozenset[str]:
    """The words of `surface_counts`, without their counts (see `surface_word_list`)."""
    return surface_word_list().words()


@cache
def surface_word_list() -> WordList:
    """The words of `surface_counts`, without their counts: what the letter
    rules look words up in.  Read without building the counts; with the
    command line's cache folder (`arclean.ruleset.cache.active_directory`),
    kept there as a sorted word list named after the data file's hash, which
    loads in about a millisecond (no set is built; see `WordList`) against
    60-80 ms for the compressed file.  A damaged or unwritable cache file is
    ignored."""
    raw = names_data("lexicon.tsv.gz").read_bytes()
    from arclean.ruleset.cache import active_directory, hasher, write_bytes

    folder = active_directory()
    path = None
    if folder is not None:
        path = folder / f"lexicon-sorted-{hasher(raw, digest_size=16).hexdigest()}.txt"
        try:
            data = path.read_bytes()
            if data.endswith(b"\n\x00"):  # written whole
                return WordList(data[:-2])
        except OSError:
            pass
    found = frozenset(_WORD.findall(gzip.decompress(raw).decode("utf-8")))
    if path is None:  # no cache folder (the API): the set, and no list to sort
        return WordList(b"", found)
    lines = b"\n".join(sorted(w.encode("utf-8", "surrogatepass") for w in found))
    with contextlib.suppress(OSError):  # the cache is an optimisation
        write_bytes(path, lines + b"\n\x00")
    return WordList(lines, found)


@cache
def gazetteer() -> Lexicon:
    """Wikidata person-name tokens (CC0), loaded once.  Nothing hand-written:
    every shipped name comes from a public-domain or CC0 source (issue 9)."""
    return Lexicon(_read("gazetteer.tsv.gz"))


@cache
def places() -> Lexicon:
    """Tokens of the Arabic country names of Natural Earth (public domain,
    field NAME_AR), each with how many names use it, loaded once; the
    build keeps no token the books use mostly as an ordinary word
    (`scripts/build_names_data.py`, `place_tokens`)."""
    return Lexicon(_read("places.tsv.gz"))
