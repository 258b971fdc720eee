"""Text with marked spans, as data: a list of (text, mark) segments.

The dashboard never builds HTML by pasting feed text into markup. Highlights
travel as segments — ``[["Coup in ", None], ["Turkey", "country"]]`` — and are
turned into elements by the HTML builder (escaping every text) or by the
browser script (``textContent``). Whatever a feed puts in a title, it stays text.
"""

from __future__ import annotations

import re
from typing import Any

Segment = tuple[str, str | None]  # (text, mark kind or None)

# Private-use code points as highlight markers: they do not occur in news text,
# unlike the query module's default «» (French quotation marks).
MARK_PRE = "\ue000"
MARK_POST = "\ue001"
_MAX_NAMES = 300  # bounds the alternation a single document can build
ENTITY_KINDS = (("countries", "country"), ("officials", "official"), ("agencies", "agency"))


def entity_names(doc: dict[str, Any]) -> dict[str, str]:
    """Lowercased entity name -> mark kind, from the tags the tagger reported."""
    names: dict[str, str] = {}
    for field, kind in ENTITY_KINDS:
        for entity in doc.get(field) or []:
            name = entity.get("name") if isinstance(entity, dict) else None
            if isinstance(name, str) and len(name.strip()) >= 2:
                names.setdefault(name.strip().lower(), kind)
    return dict(list(names.items())[:_MAX_NAMES])


def entity_segments(text: str, names: dict[str, str]) -> list[Segment]:
    """Split ``text`` at case-insensitive whole-word occurrences of the names.

    The tagger reports names, not offsets, so this marks the reported names
    where they appear as written; aliases it matched ("Ankara" for Turkey) stay
    unmarked rather than guessed.
    """
    if not text or not names:
        return [(text, None)] if text else []
    # Longest first, so "Islamic Revolutionary Guard Corps" wins over "Guard".
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    segments: list[Segment] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            segments.append((text[position : match.start()], None))
        segments.append((match.group(0), names.get(match.group(0).lower(), "entity")))
        position = match.end()
    if position < len(text):
        segments.append((text[position:], None))
    return segments


def marker_segments(fragment: str, mark: str = "match") -> list[Segment]:
    """Split a fragment highlighted with MARK_PRE/MARK_POST into segments."""
    segments: list[Segment] = []
    for i, part in enumerate(re.split(f"[{MARK_PRE}{MARK_POST}]", fragment)):
        if part:
            segments.append((part, mark if i % 2 else None))
    return segments


def excerpt(text: str, limit: int = 320) -> str:
    """The start of a text, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " …"


def as_json(segments: list[Segment]) -> list[list[str | None]]:
    return [[text, mark] for text, mark in segments]
