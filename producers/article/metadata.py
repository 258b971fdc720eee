"""Title, author, publication date, language and paywall flag from what the page declares about itself.

Sources, most trusted first: the article object of the page's JSON-LD (jsonld.py), the <meta> tags (Open
Graph, article:*, Dublin Core, name=author, name=date and the like), then the visible page: a <time datetime>
or date element near the byline, the byline itself, the <h1>, the <title>. Read before boilerplate removal,
which takes the scripts and bylines away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from wirewatch.producers.article.dates import parse_date
from wirewatch.producers.article.jsonld import ArticleObject, article_object
from wirewatch.producers.article.language import normalise_language
from wirewatch.producers.article.wording import byline_name, starts_byline

TITLE_META = ("og:title", "twitter:title", "dc.title", "title")
AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "byl", "sailthru.author", "parsely-author")
DATE_META = (
    "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
    "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "citation_publication_date", "original-publish-date",
)  # fmt: skip
LANGUAGE_META = ("og:locale", "content-language", "dc.language", "language", "inlanguage")
SITE_NAME_META = ("og:site_name", "application-name", "twitter:site")
BYLINE_SELECTORS = (
    "[itemprop=author] [itemprop=name]", "[itemprop=author]", "[rel=author]", "[class*=byline] [class*=name]",
    "[class*=byline] a", "[class*=author-name]", "[class*=author__name]", "[class*=byline]", "[class~=author]",
    "[data-testid*=byline]", "[class*=autor]", "[class*=auteur]", "[class*=author]",
)  # fmt: skip
TIME_SELECTORS = (
    "[itemprop=datePublished]", "time[pubdate]", "[class*=byline] time[datetime]", "[class*=meta] time[datetime]",
    "article time[datetime]", "main time[datetime]", "time[datetime]", "[class*=byline] [class*=date]",
    "[class*=meta] [class*=date]", "[class*=date]", "[class*=fecha]", "[class*=datum]",
)  # fmt: skip
SELECTOR_TRIES = 3  # elements tried per selector
# Where a page with no declared author or date may print a "By Jane Doe, 3 March 2025" line.
BYLINE_LINE_TAGS = "p, span, font, i, em, small, b, strong, div, td, address"
BYLINE_LINE_CHARS = 120
PAYWALL_MARKERS = (
    "[class*=paywall i], [id*=paywall i], [class*=regwall i], [class*=subscriber-only i], [class*=premium-wall i], "
    "[class*=piano-offer i], [class*=meteredContent i]"
)
LOCKED_TIERS = frozenset({"locked", "metered", "premium", "subscriber", "subscription"})
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ")


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    paywalled: bool = False


def read_metadata(tree: LexborHTMLParser) -> Metadata:
    meta = _meta_tags(tree)
    article = article_object(tree)
    return Metadata(
        title=_title(tree, meta, article),
        author=_author(tree, meta, article),
        published=_published(tree, meta, article),
        language=_language(tree, meta, article),
        paywalled=_paywalled(tree, meta, article),
    )


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """<meta> contents by lower-case name/property/itemprop/http-equiv; the first of a name wins."""
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        content = (attributes.get("content") or "").strip()
        if not content:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attributes.get(key)
            if name:
                found.setdefault(name.strip().lower(), content)
    return found


def _title(tree: LexborHTMLParser, meta: dict[str, str], article: ArticleObject) -> str | None:
    site_name = next((meta[k] for k in SITE_NAME_META if k in meta), None)
    candidates = [article.text("headline"), article.text("name"), *(meta.get(k) for k in TITLE_META)]
    h1 = tree.css_first("article h1") or tree.css_first("h1")
    if h1 is not None:
        candidates.append(h1.text())
    title = tree.css_first("title")
    if title is not None:
        candidates.append(_strip_site_name(_clean(title.text()), site_name, guess=True))
    for candidate in candidates:
        text = _clean(candidate)
        if text:
            return _strip_site_name(text, site_name, guess=False)
    return None


def _strip_site_name(title: str, site_name: str | None, guess: bool) -> str:
    site = _clean(site_name).lower().lstrip("@")
    for separator in TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        if site and tail.lower() == site:
            return head
        first, _, rest = title.partition(separator)
        if site and first.lower() == site:
            return rest
        # A <title> is "Headline | Site" far more often than not; the shorter end is the site.
        if guess and len(tail) < len(head):
            return head
    return title


def _author(tree: LexborHTMLParser, meta: dict[str, str], article: ArticleObject) -> str | None:
    names = [name for name in (_clean(n) for n in article.authors()) if name]
    if names:
        return ", ".join(dict.fromkeys(names))
    # Small sites put their own name in <meta name="author">; the byline then names the writer.
    site_names = {_clean(meta[k]).lower().lstrip("@") for k in SITE_NAME_META if k in meta}
    for key in AUTHOR_META:
        value = meta.get(key, "")
        name = byline_name(value) if not value.startswith(("http://", "https://", "/")) else None
        if name and name.lower() not in site_names:
            return name
    for selector in BYLINE_SELECTORS:
        for node in tree.css(selector)[:SELECTOR_TRIES]:
            name = byline_name(node.attributes.get("content") or node.text(separator=" "))
            if name and name.lower() not in site_names:
                return name
    line = _byline_line(tree)
    return byline_name(line) if line else None


def _published(tree: LexborHTMLParser, meta: dict[str, str], article: ArticleObject) -> datetime | None:
    for value in (article.text("datePublished"), article.text("dateCreated"), *(meta.get(k) for k in DATE_META)):
        if value and (parsed := parse_date(value)):
            return parsed
    for selector in TIME_SELECTORS:
        for node in tree.css(selector)[:SELECTOR_TRIES]:
            attributes = node.attributes
            if parsed := parse_date(attributes.get("datetime") or attributes.get("content") or node.text()):
                return parsed
    line = _byline_line(tree)
    return parse_date(line) if line else None


def _byline_line(tree: LexborHTMLParser) -> str | None:
    """A visible "By Jane Doe, 3 March 2025" line, for pages that declare neither author nor date."""
    body = tree.body
    if body is None:
        return None
    for node in body.css(BYLINE_LINE_TAGS):
        own = node.text(deep=False).strip()
        if len(own) < BYLINE_LINE_CHARS and starts_byline(own):
            line = _clean(node.text(separator=" "))
            if len(line) < BYLINE_LINE_CHARS:
                return line
    return None


def _language(tree: LexborHTMLParser, meta: dict[str, str], article: ArticleObject) -> str | None:
    html = tree.css_first("html")
    declared = [html.attributes.get("lang") or html.attributes.get("xml:lang")] if html is not None else []
    declared += [article.language(), *(meta.get(key) for key in LANGUAGE_META)]
    return next((code for code in map(normalise_language, declared) if code), None)


def _paywalled(tree: LexborHTMLParser, meta: dict[str, str], article: ArticleObject) -> bool:
    if article.locked() or meta.get("article:content_tier", "").lower() in LOCKED_TIERS:
        return True
    # An empty placeholder is how many free pages carry the hook for a paywall script; a marker with text
    # ("Subscribe to keep reading") is the paywall itself.
    return any(node.text().strip() for node in tree.css(PAYWALL_MARKERS))


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""
