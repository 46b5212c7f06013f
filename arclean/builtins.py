"""Rules that a pattern cannot express, written once in Python and used from
rule files by name (``kind = "builtin"`` with ``function = NAME``, or
``kind = "check"`` with ``check = NAME``), with their settings in
``options``.  Each one is a small documented function: it gets the text, the
spans it may act in and the rule (for its options), and returns replacements
or findings.  Nothing here runs unless a rule file names it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from arclean.chars import lazy_compile
from arclean.errors import RuleFileError
from arclean.text.edits import Finding

if TYPE_CHECKING:
    from arclean.ruleset import Rule
    from arclean.text.spans import Span


@dataclass(frozen=True)
class Builtin:
    """A named function a rule file may use.  `kind` is ``"fix"`` (returns
    replacements) or ``"check"`` (returns findings); `options` gives the type
    of each option it accepts."""

    name: str
    kind: str
    func: Callable[..., Any]
    options: dict[str, type]
    doc: str


BUILTINS: dict[str, Builtin] = {}


def builtin(
    name: str, kind: str, **options: type
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        BUILTINS[name] = Builtin(name, kind, func, options, (func.__doc__ or "").strip())
        return func

    return register


_CURLY_PAIRS = (
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}",
)


@builtin("unbalanced-pairs", "check", pairs=list)
def unbalanced_pairs(text: str, spans: Sequence[Span], rule: Rule) -> list[Finding]:
    """Quotes and brackets must pair up within a paragraph (a line).  A mark
    whose opening and closing forms are the same (") must come an even number
    of times.  Curly quotes may open with either form, as right-to-left text
    often writes ”…“: the first one on the line decides."""
    pairs = [str(p) for p in rule.option("pairs", ())]
    for pair in pairs:
        if len(pair) != 2:
            raise RuleFileError(
                rule.path, f"pair {pair!r} must be two characters", rule.line, rule.code
            )
    chars = "".join(sorted(set("".join(pairs))))
    if not chars:
        return []
    finder = regex.compile("[" + regex.escape(chars) + "]")
    symmetric = {pair[0] for pair in pairs if pair[0] == pair[1]}
    asymmetric = [pair for pair in pairs if pair[0] != pair[1]]
    findings: list[Finding] = []

    def report(position: int, char: str, what: str) -> None:
        findings.append(
            Finding(position, position + 1, rule.code, f"{rule.message}: {what} {char}", rule.level)
        )

    # Collect the marks per line, so a pair may cross markup but not a paragraph.
    per_line: dict[int, list[tuple[int, str]]] = {}
    for span in spans:
        for m in finder.finditer(text, span.start, span.end):
            line_start = text.rfind("\n", 0, m.start()) + 1
            per_line.setdefault(line_start, []).append((m.start(), m.group()))
    for marks in per_line.values():
        openers = {p[0]: p[1] for p in asymmetric}
        for pair in _CURLY_PAIRS:
            first = next((c for _, c in marks if c in pair), None)
            if first == pair[1] and pair in asymmetric:
                del openers[pair[0]]
                openers[pair[1]] = pair[0]
        closers = {closing: opening for opening, closing in openers.items()}
        stack: list[tuple[str, int]] = []
        counts: dict[str, list[int]] = {}
        for position, char in marks:
            if char in symmetric:
                counts.setdefault(char, []).append(position)
            elif char in openers:
                stack.append((char, position))
            elif stack and stack[-1][0] == closers[char]:
                stack.pop()
            elif any(opener == closers[char] for opener, _ in stack):
                # Close the nearest matching opener; the ones above it are unclosed.
                while stack[-1][0] != closers[char]:
                    opener, where = stack.pop()
                    report(where, opener, "unclosed")
                stack.pop()
            else:
                report(position, char, "unopened")
        for opener, where in stack:
            report(where, opener, "unclosed")
        for char, positions in counts.items():
            if len(positions) % 2:
                report(positions[-1], char, "unpaired")
    findings.sort(key=lambda f: f.start)
    return findings


# ---------------------------------------------------------------------------
# Helpers shared by the catalogue's built-ins
# ---------------------------------------------------------------------------

_ARABIC_LETTER = r"[\p{sc=Arabic}&&\p{L}--\N{ARABIC TATWEEL}]"
_WORD = r"[\p{L}\p{M}\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}]"
_FLAGS = int(regex.VERSION1 | regex.MULTILINE)
_HAS_ARABIC_RE = lazy_compile(_ARABIC_LETTER, _FLAGS)


def _finditer(pattern: regex.Pattern[str], text: str, spans: Sequence[Span]) -> Any:
    """Matches of `pattern` that lie inside one of `spans` (lookarounds see
    the whole text)."""
    for span in spans:
        yield from pattern.finditer(text, span.start, span.end)


def _option_choice(rule: Rule, name: str, default: str, allowed: Sequence[str]) -> str:
    value = str(rule.option(name, default))
    if value not in allowed:
        raise RuleFileError(
            rule.path,
            f"option '{name}' must be one of: {', '.join(allowed)} (not {value!r})",
            rule.line,
            rule.code,
        )
    return value


def _marks_per_line(
    text: str, spans: Sequence[Span], finder: regex.Pattern[str]
) -> dict[int, list[tuple[int, str]]]:
    """Characters `finder` matches inside `spans`, grouped by line (a pair of
    quotes or brackets may cross markup but never a paragraph)."""
    per_line: dict[int, list[tuple[int, str]]] = {}
    for m in _finditer(finder, text, spans):
        line_start = text.rfind("\n", 0, m.start()) + 1
        per_line.setdefault(line_start, []).append((m.start(), m.group()))
    return per_line


_LDQ = "\N{LEFT DOUBLE QUOTATION MARK}"
_RDQ = "\N{RIGHT DOUBLE QUOTATION MARK}"
_LAQ = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
_RAQ = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"


def _quote_pairs(marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Pair the quotes of one line, each family on its own: straight quotes
    when their count is even, curly quotes and guillemets when they strictly
    alternate (the first curly quote on the line decides which one opens).
    Anything else is ambiguous and gives no pair."""
    pairs: list[tuple[int, int]] = []
    straight = [p for p, c in marks if c == '"']
    if len(straight) % 2 == 0:
        pairs.extend(zip(straight[::2], straight[1::2], strict=True))
    for family in ((_LDQ, _RDQ), (_LAQ, _RAQ)):
        seq = [(p, c) for p, c in marks if c in family]
        if not seq or len(seq) % 2:
            continue
        opener = seq[0][1] if family[0] == _LDQ else _LAQ
        closer = family[1] if opener == family[0] else family[0]
        if all(c == (opener if i % 2 == 0 else closer) for i, (_, c) in enumerate(seq)):
            pairs.extend((seq[i][0], seq[i + 1][0]) for i in range(0, len(seq), 2))
    return sorted(pairs)


# ---------------------------------------------------------------------------
# punct
# ---------------------------------------------------------------------------

_BRACKETS = {"(": ")", "[": "]", _LAQ: _RAQ}
_PAIR_CHARS_RE = lazy_compile(
    r'[()\[\]"\N{LEFT DOUBLE QUOTATION MARK}'
    r"\N{RIGHT DOUBLE QUOTATION MARK}"
    r"\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    r"\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]"
)


def _bracket_pairs(marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Brackets and guillemets of one line that close what they open."""
    closers = {v: k for k, v in _BRACKETS.items()}
    stack: list[tuple[str, int]] = []
    pairs = []
    for position, char in marks:
        if char in _BRACKETS:
            stack.append((char, position))
        elif char in closers:
            if stack and stack[-1][0] == closers[char]:
                pairs.append((stack.pop()[1], position))
            else:
                stack.clear()  # broken nesting: trust nothing before it
    return pairs


@builtin("space-inside-pairs", "fix")
def space_inside_pairs(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """No space just inside brackets and quotes: ``( نص )`` → ``(نص)``.
    Only pairs that close on the same line and enclose Arabic text are
    touched; quotes are paired as `_quote_pairs` explains, so a quote whose
    partner is unknown (and so whether it opens or closes) is left alone."""
    from arclean.text.edits import Replacement

    reps: list[Replacement] = []
    for marks in _marks_per_line(text, spans, _PAIR_CHARS_RE).values():
        pairs = _bracket_pairs(marks) + _quote_pairs(marks)
        for start, end in pairs:
            inner = text[start + 1 : end]
            if not _HAS_ARABIC_RE.search(inner) or not inner.strip(" \t"):
                continue
            lead = len(inner) - len(inner.lstrip(" \t"))
            trail = len(inner) - len(inner.rstrip(" \t"))
            if lead:
                reps.append(Replacement(start + 1, start + 1 + lead, "", rule.code))
            if trail:
                reps.append(Replacement(end - trail, end, "", rule.code))
    return reps


_QUOTE_STYLES = {
    "guillemets": (_LAQ, _RAQ),
    "curly-rtl": (_RDQ, _LDQ),  # curly quotes do not mirror: in RTL ” opens
    "straight": ('"', '"'),
}
_QUOTES_RE = lazy_compile(
    '["\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}'
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]"
)


@builtin("quote-style", "fix", style=str)
def quote_style(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Double quotes around Arabic text in one style: ``guillemets`` («…»,
    the default), ``curly-rtl`` (”…“) or ``straight`` ("…").  Quotes are
    paired within a line; unpaired or ambiguous ones are left for AR190."""
    from arclean.text.edits import Replacement

    style = _option_choice(rule, "style", "guillemets", tuple(_QUOTE_STYLES))
    opener, closer = _QUOTE_STYLES[style]
    reps = []
    for marks in _marks_per_line(text, spans, _QUOTES_RE).values():
        for start, end in _quote_pairs(marks):
            if not _HAS_ARABIC_RE.search(text, start, end):
                continue
            if text[start] != opener:
                reps.append(Replacement(start, start + 1, opener, rule.code))
            if text[end] != closer:
                reps.append(Replacement(end, end + 1, closer, rule.code))
    return reps


# ---------------------------------------------------------------------------
# diacritics
# ---------------------------------------------------------------------------

_FATHATAN = "\N{ARABIC FATHATAN}"
_ALEF = "\N{ARABIC LETTER ALEF}"
# letter + marks + fathatan + marks + alef at the end of a word  (كتابًا)
_TANWEEN_BEFORE_RE = lazy_compile(
    rf"(?<={_ARABIC_LETTER})(\p{{Mn}}*){_FATHATAN}(\p{{Mn}}*){_ALEF}(?!{_WORD})", _FLAGS
)
# letter + marks + alef + fathatan at the end of a word  (كتاباً)
_TANWEEN_ON_RE = lazy_compile(
    rf"(?<={_ARABIC_LETTER})(\p{{Mn}}*){_ALEF}{_FATHATAN}(?!{_WORD})", _FLAGS
)


def _canonical_marks(marks: str) -> str:
    import unicodedata

    return "".join(sorted(marks, key=unicodedata.combining))


@builtin("tanween-fatha-position", "fix", convention=str)
def tanween_fatha_position(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Put tanween fatha in one place: ``before-alef`` (كتابًا, on the letter
    before the alef) or ``on-alef`` (كتاباً).  With ``majority`` (the
    default) the form the text uses most wins; on a tie nothing changes."""
    from arclean.text.edits import Replacement

    convention = _option_choice(
        rule, "convention", "majority", ("majority", "before-alef", "on-alef")
    )
    before = list(_finditer(_TANWEEN_BEFORE_RE, text, spans))
    on = list(_finditer(_TANWEEN_ON_RE, text, spans))
    if convention == "majority":
        if len(before) == len(on):
            return []
        convention = "before-alef" if len(before) > len(on) else "on-alef"
    if convention == "before-alef":
        return [
            Replacement(
                m.start(), m.end(), _canonical_marks(m.group(1) + _FATHATAN) + _ALEF, rule.code
            )
            for m in on
        ]
    return [
        Replacement(m.start(), m.end(), m.group(1) + m.group(2) + _ALEF + _FATHATAN, rule.code)
        for m in before
    ]


_DAGGER = "\N{ARABIC LETTER SUPERSCRIPT ALEF}"
#: Words whose modern spelling has no alef where the dagger alef stands.
_DAGGER_DROP_WORDS = (
    "هذا هذه هذان هذين هؤلاء ذلك ذلكم ذلكما لكن لكنه لكنها لكنهم هكذا أولئك "
    "إله الإله اله الرحمن رحمن الله لله بالله والله تالله اللهم طه يس"
)
_DAGGER_DROP = frozenset(_DAGGER_DROP_WORDS.split())
_DAGGER_WORD_RE = lazy_compile(
    rf"(?<!{_WORD})[\p{{L}}\p{{M}}]*{_DAGGER}[\p{{L}}\p{{M}}]*(?!{_WORD})", _FLAGS
)
_MARKS_RE = lazy_compile(r"\p{Mn}", _FLAGS)


@builtin("dagger-alef", "fix")
def dagger_alef(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """The superscript (dagger) alef in today's spelling: dropped where
    modern Arabic writes no alef (هٰذا → هذا, ذٰلك, لٰكن, الرحمٰن, ٱللّٰه, and on
    ى: علىٰ → على), written as a full alef elsewhere (السمٰوات → السماوات)."""
    from arclean.text.edits import Replacement

    reps = []
    for m in _finditer(_DAGGER_WORD_RE, text, spans):
        word = m.group()
        bare = _MARKS_RE.sub("", word).replace("\N{ARABIC LETTER ALEF WASLA}", _ALEF)
        drop = bare in _DAGGER_DROP or bare.lstrip("وفب") in _DAGGER_DROP
        out = []
        for i, ch in enumerate(word):
            if ch != _DAGGER:
                out.append(ch)
                continue
            base = next((c for c in reversed(word[:i]) if not _MARKS_RE.match(c)), "")
            if drop or base in ("\N{ARABIC LETTER ALEF MAKSURA}", _ALEF, ""):
                continue
            out.append(_ALEF)
        new = "".join(out)
        if new != word:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


# ---------------------------------------------------------------------------
# alef
# ---------------------------------------------------------------------------

_HAMZA_WORD_RE = lazy_compile(
    rf"(?<!{_WORD})(ال|وال|بال|فال|كال|لل)?([اأإآ])({_ARABIC_LETTER}{{3,}})(?!{_WORD})", _FLAGS
)
_HAMZA_FORMS = "أإآ"


_WASL_CACHE: list[frozenset[str]] = []


def _wasl_words() -> frozenset[str]:
    """The misspelt forms listed in hamzat_wasl.tsv (AR302's list)."""
    if not _WASL_CACHE:
        from arclean.ruleset import builtin_rules_dir

        path = builtin_rules_dir() / "hamzat_wasl.tsv"
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        _WASL_CACHE.append(
            frozenset(line.split("\t")[0] for line in lines if line and not line.startswith("#"))
        )
    return _WASL_CACHE[0]


@builtin("hamza-consistency", "fix")
def hamza_consistency(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Within one text, a word written both with and without its initial
    hamza (أحمد / احمد, الأمم / الامم) takes the hamza form, when the text
    writes it with one hamza form only.  Hamzat-wasl words (استقبال, انتخاب,
    اسم, ابن ...) are never given a hamza, nor a bare word of four letters
    (اذهب, go! is not أذهب, I go) or one that may start with the article."""
    from arclean.text.edits import Replacement

    matches = list(_finditer(_HAMZA_WORD_RE, text, spans))
    seats: dict[tuple[bool, str], set[str]] = {}
    for m in matches:
        if m.group(2) in _HAMZA_FORMS:
            seats.setdefault((bool(m.group(1)), m.group(3)), set()).add(m.group(2))
    wasl = _wasl_words()
    reps = []
    for m in matches:
        if m.group(2) != _ALEF:
            continue
        article, rest = bool(m.group(1)), m.group(3)
        # Keyed on the article, not on و ب ف before it: والامم is الأمم.
        forms = seats.get((article, rest), set())
        if len(forms) != 1:
            continue
        seat = next(iter(forms))
        if (m.group(1) or "") + seat + rest in wasl or seat + rest in wasl:
            continue  # the text's hamza form is the hamzat-wasl error
        # Forms VII, VIII and X (انفعال افتعال استفعال, اتّحاد) start with
        # hamzat wasl; a bare word starting with ل may be the article ال.
        if rest.startswith(("ست", "ن", "ت")) or rest[1] == "ت" or (not article and rest[0] == "ل"):
            continue
        # افعل is both an imperative (wasl: اذهب, go!) and a first person
        # (أذهب, I go): without the article, four letters are ambiguous.
        if not article and len(rest) < 4:
            continue
        reps.append(Replacement(m.start(2), m.end(2), seat, rule.code))
    return reps


# ---------------------------------------------------------------------------
# letters
# ---------------------------------------------------------------------------

#: Presentation forms used in their own right: ﴾ ﴿, ﷲ ﷺ ﷻ ﷼ ﷽ and the
#: honorific ligatures; NFKC would spell ﷺ out as a whole phrase.
_KEEP_FORMS = frozenset(
    "\N{ORNATE LEFT PARENTHESIS}\N{ORNATE RIGHT PARENTHESIS}"
    "\N{ARABIC LIGATURE ALLAH ISOLATED FORM}"
    "\N{ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM}"
    "\N{ARABIC LIGATURE JALLAJALALOUHOU}\N{RIAL SIGN}"
    "\N{ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM}"
    + "".join(chr(cp) for cp in range(0xFD40, 0xFD50))
    + "".join(chr(cp) for cp in (0xFDCF, 0xFDFE, 0xFDFF))
)
_FORMS_RE = lazy_compile(r"[\uFB50-\uFDFF\uFE70-\uFEFE]")


_TATWEEL = "\N{ARABIC TATWEEL}"
_JOINS_RE = lazy_compile(r"[\p{sc=Arabic}&&\p{L}\N{ARABIC TATWEEL}]", _FLAGS)
_HARAKAT = "".join(chr(cp) for cp in range(0x064B, 0x0653))


def _keep_joining(text: str, start: int, end: int, form: str, letter: str) -> str:
    """An initial or medial form with no letter after it shows a joining
    stroke that the bare letter loses: ٦٣٣ﻫ is the Hijri ٦٣٣هـ, and ﺑ «مرلي» is
    بـ «مرلي».  Tatweel keeps that look, as an editor would write it; likewise
    for a final or medial form with no letter before it (ـﺔ)."""
    import unicodedata

    name = unicodedata.name(form, "")
    after = text[end : end + 8].lstrip(_HARAKAT)[:1]
    before = text[max(0, start - 8) : start].rstrip(_HARAKAT)[-1:]
    if name.endswith(("INITIAL FORM", "MEDIAL FORM")) and not _JOINS_RE.match(after or " "):
        letter += _TATWEEL
    if name.endswith(("FINAL FORM", "MEDIAL FORM")) and not _JOINS_RE.match(before or " "):
        letter = _TATWEEL + letter
    return letter


@builtin("presentation-forms", "fix")
def presentation_forms(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Arabic presentation forms (glyph codes PDF extraction leaves behind)
    to the letters they show, one character at a time with NFKC (ﻷ → لأ
    keeps the hamza).  Never NFKC over the whole text: that would also turn
    … into ... and the no-break space into a space."""
    import unicodedata

    from arclean.text.edits import Replacement

    reps = []
    for m in _finditer(_FORMS_RE, text, spans):
        ch = m.group()
        if ch in _KEEP_FORMS:
            continue
        new = unicodedata.normalize("NFKC", ch)
        if "\ufe70" <= ch <= "\ufe7f":
            new = new.lstrip(" ")  # spacing harakat decompose to SPACE + mark
        elif len(new) == 1:
            new = _keep_joining(text, m.start(), m.end(), ch, new)
        if new and new != ch:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


# ---------------------------------------------------------------------------
# digits
# ---------------------------------------------------------------------------

_NUMBER_RE = lazy_compile(
    r"(?<![\p{L}\p{M}\d_#.,\N{ARABIC DECIMAL SEPARATOR}\N{ARABIC THOUSANDS SEPARATOR}-])"
    r"\d+(?:[.,\N{ARABIC DECIMAL SEPARATOR}\N{ARABIC THOUSANDS SEPARATOR}]\d+)*"
    r"[%\N{ARABIC PERCENT SIGN}]?"
    r"(?![\p{Latin}\d_-]|[.,\N{ARABIC DECIMAL SEPARATOR}\N{ARABIC THOUSANDS SEPARATOR}]\d)",
    _FLAGS,
)
# A number next to a Latin word (Windows 10, page 3 of) belongs to that text.
_LATIN_BEFORE_RE = lazy_compile(r"\p{Latin}[\p{Latin}\d.]*[ \t\N{NO-BREAK SPACE}]*\Z")
_LATIN_AFTER_RE = lazy_compile(r"[ \t\N{NO-BREAK SPACE}]*\p{Latin}")
_ISBN_RE = lazy_compile(r"(?i)(?:isbn|ردمك)[\s:\N{NO-BREAK SPACE}-]*\Z")


def _digit_value(ch: str) -> int | None:
    import unicodedata

    return unicodedata.digit(ch, None) if ch.isdigit() else None


@builtin("unify-digits", "fix", target=str)
def unify_digits(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Write every number with one digit system: ``western`` (0-9, with . ,
    %) or ``arabic-indic`` (٠-٩, with ٫ ٬ ٪).  Numbers glued to Latin text
    (code, units, v2), versions (1.2.3), ISBNs and hyphenated numbers are
    left alone; so is a comma that is not a thousands separator."""
    from arclean.text.edits import Replacement

    target = _option_choice(rule, "target", "western", ("western", "arabic-indic"))
    indic = target == "arabic-indic"
    zero = ord("\N{ARABIC-INDIC DIGIT ZERO}") if indic else ord("0")
    separators = (
        {
            ".": "\N{ARABIC DECIMAL SEPARATOR}",
            ",": "\N{ARABIC THOUSANDS SEPARATOR}",
            "%": "\N{ARABIC PERCENT SIGN}",
        }
        if indic
        else {
            "\N{ARABIC DECIMAL SEPARATOR}": ".",
            "\N{ARABIC THOUSANDS SEPARATOR}": ",",
            "\N{ARABIC PERCENT SIGN}": "%",
        }
    )
    reps = []
    for m in _finditer(_NUMBER_RE, text, spans):
        number = m.group()
        if len(regex.findall(r"[.\N{ARABIC DECIMAL SEPARATOR}]", number)) > 1:
            continue  # a version or a date, not a decimal
        if _ISBN_RE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if _LATIN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) or (
            _LATIN_AFTER_RE.match(text, m.end())
        ):
            continue
        if indic and regex.search(r",(?!\d{3}(?!\d))", number):
            continue  # 3,5 may be a decimal comma: ambiguous
        out = []
        for ch in number:
            value = _digit_value(ch)
            out.append(chr(zero + value) if value is not None else separators.get(ch, ch))
        new = "".join(out)
        if new != number:
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


# ---------------------------------------------------------------------------
# encoding repair
# ---------------------------------------------------------------------------

# UTF-8 bytes of Arabic letters read as cp1256: a lead byte D8-DB shows as
# ط ظ ع غ, the continuation byte 80-BF as one of these.
_CP1256_CONT = bytes(range(0x80, 0xC0)).decode("cp1256", errors="replace").replace("\ufffd", "")
_UTF8_AS_CP1256_RE = regex.compile(
    r"(?:[\N{ARABIC LETTER TAH}\N{ARABIC LETTER ZAH}\N{ARABIC LETTER AIN}\N{ARABIC LETTER GHAIN}]"
    rf"[{regex.escape(_CP1256_CONT)}])"
    r"(?:[ -~]{0,3}"
    r"[\N{ARABIC LETTER TAH}\N{ARABIC LETTER ZAH}\N{ARABIC LETTER AIN}\N{ARABIC LETTER GHAIN}]"
    rf"[{regex.escape(_CP1256_CONT)}])+",
    _FLAGS,
)
# cp1256 bytes read as Latin-1/cp1252: words made only of characters 0xC0-0xFF,
# separated by spaces and by ¡ º ¿ (the bytes of ، ؛ ؟).
_CP1256_AS_LATIN1_RE = regex.compile(
    r"(?<![\p{L}\p{M}])[\u00C0-\u00FF]+(?:[ \t\u00A1\u00BA\u00BF]+[\u00C0-\u00FF]+)*"
    r"[\u00A1\u00BA\u00BF]?(?![\p{L}\p{M}])",
    _FLAGS,
)


def _mostly_arabic(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\N{ARABIC LETTER HAMZA}" <= ch <= "\N{ARABIC LETTER YEH}")
    return bool(letters) and arabic * 10 >= len(letters) * 9


@builtin("utf8-read-as-cp1256", "fix")
def utf8_read_as_cp1256(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Repair UTF-8 that was decoded as Windows-1256 (``ط§ظ„ط¹ط±ط¨ظٹط©`` →
    العربية).  A run is repaired only when encoding it back to cp1256 and
    decoding it as UTF-8 succeeds strictly and gives Arabic text."""
    from arclean.text.edits import Replacement

    reps = []
    for m in _finditer(_UTF8_AS_CP1256_RE, text, spans):
        if len(m.group()) < 6:
            continue
        try:
            new = m.group().encode("cp1256").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _mostly_arabic(new):
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


@builtin("cp1256-read-as-latin1", "fix")
def cp1256_read_as_latin1(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Repair Windows-1256 text that was decoded as Latin-1 or cp1252
    (``ÇáÚÑÈíÉ`` → العربية).  A run of words made only of Latin-1 letters is
    repaired when it re-encodes strictly and decodes to Arabic letters."""
    from arclean.text.edits import Replacement

    reps = []
    for m in _finditer(_CP1256_AS_LATIN1_RE, text, spans):
        run = m.group()
        if sum(1 for ch in run if ch.isalpha()) < 4:
            continue
        try:
            new = run.encode("latin-1").decode("cp1256")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _mostly_arabic(new):
            reps.append(Replacement(m.start(), m.end(), new, rule.code))
    return reps


# ---------------------------------------------------------------------------
# boilerplate
# ---------------------------------------------------------------------------

_BOILERPLATE_CACHE: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
_TRIM_RE = lazy_compile(
    r"\A[\s\p{Pd}*•·|>]*|[\s.:!\N{ARABIC QUESTION MARK}\N{ARABIC COMMA}"
    r"\N{HORIZONTAL ELLIPSIS}\p{Pd}|>«»]*\Z"
)


def _normalize_line(line: str) -> str:
    from arclean.chars import fold

    return " ".join(fold(_TRIM_RE.sub("", line)).split())


def _boilerplate_list(rule: Rule) -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole lines and line prefixes (entries ending in …) from the list file
    next to the rule file (or among the shipped rules)."""
    from pathlib import Path

    from arclean.ruleset import builtin_rules_dir

    name = str(rule.option("list", "boilerplate.txt"))
    candidates = [Path(rule.path).parent / name, builtin_rules_dir() / name]
    target = next((p for p in candidates if p.is_file()), candidates[-1])
    key = str(target)
    if key not in _BOILERPLATE_CACHE:
        try:
            lines = target.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise RuleFileError(
                rule.path, f"cannot read list {name!r}: {exc}", rule.line, rule.code
            ) from None
        whole, prefixes = set(), []
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.rstrip().endswith("\N{HORIZONTAL ELLIPSIS}"):
                prefixes.append(_normalize_line(line.rstrip()[:-1]) + " ")
            else:
                whole.add(_normalize_line(line))
        _BOILERPLATE_CACHE[key] = (frozenset(whole), tuple(prefixes))
    return _BOILERPLATE_CACHE[key]


_LINE_RE = lazy_compile(r"^[^\n]*\S[^\n]*$", _FLAGS)


def _boilerplate_lines(text: str, spans: Sequence[Span], rule: Rule) -> list[tuple[int, int]]:
    whole, prefixes = _boilerplate_list(rule)
    found = []
    for m in _finditer(_LINE_RE, text, spans):
        line = m.group()
        if len(line) > 80:
            continue  # residue lines are short; a paragraph is content
        normal = _normalize_line(line)
        if normal in whole or (normal.startswith(prefixes) and len(normal.split()) <= 8):
            found.append((m.start(), m.end()))
    return found


@builtin("boilerplate-lines", "check", list=str)
def boilerplate_lines(text: str, spans: Sequence[Span], rule: Rule) -> list[Finding]:
    """Lines that are web-page residue (share buttons, "read also", "follow
    us on ..."), from a list of whole lines; never part of a line."""
    return [
        Finding(s, e, rule.code, rule.message, rule.level, old=text[s:e])
        for s, e in _boilerplate_lines(text, spans, rule)
    ]


@builtin("remove-boilerplate-lines", "fix", list=str)
def remove_boilerplate_lines(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Remove the lines `boilerplate-lines` reports, with their line break."""
    from arclean.text.edits import Replacement

    reps = []
    for start, end in _boilerplate_lines(text, spans, rule):
        if end < len(text) and text[end] == "\n":
            end += 1
        elif start > 0 and text[start - 1] == "\n":
            start -= 1
        reps.append(Replacement(start, end, "", rule.code))
    return reps


@builtin("names-glossary", "fix", glossaries=list)
def names_glossary(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Spellings of names listed in the glossaries become the canonical one
    (proclitics kept: وفيان → وفيدان). A safe fix: a person wrote the list."""
    if not rule.option("glossaries"):
        return []  # nothing to do, and no need to load the names machinery
    from arclean.names.rules import glossary_rewrites

    return glossary_rewrites(text, spans, rule)


@builtin("names-fuzzy", "fix", glossaries=list)
def names_fuzzy(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """A rare spelling of a name that the same text spells otherwise, merged
    into the well-attested spelling when the evidence reaches the ``auto``
    tier. An unsafe fix: it is inferred, not listed."""
    from arclean.names.rules import fuzzy_rewrites

    return fuzzy_rewrites(text, spans, rule)
