"""Highlight fragments: matched tokens wrapped in markers, cut around the matches."""

from __future__ import annotations

from wirewatch.query.nodes import Span


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _snap_start(text: str, start: int, limit: int) -> int:
    """Move a cut point back to the start of a word, but not before ``limit``."""
    while start > limit and not text[start - 1].isspace():
        start -= 1
    return start


def _snap_end(text: str, end: int, limit: int) -> int:
    while end < limit and not text[end].isspace():
        end += 1
    return end


def fragments(
    text: str, spans: list[tuple[int, int]], pre: str, post: str, fragment_chars: int, max_fragments: int
) -> list[str]:
    """Document-order fragments of about ``fragment_chars`` around the spans."""
    merged = _merge(spans)
    result: list[str] = []
    index = 0
    while index < len(merged) and len(result) < max_fragments:
        first_start, first_end = merged[index]
        room = max(fragment_chars - (first_end - first_start), 0)
        begin = _snap_start(text, max(first_start - room // 4, 0), max(first_start - room // 2, 0))
        finish = min(max(begin + fragment_chars, first_end), len(text))
        covered = [merged[index]]
        index += 1
        while index < len(merged) and merged[index][1] <= finish:
            covered.append(merged[index])
            index += 1
        finish = _snap_end(text, finish, min(finish + 20, len(text)))
        pieces: list[str] = []
        cursor = begin
        for start, end in covered:
            pieces.append(text[cursor:start])
            pieces.append(f"{pre}{text[start:end]}{post}")
            cursor = end
        pieces.append(text[cursor:finish])
        result.append("".join(pieces).strip())
    return result


def field_fragments(
    values: list[str], spans: list[Span], pre: str, post: str, fragment_chars: int, max_fragments: int
) -> list[str]:
    by_value: dict[int, list[tuple[int, int]]] = {}
    for value_index, start, end in spans:
        by_value.setdefault(value_index, []).append((start, end))
    result: list[str] = []
    for value_index in sorted(by_value):
        remaining = max_fragments - len(result)
        if remaining <= 0:
            break
        result.extend(fragments(values[value_index], by_value[value_index], pre, post, fragment_chars, remaining))
    return result
