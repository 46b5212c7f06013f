"""The `names review` loop, apart from the terminal: a person decides each
cluster in turn; every decision is saved at once, so an interrupted review
(Ctrl-C, end of input) keeps what was decided and the next run resumes
where it stopped (decided clusters no longer come up; skipped ones are
remembered in `Session.skipped`, kept by the CLI beside the glossary).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from arclean.chars import ARABIC_MARKS, NAME_WORD_CONTINUE, REGEX_FLAGS, TATWEEL
from arclean.lazy_pattern import lazy_compile
from arclean.names.glossary import Entry, Glossary
from arclean.names.model import Cluster, Member
from arclean.names.report import NO_EVIDENCE, TIER_WORDS, change_words, explain
from arclean.names.tokens import fold_word

KEYS = (
    "a accept the automatic spellings (review-tier ones are asked for), "
    "x N exclude member N, e edit the kept spelling, r reject the cluster, "
    "s skip, q quit (decisions are saved)"
)
_NAME_WORD = rf"{NAME_WORD_CONTINUE}(?:{NAME_WORD_CONTINUE}|\N{{ZERO WIDTH NON-JOINER}})*"
_NAME_SPELLING = lazy_compile(rf"{_NAME_WORD}(?: {_NAME_WORD})*", REGEX_FLAGS)
PROMPT = "[a]ccept, e[x]clude N, [e]dit canonical, [r]eject, [s]kip, [q]uit"


class Stop(Exception):
    """The person quit (q, Ctrl-C or end of input); decisions are saved."""


@dataclass
class Session:
    """One review: the glossary it writes, `save` (called after every
    decision that changed the glossary, and every skip), `ask(prompt,
    default) -> str` and `say(text)` for the terminal, and the canonicals
    skipped so far.  `decided` counts the decisions this run saved to the
    glossary (an entry, an excluded member, a rejected cluster), `skips`
    the clusters it skipped."""

    glossary: Glossary
    save: Callable[[], None]
    ask: Callable[[str, str], str]
    say: Callable[[str], None]
    skipped: set[str] = field(default_factory=set)
    decided: int = 0
    skips: int = 0

    def pending(self, clusters: Sequence[Cluster]) -> list[Cluster]:
        """The clusters still to decide: not from the glossary, not skipped."""
        return [
            cl
            for cl in clusters
            if cl.tier is not None
            and "glossary" not in cl.evidence
            and cl.canonical not in self.skipped
        ]

    def run(self, clusters: Sequence[Cluster], total: int, done: int = 0) -> None:
        """Ask about each cluster ("cluster N of M" counts from `done`)."""
        if done:
            self.say(
                f"{done} of {total} clusters already decided (in the glossary, or "
                "skipped before: --restart asks about those again); going on from there"
            )
        for i, cl in enumerate(clusters, done + 1):
            self.one(cl, i, total)

    def one(self, cl: Cluster, i: int, total: int) -> None:
        members = [m for m in cl.members if m.tier or m.form == cl.canonical]
        canonical = cl.canonical
        while True:
            self.say(
                f"\ncluster {i} of {total}: {canonical} ({TIER_WORDS.get(cl.tier or '', '-')}; "
                f"{change_words(cl)})"
            )
            for n, m in enumerate(members, 1):
                self.say(" " + _line(n, m, canonical))
            choice = self.ask(PROMPT, "s").strip()
            cmd, _, arg = choice.partition(" ")
            arg = arg.strip()
            if cmd == "a":
                self._accept(cl, members, canonical)
                return
            if cmd == "x":
                if not (arg.isdigit() and 1 <= int(arg) <= len(members)):
                    self.say(f"x needs a member number from 1 to {len(members)} (x 2)")
                    continue
                if members[int(arg) - 1].form == canonical:
                    self.say(
                        f"{canonical} is the kept spelling: it cannot be excluded "
                        "(e edits it, r rejects the whole cluster)"
                    )
                    continue
                gone = members.pop(int(arg) - 1)
                before = len(self.glossary.rejections)
                self.glossary.add_rejection(gone.form, canonical)
                self._saved(len(self.glossary.rejections) > before)
                continue
            if cmd == "e":
                new = arg or self.ask("kept spelling", canonical).strip() or canonical
                if not is_name_spelling(new):
                    self.say(
                        f"{new!r} cannot be a kept spelling: a name is Arabic letters without "
                        "vowel marks or tatweel, one space between words; kept spelling unchanged"
                    )
                    continue
                if self._plausible(new, members):
                    canonical = new
                continue
            if cmd == "r":
                before = len(self.glossary.rejections)
                for m in members:
                    if m.form != canonical:
                        self.glossary.add_rejection(m.form, canonical)
                self._saved(len(self.glossary.rejections) > before)
                return
            if cmd == "s" or cmd == "":
                self.skipped.add(cl.canonical)
                self.skips += 1
                self.save()
                return
            if cmd == "q":
                raise Stop
            self.say(f"unknown choice {choice!r}: {KEYS}")

    def _accept(self, cl: Cluster, members: list[Member], canonical: str) -> None:
        variants = [m.form for m in members if m.form != canonical and m.tier == "auto"]
        unsure = [m.form for m in members if m.form != canonical and m.tier != "auto"]
        while unsure:
            answer = (
                self.ask(
                    f"also accept {', '.join(unsure)}, which need a person "
                    "(not known as one name)? [y/N]",
                    "n",
                )
                .strip()
                .lower()
            )
            if answer in ("y", "yes"):
                variants += unsure
            elif answer not in ("", "n", "no"):
                self.say(f"unknown answer {answer!r}: y accepts them, n (or Enter) does not")
                continue
            break
        if variants:
            entry = Entry(canonical, variants, cl.type)
            self.glossary.entries.append(entry)
        else:
            self.say("nothing accepted")
        self._saved(bool(variants))

    def _plausible(self, new: str, members: Sequence[Member]) -> bool:
        """`new` may be kept for these members: one of their spellings, or
        close to one (`close`); otherwise the person confirms it (a typo,
        or another name, would rewrite every member into it)."""
        if any(close(new, m.form) for m in members):
            return True
        forms = ", ".join(m.form for m in members)
        while True:
            answer = self.ask(
                f"{new} is unlike every spelling here ({forms}): every one of them would "
                "be rewritten into it. Keep it anyway? [y/N]",
                "n",
            )
            answer = answer.strip().lower()
            if answer in ("y", "yes"):
                return True
            if answer in ("", "n", "no"):
                self.say("kept spelling unchanged")
                return False
            self.say(f"unknown answer {answer!r}: y keeps it, n (or Enter) does not")

    def _saved(self, changed: bool) -> None:
        """Save a decision that `changed` the glossary (one that added
        nothing is no decision saved, and creates no file)."""
        if changed:
            self.decided += 1
            self.save()


def read_skipped(text: str) -> set[str]:
    """The kept spellings of the clusters skipped before, from the text of
    the ``.skipped`` file: one a line, a compound name's words on one line
    (عبد الرحمن), so lines, not words, are read."""
    return {line.strip() for line in text.splitlines() if line.strip()}


def dump_skipped(skipped: set[str]) -> str:
    """The text of the ``.skipped`` file that `read_skipped` reads back."""
    return "".join(f"{w}\n" for w in sorted(skipped))


def is_name_spelling(spelling: str) -> bool:
    """Can `spelling` be a name's kept spelling: Arabic-script letters
    (`NAME_WORD_CONTINUE`, less the harakat and tatweel) with one space
    between words?  Quotes, brackets, digits and Latin letters are refused:
    a kept spelling with them would write them into every text the glossary
    fixes; so are vowel marks (they would be spread over every bare
    occurrence) and tatweel (AR401 removes it: the fix would never settle)."""
    if TATWEEL in spelling or any(ch in ARABIC_MARKS for ch in spelling):
        return False
    return _NAME_SPELLING.fullmatch(spelling) is not None


def close(new: str, form: str) -> bool:
    """A kept spelling a person may type for a member `form` without being
    asked again: equal after folding, or at most a third of its letters
    (at least one) apart (Levenshtein distance, `rapidfuzz`)."""
    from rapidfuzz.distance import Levenshtein

    a, b = fold_word(new), fold_word(form)
    return Levenshtein.distance(a, b) <= max(1, min(len(a), len(b)) // 3)


def _line(n: int, m: Member, canonical: str) -> str:
    if m.form == canonical:
        head = f"*{n}. {m.form} ×{m.count}  kept spelling"
    else:
        tier = TIER_WORDS.get(m.tier or "", "not merged")
        head = f" {n}. {m.form} ×{m.count}  {tier}: {'; '.join(explain(m.evidence)) or NO_EVIDENCE}"
    return head + (f"\n       {m.kwic}" if m.kwic else "")
