"""Arabic character classes, names for display, and the search folding.

Characters are written by their Unicode names, never pasted: most of the
ones that matter here are invisible or look like another character.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from arclean.lazy_pattern import lazy_compile

# ---------------------------------------------------------------------------
# Regex building blocks (use with regex VERSION1).  `\p{Arabic}` alone leaves
# out the Arabic comma, semicolon, question mark, tatweel and the marks, so the
# classes below are spelled out.
# ---------------------------------------------------------------------------

#: An Arabic letter (script Arabic and a letter, tatweel excluded).
LETTER = r"[\p{sc=Arabic}&&\p{L}--\N{ARABIC TATWEEL}]"
#: A combining mark of any script (harakat, shadda, superscript alef ...).
MARK = r"\p{Mn}"
#: Tatweel (kashida), the stretching character: a modifier letter, not a letter.
TATWEEL = "\N{ARABIC TATWEEL}"
#: Any letter of any script, or a mark: what a word is made of.
WORD_CHAR = r"[\p{L}\p{M}\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}]"

#: A character of a hashtag's or a mention's name (#عاجل, @وزارة_الصحة):
#: letters and marks of any script, digits, the underscore and the joiners.
TAG_CHAR = r"[\p{L}\p{M}\p{Nd}_\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}]"

#: A letter or a mark of any script, as a class *body* to compose into a
#: larger class: ``rf"(?<![{LETTERS_AND_MARKS}\d])"``.
LETTERS_AND_MARKS = r"\p{L}\p{M}"
#: An Arabic letter or tatweel: the characters that join to their neighbours.
LETTER_OR_TATWEEL = r"[\p{sc=Arabic}&&\p{L}\N{ARABIC TATWEEL}]"
#: A horizontal space of the kinds rules treat alike (not a line break).
HSPACE = r"[ \t\N{NO-BREAK SPACE}]"
#: A Latin letter.
LATIN = r"\p{sc=Latin}"
#: A decimal digit of any script.
DIGIT = r"\p{Nd}"

#: Every rule pattern is compiled with these flags: VERSION1 so that set
#: operations such as ``[\p{sc=Arabic}&&\p{L}]`` mean intersection, MULTILINE
#: so that ``^`` and ``$`` are line boundaries.
REGEX_FLAGS = int(regex.VERSION1 | regex.MULTILINE)  # an int: enum flag arithmetic is slow

#: Proclitics glued to a mention (و@فيان, ل@user_name: "and", "to" the
#: account): the ``@`` after them starts a mention, not an e-mail address
#: (`arclean.text.masks.tag_ranges`, the ``{hashtag}`` macro).
MENTION_PROCLITICS = frozenset(("و", "ف", "ل", "ب", "ك", "وب", "ول", "وك", "فب", "فل", "فك"))
_MENTION_AFTER = "|".join(sorted(MENTION_PROCLITICS, key=len, reverse=True))

#: Named character classes rule patterns may use as ``{letter}``, ``{mark}`` ...
PATTERN_MACROS: dict[str, str] = {
    "letter": LETTER,
    "mark": MARK,
    "word": WORD_CHAR,
    "latin": LATIN,
    "digit": DIGIT,
    "hspace": HSPACE,
    # A word that is a name, not prose: a hashtag or a mention (#الامم_المتحدة,
    # glued or not), or an identifier joined by an underscore (فى_البيت).
    # Wider than `arclean.text.masks.tag_ranges` (it also takes `&#1575;`,
    # an e-mail's `@host` and identifiers): a word rule errs on the side of
    # leaving a word alone.
    "tag": rf"[#@]{TAG_CHAR}+|{TAG_CHAR}*_{TAG_CHAR}*",
    # A hashtag or mention only, as `arclean.text.masks.tag_ranges` finds
    # them: a name holding a letter, # not after & (an entity), @ not after
    # a name character (an e-mail address) other than a proclitic alone
    # (و@فيان).  For rules that must leave a
    # tag's spelling alone but fix words joined by _ or emphasis (_كلمة_).
    "hashtag": rf"(?<!&)#(?={TAG_CHAR}*\p{{L}}){TAG_CHAR}+"
    rf"|(?:(?<!{TAG_CHAR})|(?<=(?<!{TAG_CHAR})(?:{_MENTION_AFTER})))@(?={TAG_CHAR}*\p{{L}}){TAG_CHAR}+",
}

#: Top-level domains written in Arabic script (IANA root zone: the country
#: codes and the generic ones), as a pattern's alternatives, for the domain
#: no rule may part from its name (الصحة.مصر): the macro ``{arabic_tld}``.
ARABIC_TLDS = (
    "مصر|السعودية|امارات|الاردن|الجزائر|المغرب|تونس|قطر|عمان|فلسطين|سورية|"
    "البحرين|السودان|اليمن|عراق|موريتانيا|ليبيا|مليسيا|ایران|پاکستان|بھارت|"
    "شبكة|موقع|عرب|بيتك|كاثوليك|همراه|ابوظبي|اتصالات|كوم|سوريا|ايران|بازار|السعودیة"
)
PATTERN_MACROS["arabic_tld"] = f"(?:{ARABIC_TLDS})(?![\\p{{L}}\\p{{M}}])"

#: A brand written as a domain with the Arabic word نت (الجزيرة.نت, العربية .نت):
#: its full stop is no sentence end.  ``{brand_domain}``: an exception.
PATTERN_MACROS["brand_domain"] = f"{LETTER}{MARK}*{HSPACE}*\\.نت(?![\\p{{L}}\\p{{M}}])"
#: A domain in Arabic script, its name and its top-level domain (الصحة.مصر,
#: وزارة .السعودية): no sentence end.  ``{arabic_domain}``: an exception.
PATTERN_MACROS["arabic_domain"] = f"{LETTER}{MARK}*{HSPACE}*\\.{PATTERN_MACROS['arabic_tld']}"

ARABIC_COMMA = "\N{ARABIC COMMA}"
ARABIC_SEMICOLON = "\N{ARABIC SEMICOLON}"
ARABIC_QUESTION_MARK = "\N{ARABIC QUESTION MARK}"

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
ZWJ = "\N{ZERO WIDTH JOINER}"
LRM = "\N{LEFT-TO-RIGHT MARK}"
RLM = "\N{RIGHT-TO-LEFT MARK}"
ALM = "\N{ARABIC LETTER MARK}"
BOM = "\N{ZERO WIDTH NO-BREAK SPACE}"

_ARABIC_LETTER_RE = lazy_compile(LETTER, regex.VERSION1)


def has_arabic_letter(text: str) -> bool:
    """Return True when `text` holds at least one Arabic letter."""
    return _ARABIC_LETTER_RE.search(text) is not None


# ---------------------------------------------------------------------------
# Letters by orthography.  Persian, Urdu and Kurdish share the script but not
# the orthography (arclean.text.language counts them per paragraph).
# ---------------------------------------------------------------------------

#: Letters used by Persian, Urdu, Kurdish and friends but not by Arabic.
NON_ARABIC_LETTERS = frozenset(
    "\N{ARABIC LETTER PEH}\N{ARABIC LETTER TCHEH}\N{ARABIC LETTER JEH}\N{ARABIC LETTER GAF}"
    "\N{ARABIC LETTER TTEH}\N{ARABIC LETTER DDAL}\N{ARABIC LETTER RREH}"
    "\N{ARABIC LETTER NOON GHUNNA}\N{ARABIC LETTER HEH DOACHASHMEE}\N{ARABIC LETTER YEH BARREE}"
    "\N{ARABIC LETTER HEH GOAL}\N{ARABIC LETTER AE}\N{ARABIC LETTER REH WITH SMALL V BELOW}"
    "\N{ARABIC LETTER LAM WITH SMALL V}\N{ARABIC LETTER OE}\N{ARABIC LETTER YEH WITH SMALL V}"
)
#: Letters only Arabic orthography uses in running text.
ARABIC_ONLY_LETTERS = frozenset(
    "\N{ARABIC LETTER TEH MARBUTA}\N{ARABIC LETTER YEH}\N{ARABIC LETTER ALEF MAKSURA}"
    "\N{ARABIC LETTER KAF}"
)
FARSI_YEH = "\N{ARABIC LETTER FARSI YEH}"
KEHEH = "\N{ARABIC LETTER KEHEH}"
#: The Persian-keyboard forms of yeh and kaf: common in Arabic text typed on
#: a Persian keyboard, so they alone do not make a paragraph foreign.
FARSI_FORMS = frozenset(FARSI_YEH + KEHEH)
#: The extended Arabic-Indic digits ۰-۹ of Persian and Urdu: Arabic text
#: typed on such a keyboard has them too, so, like `FARSI_FORMS`, they make
#: a line Persian only when it holds no `ARABIC_ONLY_LETTERS`.
PERSIAN_DIGITS = frozenset(chr(0x06F0 + i) for i in range(10))
#: The Arabic-Indic digits ٠-٩, Arabic's own: evidence of Arabic as ة is.
ARABIC_INDIC_DIGITS = frozenset(chr(0x0660 + i) for i in range(10))


def char_class(chars: str | frozenset[str]) -> str:
    """A regex character class for `chars`, written as ranges: a class of a
    thousand single characters is far slower to match than three ranges."""
    codes = sorted({ord(c) for c in chars})
    parts = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = regex.escape(chr(codes[i])), regex.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


# ---------------------------------------------------------------------------
# Display: which characters must be named when a change is shown.
# ---------------------------------------------------------------------------

#: Look-alikes: letters that differ from another letter by a dot, a hamza or a
#: seat, and that a reader cannot tell apart in a diff.
LOOKALIKES = frozenset(
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER FARSI YEH}\N{ARABIC LETTER ALEF MAKSURA}"
    "\N{ARABIC LETTER KAF}\N{ARABIC LETTER KEHEH}"
    "\N{ARABIC LETTER HEH}\N{ARABIC LETTER TEH MARBUTA}\N{ARABIC LETTER AE}"
    "\N{ARABIC LETTER HEH GOAL}\N{ARABIC LETTER HEH WITH YEH ABOVE}"
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"
    "\N{ARABIC LETTER ALEF WASLA}\N{ARABIC LETTER WAW WITH HAMZA ABOVE}"
    "\N{ARABIC LETTER YEH WITH HAMZA ABOVE}\N{ARABIC LETTER HAMZA}"
    "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
    ",;?\"'"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
)

#: The bidirectional embeddings, overrides and isolates (LRE ... RLO, LRI ... PDI):
#: they reorder what a terminal shows (Trojan Source, CVE-2021-42574).
BIDI_CONTROLS = frozenset(
    "\N{LEFT-TO-RIGHT EMBEDDING}\N{RIGHT-TO-LEFT EMBEDDING}\N{POP DIRECTIONAL FORMATTING}"
    "\N{LEFT-TO-RIGHT OVERRIDE}\N{RIGHT-TO-LEFT OVERRIDE}\N{LEFT-TO-RIGHT ISOLATE}"
    "\N{RIGHT-TO-LEFT ISOLATE}\N{FIRST STRONG ISOLATE}\N{POP DIRECTIONAL ISOLATE}"
)
#: The bidi marks (ALM, LRM, RLM): legitimate in Arabic text, but invisible,
#: so output shows them escaped too.
BIDI_MARKS = frozenset(ALM + LRM + RLM)
#: The letters that may follow a rhyme's last consonant as its vowel drawn
#: out (رسولا / وعقولا, حبيبي / حبيب): two lines rhyme on the letter before
#: them too (`arclean.text.verse`).
RHYME_TAIL = frozenset("\N{ARABIC LETTER ALEF}\N{ARABIC LETTER YEH}\N{ARABIC LETTER WAW}")
#: An alef maqsura rhymes as an alef (الهوى / عصا): a line ending in it
#: rhymes with one ending in ى or ا (the Maqsura's النقا / الدجى).
RHYME_MAQSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
RHYME_ALEF = "\N{ARABIC LETTER ALEF}"
#: Grammatical endings, folded (ة as ه, ون as ين): words that share one
#: rhyme only when the letter before it is the same too (الجديدة / اليومية,
#: سنوات / المجالات, سوريين / اللاعبين are no rhyme; يعلمون / المسلمين is).
RHYME_ENDINGS = (
    "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER TEH}",
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER NOON}",
)
RHYME_ENDING_FOLD = str.maketrans("\N{ARABIC LETTER WAW}", "\N{ARABIC LETTER YEH}")
#: A footnote's or a verse's number glued to or set beside a half of a verse
#: ((1), [١], (*), or a number on its own), and a bullet before a line.
FOOTNOTE_MARK = r"(?:[(\[](?:\p{Nd}{1,3}|\*{1,3})[)\]]|\*{1,3})"
BULLET = "[-*\N{BULLET}\N{MIDDLE DOT}]"

# ---------------------------------------------------------------------------
# Search folding: what the `search` profile writes and what name matching
# compares on.  Lossy by design; never applied to text an editor will read.
# ---------------------------------------------------------------------------

_FOLD_TABLE: dict[int, str | None] = {
    ord("\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"): "\N{ARABIC LETTER ALEF}",
    ord("\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"): "\N{ARABIC LETTER ALEF}",
    ord("\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"): "\N{ARABIC LETTER ALEF}",
    ord("\N{ARABIC LETTER ALEF WASLA}"): "\N{ARABIC LETTER ALEF}",
    ord("\N{ARABIC LETTER ALEF MAKSURA}"): "\N{ARABIC LETTER YEH}",
    ord("\N{ARABIC LETTER FARSI YEH}"): "\N{ARABIC LETTER YEH}",
    ord("\N{ARABIC LETTER TEH MARBUTA}"): "\N{ARABIC LETTER HEH}",
    ord("\N{ARABIC LETTER WAW WITH HAMZA ABOVE}"): "\N{ARABIC LETTER WAW}",
    ord("\N{ARABIC LETTER YEH WITH HAMZA ABOVE}"): "\N{ARABIC LETTER YEH}",
    ord("\N{ARABIC LETTER KEHEH}"): "\N{ARABIC LETTER KAF}",
    # letters for foreign sounds, compared as the Arabic letter a writer
    # uses for the same sound (مارڤن is مارفن, Marvin; names, seventh round)
    ord("\N{ARABIC LETTER VEH}"): "\N{ARABIC LETTER FEH}",
    ord("\N{ARABIC LETTER PEH}"): "\N{ARABIC LETTER BEH}",
    ord("\N{ARABIC LETTER TCHEH}"): "\N{ARABIC LETTER JEEM}",
    ord("\N{ARABIC LETTER GAF}"): "\N{ARABIC LETTER KAF}",
    ord("\N{ARABIC LETTER QAF WITH THREE DOTS ABOVE}"): "\N{ARABIC LETTER QAF}",
    ord("\N{ARABIC LETTER JEH}"): "\N{ARABIC LETTER ZAIN}",
    ord(TATWEEL): None,
    **{cp: None for cp in range(0x064B, 0x0660)},  # harakat, shadda, sukun, hamza marks
    ord("\N{ARABIC LETTER SUPERSCRIPT ALEF}"): None,
    **{cp: None for cp in range(0x0610, 0x061B)},  # honorific and Quranic marks
    **{cp: None for cp in range(0x06D6, 0x06DD)},  # Quranic annotation marks
    **{cp: None for cp in range(0x06DF, 0x06E5)},
    **{cp: None for cp in range(0x06E7, 0x06E9)},
    **{cp: None for cp in range(0x06EA, 0x06EE)},
    **{ord(d): str(ord(d) - 0x0660) for d in ARABIC_INDIC_DIGITS},
    **{ord(d): str(ord(d) - 0x06F0) for d in PERSIAN_DIGITS},
}

_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def fold(text: str) -> str:
    """Fold Arabic text for matching: no marks or tatweel, one alef, ى→ي,
    ة→ه, ؤ→و, ئ→ي, ک→ك, the letters of foreign sounds to their Arabic
    counterparts (ڤ→ف, پ→ب, چ→ج, گ→ك, ڨ→ق, ژ→ز), digits 0-9,
    presentation forms to letters.

    >>> fold("إِسْطَنْبُول") == fold("اسطنبول")
    True
    """
    if _PRESENTATION_RE.search(text):
        text = "".join(
            # The spacing harakat (U+FE70-FE7F) decompose to SPACE + mark:
            # the space is not part of the text.
            unicodedata.normalize("NFKC", ch).lstrip(" ") if "\ufb50" <= ch <= "\ufeff" else ch
            for ch in text
        )
    return text.translate(_FOLD_TABLE)


# --- used by names ---
# Character classes of `arclean.names`, kept exactly as that package has always
# matched them (its output must not change); each one says how it differs from
# the general classes at the top of this file.

#: Letters for sounds Arabic lacks (v, p, ch, g, zh): ڤ پ چ گ ڨ ژ.  `fold`
#: compares each as its Arabic counterpart; a spelling that writes one is
#: the writer's choice, never rewritten to the other.
FOREIGN_SOUND_LETTERS = frozenset("\u06a4\u067e\u0686\u06af\u06a8\u0698")
#: The Arabic combining marks as a stdlib-`re` class body (no brackets), for
#: hot paths: U+064B ARABIC FATHATAN .. U+065F ARABIC WAVY HAMZA BELOW (the
#: `HARAKAT` below, then hamza and other marks above/below) and U+0670 ARABIC
#: LETTER SUPERSCRIPT ALEF.  A subset of `MARK`, which is every \p{Mn}.
ARABIC_MARK_RANGES = "\u064b-\u065f\u0670"
#: The same characters as a set, for tests on one character.
ARABIC_MARKS = frozenset(chr(cp) for cp in range(0x064B, 0x0660)) | {"\u0670"}
#: U+FB50 .. U+FEFF as a stdlib-`re` class body: Arabic Presentation Forms-A
#: and -B and everything between them (variation selectors, vertical, CJK
#: compatibility, small forms), up to U+FEFF ZERO WIDTH NO-BREAK SPACE.  Wider
#: than the span `fold` normalises (FB50-FDFF, FE70-FEFF): names only use it to
#: decide that a word may need NFKC before marks are stripped.
PRESENTATION_SPAN = "\ufb50-\ufeff"
#: Letters and non-spacing marks whose Script property is Arabic: what the
#: names tokenizer accepts after a word's first letter.  NOT `LETTER` + `MARK`
#: + `TATWEEL`: the common harakat (U+064B-U+0655, U+0670) have Script=Inherited
#: and tatweel has Script=Common, so none of them is in this class, and a word
#: written with them ends before the first one.  Arabic-script marks (U+0610-
#: U+061A, U+0656-U+065F, the Quranic marks in U+06D6-U+06ED) are in it.
ARABIC_SCRIPT_LETTER_OR_MARK = r"[\p{sc=Arabic}&&[\p{L}\p{Mn}]]"
#: What continues a word for the names tokenizer (issue 9): an Arabic-script
#: letter or mark (`ARABIC_SCRIPT_LETTER_OR_MARK`), a haraka (`ARABIC_MARK_RANGES`,
#: Script=Inherited) or tatweel (Script=Common), so that a diacritized or
#: stretched name (مُحَمَّد, محـــمد) is one word.
NAME_WORD_CONTINUE = (
    rf"(?:{ARABIC_SCRIPT_LETTER_OR_MARK}|[{ARABIC_MARK_RANGES}\N{{ARABIC TATWEEL}}])"
)
#: `unicodedata.category` of a non-spacing mark: the stdlib's test for what
#: `MARK` matches.  They are not the same set: `unicodedata` follows the
#: Unicode version of the running Python (14.0 on 3.11) and the `regex`
#: module its own, newer one, so marks encoded since (U+0897 ARABIC PEPET,
#: U+10EFD-U+10EFF ARABIC SMALL LOW WORD ...) are only \p{Mn} for `regex`.
MARK_CATEGORY = "Mn"

# --- used by rules ---
# Characters the built-in rules (arclean.builtins) name, kept here so that the
# rules and the pattern macros share one spelling of each.

LEFT_DOUBLE_QUOTE = "\N{LEFT DOUBLE QUOTATION MARK}"
RIGHT_DOUBLE_QUOTE = "\N{RIGHT DOUBLE QUOTATION MARK}"
LEFT_GUILLEMET = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
RIGHT_GUILLEMET = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
#: The ornate parentheses that enclose a quotation of the Quran: ﴿ (U+FD3F,
#: which opens in right-to-left text) and ﴾ (U+FD3E).  Texts use them in
#: either order; what stands between a pair is never edited (`text.masks`).
ORNATE_PARENTHESES = "\N{ORNATE RIGHT PARENTHESIS}\N{ORNATE LEFT PARENTHESIS}"
#: The double quotes rules pair up: straight, curly and guillemets.
DOUBLE_QUOTES = '"' + LEFT_DOUBLE_QUOTE + RIGHT_DOUBLE_QUOTE + LEFT_GUILLEMET + RIGHT_GUILLEMET

#: What may close a bracket or quotation right after a link (``(…/x)``,
#: ``"…/x"``, ``«…/x»``): punctuation glued after them reads as part of the
#: link to Markdown autolinks too (`Guard.link_gap`).
LINK_CLOSERS = (
    ")]}'\""
    + RIGHT_GUILLEMET
    + RIGHT_DOUBLE_QUOTE
    + LEFT_DOUBLE_QUOTE
    + "\N{RIGHT SINGLE QUOTATION MARK}"
)
#: At most this many closers are looked through after a link.
MAX_LINK_CLOSERS = 3

#: The separators that may stand between the digits of one number, as a
#: class *body*: . , and the Arabic decimal and thousands separators ٫ ٬, and
#: the Arabic comma ، (٢٦،٠١٣: used as either mark).  Between two digits they
#: belong to the number, which digit rules convert whole or not at all.
NUMBER_SEPARATORS = ".,\N{ARABIC COMMA}\N{ARABIC DECIMAL SEPARATOR}\N{ARABIC THOUSANDS SEPARATOR}"
#: What turns a digit (or # and *) into a keycap emoji, as a class *body*:
#: U+FE0F VARIATION SELECTOR-16 and U+20E3 COMBINING ENCLOSING KEYCAP (1️⃣).
KEYCAP_MARKS = "\N{VARIATION SELECTOR-16}\N{COMBINING ENCLOSING KEYCAP}"

#: The harakat from fathatan to sukun (U+064B-U+0652).
HARAKAT = "".join(chr(cp) for cp in range(0x064B, 0x0653))
#: Brackets and quotes that open around a mark cited alone: ( ﹶ ), «ٌ».
CITATION_OPENERS = "([{«\"“'‘"
#: The marks a grammar text cites alone: the harakat and the dagger alef
#: (``{cited_mark}``, `arclean.text.mentions`).
CITABLE_HARAKAT = r"[\u064b-\u0652\u0670]"
#: One-letter proclitics a word may carry before its stem: wa-, fa-, bi-.
PROCLITICS_WFB = "\N{ARABIC LETTER WAW}\N{ARABIC LETTER FEH}\N{ARABIC LETTER BEH}"
#: The definite article and the proclitics fused with it (ال وال بال فال كال لل),
#: in the order a regex alternation tries them.
ARTICLE_FORMS = (
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}",
    "\N{ARABIC LETTER WAW}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}",
    "\N{ARABIC LETTER BEH}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}",
    "\N{ARABIC LETTER FEH}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}",
    "\N{ARABIC LETTER KAF}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}",
    "\N{ARABIC LETTER LAM}\N{ARABIC LETTER LAM}",
)

# --- used by the Persian-keyboard letter rules (arclean.text.foreign) ---

#: What ends a clause inside a line, as a class *body*: sentence and clause
#: punctuation (Arabic and Latin), colons, quotes and brackets.  A quotation
#: in another language (Persian, Kurdish) sits between two of them.
CLAUSE_BREAKS = (
    r".!?:;,\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}\N{ARABIC FULL STOP}"
    "\"'()\\[\\]{}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{ORNATE LEFT PARENTHESIS}\N{ORNATE RIGHT PARENTHESIS}\r\n"
)
#: An Arabic-script word: letters (tatweel excluded) and the marks on them.
ARABIC_WORD = rf"{LETTER}(?:{LETTER}|{MARK})*"
#: The letters of a word as Persian keyboards type them (ی ک), and the
#: letters of Persian, Urdu and Kurdish that Arabic never uses, as a class.
PERSIAN_LOOKING = char_class(FARSI_FORMS | NON_ARABIC_LETTERS)
#: Rule patterns may name it ``{persian}``: a letter of a Persian keyboard or
#: of Persian, Urdu or Kurdish (ی ک پ چ ژ گ ...).
PATTERN_MACROS["persian"] = PERSIAN_LOOKING
#: Non-spacing marks and tatweel, removed before a word is looked up.
MARKS_AND_TATWEEL = rf"[{MARK}\N{{ARABIC TATWEEL}}]"

# --- used by the presentation forms (AR402) ---

#: Letters that only end a word: after one, an unjoined letter starts the
#: next word (they join on the right only, but never stand inside a word).
WORD_END_LETTERS = frozenset("\N{ARABIC LETTER TEH MARBUTA}\N{ARABIC LETTER ALEF MAKSURA}")
#: Rule patterns may name them ``{word_end}``: ة and ى, which end a word
#: (a tatweel after them stretches nothing: it parts two words).
PATTERN_MACROS["word_end"] = char_class(WORD_END_LETTERS)

#: The alef and its hamza seats: one letter to `text.clauses` (اذا, إذا, أذا).
ALEF_SEATS = (
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"
)

# --- used by decomposed hamza (AR301) ---

#: The combining madda, hamza above and hamza below (U+0653-0655).
HAMZA_MARKS = "\N{ARABIC MADDAH ABOVE}\N{ARABIC HAMZA ABOVE}\N{ARABIC HAMZA BELOW}"
#: The letters a combining hamza or madda composes with into an Arabic letter
#: (أ إ آ ؤ ئ; ٱ alef wasla and ە ae do not take one).
HAMZA_BASES = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER WAW}\N{ARABIC LETTER YEH}"
