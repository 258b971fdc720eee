"""What the extractor returns, and the one error it raises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wirewatch.errors import InputError


class ExtractionError(InputError):
    """The page was refused before extraction (too large); garbage never raises, it extracts to nothing."""


@dataclass(frozen=True, slots=True)
class Extraction:
    text: str  # main article text, one paragraph or subheading a line
    title: str | None = None
    author: str | None = None
    published: datetime | None = None  # timezone-aware, UTC
    language: str | None = None  # ISO 639-1, lower-case, as the page declares it
    paywalled: bool = False  # the page declares that the full text is behind a paywall

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "title": self.title,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "paywalled": self.paywalled,
        }
