"""Step 4: score each candidate pair and give it a tier.

`PairScorer` orients a pair (the better-ranked form is the canonical),
weighs it (`similarity.weighted_distance`), applies the pair guards, then
looks at the words around the dearer pairs (`context.neighbours`) and gives
each pair a tier.  `fold_member` gives a tier to a spelling that is equal to
the canonical after folding.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import partial
from typing import NamedTuple

from arclean.names import dropped
from arclean.names.context import neighbours, own_context
from arclean.names.counting import Counts
from arclean.names.evidence import Judge, future_verb
from arclean.names.lexicon import CUES
from arclean.names.members import OTHER_WORD, fold_member, hamzas
from arclean.names.model import Settings, Tier
from arclean.names.pairing import Group, max_cost
from arclean.names.shown import shown_candidate, shown_support
from arclean.names.similarity import (
    alef_pattern,
    doubled_letter,
    inflection_only,
    pattern_change,
    pattern_insert,
    text_only_edit,
    vowel_by_vowel,
    weighted_distance,
)
from arclean.names.twice import DOUBLED_TEXT, doubled_slip
from arclean.names.weighing import (
    book_name,
    cue_candidate,
    final_letter_differs,
    named_here,
    rare_definite_swap,
    short_swap,
    slip_evidence,
    text_name,
)

#: Marks a pair whose canonical the text attests, waiting for a shared neighbour.
TEXT_MARK = "text: "
#: Marks a cheap pair that is auto unless the variant has a context of its own.
CHECK_MARK = "check: "
#: Marks a cheap pair that is checked when the text names its canonical (`named_here`).
CUE_MARK = "cue: "


__all__ = ["OTHER_WORD", "Merge", "PairScorer", "Scored", "fold_member", "hamzas"]


class Scored(NamedTuple):
    """A scored pair: folded variant and canonical, cost, reasons so far."""

    variant: str
    canonical: str
    cost: float
    evidence: list[str]


class Merge(NamedTuple):
    """A variant that may merge into a canonical, at `tier`."""

    variant: str
    cost: float
    tier: Tier
    evidence: list[str]


class PairScorer:
    """Scores the pairs of one scan's candidate fold groups.

    `candidates` maps a folded form to its `Group`; every form given to a
    method must be one of its keys (else KeyError).
    """

    def __init__(self, candidates: dict[str, Group], judge: Judge, settings: Settings) -> None:
        self.candidates = candidates
        self.judge = judge
        self.s = settings
        self._ranks: dict[str, tuple[bool, float, int]] = {}
        self.shown: list[tuple[str, str]] = []  # cheap pairs `shown_as_name` may support

    def rank(self, f: str) -> tuple[bool, float, int]:
        """Sort key of a canonical: in the glossary, count in the text (half
        as much again when in the gazetteer), lexicon count.  Memoised."""
        r = self._ranks.get(f)
        if r is None:
            g = self.candidates[f]
            gaz = self.judge.gaz.count(f) > 0
            r = self._ranks[f] = (
                f in self.judge.glossary_forms,
                g.count * (1.5 if gaz else 1.0),
                self.judge.lex.count(f),
            )
        return r

    def adds_hamza(self, v: str, c: str) -> bool:
        """Every spelling of the variant writes more hamzas than any of the
        canonical (سأعيد/سعيد), or than its usual one, which a rewrite writes
        (ألسست/الست): another word; transliterations drop hamzas."""
        hv = min(hamzas(x) for x in self.candidates[v].forms)
        forms = self.candidates[c].forms
        usual = forms.most_common(1)[0][0]
        return hv > 0 and (hv > max(hamzas(x) for x in forms) or hv > hamzas(usual))

    def definite_share(self, f: str) -> float:
        """Share (0-1) of the form's uses in the text with the article."""
        g = self.candidates[f]
        return g.definite / g.count if g.count else 0.0

    def may_support(self, v: str, c: str, rare: bool = True) -> bool:
        """Everything but the shared neighbour that context support needs
        (without `rare`, the canonical may be a frequent word of the
        lexicon: a full name supports ألبرت as well as هاكان)."""
        s, judge = self.s, self.judge
        return (
            not self.adds_hamza(v, c)
            and self.candidates[c].count >= s.context_ratio * self.candidates[v].count
            and judge.lex_count(v) < s.known_count
            and abs(self.definite_share(v) - self.definite_share(c)) < 0.5
            and (judge.lex.count(c) < s.common_count or not rare)
            and not judge.suffixed(v)
            and not judge.suffixed(c)
            and not judge.wordlike(v)
            and judge.own_word(v, c) is None
            and self.standalone(v)
            and not (pattern_change(v, c) or alef_pattern(v, c))
            and (len(v) != len(c) or len(c) >= s.sub_letters)  # عزام/عصام
            and not judge.attested(v)  # جونز (Dow Jones) is no slip for جوبز
            and judge.auto_evidence(c, min_gaz=1) is not None
        )

    def text_attested(self, v: str, c: str) -> str | None:
        """The text's own evidence for a cheap edit: the canonical is a name
        by the reference data, spelled so `text_count` times and
        `context_ratio` times as often as the variant, a word nowhere."""
        s, judge = self.s, self.judge
        cn, vn = self.candidates[c].count, self.candidates[v].count
        # a doubled letter is never another name; nor is a spelling that is
        # no word beside a gazetteer name (محسب beside محسوب, a word: 3)
        thin = judge.no_word(v) and (
            judge.auto_evidence(c) is not None
            or judge.name_evidence(c) == "name with the article"
            or judge.gaz.count(c) >= s.attested_count
        )
        floor = 2 if doubled_letter(v, c) or thin else s.text_count
        if cn < floor or cn < s.context_ratio * vn:
            return None
        if judge.lex_count(v) or judge.gaz.count(v) or judge.text_verb(c):
            return None
        if judge.wordlike(c) and not c.startswith("ال") and not book_name(c, judge):
            return None  # جازاك beside جزاك: a verb with a pronoun (never after ال)
        why = judge.name_evidence(c) or slip_evidence(v, c, judge)
        if why is None:
            return None
        if why == "name with the article" and rare_definite_swap(v, c, judge):
            return None
        return f"{why}, spelled so {cn} times in the text"

    def standalone(self, f: str) -> bool:
        """Some spelling of the form occurs in the text as a word of its own
        (or with the article): not only a core guessed off a glued word
        (فكريا is not ف + كريا, بايرن is not ب + ايرن)."""
        surface = self.judge.counts.surface
        return any(surface.get(x, 0) or surface.get("ال" + x, 0) for x in self.candidates[f].forms)

    def score(
        self, pairs: Iterable[tuple[str, str]]
    ) -> tuple[list[Scored], list[tuple[str, str, float]], list[Scored]]:
        """Orient, weigh and guard each pair (in sorted order).

        Returns (scored, need_context, need_name): the pairs decided on the
        strings alone (an ``auto: ...`` last reason when auto), the dearer
        pairs (variant, canonical, cost) that context may support, and the
        cheap pairs whose canonical is an unknown word that is a name only
        next to a name or a cue.  Pairs over `max_cost` are dropped."""
        s, judge = self.s, self.judge
        limit = max_cost(s)
        scored: list[Scored] = []
        need_context: list[tuple[str, str, float]] = []
        need_name: list[Scored] = []
        for a, b in sorted(pairs):
            if self.rank(a) >= self.rank(b):
                c, v = a, b
            else:
                c, v = b, a
            # ruled out when pairing (step 2): أحرز/إحراز, سعيد/سعد, بداياتها/بدايتها
            if judge.glossary.rejected(v, c):
                continue
            if inflection_only(v, c) and not (
                # الصينن beside الصين: a final letter written twice, no
                # suffix, when no reference list has the longer form
                doubled_letter(v, c) and not judge.lex_count(v) and not judge.gaz.count(v)
            ):
                continue
            cost = weighted_distance(v, c, limit)
            if cost > limit:
                continue
            evidence = [f"cost {cost:g}"]
            if judge.gaz.count(c):
                evidence.append("canonical in gazetteer")
            gv = judge.gaz.count(v)
            # the variant is no word of the lexicon (صعيد: الصعيد is) and no
            # name of its own (أنتونيو beside أنطونيو: maybe another person)
            unknown = (
                judge.lex_count(v) < s.known_count
                and gv <= judge.gaz.count(c) // 10
                and gv < s.variant_gaz
            )
            # names without the article never take it, and vice versa (شبكة/الشابكة)
            agree = abs(self.definite_share(v) - self.definite_share(c)) < 0.5
            why = judge.auto_evidence(c, variant=v)
            cheap_ok = (
                cost <= s.auto_cost
                and unknown
                and agree
                and not self.adds_hamza(v, c)
                and not future_verb(v, judge)
                and not (c.endswith("ا") and v == c[:-1] + "يا")  # أوروبا/أوروبيا
                and not (judge.lex.count(v) and judge.verb_like(v))
                and not judge.suffixed(v)
                and not judge.wordlike(v)
                and judge.own_word(v, c) is None
                and self.standalone(v)
                # a letter swapped in a short word is another word (جوبا/كوبا)
                and (len(v) != len(c) or len(c) >= s.sub_letters or short_swap(v, c, judge))
                and not (vowel_by_vowel(v, c) or pattern_insert(v, c) or alef_pattern(v, c))
                and not final_letter_differs(self.candidates[v].forms, self.candidates[c].forms)
                and self.candidates[c].count >= 2
                and self.candidates[c].count > self.candidates[v].count
            )
            cn = self.candidates[c].count
            if cheap_ok and shown_candidate(v, c, self.candidates, judge):
                self.shown.append((v, c))
            clear = cn >= s.context_ratio * self.candidates[v].count and (
                cn >= s.clear_count
                # a thin count needs a variant the books never use (بايرن ميونخ,
                # once in the lexicon, is no slip for بايرون)
                or (judge.gaz.count(c) >= s.thin_gaz and not judge.lex_count(v))
                # a doubled letter is never another name (sixth round)
                or (doubled_letter(v, c) and not judge.lex_count(v))
            )
            if cheap_ok and why is not None and clear:
                need_name.append(Scored(v, c, cost, [*evidence, f"{CHECK_MARK}cheap edit, {why}"]))
            elif cheap_ok and (tw := self.text_attested(v, c)) is not None:
                if judge.auto_evidence(c, min_gaz=1, variant=v) is not None:
                    need_name.append(
                        Scored(v, c, cost, [*evidence, f"{CHECK_MARK}cheap edit, {tw}"])
                    )
                elif doubled_letter(v, c) or (
                    len(v) == len(c) + 1 and judge.name_evidence(c) == "gazetteer"
                ):
                    # a consonant written twice (الأندللس), or a long vowel dropped
                    # into a gazetteer token (بيرلين → برلين): the variant is no
                    # word of the lexicon, no other word to mistake (sixth round)
                    need_name.append(
                        Scored(v, c, cost, [*evidence, f"{CHECK_MARK}letter dropped, {tw}"])
                    )
                elif judge.no_word(v) and (not judge.bare_name(c) or book_name(c, judge)):
                    # the variant is no word at all: no other word to mistake
                    need_name.append(Scored(v, c, cost, [*evidence, f"{CHECK_MARK}no word, {tw}"]))
                else:
                    # lexicon evidence only (a word never inflected is also a
                    # verb form or an adjective): a shared neighbour too
                    need_name.append(Scored(v, c, cost, [*evidence, TEXT_MARK + tw]))
            elif cheap_ok and clear and why is None and doubled_slip(v, c, judge):
                # كيرروش beside كيروش ×3: a doubled letter no grammar explains
                need_name.append(Scored(v, c, cost, [*evidence, f"{CHECK_MARK}{DOUBLED_TEXT}"]))
            elif cheap_ok and clear and why is None and cue_candidate(v, c, judge):
                need_name.append(Scored(v, c, cost, [*evidence, CUE_MARK]))
            elif cheap_ok and (why is not None or text_name(c, self.candidates[c], judge)):
                # a canonical barely more frequent (ميليس 2, ميلس 1: the river Meles
                # and Mr Mills), or one only the text attests (ريتشارد ستولمان):
                # two names unless both stand next to one name
                need_name.append(Scored(v, c, cost, evidence))
            elif cost <= s.context_cost:
                need_context.append((v, c, cost))
                scored.append(Scored(v, c, cost, evidence))
            else:
                scored.append(Scored(v, c, cost, evidence))
        return scored, need_context, need_name

    def context_support(
        self,
        texts: Iterable[str],
        counts: Counts,
        scored: list[Scored],
        need_context: list[tuple[str, str, float]],
        need_name: list[Scored],
    ) -> tuple[dict[tuple[str, str], str], set[tuple[str, str]]]:
        """Read the neighbours of the pairs that need them (one pass over
        `texts`).  Appends the `need_name` pairs to `scored` (auto when the
        canonical stands next to a name or a cue).  Returns (support, near):
        the pairs (variant, canonical) that context makes auto, with the
        reason, and those it makes worth a review."""
        support: dict[tuple[str, str], str] = {}
        near: set[tuple[str, str]] = set()
        if not (need_context or need_name or self.shown):
            return support, near
        judge = self.judge
        # neighbours matter when they can make a pair auto, or a dearer one review
        need_context = [
            (v, c, cost)
            for v, c, cost in need_context
            if cost > self.s.review_cost or self.may_support(v, c)
        ]
        wanted = {x for v, c, _ in need_context for x in (v, c)}
        wanted |= {x for p in need_name for x in (p.variant, p.canonical)}
        nbs = neighbours(texts, counts, wanted | {x for p in self.shown for x in p})
        for v, c, cost, evidence in need_name:
            named_by = evidence[-1] == CUE_MARK or (
                evidence[-1].startswith(TEXT_MARK) and cue_candidate(v, c, judge)
            )
            if named_by:  # named in the text (twelfth round)
                n = self.candidates[c].count
                why = named_here(nbs.get(v, Counter()), nbs.get(c, Counter()), n, self.s)
                if why is not None:
                    evidence = [*evidence[:-1], f"{CHECK_MARK}cheap edit, {why}"]
                elif evidence[-1] == CUE_MARK:
                    evidence = evidence[:-1]
            if evidence[-1].startswith(CHECK_MARK):
                # auto by the strings and counts, unless the variant stands in a
                # context of its own (many articles); a consonant written twice
                # (فاببيو) is never another name: no own context (sixth round)
                reason = evidence[-1][len(CHECK_MARK) :]
                own = (
                    None
                    if doubled_letter(v, c)
                    else own_context(nbs.get(v, Counter()), nbs.get(c, Counter()), judge.name_like)
                )
                last = f"auto: {reason}" if own is None else f"{reason}; {own}"
                scored.append(Scored(v, c, cost, [*evidence[:-1], last]))
                continue
            if evidence[-1].startswith(TEXT_MARK):
                # the canonical attested by the text: a shared content word (شمال)
                common = sorted(x[2:] for x in set(nbs.get(c, ())) & set(nbs.get(v, ())))
                reason = evidence[-1][len(TEXT_MARK) :]
                evidence = evidence[:-1]
                if common:
                    why = f"{reason}, both spellings next to {', '.join(common[:3])}"
                    evidence = [*evidence, f"auto: cheap edit, {why}"]
                scored.append(Scored(v, c, cost, evidence))
                continue
            # both spellings next to the same name (ريتشارد ستولمان / ريتشارد
            # ستولمن); a cue (رئيس) or the canonical alone next to a name is not
            # enough (تحفيظ/تحفيز beside رئيس)
            named = sorted(
                x[2:] for x in set(nbs.get(c, ())) & set(nbs.get(v, ())) if judge.name_word(x[2:])
            )
            sourced = judge.auto_evidence(c)
            if named and (sourced is not None or text_only_edit(v, c)):
                what = sourced or "unknown word"
                why = f"{what}, both spellings next to {', '.join(named[:3])}"
                scored.append(Scored(v, c, cost, [*evidence, f"auto: cheap edit, {why}"]))
            else:
                scored.append(Scored(v, c, cost, evidence))
        for v, c, cost in need_context:
            # the shared neighbour must itself be a name (هاكان فيدان / هاكان فيان)
            # or a cue (أضاف فيدان / وأضاف فيان): an ordinary word (نظام) says nothing
            shared = {
                x
                for x in set(nbs.get(v, ())) & set(nbs.get(c, ()))
                if x[2:] in CUES or judge.name_word(x[2:])
            }
            if shared:
                near.add((v, c))  # at least worth a review
            # evidence in proportion to the cost: each shared cue or name is one
            # piece, a name next to the variant alone (هاكان فيان) another (not
            # for a consonant swapped: مارڤن قاي / مارتن قاي, seventh round); one
            # cue word (الأمير نواف / الأمير نايف) is never enough
            swap = cost > self.s.review_cost and len(v) == len(c)
            alone = {x[2:] for x in set(nbs.get(v, ())) - shared if judge.name_word(x[2:])}
            pieces = sorted(x[2:] for x in shared)
            pieces += sorted("next to " + x for x in alone)[: 0 if swap else 1]
            # a cheap edit or a swap needs one shared name (فولوديمير زيلنسكي), not a cue
            need = self.s.context_pieces if cost > self.s.auto_cost else 1
            by_name = any(judge.name_word(x[2:]) for x in shared)
            if (swap or cost <= self.s.auto_cost) and not by_name:
                need = len(pieces) + 1
            if len(pieces) >= need and self.may_support(v, c):
                support[(v, c)] = "shared context " + ", ".join(pieces[:3])
        for pair, why in shown_support(texts, counts, nbs, self.shown, self.candidates, judge):
            support.setdefault(pair, why)  # a name the text shows as one (sixteenth round)
        # a dearer edit a first name before both spellings supports (ninth
        # round), or a consonant dropped from a long name (round 18)
        may = partial(self.may_support, rare=False)
        args = (nbs, need_context, may, self.candidates, support, near)
        return dropped.dearer_support(texts, counts, judge, *args)

    def tiers(
        self,
        scored: list[Scored],
        support: dict[tuple[str, str], str],
        near: set[tuple[str, str]],
    ) -> dict[str, list[Merge]]:
        """The pairs that get a tier, by canonical; the others are dropped."""
        by_canonical: dict[str, list[Merge]] = defaultdict(list)
        for v, c, cost, evidence in scored:
            tier: Tier
            if evidence[-1].startswith("auto"):
                tier = "auto"
            elif (v, c) in support:
                tier = "auto"
                evidence = [*evidence, "auto: " + support[(v, c)]]
            elif cost <= self.s.review_cost or (v, c) in near:
                tier = "review"
            else:
                continue
            by_canonical[c].append(Merge(v, cost, tier, evidence))
        return by_canonical
