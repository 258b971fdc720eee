"""Pushed dispatches (`wirewatch ingest`): plain text, one JSON object, or JSON Lines.

Plain text: the first non-empty line is the title, the rest is the body.
JSON (one object, JSON Lines, or an array of objects): objects with title, text (or body), and optionally id, url, source,
published, language. A bad JSON line is reported by its 1-based number and
the good lines are still returned. Ids come from the given id, else the
canonical URL, else the content, so re-ingesting the same input dedups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from wirewatch.errors import InputError
from wirewatch.models import Dispatch, ModelError, parse_time, utcnow
from wirewatch.producers.normalise import FUTURE_TOLERANCE, canonical_url, clip_dispatch, ingest_id

NESTED_TOO_DEEPLY = "nested too deeply (more than about 1,000 levels)"
TITLE_MAX = 500  # characters; a longer "title" line is a body without a title


@dataclass(frozen=True, slots=True)
class IngestProblem:
    line: int  # 1-based line of the input the problem is on
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class _RecordError(InputError):
    pass


def parse_ingest(
    data: str | bytes, source: str = "ingest", *, now: datetime | None = None
) -> tuple[list[Dispatch], list[IngestProblem]]:
    """Dispatches from pushed input, and an error for each line that could not be used."""
    now = now or utcnow()
    errors: list[IngestProblem] = []
    if isinstance(data, bytes):
        text, decode_error = _decode(data)
        if decode_error:
            errors.append(decode_error)
    else:
        text = data
    text = text.lstrip("\ufeff")
    if not text.strip():
        return [], [*errors, IngestProblem(1, "input is empty")]
    stripped = text.lstrip()
    first_line = text[: len(text) - len(stripped)].count("\n") + 1
    if stripped.startswith(("{", "[")):
        whole, whole_error = _whole_json(text)
        if isinstance(whole, dict):
            dispatches, more = _from_records([(first_line, whole)], source, now)
        elif isinstance(whole, list):
            dispatches, more = _from_array(whole, first_line, source, now)
        elif whole_error is not None and whole_error.msg == NESTED_TOO_DEEPLY and "\n" not in stripped.rstrip():
            dispatches, more = [], [IngestProblem(first_line, f"invalid JSON: {NESTED_TOO_DEEPLY}")]
        elif stripped.startswith("["):
            dispatches, more = _from_plain_text(text, source, now)  # "[Update] ..." is a title
        else:
            dispatches, more = _from_json_lines(text, source, now)
            if (
                not dispatches
                and whole_error is not None
                and _one_multiline_object(stripped)
                and _all_invalid_json(more)
            ):
                # One pretty-printed object with a mistake: one error where it is, not one per line.
                more = [
                    IngestProblem(whole_error.lineno, f"invalid JSON: {whole_error.msg} (column {whole_error.colno})")
                ]
    else:
        dispatches, more = _from_plain_text(text, source, now)
    return dispatches, errors + more


def _decode(data: bytes) -> tuple[str, IngestProblem | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        error = IngestProblem(line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); undecodable bytes replaced")
        return data.decode("utf-8", errors="replace"), error


def _whole_json(text: str) -> tuple[Any, json.JSONDecodeError | None]:
    try:
        return load_json(text), None
    except json.JSONDecodeError as exc:
        return None, exc


def load_json(text: str) -> Any:
    """json.loads, with input nested past the parser's recursion limit refused as invalid JSON (with a
    reason) instead of a RecursionError escaping: no dispatch is ever nested that deep."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError(NESTED_TOO_DEEPLY, text, 0) from None


def _one_multiline_object(text: str) -> bool:
    """Several lines, but only the first opens an object: a pretty-printed object, not JSON Lines."""
    lines = [line.lstrip() for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and sum(line.startswith("{") for line in lines) == 1


def _all_invalid_json(errors: list[IngestProblem]) -> bool:
    return all(error.message.startswith("invalid JSON") for error in errors)


def _from_array(items: list[Any], line: int, source: str, now: datetime) -> tuple[list[Dispatch], list[IngestProblem]]:
    dispatches, errors = [], []
    for index, item in enumerate(items, start=1):
        try:
            dispatches.append(record_to_dispatch(item, source, now))
        except _RecordError as exc:
            errors.append(IngestProblem(line, f"array item {index}: {exc}"))
    return dispatches, errors


def _from_plain_text(text: str, source: str, now: datetime) -> tuple[list[Dispatch], list[IngestProblem]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    title = lines[first].strip()
    body = "\n".join(lines[first + 1 :]).strip()
    if len(title) > TITLE_MAX:
        return [], [IngestProblem(first + 1, f"first line is {len(title)} characters; a title is at most {TITLE_MAX}")]
    title, body, hints = clip_dispatch(title, body, None)
    dispatch = Dispatch(
        id=ingest_id(given_id=None, url=None, title=title, text=body),
        source=source,
        title=title,
        text=body,
        published=now,
        fetched=now,
        published_estimated=True,
        hints=hints,
    )
    return [dispatch], []


def _from_json_lines(text: str, source: str, now: datetime) -> tuple[list[Dispatch], list[IngestProblem]]:
    records: list[tuple[int, Any]] = []
    errors: list[IngestProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, load_json(line)))
        except json.JSONDecodeError as exc:
            errors.append(IngestProblem(number, f"invalid JSON: {exc.msg} (column {exc.colno})"))
    dispatches, record_errors = _from_records(records, source, now)
    return dispatches, sorted(errors + record_errors, key=lambda e: e.line)


def _from_records(
    records: list[tuple[int, Any]], source: str, now: datetime
) -> tuple[list[Dispatch], list[IngestProblem]]:
    dispatches, errors = [], []
    for number, record in records:
        try:
            dispatches.append(record_to_dispatch(record, source, now))
        except _RecordError as exc:
            errors.append(IngestProblem(number, str(exc)))
    return dispatches, errors


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _RecordError(f"field {key!r} must be a string, got {type(value).__name__}")
    return value


def _published(value: Any, now: datetime) -> tuple[datetime, bool]:
    if value is None or value == "":
        return now, True
    if isinstance(value, bool):
        raise _RecordError("field 'published' must be an ISO 8601 time or epoch seconds")
    try:
        if isinstance(value, int | float):
            published = datetime.fromtimestamp(value, tz=UTC)
        elif isinstance(value, str):
            published = parse_time(value)
        else:
            raise _RecordError("field 'published' must be an ISO 8601 time or epoch seconds")
    except (ModelError, OverflowError, OSError, ValueError) as exc:
        raise _RecordError(f"field 'published': {exc}") from exc
    if published > now + FUTURE_TOLERANCE:
        return now, True
    return published, False


def record_to_dispatch(record: Any, source: str, now: datetime) -> Dispatch:
    """One JSON record to a Dispatch; unknown fields (e.g. tags of an export) are ignored."""
    if not isinstance(record, dict):
        raise _RecordError(f"expected a JSON object, got {type(record).__name__}")
    title = (_optional_str(record, "title") or "").strip()
    text = _optional_str(record, "text")
    if text is None:
        text = _optional_str(record, "body")
    text = (text or "").strip()
    if not title and not text:
        raise _RecordError("needs a non-empty 'title' or 'text'")
    if not title:
        title = text.split("\n", 1)[0][:200]
    raw_url = (_optional_str(record, "url") or "").strip()
    canonical = canonical_url(raw_url) if raw_url else None
    if raw_url and canonical is None:
        raise _RecordError(f"field 'url' must be an http(s) URL, got {raw_url!r}")
    url = raw_url or None  # stored as given; the canonical form only identifies it
    given_id = record.get("id")
    if isinstance(given_id, bool) or (given_id is not None and not isinstance(given_id, str | int)):
        raise _RecordError("field 'id' must be a string or an integer")
    published, estimated = _published(record.get("published"), now)
    language = _optional_str(record, "language")
    hints = record.get("hints") or {}
    if not isinstance(hints, dict) or not all(isinstance(v, str) for v in hints.values()):
        raise _RecordError("field 'hints' must be an object of strings")
    title, text, hints = clip_dispatch(title, text, {str(k): v for k, v in hints.items()})
    return Dispatch(
        id=ingest_id(given_id=str(given_id) if given_id is not None else None, url=canonical, title=title, text=text),
        source=_optional_str(record, "source") or source,
        url=url,
        title=title,
        text=text,
        published=published,
        fetched=now,
        language=language.strip().lower() or None if language else None,
        published_estimated=estimated,
        hints=hints,
    )
