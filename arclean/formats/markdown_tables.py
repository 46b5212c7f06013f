"""Markdown tables with a Persian, Kurdish or Urdu column.

An Arabic-Persian glossary sets the same word in two columns (كتاب |
کتاب): ک and ی are right in the Persian cell and a Persian-keyboard slip in
the Arabic one, and nothing in the cell itself tells them apart.  A column
that `arclean.text.foreign.foreign_column` reads as Persian (a letter only
those languages write in one of its cells, or a header naming the
language) is left to its own spelling: the rules for Persian-keyboard
letters and for joining و (Persian writes و apart) are off in its cells.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from arclean.text.foreign import foreign_column
from arclean.text.spans import Range, Span

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Rules off in the cells of a Persian column.
FOREIGN_COLUMN_DISABLED = frozenset({"AR109", "AR403", "AR404", "AR405", "AR406", "AR407"})


class Columns:
    """Collects the cells of the tables of one document, column by column,
    as the token stream goes by (`see` every token, `cell` every cell and
    `prose` its ranges once aligned), and tells which prose ranges are in a
    Persian column."""

    def __init__(self) -> None:
        self._column = -1
        #: column -> (cell text, the cell's prose ranges) of the current table
        self._cells: dict[int, list[tuple[str, list[Range]]]] = {}
        self.foreign: list[Range] = []

    def see(self, tok: Token) -> None:
        if tok.type == "tr_open":
            self._column = -1
        elif tok.type in ("th_open", "td_open"):
            self._column += 1
        elif tok.type == "table_close":
            for cells in self._cells.values():
                header, *rest = (text for text, _ in cells)
                if foreign_column(header, rest):
                    self.foreign.extend(r for _, ranges in cells for r in ranges)
            self._cells = {}

    def cell(self, text: str) -> None:
        """A cell of the current column, with the text `text`."""
        self._cells.setdefault(self._column, []).append((text, []))

    def prose(self, ranges: list[Range]) -> None:
        """The prose ranges of the cell `cell` saw last."""
        self._cells[self._column][-1][1].extend(ranges)

    def disable(self, spans: list[Span]) -> list[Span]:
        """`spans` with `FOREIGN_COLUMN_DISABLED` added to those inside a
        Persian column's cells (a span lies within one cell's range)."""
        if not self.foreign:
            return spans
        self.foreign.sort()
        starts = [s for s, _ in self.foreign]
        out = []
        for span in spans:
            i = bisect.bisect_right(starts, span.start) - 1
            if i >= 0 and span.end <= self.foreign[i][1]:
                span = Span(span.start, span.end, span.disabled | FOREIGN_COLUMN_DISABLED)
            out.append(span)
        return out
