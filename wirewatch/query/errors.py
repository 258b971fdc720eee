"""Errors of the query language: a malformed query and a rule that failed to load."""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.errors import InputError

_CARET_CONTEXT = 60  # characters of the query shown on each side of an error's position


class QuerySyntaxError(InputError):
    """A query that cannot be parsed or compiled.

    ``position`` is the 0-based character offset in the query text where the
    problem was found; ``str(error)`` shows the query with a caret under it.
    """

    def __init__(self, message: str, position: int, query: str | None = None) -> None:
        self.message = message
        self.position = position
        self.query = query
        super().__init__(self._render())

    def _render(self) -> str:
        text = f"{self.message} (at position {self.position})"
        if self.query is None or "\n" in self.query:
            return text
        # A window around the position, so a query of thousands of characters gives a readable error.
        start = max(self.position - _CARET_CONTEXT, 0)
        shown = self.query[start : self.position + _CARET_CONTEXT]
        before, after = ("…" if start else ""), ("…" if self.position + _CARET_CONTEXT < len(self.query) else "")
        return f"{text}\n  {before}{shown}{after}\n  {' ' * (len(before) + self.position - start)}^"

    def with_query(self, query: str) -> QuerySyntaxError:
        """The same error, bound to the full query text for the caret line."""
        return QuerySyntaxError(self.message, self.position, query)


@dataclass(frozen=True, slots=True)
class RuleError:
    """A rule that was reported and skipped because its query is malformed."""

    rule_id: str
    rule_name: str
    query: str
    message: str
    position: int

    def __str__(self) -> str:
        return f"rule {self.rule_id!r} ({self.rule_name}): {self.message} at position {self.position}"
