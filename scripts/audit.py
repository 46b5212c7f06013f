"""Audit the default profile on real text.

Runs the default profile over the corpus in ``../shared/corpus`` (relative to
the repository root; missing files are skipped) and reports, for every rule,
how often it changes or flags something per 10,000 words, with sampled
before/after lines.  On the Hindawi books (edited, clean text) it also
measures which rules change the letters of a word, as opposed to
punctuation, spacing, marks and invisible characters.

    PYTHONPATH=. python scripts/audit.py                 # writes docs/audit.md, docs/rules.md
    PYTHONPATH=. python scripts/audit.py --samples 50 --dump /tmp/audit.txt

Each file is sampled (evenly spaced lines, up to ``--max-chars`` characters)
and cleaned in chunks of ``--chunk`` lines, so that rules deciding per text
(the tanween majority) see a passage, not a single line.
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from arclean.api import Cleaner  # noqa: E402
from arclean.builtins import BUILTINS  # noqa: E402
from arclean.ruleset import RuleSet  # noqa: E402
from arclean.text.display import visible  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
#: (label, path under the corpus, is it an edited book?)
FILES = (
    ("hindawi-history", "plain/hindawi_history.txt", True),
    ("hindawi-novels", "plain/hindawi_novels.txt", True),
    ("hindawi-translated", "plain/hindawi_translated.txt", True),
    ("wikipedia", "plain/arcd_wikipedia_paragraphs.txt", False),
    ("pud", "ud/pud_ar_test.text.txt", False),
    ("aqmar", "ner/aqmar_train.sentences.txt", False),
    ("tashkeela", "diacritized/tashkeela_aliosm_test.txt", False),
    ("wikinews-diac", "diacritized/camel_WikiNewsMax.sentences.original_gold.txt", False),
    ("tweets", "messy/arsarcasm_tweets.txt", False),
    ("ocr", "messy/arafix_ocr_raw_all.txt", False),
)
MARK_DOC_SAMPLES = 4
FINDINGS_MARKER = "<!-- Hand-written findings below this line are kept by scripts/audit.py -->"
_LETTERS_RE = regex.compile(r"[^\p{L}]|\N{ARABIC TATWEEL}", regex.VERSION1)


def letters(text: str) -> str:
    """The letters of `text`: what is left without punctuation, spaces,
    digits, marks, tatweel and invisible characters."""
    return _LETTERS_RE.sub("", text)


@dataclass
class Sample:
    source: str
    before: str
    after: str


@dataclass
class Tally:
    words: Counter[str] = field(default_factory=Counter)
    hits: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    samples: dict[str, list[Sample]] = field(default_factory=lambda: defaultdict(list))
    letter_changes: Counter[str] = field(default_factory=Counter)
    boundary_changes: Counter[str] = field(default_factory=Counter)
    book_words: int = 0


def sample_lines(path: Path, max_chars: int) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    total = sum(len(line) + 1 for line in lines)
    if total <= max_chars:
        return lines
    step = total / max_chars
    # Evenly spaced runs of lines: every part of the file is represented.
    picked, budget, next_at, position = [], 0, 0.0, 0
    for line in lines:
        if position >= next_at and budget < max_chars:
            picked.append(line)
            budget += len(line) + 1
            next_at = position + (len(line) + 1) * step
        position += len(line) + 1
    return picked


def context(text: str, start: int, end: int, new: str, width: int = 40) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, start - width) : start]
    right = text[end : min(line_end, end + width)]
    return left + "⟦" + text[start:end] + "⟧" + right, left + "⟦" + new + "⟧" + right


def audit(args: argparse.Namespace) -> tuple[Tally, list[str], float]:
    cleaner = Cleaner()
    tally = Tally()
    used: list[str] = []
    started = time.time()
    for label, relative, is_book in FILES:
        path = CORPUS / relative
        if not path.is_file():
            continue
        used.append(label)
        lines = sample_lines(path, args.max_chars)
        for i in range(0, len(lines), args.chunk):
            text = "\n".join(lines[i : i + args.chunk]) + "\n"
            words = len(text.split())
            tally.words[label] += words
            if is_book:
                tally.book_words += words
            outcome = cleaner.fix(text)
            for change in outcome.changes:
                for code in change.codes:
                    tally.hits[code][label] += 1
                    before, after = context(text, change.start, change.end, change.new)
                    tally.samples[code].append(Sample(label, before, after))
                if is_book:
                    key = "+".join(change.codes)
                    if letters(change.old) != letters(change.new):
                        tally.letter_changes[key] += 1
                    elif _joins_words(text, change.start, change.end, change.new):
                        tally.boundary_changes[key] += 1
            for finding in outcome.findings:
                tally.hits[finding.code][label] += 1
                # Findings are positions in the cleaned text.
                fixed = outcome.text
                before, _ = context(
                    fixed, finding.start, finding.end, fixed[finding.start : finding.end]
                )
                tally.samples[finding.code].append(Sample(label, before, "(reported)"))
        print(f"{label}: {tally.words[label]} words, {time.time() - started:.0f}s", file=sys.stderr)
    return tally, used, time.time() - started


def _joins_words(text: str, start: int, end: int, new: str) -> bool:
    """A space between two words removed (و الحرب → والحرب)."""
    old = text[start:end]
    if new or not old or old.strip():
        return False
    left = text[start - 1] if start else " "
    right = text[end] if end < len(text) else " "
    return (left.isalpha() or unicodedata.category(left) == "Mn") and right.isalpha()


def spread(samples: list[Sample], count: int) -> list[Sample]:
    """`count` samples spread over all the sources, in order."""
    if len(samples) <= count:
        return samples
    step = len(samples) / count
    return [samples[int(i * step)] for i in range(count)]


def rate(hits: int, words: int) -> str:
    return f"{hits * 10_000 / words:.2f}" if words else "-"


def write_audit(tally: Tally, used: list[str], seconds: float, args: argparse.Namespace) -> str:
    cleaner = Cleaner()
    total_words = sum(tally.words[label] for label in used)
    out = [
        "# Audit of the default profile on real text",
        "",
        "Generated by `PYTHONPATH=. python scripts/audit.py` "
        f"(sample of up to {args.max_chars:,} characters per file, chunks of {args.chunk} "
        f"lines; {total_words:,} words in {seconds:.0f} s).  Rates are changes (or findings, "
        "for check rules) per 10,000 words.  The corpus is `../shared/corpus` (see its "
        "SOURCES.md); nothing from it is shipped.",
        "",
        "| file | words |",
        "|---|---:|",
        *(f"| {label} | {tally.words[label]:,} |" for label in used),
        "",
        "## Rates per rule",
        "",
        "| rule | slug | total | per 10k words | " + " | ".join(used) + " |",
        "|---|---|---:|---:|" + "---:|" * len(used),
    ]
    for rule in cleaner.rules:
        hits = tally.hits.get(rule.code, Counter())
        total = sum(hits.values())
        cells = " | ".join(rate(hits[label], tally.words[label]) for label in used)
        out.append(
            f"| {rule.code} | {rule.slug} | {total} | {rate(total, total_words)} | {cells} |"
        )
    out += [
        "",
        "## Letters changed on the Hindawi books",
        "",
        f"On {tally.book_words:,} words of the edited Hindawi books, changes whose letters "
        "differ before and after (ignoring punctuation, spaces, digits, marks, tatweel and "
        "invisible characters), by the rules that made them:",
        "",
        "| rules | changes that alter letters | changes that join two words |",
        "|---|---:|---:|",
    ]
    keys = sorted(set(tally.letter_changes) | set(tally.boundary_changes))
    out += [f"| {k} | {tally.letter_changes[k]} | {tally.boundary_changes[k]} |" for k in keys] or [
        "| (none) | 0 | 0 |"
    ]
    out += ["", "## Samples", ""]
    for rule in cleaner.rules:
        samples = spread(tally.samples.get(rule.code, []), MARK_DOC_SAMPLES)
        if not samples:
            continue
        out.append(f"**{rule.code} {rule.slug}**")
        out.append("")
        for s in samples:
            out.append(f"- {s.source}: `{visible(s.before)}` → `{visible(s.after)}`")
        out.append("")
    previous = (
        (REPO / "docs" / "audit.md").read_text(encoding="utf-8")
        if (REPO / "docs" / "audit.md").is_file()
        else ""
    )
    findings = previous.split(FINDINGS_MARKER, 1)[1] if FINDINGS_MARKER in previous else "\n"
    out += [FINDINGS_MARKER]
    return "\n".join(out) + findings


README_START = "<!-- audit:rules -->"
README_END = "<!-- /audit:rules -->"


def readme_table(tally: Tally, used: list[str]) -> str:
    """The README's table of the default profile's rules with audited rates."""
    ruleset = RuleSet.load()
    total_words = sum(tally.words[label] for label in used)
    lines = [
        "| code | group | fix or check | audited rate /10k words | what it does |",
        "|---|---|---|---:|---|",
    ]
    for rule in ruleset.select(profile="default"):
        hits = sum(tally.hits.get(rule.code, Counter()).values())
        # an unsafe fix is not applied by default: the rule reports (AR206)
        kind = (
            "check" if not rule.fixes else "fix" if rule.safety == "safe" else "check (unsafe fix)"
        )
        message = rule.message.replace("|", "\\|")
        lines.append(
            f"| {rule.code} | {rule.group} | {kind} | {rate(hits, total_words)} | {message} |"
        )
    return "\n".join(lines)


def update_readme(table: str) -> bool:
    """Replace the README's audited table (between markers); False if absent."""
    path = REPO / "README.md"
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    path.write_text(f"{head}{README_START}\n{table}\n{README_END}{tail}", encoding="utf-8")
    return True


def rules_doc(tally: Tally | None, used: list[str]) -> str:
    ruleset = RuleSet.load()
    total_words = sum(tally.words[label] for label in used) if tally else 0
    out = [
        "# Rules",
        "",
        "Every shipped rule.  *default*: on in the default profile; *opt-in*: off until "
        "selected (`--select CODE`) or configured; *search*: on in the `search` profile "
        "(which also implies unsafe fixes); *check*: reports, never changes.  The audited "
        "rate is changes (findings, for checks) per 10,000 words of the real-text corpus, "
        "from `scripts/audit.py` (see [audit.md](audit.md)); opt-in rules are not audited.",
        "",
        "| code | slug | group | on in | safety | audited rate /10k words | message |",
        "|---|---|---|---|---|---:|---|",
    ]
    for rule in ruleset.select(select=["ALL"]):
        if not rule.fixes:
            status = "check" if rule.default else "check (opt-in)"
        elif rule.default:
            status = "default"
        elif rule.profiles:
            status = ", ".join(rule.profiles)
        else:
            status = "opt-in"
        safety = rule.safety if rule.fixes else "-"
        audited = (
            rate(sum(tally.hits.get(rule.code, Counter()).values()), total_words)
            if tally and rule.default
            else ""
        )
        message = rule.message.replace("|", "\\|")
        out.append(
            f"| {rule.code} | {rule.slug} | {rule.group} | {status} | {safety} | {audited} "
            f"| {message} |"
        )
    out += [
        "",
        "## Options",
        "",
        "Built-in rules take options (`options = {...}` in the rule file; a configuration "
        "file will set them per project):",
        "",
        "| rule | option | values (default first) |",
        "|---|---|---|",
    ]
    choices = {
        "convention": "`majority`, `before-alef` (كتابًا), `on-alef` (كتاباً)",
        "style": '`guillemets` («…»), `curly-rtl` (”…“), `straight` ("…")',
        "target": "`western` (0-9 . , %) or `arabic-indic` (٠-٩ ٫ ٬ ٪)",
        "list": "a file of lines next to the rule file (default `boilerplate.txt`)",
        "pairs": "list of two-character strings: opening and closing mark",
    }
    for rule in ruleset.select(select=["ALL"]):
        name = rule.function or rule.check
        if not name or name not in BUILTINS:
            continue
        for option in BUILTINS[name].options:
            current = rule.option(option)
            out.append(f"| {rule.code} | `{option}` = `{current!s}` | {choices.get(option, '')} |")
    out += ["", "## Word lists", ""]
    for rule in ruleset.select(select=["ALL"]):
        if rule.kind == "words":
            out.append(f"- {rule.code} {rule.slug}: {len(rule.words)} entries")
    return "\n".join(out) + "\n"


def dump(tally: Tally, count: int, target: Path) -> None:
    cleaner = Cleaner()
    lines = []
    for rule in cleaner.rules:
        samples = spread(tally.samples.get(rule.code, []), count)
        lines.append(f"== {rule.code} {rule.slug}: {len(tally.samples.get(rule.code, []))} hits")
        for s in samples:
            lines.append(f"  [{s.source}] {visible(s.before)}")
            lines.append(f"  {' ' * (len(s.source) + 2)} {visible(s.after)}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-chars", type=int, default=600_000)
    parser.add_argument("--chunk", type=int, default=100)
    parser.add_argument("--samples", type=int, default=50, help="samples per rule for --dump")
    parser.add_argument("--dump", type=Path, help="write every rule's samples to this file")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    tally, used, seconds = audit(args)
    if args.dump:
        dump(tally, args.samples, args.dump)
    if not args.no_write:
        (REPO / "docs").mkdir(exist_ok=True)
        (REPO / "docs" / "audit.md").write_text(write_audit(tally, used, seconds, args), "utf-8")
        (REPO / "docs" / "rules.md").write_text(rules_doc(tally, used), encoding="utf-8")
        update_readme(readme_table(tally, used))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
