"""The folded copies of a dispatch's text, and the query that searches them, for Elasticsearch.

The node the tests run on (and any node without the analysis-common module) has no folding token filter, so
wirewatch folds in Python (wirewatch.query.folding), the same function the SQLite store and the in-stream
matcher use: the sink writes ``search.title`` and ``search.text``, the folded title and text, beside the
originals when folding changes them (an English dispatch in plain ASCII carries none), and the query sent as
``query_string`` is rewritten so that every term on a text field is folded and looks in both the field and its
folded copy: ``text:État`` becomes ``(search.text:Etat OR text:Etat)``. Terms with no field are folded and
looked for in the four fields. A term on a keyword field (``officials.name:"Çavuşoğlu"``) is left as written.

Kibana users get the folded fields too: ``search.text`` is in the index's default fields, so typing ``etat``
finds "État".
"""

from __future__ import annotations

import copy
from typing import Any

from luqum import tree

from wirewatch.query.compiler import parse_tree
from wirewatch.query.fields import DEFAULT_FIELDS, FieldType, field_type
from wirewatch.query.folding import fold

FOLDED_PREFIX = "search."
SEARCH_FIELDS: tuple[str, ...] = (*DEFAULT_FIELDS, *(FOLDED_PREFIX + name for name in DEFAULT_FIELDS))


def folded_copies(doc: dict[str, Any]) -> dict[str, str] | None:
    """``{"title": ..., "text": ...}`` folded, for the fields that folding changes; None when it changes none."""
    copies = {}
    for name in DEFAULT_FIELDS:
        value = doc.get(name)
        if isinstance(value, str) and not value.isascii():
            folded = fold(value)
            if folded != value:
                copies[name] = folded
    return copies or None


def with_folded_copies(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as Elasticsearch indexes it: `doc`, plus ``search`` when folding changes its text."""
    copies = folded_copies(doc)
    return doc if copies is None else {**doc, "search": copies}


def folded_query(query: str) -> str:
    """The query text for ``query_string`` over the folded copies (see the module's docstring)."""
    root, _ = parse_tree(query)
    return str(_rewrite(root, text=True))


def _rewrite(node: tree.Item, text: bool) -> tree.Item:
    """`node` with its terms folded where they are searched in text (`text`: the default fields, or a text
    field named above)."""
    if isinstance(node, tree.SearchField):
        if field_type(node.name) is FieldType.TEXT and not node.name.startswith(FOLDED_PREFIX):
            expr = _rewrite(node.expr, text=True)
            after, expr.tail = expr.tail, ""  # the space before the next operator goes after the group
            both = tree.OrOperation(
                tree.SearchField(FOLDED_PREFIX + node.name, expr, tail=" "),
                tree.SearchField(node.name, copy.deepcopy(expr), head=" "),
            )
            return tree.Group(both, head=node.head, tail=node.tail + after)
        node.expr = _rewrite(node.expr, text=False)
        return node
    if isinstance(node, (tree.Word, tree.Phrase)) and text:
        node.value = fold(node.value)
    elif isinstance(node, tree.Range) and text:
        node.low, node.high = _rewrite(node.low, text), _rewrite(node.high, text)
    else:
        node.children = [_rewrite(child, text) for child in node.children]
    return node
