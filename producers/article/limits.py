"""What the extractor refuses, and what it treats as garbage, before the parser sees the page."""

from __future__ import annotations

import re

from wirewatch.producers.article.result import ExtractionError

DEFAULT_MAX_BYTES = 5_000_000
# The HTML parser's time grows with the square of the nesting depth (lexbor looks through the stack of open
# elements for every block tag): 5,000 levels parse in tens of milliseconds, 50,000 in seconds.
MAX_DEPTH = 10_000
# Tags that close themselves or are closed by their next sibling do not deepen the tree.
FLAT_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
     "dt", "dd", "option", "tr", "td", "th"}
)  # fmt: skip
TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)")
NOT_MARKUP = re.compile(r"<(script|style|template|textarea)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
# Share of control characters above which a document is binary, not text. (Undecodable bytes are not counted:
# a page in an undeclared legacy charset is text, read with replacement characters.)
BINARY_SHARE = 0.05
SAMPLE_CHARS = 4096


def check_size(html: str | bytes, max_bytes: int) -> None:
    size = len(html)
    if isinstance(html, str) and size * 4 > max_bytes:
        size = len(html.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise ExtractionError(f"page of {size:,} bytes is over the {max_bytes:,}-byte limit for extraction")


def looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_CHARS]
    return bool(sample) and len(CONTROL.findall(sample)) > BINARY_SHARE * len(sample)


def too_deep(text: str) -> bool:
    """True if the markup nests deeper than MAX_DEPTH elements."""
    if text.count("<") - text.count("</") <= MAX_DEPTH:  # the depth cannot exceed the number of opening tags
        return False
    # Scripts ("i<n"), styles and comments hold '<' that open nothing.
    text = NOT_MARKUP.sub("", text)
    depth = 0
    for closing, name in TAG.findall(text):
        if name.lower() in FLAT_TAGS:
            continue
        depth += -1 if closing else 1
        if depth > MAX_DEPTH:
            return True
    return False
