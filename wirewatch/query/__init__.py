"""The rule and search query language: Lucene syntax with Elasticsearch's semantics, evaluated in process.

Alert rules and ``wirewatch search`` take the text a Kibana user types in Lucene mode
(``coup AND countries.code:TR``); ``parse_query`` compiles it once and ``Query.match`` evaluates it on one
``TaggedDispatch.to_doc()`` document, agreeing with what ``query_string`` returns. ``RuleMatcher`` runs many
rules at once behind a presearcher. The behaviour, case by case: docs/query-language.md.
"""

from wirewatch.query.analysis import analyze, analyze_with_offsets, fts_document_text
from wirewatch.query.errors import QuerySyntaxError, RuleError
from wirewatch.query.matcher import RuleMatcher
from wirewatch.query.query import Query, parse_query

__all__ = [
    "Query",
    "QuerySyntaxError",
    "RuleError",
    "RuleMatcher",
    "analyze",
    "analyze_with_offsets",
    "fts_document_text",
    "parse_query",
]
