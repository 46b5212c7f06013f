"""Built-in of the alef group: one initial hamza per word within a text
(``hamza-consistency``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arclean.builtins._common import finditer
from arclean.chars import ARTICLE_FORMS, LETTER, REGEX_FLAGS, WORD_CHAR, lazy_compile
from arclean.locations import builtin_rules_dir

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span

_ALEF = "\N{ARABIC LETTER ALEF}"
_ARTICLE = "|".join(ARTICLE_FORMS)
_HAMZA_WORD_RE = lazy_compile(
    rf"(?<!{WORD_CHAR})({_ARTICLE})?([اأإآ])({LETTER}{{3,}})(?!{WORD_CHAR})", REGEX_FLAGS
)
_HAMZA_FORMS = "أإآ"


_WASL_CACHE: list[frozenset[str]] = []


def _wasl_words() -> frozenset[str]:
    """The misspelt forms listed in hamzat_wasl.tsv (AR302's list)."""
    if not _WASL_CACHE:
        path = builtin_rules_dir() / "hamzat_wasl.tsv"
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        _WASL_CACHE.append(
            frozenset(line.split("\t")[0] for line in lines if line and not line.startswith("#"))
        )
    return _WASL_CACHE[0]


def hamza_consistency(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Within one text, a word written both with and without its initial
    hamza (أحمد / احمد, الأمم / الامم) takes the hamza form, when the text
    writes it with one hamza form only.  Hamzat-wasl words (استقبال, انتخاب,
    اسم, ابن ...) are never given a hamza, nor a bare word of four letters
    (اذهب, go! is not أذهب, I go) or one that may start with the article."""
    from arclean.text.edits import Replacement

    matches = list(finditer(_HAMZA_WORD_RE, text, spans))
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
