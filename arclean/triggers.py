"""The trigger characters of an engine's rules, tested together on a short
text (`arclean.engine`): which of them the text holds is found once per
version of the text, and each rule's test is then one set operation, not a
search of the text per rule (a tweet: 27 rules' tests, most of the cost of
cleaning it).  The answers are those of `CompiledRule.may_match`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from arclean.chars import char_class
from arclean.compiled import CompiledRule

#: Texts up to this many code points have their trigger characters found
#: once for all the rules (`Triggers.held`); a longer text is searched per
#: rule (`CompiledRule.may_match`), as the searches are few per version.
SHORT_TEXT = 2048
#: A trigger of more characters than this (the presentation forms: 832) is
#: left to the rule's own search (one class search), not tested character
#: by character.
_FEW = 16
#: Trigger characters most texts hold (`Triggers.held`).
_COMMON = frozenset(" .،")
#: How many sets of characters `Triggers.absent` keeps answers for.
_KEPT = 4096


class Triggers:
    """For each rule of `rules` (in order): its trigger characters as a set
    (None: the rule may match any text) and whether they are few enough to
    be found with the others (`held`)."""

    def __init__(self, rules: Sequence[CompiledRule]) -> None:
        #: Each rule's trigger characters (None: always runs).
        self.sets: list[frozenset[str] | None] = [
            frozenset(rule.trigger) if rule.trigger is not None else None for rule in rules
        ]
        #: Each rule's trigger is tested by `held` (not by its own search).
        self.few = [rule.trigger is not None and len(rule.trigger) <= _FEW for rule in rules]
        #: What a fold (`CompiledRule.fold`) writes, as characters.
        self.folds: list[frozenset[str]] = [
            frozenset(rule.fold.values()) if rule.fold is not None else frozenset()
            for rule in rules
        ]
        chars = {
            ch
            for rule, few in zip(rules, self.few, strict=True)
            if few
            for ch in rule.trigger or ""
        }
        # The characters most texts hold are looked for one by one (a class
        # search would stop at each); the others by one class search.
        self._common = [ch for ch in sorted(_COMMON) if ch in chars]
        rest = chars.difference(_COMMON)
        self._rest = re.compile(char_class(frozenset(rest))) if rest else None
        #: The other triggers as one class each, searched in a short text
        #: (`CompiledRule.may_match` finds them through the text's bytes,
        #: faster on a long text only).
        self.classes = [
            re.compile(char_class(rule.trigger)) if rule.trigger is not None and not few else None
            for rule, few in zip(rules, self.few, strict=True)
        ]
        # `absent` for each `held` seen lately (short texts hold few sets).
        self._absent: dict[frozenset[str], tuple[bool, ...]] = {}

    def held(self, text: str) -> frozenset[str]:
        """The characters of the `few` triggers that `text` holds."""
        found = set(self._rest.findall(text)) if self._rest is not None else set()
        for ch in self._common:
            if ch in text:
                found.add(ch)
        return frozenset(found)

    def absent(self, held: frozenset[str]) -> list[bool]:
        """For each rule, whether its trigger is one of the few and `held`
        (``self.held(text)``) has none of its characters: then
        ``rule.may_match(text)`` is false."""
        known = self._absent.get(held)
        if known is None:
            if len(self._absent) >= _KEPT:
                self._absent.clear()
            known = self._absent[held] = tuple(
                few and chars is not None and chars.isdisjoint(held)
                for chars, few in zip(self.sets, self.few, strict=True)
            )
        return list(known)

    def may_match(
        self, index: int, rule: CompiledRule, text: str, held: frozenset[str] | None
    ) -> bool:
        """``rule.may_match(text)`` for the rule at `index`; `held` is
        ``self.held(text)`` for a short text, None for a long one."""
        chars = self.sets[index]
        if chars is None:
            return True
        if held is None:
            return rule.may_match(text)
        if self.few[index]:
            return not chars.isdisjoint(held)
        search = self.classes[index]
        return search is not None and search.search(text) is not None
