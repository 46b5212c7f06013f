"""What is said of the JSON Lines records left as they were: the first few
of each kind of problem, then one line with their count, however long the
file or stream (`ProblemTally` keeps only what it will show)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class _Problem(Protocol):
    @property
    def line(self) -> int: ...

    @property
    def message(self) -> str: ...


def _problem_kind(message: str) -> str:
    """What a problem's `message` says without its details: ``is not valid
    JSON`` for every reason and column, each missing field on its own."""
    message = message.removesuffix("; left unchanged")
    if message.startswith("has no field"):
        return message
    return message.split(" (", 1)[0].split(":", 1)[0]


class ProblemTally:
    """Problems (`arclean.jsonl.Problem`) counted by kind, keeping the
    first `shown` of each: its memory does not grow with the number of
    records, so a stream of a million damaged records costs a few lines."""

    def __init__(self, shown: int = 3) -> None:
        self.shown = shown
        self.kept: list[tuple[int, str]] = []
        self.counts: dict[str, int] = {}

    def add(self, problem: _Problem, line_offset: int = 0) -> None:
        """Count `problem`, whose line is `line_offset` lines further on in
        the whole document (a chunk's records are numbered from 1)."""
        kind = _problem_kind(problem.message)
        count = self.counts[kind] = self.counts.get(kind, 0) + 1
        if count <= self.shown:
            self.kept.append((problem.line + line_offset, problem.message))

    def __len__(self) -> int:
        return sum(self.counts.values())

    def notes(self, label: str) -> list[str]:
        """One note per kept problem (``label:line: record ...``), then for
        each kind with more, one line with the count (a misspelled
        ``--field`` misses in every record: it asks whether it is spelled
        as in the records)."""
        notes = [f"{label}:{line}: record {message}" for line, message in self.kept]
        shown = self.shown
        for kind, count in self.counts.items():
            if count <= shown:
                continue
            if kind.startswith("has no field"):
                what = kind.removeprefix("has ")
                more = count - shown
                records, were = ("record", "was") if more == 1 else ("records", "were")
                # --field meta.text names a top-level key with a dot in it
                hint = (
                    " (a field nested in an object or a list cannot be named)"
                    if "." in what
                    else ""
                )
                notes.append(
                    f"{label}: {more} more {records} with {what} ({count} in all) {were} "
                    f"left unchanged; is --field spelled as in the records?{hint}"
                )
            else:
                what = kind.removeprefix("is ").removeprefix("has ").removeprefix("could ")
                verb = {"is": "are", "has": "have", "could": "could"}[kind.split(" ", 1)[0]]
                more = count - shown
                records, were = ("record", "was") if more == 1 else ("records", "were")
                if more == 1:
                    verb = {"are": "is", "have": "has"}.get(verb, verb)
                notes.append(
                    f"{label}: {more} more {records} that {verb} {what} ({count} in all) "
                    f"{were} left unchanged"
                )
        return notes


def problem_notes(label: str, problems: Iterable[_Problem], shown: int = 3) -> list[str]:
    """One note per problem, but of each kind of problem (a missing field: a
    misspelled ``--field`` misses in every record; a line that is not valid
    JSON, whatever the reason) only the first `shown` records, then one line
    with the count: a damaged file of a million records gives a few lines."""
    tally = ProblemTally(shown)
    for problem in problems:
        tally.add(problem)
    return tally.notes(label)


def strict_refusal(count: int, check: bool, written: str) -> str:
    """What ``--strict`` says when `count` records could not be read or
    cleaned: with `check`, that they could not be checked; otherwise that
    they were left as they were and what became of the output (`written`:
    "file left unchanged", "nothing written")."""
    if check:
        return f"{count} record(s) could not be checked (--strict)"
    return f"{count} record(s) left as they were (--strict: {written})"
