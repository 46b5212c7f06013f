"""Spellings equal after folding (hamza seat, ى/ي, ة/ه): the tier of
each one beside the kept spelling of its group.  Split from `scoring`
(issue 9, fourth round) to keep modules small."""

from __future__ import annotations

from arclean.chars import FOREIGN_SOUND_LETTERS
from arclean.names.evidence import Judge, future_verb
from arclean.names.lexicon import (
    BARE_ENDINGS,
    CUES,
    KIN,
    NAMING,
    NISBA_ENDINGS,
    PLACE,
    STOPWORDS,
)
from arclean.names.model import Member
from arclean.names.tokens import fold_word

#: Evidence of a fold member that is another word: it is dropped from its cluster.
OTHER_WORD = "another word (pronoun ه or the article)"
#: Evidence of a review fold member that `usage.require_name_use` makes
#: automatic when the text uses the word as a name (ninth round).
NAME_IF_USED = "the text's usual spelling: a name if the text uses it as one"


#: The letters that write a hamza (with or without a seat).
HAMZA_LETTERS = "أإآؤئء"


def hamzas(surface: str) -> int:
    """Hamza letters (with or without a seat) in a spelling."""
    return sum(surface.count(ch) for ch in HAMZA_LETTERS)


#: Evidence marker: a spelling writes a letter for a foreign sound (ڤ پ چ گ ڨ ژ)
#: the other does not; the report explains it.
FOREIGN_LETTER = "letter for a foreign sound"


def foreign_letters(form: str) -> frozenset[str]:
    """The letters for foreign sounds (`FOREIGN_SOUND_LETTERS`) `form` writes:
    a spelling with one is the writer's choice, never rewritten automatically
    into one without it, nor the other way round."""
    return FOREIGN_SOUND_LETTERS.intersection(form)


#: A country's name written with another hamza or final letter: review.
PLACE_SPELLING = "a country's name: its hamza or final letter is the writer's choice"


def fold_member(form: str, n: int, canonical: str, judge: Judge, cn: int = 0) -> Member:
    """A spelling equal to the canonical after folding: auto unless it is a
    real word of its own (آثاره beside إثارة) or the user rejected the pair."""
    if judge.glossary.rejected(form, canonical):
        return Member(form, n, None, 0.0, ["rejected"])
    h_form = next((x for x in (form, canonical) if x.endswith("ه")), "")
    t_form = next((x for x in (form, canonical) if x.endswith("ة")), "")
    if (
        h_form
        and t_form
        and h_form[:-1] == t_form[:-1]
        and judge.lex.surface.get(h_form, 0) >= judge.s.known_count
        and judge.lex.surface.get(h_form, 0) > judge.lex.surface.get(t_form, 0)
    ):
        # أخيه (his brother) beside أخية, بينه beside بينة: the usual ه
        # spelling is the pronoun, another word
        return Member(form, n, None, 0.0, [OTHER_WORD])
    al_form = next((x for x in (form, canonical) if x.startswith("ال")), "")
    if (
        al_form
        and any(x[:2] in ("أل", "إل", "آل") for x in (form, canonical))
        and judge.lex.surface.get(al_form, 0) >= judge.s.known_count
        and judge.lex.count(fold_word(al_form)[2:]) >= judge.s.attested_count
    ):
        # الحق (the truth) beside ألحق (he attached): the article, another word
        return Member(form, n, None, 0.0, [OTHER_WORD])
    if foreign_letters(form) != foreign_letters(canonical):
        # مارڤن beside مارفن: the same sound, a letter the writer chose
        return Member(form, n, "review", 0.0, ["same after folding", FOREIGN_LETTER])
    if judge.lex.surface.get(form, 0) >= judge.s.known_count:
        return Member(form, n, "review", 0.0, ["same after folding", "spelling in lexicon"])
    if hamza_of_its_own(form, canonical):
        # سآمر (I shall order) beside سأمر (I shall pass): the madda is a
        # hamza and a long vowel; اندأ beside أندا: a hamza elsewhere.  A
        # transliteration drops hamzas, it neither adds nor moves them
        return Member(form, n, "review", 0.0, ["same after folding", HAMZA_OF_ITS_OWN])
    other = other_hamza_word(form, canonical, judge)
    if other is not None:
        # اياد beside إياد (a name): the books write أياد (hands) too, so
        # the bare spelling may be that word (breaker 6, session 21)
        return Member(form, n, "review", 0.0, ["same after folding", f"{OTHER_HAMZA} ({other})"])
    if hamzas(form) > hamzas(canonical):
        # the variant writes a hamza the kept spelling lacks (يؤنس, a verb,
        # beside يونس; بؤنا beside بونا): transliterations drop hamzas,
        # never add them, so it may be another word
        return Member(form, n, "review", 0.0, ["same after folding", "writes a hamza"])
    if (
        canonical.endswith("ة")
        and form.endswith("ه")
        and not fold_word(form).startswith("ال")  # no pronoun after the article
        and judge.lex_count(fold_word(form)[:-1]) >= judge.s.known_count
    ):
        # سماحه = سماح + ه (its allowing), not سماحة: maybe the pronoun ه
        return Member(form, n, "review", 0.0, ["same after folding", "maybe a pronoun ه"])
    if judge.known_spelling(form) > judge.known_spelling(canonical):
        return Member(form, n, "review", 0.0, ["same after folding", "more usual spelling"])
    why = judge.auto_evidence(fold_word(canonical))
    place = why == PLACE
    if place:
        # a country's hamza or final letter written two ways (اسبانيا ×3
        # beside إسبانيا ×19 in one text): the writer's habit, left to the
        # alef rules and to review (fifteenth round)
        why = None
    if why is not None and text_conjugates(fold_word(canonical), judge):
        why = None  # أدان (condemned; 3 Wikidata tokens): the text writes وأدانت
    if why is None and final_letter_only(form, canonical):
        # ى/ي or ة/ه at the end of a word the reference data call a name,
        # which the text itself spells the other way (sixth round)
        usual = usual_final(form, n, canonical, cn, judge)
        if usual is not None:
            return Member(form, n, "auto", 0.0, ["same after folding", usual])
    if why is None:
        proper = usual_proper_noun(form, n, canonical, cn, judge)
        if proper is not None:
            return Member(form, n, "auto", 0.0, ["same after folding", proper])
    if why is None:
        # not known as a name: an ordinary word written two ways (اثره/أثره),
        # unless the text itself uses it as a name (`usage`, ninth round)
        ev = ["same after folding", PLACE_SPELLING if place else "not known as a name"]
        if (
            judge.s.fold_name_uses
            and usual_spelling(form, n, cn, judge, judge.s.fold_text_count)
            and (
                no_word_reading(form, canonical, judge)
                or gazetteer_ta_marbuta(form, canonical, judge)
            )
        ):
            ev.append(NAME_IF_USED)
        return Member(form, n, "review", 0.0, ev)
    if cn < judge.s.fold_ratio * n:
        # both spellings in common use here: the writer's choice, not a slip
        return Member(form, n, "review", 0.0, ["same after folding", "both spellings frequent"])
    if (
        form[:-1] == canonical[:-1]
        and {form[-1], canonical[-1]} == {"ى", "ي"}
        and judge.known_spelling(canonical) < judge.s.attested_count
    ):
        # final ى/ي alone: old books write either; only a well-attested
        # spelling (موسى, سيرجي) is evidence, not a rare one (أسلى/أسلي)
        return Member(form, n, "review", 0.0, ["same after folding", "ى or ي, rare spelling"])
    if judge.known_spelling(canonical):
        return Member(form, n, "auto", 0.0, ["same after folding", "known spelling", why])
    if form[:-1] == canonical[:-1] and canonical.endswith("ة"):
        return Member(form, n, "auto", 0.0, ["same after folding", "ة written ه", why])
    # an unknown hamza (انشطار is right without one) or ى/ي: report only
    return Member(form, n, "review", 0.0, ["same after folding"])


#: Said of a spelling that writes a hamza the kept one does not write there.
HAMZA_OF_ITS_OWN = "a hamza where the kept spelling has none, or آ for its أ: maybe another word"


#: Said of a bare spelling that another hamza makes another word of the books.
OTHER_HAMZA = "with another hamza, another word of the books"


def other_hamza_word(form: str, canonical: str, judge: Judge) -> str | None:
    """A word of the books (`known_count` times, as spelled) that `form`
    may stand for with another hamza seat where it writes a bare ا and
    `canonical` a hamza (اياد: أياد, hands, beside the name إياد; امين:
    آمين beside أمين), or None."""
    if len(form) != len(canonical):
        return None
    for i, (x, y) in enumerate(zip(form, canonical, strict=True)):
        if x != "ا" or y not in "أإآ":
            continue
        for seat in "أإآ".replace(y, ""):
            alt = canonical[:i] + seat + canonical[i + 1 :]
            if judge.lex.surface.get(alt, 0) >= judge.s.known_count:
                return alt
    return None


def hamza_of_its_own(form: str, canonical: str) -> bool:
    """`form` writes a hamza at a place where `canonical` writes a bare
    letter (اندأ/أندا), or آ (a hamza and a long a) where it writes أ or إ
    (a hamza alone: سآمر/سأمر, آمن/أمن).  A seat written otherwise (أ/إ:
    أبراهيم/إبراهيم) or a hamza left out (اسامة/أسامة) is no such place."""
    return len(form) == len(canonical) and any(
        (x in HAMZA_LETTERS and y not in HAMZA_LETTERS) or (x == "آ" and y in "أإ")
        for x, y in zip(form, canonical, strict=True)
    )


def final_letter_only(form: str, canonical: str) -> bool:
    """The two spellings differ only by their final ى/ي or ة/ه."""
    return (
        len(form) == len(canonical)
        and form[:-1] == canonical[:-1]
        and {form[-1], canonical[-1]} in ({"ى", "ي"}, {"ة", "ه"})
    )


def usual_final(form: str, n: int, canonical: str, cn: int, judge: Judge) -> str | None:
    """Why a final ى/ي or ة/ه spelling may be rewritten into the canonical
    one without the gazetteer evidence `auto_evidence` asks for (issue 9,
    sixth round), or None: the canonical is a gazetteer name at least as
    often as a lexicon word (`Judge.name_word`), no verb, and the text's
    usual spelling of it, seen at least `text_count` times and
    `fold_ratio` times as often as the variant; the variant spelling is no
    word of the lexicon (checked by the caller) and, for ه, not the pronoun
    (checked by the caller, or after the article)."""
    s = judge.s
    if cn < s.text_count or cn < s.fold_ratio * n:
        return None
    f = fold_word(canonical)
    if (
        judge.name_evidence(f) != "gazetteer"
        or not (judge.name_word(f) or well_attested_name(f, judge))
        or judge.text_verb(f)
        or future_verb(f, judge)
    ):
        # lexicon evidence alone is not enough: المرأة, المتوفى are "names
        # with the article" and فجأة, ينبغي "never inflected" by that test,
        # and فجأه (surprised him) is فجأ + ه, not فجأة (suddenly)
        return None
    return f"final {form[-1]}/{canonical[-1]}, the text writes {canonical} {cn} times (gazetteer)"


def well_attested_name(f: str, judge: Judge) -> bool:
    """A well-attested gazetteer name (`attested_count`) that the lexicon
    never writes with the article (عائشة: 31 in the gazetteer, 91 in the
    books, once with ال): a proper noun, though the books name it more
    often than Wikidata does (eighth round; the merge still needs the text
    to use it as a name, `usage.require_name_use`)."""
    ratio = judge.lex.al_ratio(f)
    return judge.gaz.count(f) >= judge.s.attested_count and (
        ratio is None or ratio < judge.s.common_al_ratio
    )


def usual_proper_noun(form: str, n: int, canonical: str, cn: int, judge: Judge) -> str | None:
    """Why a spelling equal after folding may be rewritten into the text's
    usual spelling of a name that `Judge.auto_evidence` turns down because
    the books use it too often (إبراهيم: 291 in the gazetteer, 626 in the
    books; إسبانيا, أمريكا), or None (issue 9, ninth round).

    All of: the variant spelling is no word (never in the lexicon nor the
    gazetteer); the text writes the canonical at least `text_count` times
    and `fold_ratio` times as often as the variant; the canonical is a
    gazetteer name (`Judge.name_evidence`) that the books use as a proper
    noun (`proper_noun`), and no verb of the text.  Off unless
    `Settings.fold_proper_nouns`."""
    if not judge.s.fold_proper_nouns or not usual_spelling(form, n, cn, judge):
        return None
    f = fold_word(canonical)
    if judge.name_evidence(f) != "gazetteer" or not proper_noun(f, judge):
        return None
    if text_conjugates(f, judge) or judge.wordlike(f) or future_verb(f, judge):
        return None
    g, lx = judge.gaz.count(f), judge.lex.count(f)
    return (
        f"a name (gazetteer {g}) the books use {lx} times as a proper noun,"
        f" the text writes {canonical} {cn} times"
    )


def proper_noun(f: str, judge: Judge) -> bool:
    """The lexicon uses the folded word `f` as a proper noun: at least
    `name_count` times, (almost) never with the article or an ending
    (`bare_al_share`: إبراهيم 0 of 626, إسبانيا 0 of 375), no verb
    (`Judge.verb_like`), no pronoun suffix (`Judge.suffixed`).  A word in
    -يا whose nisba takes the article (إيطالي, الإيطالي) is no adverb in -ا
    (كثيرا) when the books write it more often than that nisba."""
    lex, s = judge.lex, judge.s
    total = lex.count(f)
    if total < s.name_count or f.startswith("ال") or len(f) < s.min_letters:
        return False
    if lex.count("ال" + f) > s.bare_al_share * total:
        return False
    if sum(lex.count(f + p) for p in BARE_ENDINGS) > s.bare_al_share * total:
        return False
    if judge.verb_like(f) or judge.suffixed(f):
        return False
    return judge.bare_name(f) or (f.endswith("يا") and lex.count(f[:-1]) < total)


def final_ya_for_yeh(form: str, canonical: str, judge: Judge) -> bool:
    """`form` writes a final ى where `canonical` writes ي, and nothing
    else differs (مدبولى / مدبولي); `canonical` stands as a word of its own
    at least `fold_text_count` times (not only inside another word: كيندي,
    Kennedy, read as ك + يندي, made the verb يندى يندي), and `form` opens
    with no prefix of a verb's present tense (يندى, تبقى, نرضى: a verb in
    ى, whose ي spelling is another verb)."""
    return (
        final_letter_only(form, canonical)
        and form[-1] == "ى"
        and canonical[-1] == "ي"
        and form[0] not in "يتن"
        and judge.counts.surface.get(canonical, 0) >= judge.s.fold_text_count
    )


def usual_spelling(form: str, n: int, cn: int, judge: Judge, floor: int | None = None) -> bool:
    """The kept spelling, seen `cn` times, is the text's usual one (at
    least `floor` times, default `text_count`, and `fold_ratio` times as
    often as the variant's `n`), and the variant spelling is no word (never
    in the lexicon nor the gazetteer)."""
    s = judge.s
    floor = s.text_count if floor is None else floor
    return cn >= floor and cn >= s.fold_ratio * n and not judge.known_spelling(form)


def gazetteer_ta_marbuta(form: str, canonical: str, judge: Judge) -> bool:
    """A final ه for the ة of a well-attested gazetteer name (at least
    `attested_count` Wikidata names: خليفة 56) that is also an ordinary
    word (الخليفة, the caliph), so that the text's use of it as a name may
    decide (fourteenth round).  No title, cue, naming noun or function word
    (جامعة beside a name is still a noun), no verb, no word with a pronoun
    suffix; without the article."""
    f = fold_word(canonical)
    if not (final_letter_only(form, canonical) and canonical.endswith("ة")):
        return False
    if f.startswith("ال") or f in CUES or f in KIN or f in STOPWORDS or f in NAMING:
        return False
    if judge.verb_like(f) or text_conjugates(f, judge) or judge.suffixed(f):
        return False
    return judge.gaz.count(f) >= judge.s.attested_count


def no_word_reading(form: str, canonical: str, judge: Judge) -> bool:
    """The reference data give the kept spelling no ordinary reading, so
    that the text's use of it as a name may decide (ninth round): no title,
    cue or function word (الأمير stands beside names too), no verb
    (أدان, يلتقي), no word with a pronoun suffix (أختي, إدارتها), and
    either a word the books write with the article and (almost) never
    without it or as an adjective (`Judge.definite_name`: المنورة; not
    الري, irrigation: ري 18 times) or a bare word they (almost) never write
    with the article (`common_al_ratio`, and at least `known_count` times:
    أحفاد and موهبة once each say nothing) or never use at all (أوهايو:
    the text decides).  A ة spelling is never made a ه one (لاعبة, a
    player, is no slip for لاعبه, his player)."""
    f = fold_word(canonical)
    s = judge.s
    if form.endswith("ة") and canonical.endswith("ه"):
        return False
    if f in CUES or f in KIN or f in STOPWORDS:
        return False
    if judge.verb_like(f) or text_conjugates(f, judge) or future_verb(f, judge):
        return False
    if judge.suffixed(f) or judge.wordlike(f):
        return False
    known = judge.lex_count(f)
    # a word the books write once or twice (سقارة 2, القنيطرة 1) says no more
    # than one they never write, when only its final ة is written ه: the
    # text decides (session 21; not a final ى/ي: مدرستى, my school, in a
    # tweet, is مدرستي with a pronoun, no name)
    rare = (
        0 < known < s.known_count and final_letter_only(form, canonical) and canonical.endswith("ة")
    )
    if f.startswith("ال") and not (rare and len(f) > 4):
        if known == 0 and len(f) > 4 and final_letter_only(form, canonical):
            # a definite word the books never use, bare or with the article,
            # whose final ى/ي or ة/ه alone differs (الدوسرى, السيسى, الشارقه):
            # the text decides, as for a bare one; not a hamza (الاجهزة beside
            # الأجهزة is a common word's hamza, the alef rules' business)
            return not f.endswith(NISBA_ENDINGS) or final_ya_for_yeh(form, canonical, judge)
        # الري (4 letters) too, which `Lexicon.al_ratio` reads as bare
        return len(f) > 4 and judge.lex.count(f) >= s.known_count and judge.definite_name(f)
    if known == 0 or rare:
        # a word the books never use (أوهايو): the text decides, unless it
        # has an adjective's ending (اوكراني beside أوكراني, Ukrainian: a
        # common word's hamza, twelfth round).  A final ى for the ي of the
        # text's usual spelling is the same word either way (مدبولى,
        # الجلالى beside مدبولي, الجلالي; session 21)
        return not f.endswith(NISBA_ENDINGS) or final_ya_for_yeh(form, canonical, judge)
    ratio = judge.lex.al_ratio(f)
    return known >= s.known_count and ratio is not None and ratio < s.common_al_ratio


def text_conjugates(f: str, judge: Judge) -> bool:
    """The scanned text writes the folded word `f` with a past-tense
    ending (ت, وا), bare or after و/ف (وأدانت), in at least
    `text_verb_share` of the word's uses: a verb here (`Judge.text_verb`
    sees only the cores, and وأدانت stays whole when the text never writes
    أدانت alone; ninth round; the share: eleventh round)."""
    if judge.text_verb(f):
        return True
    words = judge.counts.folded_surface()
    conj = sum(words[p + f + e] for p in ("", "و", "ف") for e in ("ت", "وا"))
    uses = sum(words[p + f] for p in ("", "و", "ف"))
    return conj > 0 and conj >= judge.s.text_verb_share * uses
