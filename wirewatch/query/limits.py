"""How big a query may be: checked before parsing, so a hostile or runaway query is refused with a clear
error instead of a RecursionError deep in the parser (or, in Elasticsearch, a too_many_clauses failure).

The limits follow Lucene's own: a query of more than 1,024 clauses is what Lucene's classic `maxClauseCount`
refused, and 32 levels of parentheses are more than any hand-written rule needs while every recursive walk
(compiler, matcher, presearcher, the SQLite and Elasticsearch translations) stays far from Python's stack
limit.
"""

from __future__ import annotations

from wirewatch.query.errors import QuerySyntaxError

MAX_QUERY_CHARS = 20_000
MAX_DEPTH = 32  # levels of nested parentheses
MAX_CLAUSES = 1_024  # terms, phrases and ranges


def check_size(text: str) -> None:
    """Refuse a query longer than MAX_QUERY_CHARS or nested deeper than MAX_DEPTH (QuerySyntaxError).

    Parentheses count where the parser sees them: not inside a quoted phrase, not escaped with a backslash."""
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"query too long: {len(text):,} characters, the limit is {MAX_QUERY_CHARS:,}", MAX_QUERY_CHARS
        )
    depth = 0
    quoted = False
    escaped = False
    for position, ch in enumerate(text):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
            if depth > MAX_DEPTH:
                raise QuerySyntaxError(
                    f"query nested too deeply: more than {MAX_DEPTH} levels of parentheses (the limit)", position
                )
        elif ch == ")":
            depth = max(depth - 1, 0)  # an unbalanced ")" is the parser's error to report, with its position
