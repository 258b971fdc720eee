"""Article extraction: a news page's main text, title, author, publication date, language and paywall flag.

    from wirewatch.producers.article import extract_article
    extraction = extract_article(page_bytes, encoding=http_charset)

Pure (HTML in, `Extraction` out) and bounded: pages over a size cap are refused with `ExtractionError`;
garbage extracts to an empty text.
"""

from wirewatch.producers.article.extract import extract_article
from wirewatch.producers.article.result import Extraction, ExtractionError

__all__ = ["Extraction", "ExtractionError", "extract_article"]
