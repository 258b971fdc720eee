"""Lucene query text → compiled nodes, following Elasticsearch's query_string.

luqum parses; this module gives the tree Lucene's classic-parser meaning (the
parser Elasticsearch's query_string extends), not luqum's operator precedence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from luqum import tree
from luqum.exceptions import IllegalCharacterError, ParseError
from luqum.thread import parse as luqum_parse

from wirewatch.query.analysis import analyze_with_offsets, search_form
from wirewatch.query.context import to_float32
from wirewatch.query.dates import DateError, DateMath
from wirewatch.query.errors import QuerySyntaxError
from wirewatch.query.fields import (
    DEFAULT_FIELDS,
    OBJECT_FIELDS,
    FieldType,
    field_type,
    known_fields_text,
)
from wirewatch.query.limits import MAX_CLAUSES, check_size
from wirewatch.query.nodes import (
    AnyOf,
    BooleanNode,
    BooleanTerm,
    Clause,
    DateRange,
    Exists,
    KeywordPattern,
    KeywordRange,
    KeywordTerm,
    MatchAll,
    MatchNone,
    Node,
    NumberRange,
    Occur,
    TextPattern,
    TextPhrase,
    TextRange,
    TextTerm,
)

EXISTS_FIELD = "_exists_"
_OPERATORS = {tree.AndOperation: "AND", tree.OrOperation: "OR", tree.UnknownOperation: ""}
_MODIFIERS = {tree.Not: "NOT", tree.Prohibit: "NOT", tree.Plus: "REQ"}
_POSITION = re.compile(r"position (\d+)")


# ---------------------------------------------------------------- lexing ----


def rewrite_symbolic_operators(text: str) -> tuple[str, list[int]]:
    """Turn Lucene's ``&&``, ``||`` and ``!`` into AND/OR/NOT, which luqum knows.

    Returns the new text and, for each of its characters (plus one past the
    end), the offset in the original text, so errors point at what was typed.
    Quoted phrases, escapes and range brackets are copied untouched. As in
    Lucene's lexer, ``&&``/``||`` are operators only as whole tokens (``a&&b``
    is a term) while ``!`` is never part of a term.
    """
    out: list[str] = []
    origin: list[int] = []

    def emit(chunk: str, at: int) -> None:
        out.append(chunk)
        origin.extend([at] * len(chunk))

    index, length = 0, len(text)
    while index < length:
        ch = text[index]
        if ch == "\\" and index + 1 < length:
            emit(text[index : index + 2], index)
            origin[-1] = index + 1
            index += 2
            continue
        if ch in '"[{':
            closing = {'"': '"', "[": "]}", "{": "]}"}[ch]
            end = index + 1
            while end < length and text[end] not in closing:
                end += 2 if text[end] == "\\" else 1
            end = min(end + 1, length)
            for offset in range(index, end):
                emit(text[offset], offset)
            index = end
            continue
        at_token_start = index == 0 or text[index - 1].isspace() or text[index - 1] in "()"
        pair = text[index : index + 2]
        after = text[index + 2 : index + 3]
        if at_token_start and pair in ("&&", "||") and (not after or after.isspace() or after in '()"'):
            emit(" AND " if pair == "&&" else " OR ", index)
            index += 2
            continue
        if ch == "!":
            emit(" NOT ", index)
            index += 1
            continue
        emit(ch, index)
        index += 1
    origin.append(length)
    return "".join(out), origin


def parse_tree(text: str) -> tuple[tree.Item, list[int]]:
    rewritten, origin = rewrite_symbolic_operators(text)
    try:
        return luqum_parse(rewritten), origin
    except IllegalCharacterError as exc:
        position = _error_position(str(exc), origin, len(text))
        if text[position : position + 1] == '"':
            raise QuerySyntaxError("unterminated quoted phrase", position) from None
        raise QuerySyntaxError(f"unexpected character {text[position : position + 1]!r}", position) from None
    except ParseError as exc:
        message = str(exc)
        position = _error_position(message, origin, len(text))
        if "unexpected end" in message:
            raise QuerySyntaxError(
                "unexpected end of query (an operator without an operand, or an unclosed parenthesis/bracket?)",
                position,
            ) from None
        found = message.split("unexpected", 1)[-1].split(" at ", 1)[0].strip(" '")
        raise QuerySyntaxError(f"unexpected {found!r}", position) from None


def _error_position(message: str, origin: list[int], end: int) -> int:
    found = _POSITION.search(message)
    if found is None:
        return end
    position = int(found.group(1))
    return origin[min(position, len(origin) - 1)]


# ------------------------------------------------------------- compiling ----


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text, flags=re.DOTALL)


def wildcard_parts(raw: str) -> list[str] | None:
    """Split a raw (escaped) term into literals and unescaped ``*``/``?``; None if no wildcard."""
    parts: list[str] = []
    literal: list[str] = []
    has_wildcard = False
    index = 0
    while index < len(raw):
        ch = raw[index]
        if ch == "\\" and index + 1 < len(raw):
            literal.append(raw[index + 1])
            index += 2
            continue
        if ch in "*?":
            has_wildcard = True
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(ch)
        else:
            literal.append(ch)
        index += 1
    if literal:
        parts.append("".join(literal))
    return parts if has_wildcard else None


def _wildcard_matcher(parts: list[str], normalise: Callable[[str], str]) -> Callable[[str], object]:
    pattern = "".join(".*" if part == "*" else "." if part == "?" else re.escape(normalise(part)) for part in parts)
    return re.compile(pattern, re.DOTALL).fullmatch


class Compiler:
    def __init__(self, text: str, origin: list[int]) -> None:
        self.text = text
        self.origin = origin

    def error(self, message: str, item: tree.Item | None) -> QuerySyntaxError:
        position = 0
        if item is not None and item.pos is not None:
            position = self.origin[min(item.pos, len(self.origin) - 1)]
        return QuerySyntaxError(message, position)

    # Boolean structure -----------------------------------------------------

    def sequence(self, item: tree.Item, field: str | None) -> Node | None:
        """One parenthesis level: Lucene's QueryParserBase.addClause, clause by clause."""
        operands: list[tuple[str, tree.Item]] = []
        self._flatten(item, "", operands)
        clauses: list[Clause] = []
        for conjunction, operand in operands:
            modifier = ""
            for kind, name in _MODIFIERS.items():
                if isinstance(operand, kind):
                    modifier = name
                    operand = operand.children[0]
                    break
            if isinstance(operand, tuple(_MODIFIERS)):
                raise self.error("only one of NOT, !, +, - may precede a clause", operand)
            # AND makes the previous clause required, unless it is prohibited.
            if clauses and conjunction == "AND" and clauses[-1].occur is Occur.SHOULD:
                clauses[-1].occur = Occur.MUST
            node = self.clause(operand, field)
            if node is None:
                continue  # e.g. a term the analyzer reduces to nothing
            if modifier == "NOT":
                occur = Occur.MUST_NOT
            elif modifier == "REQ" or conjunction == "AND":
                occur = Occur.MUST
            else:
                occur = Occur.SHOULD
            clauses.append(Clause(occur, node))
        if not clauses:
            return None
        if len(clauses) == 1 and clauses[0].occur is not Occur.MUST_NOT:
            return clauses[0].node
        return BooleanNode(clauses)

    def _flatten(self, item: tree.Item, conjunction: str, out: list[tuple[str, tree.Item]]) -> None:
        operator = _OPERATORS.get(type(item))
        if operator is None:
            out.append((conjunction, item))
            return
        for index, child in enumerate(item.children):
            self._flatten(child, conjunction if index == 0 else operator, out)

    def clause(self, item: tree.Item, field: str | None) -> Node | None:
        if isinstance(item, tree.Boost):
            return self.clause(item.expr, field)  # boosts only change scores
        if isinstance(item, tree.Group):
            return self.sequence(item.expr, field)
        if isinstance(item, tree.FieldGroup):
            return self.sequence(item.expr, field)
        if isinstance(item, tree.SearchField):
            return self.search_field(item, field)
        if isinstance(item, tuple(_OPERATORS)):
            return self.sequence(item, field)
        return self.leaf(item, field)

    def search_field(self, item: tree.SearchField, outer_field: str | None) -> Node | None:
        name = item.name
        expr = item.expr
        if isinstance(expr, tree.SearchField):
            raise self.error(f"a field cannot be followed by another field ({name}:{expr.name}:...)", expr)
        if name == EXISTS_FIELD:
            target = expr.expr if isinstance(expr, tree.Boost) else expr
            if not isinstance(target, tree.Word):
                raise self.error("_exists_ takes a field name, e.g. _exists_:officials.name", expr)
            wanted = unescape(target.value)
            if field_type(wanted) is None and wanted not in OBJECT_FIELDS:
                raise self.error(f"unknown field {wanted!r} in _exists_; known fields: {known_fields_text()}", target)
            return Exists((wanted,), f"{EXISTS_FIELD}:{wanted}")
        if name == "*":
            if isinstance(expr, tree.Word) and expr.value == "*":
                return MatchAll()
            raise self.error("field name patterns (*) are not supported; name the field", item)
        if field_type(name) is None:
            hint = " (an object: name one of its fields)" if name in OBJECT_FIELDS else ""
            raise self.error(f"unknown field {name!r}{hint}; known fields: {known_fields_text()}", item)
        return self.clause(expr, name)

    # Leaves ------------------------------------------------------------------

    def _label(self, item: tree.Item, field: str | None) -> str:
        source = str(item).strip()
        return f"{field}:{source}" if field else source

    def leaf(self, item: tree.Item, field: str | None) -> Node | None:
        if isinstance(item, tree.Fuzzy):
            raise self.error(
                "fuzzy queries (term~) are not supported: Elasticsearch expands them against the whole index "
                "(fuzzy_max_expansions), which a per-document matcher cannot reproduce",
                item,
            )
        if isinstance(item, tree.Regex):
            raise self.error("regular expressions (/.../) are not supported; use wildcards (* and ?)", item)
        if isinstance(item, tree.Proximity):
            phrase = item.term
            if not isinstance(phrase, tree.Phrase):
                raise self.error("~N proximity applies to a quoted phrase", item)
            slop = item.degree
            if slop is None or int(slop) != slop or slop < 0:
                raise self.error('proximity must be a whole number of positions, e.g. "a b"~3', item)
            return self.phrase(phrase, field, int(slop), self._label(item, field))
        if isinstance(item, tree.Phrase):
            return self.phrase(item, field, 0, self._label(item, field))
        if isinstance(item, tree.Range):
            low, high = self._bound(item.low, True), self._bound(item.high, True)
            return self.range(item, field, low, high, item.include_low, item.include_high)
        if isinstance(item, tree.From):
            return self.range(item, field, self._bound(item.a), None, item.include, False)
        if isinstance(item, tree.To):
            return self.range(item, field, None, self._bound(item.a), False, item.include)
        if isinstance(item, tree.Word):
            return self.word(item, field)
        raise self.error(f"unsupported query element {str(item).strip()!r}", item)

    def _reject_bare_colon(self, item: tree.Word) -> None:
        # luqum accepts a/b inside a term; in Lucene "/" is no term character and starts a
        # regular expression, so Elasticsearch refuses such a rule (found by the agreement test).
        if re.search(r"(?<!\\)/", item.value):
            raise self.error(
                "escape '/' inside a value (now-1d\\/d, https\\:\\/\\/...) or quote it: unescaped, "
                "Lucene reads it as the start of a regular expression",
                item,
            )
        # luqum accepts 10:00 inside a term; Lucene does not (":" separates a field).
        if re.search(r"(?<!\\):", item.value):
            raise self.error(
                "escape ':' inside a value (10\\:00) or quote it; times can also go in a range: [2024-01-01T10:00 TO *]",
                item,
            )

    def _bound(self, item: tree.Item, bracketed: bool = False) -> str | None:
        if isinstance(item, tree.Word):
            if not bracketed:
                self._reject_bare_colon(item)
            return None if item.value == "*" else unescape(item.value)
        if isinstance(item, tree.Phrase):
            return unescape(item.value[1:-1])
        raise self.error("a range bound must be a value or *", item)

    def _fields(self, field: str | None) -> tuple[str, ...]:
        return (field,) if field else DEFAULT_FIELDS

    def word(self, item: tree.Word, field: str | None) -> Node | None:
        raw = item.value
        self._reject_bare_colon(item)
        label = self._label(item, field)
        if raw == "*":
            # field:* is an exists query; a bare * checks the default fields.
            return Exists(self._fields(field), label)
        parts = wildcard_parts(raw)
        kind = field_type(field) if field else FieldType.TEXT
        if parts is not None:
            if kind is FieldType.TEXT:
                prefix = parts[0] if parts[0] not in ("*", "?") else ""
                prefix_only = bool(prefix) and all(part == "*" for part in parts[1:])
                return TextPattern(
                    self._fields(field), _wildcard_matcher(parts, search_form), search_form(prefix), label, prefix_only
                )
            if kind is FieldType.KEYWORD:
                return KeywordPattern(field, _wildcard_matcher(parts, str), label)  # type: ignore[arg-type]
            raise self.error(
                f"wildcards only apply to text and keyword fields; {field} is a {kind.value if kind else 'typed'} field",
                item,
            )
        return self.term(item, field, unescape(raw), label, kind)

    def term(self, item: tree.Item, field: str | None, value: str, label: str, kind: FieldType | None) -> Node | None:
        if kind is FieldType.TEXT:
            tokens = analyze_with_offsets(value)
            if not tokens:
                return None  # Lucene drops a clause the analyzer empties
            return TextTerm(
                self._fields(field),
                [t.term for t in tokens],
                [search_form(value[t.start : t.end]) for t in tokens],
                label,
            )
        assert field is not None
        if kind is FieldType.KEYWORD:
            return KeywordTerm(field, value, label)
        if kind is FieldType.DATE:
            math = self._date(value, item)
            return DateRange(field, math, math, True, True, label)
        if kind in (FieldType.INTEGER, FieldType.FLOAT):
            number = self._number(value, field, item)
            if kind is FieldType.INTEGER:
                if number != int(number):
                    return MatchNone(label)  # ES: "value has a decimal part" → no documents
            else:
                number = to_float32(number)
            return NumberRange(field, kind is FieldType.FLOAT, number, number, True, True, label)
        if kind is FieldType.BOOLEAN:
            if value not in ("true", "false"):
                raise self.error(f"{field} is a boolean field: use true or false, not {value!r}", item)
            return BooleanTerm(field, value == "true", label)
        raise self.error(f"unsupported field {field!r}", item)

    def phrase(self, item: tree.Phrase, field: str | None, slop: int, label: str) -> Node | None:
        value = unescape(item.value[1:-1])
        kind = field_type(field) if field else FieldType.TEXT
        if kind is not FieldType.TEXT:
            return self.term(item, field, value, label, kind)  # exact value, no wildcards
        tokens = analyze_with_offsets(value)
        if not tokens:
            return None
        if len(tokens) == 1:
            return TextTerm(
                self._fields(field), [tokens[0].term], [search_form(value[tokens[0].start : tokens[0].end])], label
            )
        return TextPhrase(
            self._fields(field), [t.term for t in tokens], [t.position for t in tokens], slop, search_form(value), label
        )

    def range(
        self,
        item: tree.Item,
        field: str | None,
        low: str | None,
        high: str | None,
        include_low: bool,
        include_high: bool,
    ) -> Node:
        label = self._label(item, field)
        kind = field_type(field) if field else FieldType.TEXT
        if kind is FieldType.TEXT:
            low_term = None if low is None else search_form(low)
            high_term = None if high is None else search_form(high)
            nodes: list[Any] = [
                TextRange((f,), low_term, high_term, include_low, include_high, label) for f in self._fields(field)
            ]
            return nodes[0] if len(nodes) == 1 else AnyOf(nodes, label)
        assert field is not None
        if kind is FieldType.KEYWORD:
            return KeywordRange(field, low, high, include_low, include_high, label)
        if kind is FieldType.DATE:
            return DateRange(
                field,
                None if low is None else self._date(low, item),
                None if high is None else self._date(high, item),
                include_low,
                include_high,
                label,
            )
        if kind in (FieldType.INTEGER, FieldType.FLOAT):
            single = kind is FieldType.FLOAT
            convert = to_float32 if single else float
            return NumberRange(
                field,
                single,
                None if low is None else convert(self._number(low, field, item)),
                None if high is None else convert(self._number(high, field, item)),
                include_low,
                include_high,
                label,
            )
        raise self.error(f"ranges are not supported on {kind.value if kind else 'unknown'} field {field}", item)

    def _date(self, value: str, item: tree.Item) -> DateMath:
        try:
            return DateMath(value)
        except DateError as exc:
            raise self.error(str(exc), item) from None

    def _number(self, value: str, field: str, item: tree.Item) -> float:
        try:
            number = float(value)
        except ValueError:
            raise self.error(f"{field} is a number field; {value!r} is not a number", item) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise self.error(f"{field} is a number field; {value!r} is not a finite number", item)
        return number


_CLAUSES = (tree.Term, tree.Range)  # Word, Phrase and Regex are Terms


def _clause_beyond_limit(parsed: tree.Item) -> tree.Item | None:
    """The first clause past MAX_CLAUSES, if there is one (the tree walked without recursion)."""
    count = 0
    stack = [parsed]
    while stack:
        item = stack.pop()
        if isinstance(item, _CLAUSES):
            count += 1
            if count > MAX_CLAUSES:
                return item
        else:
            stack.extend(reversed(item.children))
    return None


def compile_query(text: str) -> Node:
    if not text.strip():
        raise QuerySyntaxError("empty query", 0)
    check_size(text)
    parsed, origin = parse_tree(text)
    compiler = Compiler(text, origin)
    beyond = _clause_beyond_limit(parsed)
    if beyond is not None:
        raise compiler.error(f"query too large: more than {MAX_CLAUSES:,} clauses (the limit)", beyond)
    node = compiler.sequence(parsed, None)
    return node if node is not None else MatchNone("")
