"""Punctuation and harakat a text names rather than uses: «الفاصلة ، تكتب بعد…»,
«علامة الاستفهام (؟) تأتي…».  A mark cited right after its Arabic name (or
in brackets or quotes after it) is a word of the sentence, not its
punctuation: the rules that respace, replace or collapse marks leave it as
written.  ``{named_mark}`` (a pattern macro, see `MENTION_MACROS`) is used
alone, as an exception: ``exceptions = ['{named_mark}']``.  So are the
harakat a grammar text cites (``{cited_mark}``: الشدة ّ, (ٍ), ـّ), which
AR203, AR204 and AR206 leave and AR207 reports.
"""

from __future__ import annotations

import regex

from arclean.chars import (
    CITABLE_HARAKAT,
    CITATION_OPENERS,
    HSPACE,
    LETTERS_AND_MARKS,
    MARK,
    REGEX_FLAGS,
    lazy_compile,
)

#: The proclitics a name may take (و، ف، ب، ك، ل، لل) and its article,
#: optional or required: «نقطة» alone is mostly a score (23 نقطة .), so
#: the names that are also common words are taken with the article only.
_MAY_BE_DEFINITE = rf"(?<![{LETTERS_AND_MARKS}])[وف]?(?:لل|[بكل]?(?:ال)?)"
_DEFINITE = rf"(?<![{LETTERS_AND_MARKS}])[وف]?(?:لل|[بكل]?ال)"
_END = rf"(?![{LETTERS_AND_MARKS}])"
#: A word that says which form of the mark is meant (الفاصلة العربية ،,
#: النقطتان الرأسيتان :).
_QUALIFIER = (
    r"(?:[ \t]+(?:ال)?(?:عربية|عربيه|لاتينية|لاتينيه|إنجليزية|انجليزية|إنكليزية|انكليزية"
    r"|أجنبية|اجنبية|رأسيتان|رأسيتين|راسيتان|راسيتين|عموديتان|عموديتين|فوقيتان|فوقيتين)"
    rf"{_END})?"
)

#: Each mark's names, with the characters that write it (Arabic and Latin).
_NAMES: tuple[tuple[str, str], ...] = (
    # the comma, not followed by المنقوطة (the semicolon's name)
    (
        rf"{_MAY_BE_DEFINITE}(?:فاصلة|فاصله|شولة|شوله){_END}"
        r"(?![ \t]+(?:ال)?(?:منقوطة|منقوطه))",
        r"[\N{ARABIC COMMA},]",
    ),
    (
        rf"{_MAY_BE_DEFINITE}(?:فاصلة|فاصله)[ \t]+(?:ال)?(?:منقوطة|منقوطه){_END}",
        r"[\N{ARABIC SEMICOLON};]",
    ),
    (
        rf"(?:{_MAY_BE_DEFINITE}(?:علامة|علامه)[ \t]+(?:ال)?|{_DEFINITE})استفهام{_END}",
        r"[\N{ARABIC QUESTION MARK}?]+",
    ),
    (
        rf"(?:{_MAY_BE_DEFINITE}(?:علامة|علامه)[ \t]+(?:ال)?|{_DEFINITE})تعجب{_END}",
        r"!+",
    ),
    (rf"{_DEFINITE}(?:نقطة|نقطه){_END}", r"\.(?!\.)"),
    (rf"{_DEFINITE}(?:نقطتان|نقطتين|نقطتا|شارحة|شارحه){_END}", r":"),
)

#: A noun that names a mark (الفاصلة, النقطة, علامة, الرمز), with its
#: proclitics and article.
_MARK_NOUN = (
    r"[وف]?(?:لل|[بكل]?(?:ال)?)"
    r"(?:فاصلة|فاصله|شولة|شوله|نقطة|نقطه|نقطتان|نقطتين|شارحة|شارحه|علامة|علامه|رمز)"
    rf"{_END}"
)

#: A word that opens a new clause (ثم, لكن, بينما, وبعدها): after a mark
#: it shows the mark in use, ending the clause before it (توقف عند الفاصلة
#: ، ثم عاد: the comma of «stopped at the comma»), unless a mark's name
#: follows within three words (الفاصلة ، ثم النقطة .: a list of marks).
_NEW_CLAUSE = (
    r"(?:ثم|لكن|لكنه|لكنها|ولكن|ولكنه|ولكنها|بينما|وبينما|بعدها|وبعدها)"
    rf"{_END}(?!(?:[ \t]+[^\s]+){{0,2}}?[ \t]+{_MARK_NOUN})"
)

#: A mark cited right after its name: the name, a qualifier, spaces, an
#: opening bracket or quote perhaps, the mark; then a closing bracket or
#: quote, or a word on the same line that opens no new clause (a mark at
#: the end of a line after «النقطة» ends the sentence: وصلنا إلى النقطة .;
#: so does a comma or full stop before ثم: وصلنا إلى النقطة . ثم عدنا).
#: The names that are ordinary nouns too (فاصلة: a break; النقطة: the
#: point): only these are read as words before a new clause.
_COMMON_NAMES = (0, 4)
#: A mark cited a few words before: the name after it is in a list of
#: marks (بالفاصلة ، ثم بالنقطة . ثم), whatever follows it.
_AFTER_A_MARK = r"(?<=[،؛؟:!.,;?][ \t]+(?:[^\s]+[ \t]+){0,2})"
NAMED_MARK = (
    "(?:"
    + "|".join(
        rf"{name}{_QUALIFIER}[ \t\N{{NO-BREAK SPACE}}]*[(\[«\"“”]?[ \t]*{mark}"
        + (
            rf"(?:(?<={_AFTER_A_MARK}{name}[^\n]{{0,40}})"
            rf"|(?![ \t\N{{NO-BREAK SPACE}}]+{_NEW_CLAUSE}))"
            if n in _COMMON_NAMES
            else ""
        )
        for n, (name, mark) in enumerate(_NAMES)
    )
    + r")(?=[ \t]*[)\]»\"“”]|[ \t\N{NO-BREAK SPACE}]+[\p{L}\p{N}])"
)

#: Each Latin mark and its Arabic counterpart, as a pattern each.
_PAIRS: tuple[tuple[str, str], ...] = (
    (r"\?", r"\N{ARABIC QUESTION MARK}"),
    (",", r"\N{ARABIC COMMA}"),
    (";", r"\N{ARABIC SEMICOLON}"),
)
_WORD = rf"[\p{{L}}\p{{N}}][{LETTERS_AND_MARKS}\p{{N}}]*"
#: A word that sets one mark against another: بدلا من، بدل، عوضا عن، مكان،
#: وليس، لا، بل (تكتب ? بدلا من ؟; لا تكتب , بل ،).
_INSTEAD = "بدلا|بدلاً|بدل|عوضا|عوضاً|عوض|مكان"
_AGAINST = rf"(?<![{LETTERS_AND_MARKS}])[وف]?(?:{_INSTEAD}|ليس|ليست|لا|بل){_END}"
#: A verb of writing or using, right before a mark it cites (تكتب ? بدلا من).
_WRITE = (
    rf"(?<![{LETTERS_AND_MARKS}])[وفل]?(?:تكتب|اكتب|أكتب|يكتب|نكتب|تكتبوا|اكتبوا|تكتبي|اكتبي"
    r"|استخدم|تستخدم|يستخدم|نستخدم|استخدمي|استعمل|تستعمل|يستعمل|نستعمل|ضع|تضع|يضع|نضع"
    rf"|يوضع|توضع){_END}"
)
_LONE_END = rf"(?={HSPACE}|$|[)\]»\"”.])"
#: A question word right before a verb of writing: the mark after the verb
#: ends a question (ماذا تكتب ? ولماذا تكتب ؟), it cites none.
_ASKING = (
    rf"(?<![{LETTERS_AND_MARKS}])[وف]?(?:ماذا|لماذا|هل|كيف|متى|أين|اين|وين|ليش|ليه|شو|ايش|إيش|وش)"
    rf"{HSPACE}+"
)
#: A noun for a symbol, right before a mark it cites (الرمز ? يسمى…, العلامة
#: اللاتينية ; هنا); a mark after it at the end of a line ends the sentence
#: (فأين هذه العلامة ؟), and one before a new clause is in use (أدخل الرمز ,
#: ثم اضغط).
_SYMBOL = rf"{_MAY_BE_DEFINITE}(?:رمز|علامة|علامه){_END}{_QUALIFIER}"


def _lone(mark: str) -> str:
    """`mark` as a word of its own, with the spaces before it."""
    return rf"(?<!{HSPACE}){HSPACE}+{mark}{_LONE_END}"


_MARKS = "".join(m for pair in _PAIRS for m in pair)
_LATIN = "".join(latin for latin, _ in _PAIRS)
#: The first of two marks (any of the six), and the second: its counterpart
#: (the other of its pair).  One branch for the three pairs, not six: each
#: repeat of a pattern costs a little at every place a search is tried.
_FIRST = (
    "(?P<qm_first>"
    + "|".join(f"(?P<qm_{n}>[{latin}{arabic}])" for n, (latin, arabic) in enumerate(_PAIRS))
    + ")"
)
_SECOND = (
    "(?!(?P=qm_first))"
    + "".join(f"(?(qm_{n})[{latin}{arabic}]|" for n, (latin, arabic) in enumerate(_PAIRS))
    + "(?!)"
    + ")" * len(_PAIRS)
)

#: The two marks as words of their own, one to four words apart, the second
#: right after a word that sets them against each other (and its من or
#: عن): ? بدلا من ؟, , بل ،; the first may touch that word (?بدلا من ؟).
#: In prose other words come between (ليس طبيبا , بل مهندس ،; ليش ? لا
#: تسألني ليش ؟): no citation.
_SET_AGAINST = (
    rf"{_FIRST}(?:{_LONE_END}(?:{HSPACE}+{_WORD}){{0,3}}?{HSPACE}+)?"
    rf"{_AGAINST}(?:{HSPACE}+(?:من|عن){_END})?{_lone(_SECOND)}"
)
#: A Latin mark after a verb of writing and before بدلا من, عوضا عن or مكان
#: and a mark's name (تكتب ? بدلا من علامة الاستفهام).
_INSTEAD_OF_NAME = (
    rf"(?<={_WRITE}{HSPACE}+)[{_LATIN}](?:{_LONE_END}{HSPACE}+)?"
    rf"(?=[وف]?(?:{_INSTEAD}){_END}(?:{HSPACE}+(?:من|عن){_END})?{HSPACE}+{_MARK_NOUN})"
)
#: The two marks as words of their own, each right after a verb of writing
#: and no question word, up to seven words apart with no mark between: في
#: الإنجليزية تكتب ? وفي العربية تكتب ؟ (one sentence shows both forms).
_WRITTEN_BOTH = (
    rf"(?<={_WRITE}{HSPACE}+)(?<!{_ASKING}{_WRITE}{HSPACE}+){_FIRST}{_LONE_END}"
    rf"(?:{HSPACE}+{_WORD}){{0,6}}?{HSPACE}+{_WRITE}(?<!{_ASKING}{_WRITE}){_lone(_SECOND)}"
)
#: A mark right after a noun for a symbol, before a word or a closing
#: bracket or quote that opens no new clause (الرمز ? يسمى علامة الاستفهام).
_AFTER_SYMBOL = (
    rf"(?<={_SYMBOL}{HSPACE}+)[{_MARKS}]"
    rf"(?=[ \t]*[)\]»\"“”]|{HSPACE}+[\p{{L}}\p{{N}}])(?!{HSPACE}+{_NEW_CLAUSE})"
)

#: ``{quoted_mark}``: a mark the text talks about, not one it uses: a Latin
#: mark standing as a word of its own and set against its Arabic counterpart
#: (تكتب ? بدلا من ؟; لا تكتب , بل ،; either order: اكتب ، لا ,; or touching
#: the contrast word: تكتب ?بدلا من ؟), or right after a verb of writing and
#: before بدلا من, عوضا عن, مكان and a mark's name (تكتب ? بدلا من علامة
#: الاستفهام; not before لا: هل تكتب ? لا is a question answered, nor before
#: another word: أنت تكتب ? بدلا من أن تتصل); the two forms each after a
#: verb of writing in one sentence (في الإنجليزية تكتب ? وفي العربية تكتب
#: ؟); or either form right after a noun for a symbol and before a word
#: (الرمز ? يسمى علامة الاستفهام).  Converting it would make the sentence
#: say «write ؟ instead of ؟»; the rules that replace or respace ? , ; and
#: ، ؛ ؟ leave both marks (the stretch from the first's spaces to the
#: second).  A stray mark after a word (ماذا تريد ? قال) is none of these.
QUOTED_MARK = (
    # every branch opens with spaces before a mark, from the run's first
    # space (linear on a run of 100,000): the other spaces of a line are
    # passed over at once (OCR, 3.9 MB: 0.53 s → 0.1 s) ...
    rf"(?<!{HSPACE})(?={HSPACE}+[{_MARKS}]"
    # ... and each has a word that sets it against a mark or a mark's name
    # within four words (? بدلا من ؟, ? بدلا من علامة), or a verb of writing
    # or a symbol's name right before it: one test for all the branches,
    # which few of the spaces before a mark pass (OCR: 1,000 of 14,500
    # passed the contrast word alone)
    rf"(?:(?:{_LONE_END}(?:{HSPACE}+{_WORD}){{0,3}}?{HSPACE}+)?{_AGAINST}"
    rf"(?:{HSPACE}+(?:من|عن){_END})?{HSPACE}+(?:[{_MARKS}]|{_MARK_NOUN})"
    rf"|(?<=(?:{_WRITE}|{_SYMBOL}){HSPACE}+[{_MARKS}])))"
    rf"{HSPACE}+"
    rf"(?:{_SET_AGAINST}|{_INSTEAD_OF_NAME}|{_WRITTEN_BOTH}|{_AFTER_SYMBOL})"
)

#: ``{cited_mark}``: harakat cited alone (in brackets or quotes, on a lone tatweel, named: الشدة ّ).
_CITED = CITABLE_HARAKAT
_OPENERS = regex.escape(CITATION_OPENERS)


def _spelt(name: str) -> str:
    """`name` as a pattern that allows marks between its letters (الشَّدَّة)."""
    return f"{MARK}*".join(name)


#: Each haraka with the names a text cites it by: a mark after another
#: mark's name is no citation (دخل من فتحة ٍ: an opening, and a tanween cut
#: off), and only the mark named is left.
_MARK_NAMES = (
    ("\u064e", "فتحة|فتح"),
    ("\u064f", "ضمة|ضم"),
    ("\u0650", "كسرة|كسر"),
    ("\u0651", "شدة"),
    ("\u0652", "سكون"),
    ("\u064b", "فتحتان|فتحتين|تنوين"),
    ("\u064c", "ضمتان|ضمتين|تنوين"),
    ("\u064d", "كسرتان|كسرتين|تنوين"),
)
_NAMED = "|".join(
    rf"(?<=(?<![\p{{L}}\p{{M}}])[وفبلك]?(?:ا\p{{Mn}}*ل\p{{Mn}}*)?"
    rf"(?:{'|'.join(_spelt(n) for n in names.split('|'))})\p{{Mn}}*[ \t:]+{mark}+)"
    for mark, names in _MARK_NAMES
)
CITED_MARK = (
    # From the first mark of a run only (linear on a run of 100,000 marks).
    rf"{_CITED}(?<!{_CITED}{_CITED}){_CITED}*+"
    rf"(?:(?<=[{_OPENERS}][ \t]*{_CITED}+)(?=[ \t]*[)\]}}»\"”'’])"
    rf"|(?<=(?:^|[^\p{{L}}\p{{M}}])\N{{ARABIC TATWEEL}}+{_CITED}+)"
    rf"|(?:{_NAMED})(?![\p{{L}}\p{{M}}]))"
)

#: A haraka's name ending where the search ends (``.search(text, lo, at)``):
#: what a spacing form of a mark after it (الفتحة ﹶ) is cited by.
HARAKA_NAME_BEFORE = lazy_compile(
    rf"(?<![\p{{L}}\p{{M}}])[وفبلك]?(?:ا{MARK}*ل{MARK}*)?"
    rf"(?:{'|'.join(_spelt(n) for _, names in _MARK_NAMES for n in names.split('|'))})"
    rf"{MARK}*[ \t:(\[«\"“]*\Z",
    REGEX_FLAGS,
)

#: The pattern macros this module defines (merged with
#: `arclean.chars.PATTERN_MACROS` by `arclean.ruleset.patterns`).
MENTION_MACROS: dict[str, str] = {
    "named_mark": NAMED_MARK,
    "cited_mark": CITED_MARK,
    "quoted_mark": QUOTED_MARK,
}
