"""Errors of the query language: a malformed query and a rule that failed to load."""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.errors import InputError


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
        return f"{text}\n  {self.query}\n  {' ' * self.position}^"

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
