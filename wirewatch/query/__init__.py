"""The rule/search query language: Lucene syntax, Elasticsearch semantics, in process.

Alert rules and ``wirewatch search`` take the text a Kibana user types in Lucene
mode (``coup AND countries.code:TR``). We parse it with luqum and evaluate it on
one ``TaggedDispatch.to_doc()`` document at a time. A later issue checks that
``Query.match`` fires on exactly the documents Elasticsearch's ``query_string``
returns, so each behaviour below deliberately mirrors Elasticsearch:

Mapping (``fields.FIELDS``; ``fields.index_mapping()`` generates the template)
  ``title``, ``text``: text, standard analyzer. Every other string field is a
  keyword (exact, case-sensitive); object arrays are plain objects, so
  ``countries.code`` is the flattened list of codes. ``published``, ``fetched``,
  ``tagged_at``: date; ``*.mentions``, ``first_offset``, ``events.offset``:
  integer (values truncated, as ES coerces); ``events.confidence``: float (both
  sides rounded to 32 bits); ``known``, ``published_estimated``: boolean.
  ``hints.<name>``: dynamic keyword. Any other field name is a QuerySyntaxError
  listing the known fields (ES would silently match nothing; a typo in a rule
  must be caught at load). Index setting ``index.query.default_field`` is
  ``["title", "text"]``: a bare term searches both.

Analyzer (``analysis``)
  ES ``standard``: UAX#29 words (the ``regex`` module's ``(?w)`` boundaries),
  Lucene's simple per-code-point lowercase, max token length 255, no stop
  words, no accent folding: ``Ankara's``→``ankara's``, ``U.S.``→``u.s``,
  ``al-Assad``→``al``,``assad``, ``3.5``, ``Çavuşoğlu``→``çavuşoğlu``.

Boolean logic: Lucene's classic parser, not operator precedence
  Clauses of one parenthesis level form one BooleanQuery built left to right
  (QueryParserBase.addClause): ``AND`` makes the previous clause and this one
  required; ``NOT``/``!``/``-`` prohibit; ``+`` requires; otherwise (``OR``,
  ``||``, juxtaposition; default_operator OR) a clause is optional. With a
  required clause, optional ones do not affect matching, so ``a AND b OR c``
  is ``+a +b c`` (needs a and b), and ``a OR NOT b`` is ``a -b``. A level with
  only prohibited clauses matches everything else (ES fixNegativeQueryIfNeeded),
  so ``NOT coup`` and ``x AND (NOT y)`` work. Two modifiers on one clause
  (``NOT NOT a``) are an error, as in Lucene.

Terms
  Text field: the term is analysed; several tokens (``al-Assad``) become a
  disjunction of the tokens, as ES query_string does with default_operator OR
  (no phrase: auto_generate_phrase_queries is gone since ES 6). A term the
  analyzer empties (``.``) is dropped like in Lucene. Across the default fields
  the clause matches if it matches in either field (dis_max). Keyword field:
  the exact, unescaped value (``officials.name:Mevlüt\\ Çavuşoğlu`` or quoted).
  Date term: the value rounded down to it rounded up (``published:2024-01-01`` =
  that day; ``published:2024-06`` = 1 June only, as in ES). Integer
  term with a decimal part matches nothing (ES); a non-number is an error.
  Boolean: ``true``/``false`` only.

Phrases ``"a b"`` need consecutive positions in one field; ``"a b"~N`` is
  Lucene's sloppy phrase (max(pos - offset) - min(pos - offset) <= N, repeated
  words on distinct positions). On non-text fields a phrase is an exact value.

Wildcards ``*`` ``?`` (unescaped; leading ones allowed, as in ES): on text
  fields per token with the pattern lowercased (so ``al-As*`` matches nothing:
  tokens never contain ``-``); on keyword fields the whole, case-sensitive
  value. ``field:*`` is ``_exists_:field``; a bare ``*`` checks the default
  fields; ``*:*`` matches everything. Wildcards on dates/numbers are errors.

Ranges ``[a TO b]``, ``{a TO b}``, mixed, ``*`` open ends, ``field:>=x``,
  ``>``, ``<``, ``<=``. Dates use ``strict_date_optional_time||epoch_millis`` in
  UTC with date math (``now-7d/d``, ``2024-01-01||+1M``) and ES rounding:
  ``gte``/``lt`` round down, ``lte``/``gt`` round up to the unit's last
  millisecond, so ``[2024-01-01 TO 2024-12-31]`` covers all of 31 December.
  Rounding up fills only the time of day: a missing month or day is 1, so
  ``published:2024`` and ``[2024 TO 2024]`` cover 1 January 2024 only (checked
  against a real node; ``2024-01-01||/y`` is the year).
  ``now`` is evaluated per match call. Keyword ranges compare code points (the
  UTF-8 byte order Lucene uses); text ranges compare lowercased tokens.

Values containing ``:`` must be escaped (``10\\:00``) or quoted, as in Lucene
  (luqum alone would accept them); inside ``[...]`` ranges times work as is,
  except a ``+02:00`` offset, which luqum needs quoted: ``["...+02:00" TO *]``.
  The same for ``/`` outside ranges (Lucene starts a regex there, ES refuses the
  query): ``published:>=now-1d\\/d``, or ``[now-1d/d TO *]``.

A query whose every term analyses to nothing (``"..."``) matches nothing. A
match of a purely negative query (``NOT coup``) reports no terms: ``[]``.

``_exists_:field``: a non-null value ("" counts; [] does not); object names
  (``_exists_:officials``) are accepted. Boosts ``^N`` are accepted and
  ignored. Fuzzy ``term~`` and regex ``/.../`` are rejected: ES expands them
  against the whole index (max_expansions) or with Lucene's regex dialect,
  which a per-document matcher cannot reproduce faithfully.

``Query.fts_prefilter()`` returns an FTS5 expression (unicode61,
remove_diacritics 0) over ``title``/``text`` that selects a superset of the
matches, provided the FTS columns hold ``fts_document_text(title)`` /
``fts_document_text(text)`` (Lucene-lowercased: unicode61 does not fold ``İ``
to ``i`` nor ~390 newer case pairs). Query tokens with CJK, kana, Thai-like scripts or "other numbers"
(``½``) are never translated (unicode61 and UAX#29 split those differently).
Known gap: a document where a Latin word is glued to CJK/Thai text or to a
character such as ``²`` (``km²``) may be missed by the prefilter.
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
