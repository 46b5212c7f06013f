"""Words that never end a sentence: a stray full stop after one of them
(إذا .لم يكن, كان .قد غادر, لكن .هل) is no sentence end, and the rules that
attach a full stop to the word before it and space it from the next (AR105,
AR106) leave it as written.  ``{no_sentence_end}`` (a pattern macro, see
`CLAUSE_MACROS`) matches such a word, ending where the word ends; rules use
it in a lookbehind.

The list is of function words that need what follows them: conditionals and
subordinators (إذا, لو, حتى, لكي, عندما, حيث), إن and أن with their
pronouns (إنه, أنها, لأنه, لكنها), كان and its sisters (ليس, صار, ظل,
أصبح), relatives (الذي, التي) and prepositions (إلى, على, منذ, عند).  It is
not `arclean.names.lexicon.STOPWORDS`: that is a list of words that are
never names, and many of them end a sentence (قال, اليوم, هناك, فقط, ذلك).
Words that may end one stay out, at the cost of a stray dot left after them
rarely: question words (لا أعرف لماذا.), demonstratives and pronouns (هذا,
أنا), كلا and بلى, غير (لا غير.), قبل and بعد (من قبل.).
"""

from __future__ import annotations

from arclean.chars import ALEF_SEATS, LETTERS_AND_MARKS, MARK

#: The words, without their و/ف proclitic (added by the pattern); an alef
#: of any hamza form matches each alef written (اذا, لان, انه).
NO_SENTENCE_END_WORDS = """
    إذا إذ إن أن لو لولا كي لكي لكيلا كيلا حتى لكن لكنه لكنها لكنهم لكني لكنني
    لكننا إنه أنه إنها أنها إنهم أنهم إنهما أنهما إنك أنك إنكم أنكم إنني أنني
    إني أني إننا أننا بأن بأنه بأنها لأن لأنه لأنها لأنهم لأنني لأني كأن كأنه
    كأنها كأنهم ليت لعل لعله لعلها عسى إنما أنما ألا إلا أما إما كلما عندما
    حينما بينما طالما ريثما لما حيث لئن لقد سوف قد لم لن لا ما
    كان كانت كانوا كنت كنا يكون تكون نكون أكون يكن تكن يكونوا تكونوا صار صارت
    أصبح أصبحت أضحى أمسى ظل ظلت بات مازال مازالت لازال لازالت مادام ليس ليست
    لست ليسوا
    الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي اللائي
    في من إلى على عن مع منذ عند لدى بين مثل سوى
"""


def _letter(c: str) -> str:
    """One letter as a pattern: harakat after it, any alef seat for an alef."""
    return (f"[{ALEF_SEATS}]" if c in ALEF_SEATS else c) + f"{MARK}*"


def _by_ending(words: set[str]) -> str:
    """The words as one pattern, grouped by their last letter and then by
    the one before it (a trie read from the end): a lookbehind, which
    `regex` matches from its end, tries one branch per final letter, not
    a hundred words (AR105 on OCR: 0.18 s → under 0.02 s)."""
    by_last: dict[str, set[str]] = {}
    for w in words:
        if w:
            by_last.setdefault(w[-1], set()).add(w[:-1])
    branches = [f"{_by_ending(rest)}{_letter(last)}" for last, rest in sorted(by_last.items())]
    if not branches:
        return ""
    group = f"(?:{'|'.join(branches)})"
    return f"{group}?" if "" in words else group


#: The words with every alef seat written as a bare alef (the pattern
#: matches any seat for each).
_WORDS = _by_ending(
    {
        w.translate({ord(c): ALEF_SEATS[0] for c in ALEF_SEATS})
        for w in NO_SENTENCE_END_WORDS.split()
    }
)

#: ``{no_sentence_end}``: one of the words, as a word of its own (a و or ف
#: before it), ending where it ends.
NO_SENTENCE_END = (
    rf"(?<![{LETTERS_AND_MARKS}])(?:[وف]{MARK}*)?(?:{_WORDS})(?![{LETTERS_AND_MARKS}])"
)

#: The pattern macros this module defines (merged with
#: `arclean.chars.PATTERN_MACROS` by `arclean.ruleset.patterns`).
CLAUSE_MACROS: dict[str, str] = {"no_sentence_end": NO_SENTENCE_END}
