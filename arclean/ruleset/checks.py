"""Checks of a rule file beyond its shape: each pattern tried on a short
text with a time limit (and its replacement expanded), and word lists read
safely, confined to the rule file's folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from arclean.errors import RuleFileError
from arclean.ruleset.patterns import check_template

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule

#: How the loader reports a problem: message, and the key it is about.
Fail = Callable[..., RuleFileError]


#: How long a pattern may take on the trial text at load time, in seconds.
TRIAL_TIMEOUT = 1.0
#: A short text every pattern is tried on when its rule file is loaded.
_TRIAL_TEXT = (
    "قال المعلم ، «هذا كتابٌ جديدٌ» ... ثم مضى إلى المدرسة؛ والطلاب ٣ أو 4 !\n"
    "كَتَبَ مُحَمَّدٌ   الدرسَ     ـــ   https://example.com/a?b=c   a@b.org\n"
    + "ا" * 46
    + "\n"
    + "ا" * 30
    + "!\n"
)


def trial_match(rule: Rule, fail: Fail) -> None:
    """Run the rule's patterns over a short text (and its examples) with a
    time limit, and expand its replacement on a match: a pattern that
    backtracks catastrophically or a template that cannot expand is an
    error now, naming the rule, not a hang or a crash on the user's text."""
    patterns = [("pattern", p) for p in (rule.compiled,) if p is not None]
    patterns += [("exceptions", p) for p in rule.compiled_exceptions]
    if rule.kind == "regex" and rule.compiled is not None:
        problem = check_template(rule.compiled, rule.replace or "")
        if problem:
            raise fail(problem, "replace")
    texts = [_TRIAL_TEXT, *(e.input for e in rule.examples)]
    for key, pattern in patterns:
        for text in texts:
            try:
                for m in pattern.finditer(text, timeout=TRIAL_TIMEOUT):
                    if key == "pattern" and rule.kind == "regex" and rule.replace:
                        m.expand(rule.replace)
            except TimeoutError:
                raise fail(
                    f"the pattern takes more than {TRIAL_TIMEOUT:g} s on a short trial text: "
                    "it backtracks catastrophically (nested or overlapping repeats such as "
                    "(a|a)+ or (a+)+); rewrite it",
                    key,
                ) from None
            except (regex.error, IndexError) as exc:
                raise fail(f"the replacement cannot be used: {exc}", "replace") from None
            except (MemoryError, RecursionError):
                raise fail("the pattern needs too much memory on a short trial text", key) from None


#: The largest word list read, in bytes.
MAX_WORDS_FILE = 64 * 1024 * 1024


def read_word_file(name: str, base_dir: Path | None, fail: Fail) -> dict[str, str]:
    """Read a TSV word list (``from<TAB>to``, ``#`` comments) next to the rule
    file: inside the rule file's folder (no ``..`` or link out of it), a
    regular file of at most `MAX_WORDS_FILE` bytes.  Errors never quote the
    file's content (it may be a secret the path was pointed at)."""
    import os

    from arclean.errors import InputError
    from arclean.io.read import read_source

    if base_dir is None:
        raise fail(f"words-file {name!r} cannot be resolved here", "words-file")
    target = base_dir / name
    folder = os.path.realpath(base_dir)
    if os.path.commonpath([folder, os.path.realpath(target)]) != folder:
        raise fail(f"words-file {name!r} is outside the rule file's folder; refused", "words-file")
    try:
        size = os.stat(target).st_size
        if size > MAX_WORDS_FILE:
            raise fail(
                f"words-file {name!r} is larger than {MAX_WORDS_FILE >> 20} MB; refused",
                "words-file",
            )
        text = read_source(target).text
    except InputError as exc:
        message = str(exc).split(": ", 1)[-1].split(";")[0]
        raise fail(f"cannot read words-file {name!r}: {message}", "words-file") from None
    except OSError as exc:
        raise fail(f"cannot read words-file {name!r}: {exc.strerror}", "words-file") from None
    words: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0]:
            raise fail(f"words-file {name!r}, line {number}: expected 'from<TAB>to'", "words-file")
        words[parts[0]] = parts[1]
    return words
