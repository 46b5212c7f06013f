"""The trigger characters of an engine's rules, tested together on a short
text (`arclean.engine`): which of them the text holds is found once per
version of the text, and each rule's test is then one set operation, not a
search of the text per rule (a tweet: 27 rules' tests, most of the cost of
cleaning it).  The answers are those of `CompiledRule.may_match`."""

from __future__ import annotations

from collections.abc import Sequence

from arclean.compiled import CompiledRule

#: Texts up to this many code points have their trigger characters found
#: once for all the rules (`Triggers.held`); a longer text is searched per
#: rule (`CompiledRule.may_match`), as the searches are few per version.
SHORT_TEXT = 2048
#: A trigger of more characters than this (the presentation forms: 832) is
#: left to the rule's own search (one class search), not tested character
#: by character.
_FEW = 16


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
        self._chars = "".join(sorted(chars))

    def held(self, text: str) -> frozenset[str]:
        """The characters of the `few` triggers that `text` holds."""
        return frozenset(filter(text.__contains__, self._chars))

    def present(self, index: int, rule: CompiledRule, text: str, held: frozenset[str]) -> bool:
        """``rule.may_match(text)`` for the rule at `index`, with `held`
        (``self.held(text)``) when its trigger is one of the few."""
        chars = self.sets[index]
        if chars is None:
            return True
        if self.few[index]:
            return not chars.isdisjoint(held)
        return rule.may_match(text)
