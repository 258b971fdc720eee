"""extract_article: one news page in, its main text and metadata out. Pure: no network, no files."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from wirewatch.producers.article.boilerplate import remove_boilerplate
from wirewatch.producers.article.decoding import decode_html
from wirewatch.producers.article.limits import DEFAULT_MAX_BYTES, check_size, looks_binary, too_deep
from wirewatch.producers.article.metadata import read_metadata
from wirewatch.producers.article.result import Extraction
from wirewatch.producers.article.text import main_text

EMPTY = Extraction(text="")


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Extraction:
    """The article in `html`; `encoding` is the HTTP charset, if any, for bytes.

    Raises ExtractionError for a page over `max_bytes`. Anything else that is not a readable page (empty,
    binary, absurdly nested) extracts to an empty text rather than an error. `url` is accepted for callers
    that have it; nothing depends on it yet.
    """
    check_size(html, max_bytes)
    text = decode_html(html, encoding) if isinstance(html, bytes) else html
    if not text.strip() or looks_binary(text) or too_deep(text):
        return EMPTY
    tree = LexborHTMLParser(text)
    metadata = read_metadata(tree)
    remove_boilerplate(tree)
    body = tree.body
    return Extraction(
        text=main_text(body, metadata.title, metadata.author) if body is not None else "",
        title=metadata.title,
        author=metadata.author,
        published=metadata.published,
        language=metadata.language,
        paywalled=metadata.paywalled,
    )
