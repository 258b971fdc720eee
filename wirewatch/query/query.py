"""A compiled query: match, highlight and pre-filter one document at a time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wirewatch.query.compiler import compile_query
from wirewatch.query.context import DocumentContext
from wirewatch.query.errors import QuerySyntaxError
from wirewatch.query.fields import DEFAULT_FIELDS, field_values
from wirewatch.query.highlight import field_fragments
from wirewatch.query.nodes import Node, PresearchKey, Span


def now_millis(now: datetime | None) -> int | None:
    return None if now is None else int(now.timestamp() * 1000)


class Query:
    """A parsed, compiled query. Build it with ``parse_query``."""

    __slots__ = ("root", "text")

    def __init__(self, text: str, root: Node) -> None:
        self.text = text
        self.root = root

    def __repr__(self) -> str:
        return f"Query({self.text!r})"

    def context(self, doc: dict[str, Any], now: datetime | None = None) -> DocumentContext:
        return DocumentContext(doc, now_millis(now))

    def match(self, doc: dict[str, Any] | DocumentContext, now: datetime | None = None) -> list[str] | None:
        """None when the document does not match; else the matched terms, in query order.

        ``now`` (default: the current time) anchors date math such as ``now-1d``.
        ``doc`` may be a DocumentContext to share analysis across queries.
        """
        ctx = doc if isinstance(doc, DocumentContext) else DocumentContext(doc, now_millis(now))
        return match_context(self.root, ctx)

    def highlights(
        self,
        doc: dict[str, Any],
        pre: str = "«",
        post: str = "»",
        fragment_chars: int = 160,
        max_fragments: int = 3,
    ) -> dict[str, list[str]]:
        """Per text field, fragments with the tokens the query matches wrapped in pre/post."""
        ctx = DocumentContext(doc)
        result: dict[str, list[str]] = {}
        for field in DEFAULT_FIELDS:
            spans: list[Span] = []
            self.root.spans(ctx, field, spans)
            if spans:
                values = [v for v in field_values(doc, field) if isinstance(v, str)]
                found = field_fragments(values, spans, pre, post, fragment_chars, max_fragments)
                if found:
                    result[field] = found
        return result

    def fts_prefilter(self) -> str | None:
        """An FTS5 MATCH expression (columns title, text) selecting a superset of the matches."""
        return self.root.fts()

    def required_keys(self) -> frozenset[PresearchKey] | None:
        """Presearch keys one of which every matching document has (None: unknown)."""
        return self.root.required()


def match_context(root: Node, ctx: DocumentContext) -> list[str] | None:
    matched: list[str] = []
    if not root.match(ctx, matched):
        return None
    return list(dict.fromkeys(matched)) if len(matched) > 1 else matched


def parse_query(text: str) -> Query:
    """Parse and compile ``text``; raises QuerySyntaxError with a 0-based position."""
    if not isinstance(text, str):
        raise QuerySyntaxError("a query must be a string", 0)
    try:
        return Query(text, compile_query(text))
    except QuerySyntaxError as exc:
        raise exc.with_query(text) from None
