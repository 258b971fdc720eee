"""Turn feed entries into Dispatches: plain text, canonical URLs, UTC times, stable ids.

Everything here is a pure function of its inputs, so the same entry always
yields the same Dispatch id — that is what makes dedup work across restarts
and across feeds that carry the same story.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from wirewatch.errors import InputError
from wirewatch.models import Dispatch, dispatch_id, to_utc

# Query parameters that identify a click or a campaign, never the document.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "ref_src",
        "ref_url",
        "_hsenc",
        "_hsmi",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "vero_conv",
        "wt_mc",
        "__twitter_impression",
        "s_cid",
        "cmpid",
        "ocid",
        "spm",
        "_ga",
        "_gl",
        "mkt_tok",
    }
)
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": 80, "https": 443}

# A publication date further ahead than this is a feed bug, not a scoop.
FUTURE_TOLERANCE = timedelta(hours=1)

# A dispatch is a news item, not a book. A feed may carry a multi-megabyte entry
# (within the body cap); tagging takes ~1.5 s per MB on the event loop and a
# Kafka record over 1 MB is refused by the broker, so longer text is cut (at a
# word boundary) and the dispatch says so in hints["truncated"].
MAX_TEXT_CHARS = 200_000
MAX_TITLE_CHARS = 1_000

# Elements whose boundaries are paragraph breaks in the plain text.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
# Elements whose content is never text a reader sees.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "object"})

_INLINE_SPACE = re.compile(r"[^\S\n]+")  # any whitespace except newline (includes NBSP)
_PLAIN_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class EntryError(InputError):
    """A feed entry that cannot become a dispatch (no title, no text, no link)."""


def is_http_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)


def canonical_url(url: str | None) -> str | None:
    """The canonical form of an http(s) URL, or None if it is not one.

    Lowercase scheme and host, default port and fragment dropped, tracking
    parameters removed, the remaining parameters kept in their order.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # bad port, bad IPv6 literal
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = [
        (key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking_param(key)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=False), ""))


def _is_tracking_param(key: str) -> bool:
    lowered = key.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # decodes &amp; &#8217; &nbsp; ...
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)


def fold_whitespace(text: str) -> str:
    """Collapse runs of spaces within lines; keep single line breaks between paragraphs."""
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str | None) -> str:
    """Plain text from an HTML fragment: tags stripped, entities decoded, whitespace folded.

    Block elements (p, div, br, li, headings ...) become line breaks so that
    paragraphs survive; script/style content is dropped.
    """
    if not html:
        return ""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return fold_whitespace("".join(extractor.parts))


def one_line(text: str) -> str:
    """A title on one line: feeds wrap long titles, and a line break in a headline means nothing."""
    return " ".join(text.split())


def entry_link(entry: Mapping[str, Any]) -> str | None:
    """The item's link as the feed gives it (an http(s) URL), else None. Never rewritten: the canonical
    form is only for telling duplicates apart."""
    link = entry.get("link")
    if not isinstance(link, str) or not (link := link.strip()):
        return None
    return link if canonical_url(link) else None


def _detail_text(entry: Mapping[str, Any], key: str) -> str:
    """Text of a feedparser field, honouring its declared type (plain vs HTML)."""
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        return ""
    detail = entry.get(f"{key}_detail") or {}
    if detail.get("type") == "text/plain":
        return fold_whitespace(value)
    return html_to_text(value)


def entry_text(entry: Mapping[str, Any]) -> str:
    """The body of an entry: full content when the feed carries it, else the summary."""
    contents = entry.get("content") or []
    texts = []
    for content in contents:
        value = content.get("value") if isinstance(content, Mapping) else None
        if isinstance(value, str) and value.strip():
            texts.append(fold_whitespace(value) if content.get("type") == "text/plain" else html_to_text(value))
    if texts:
        return max(texts, key=len)  # feeds with several content blocks: the fullest one
    summary = _detail_text(entry, "summary")
    return summary or _detail_text(entry, "description")


def entry_published(entry: Mapping[str, Any], fetched: datetime) -> tuple[datetime, bool]:
    """(published in UTC, estimated?). Missing or far-future dates fall back to the fetch time."""
    fetched = to_utc(fetched)
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, tuple) and len(parsed) >= 6:
            try:
                # feedparser normalises every date to UTC struct_time.
                published = datetime.fromtimestamp(calendar.timegm(tuple(parsed)), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
            if published > fetched + FUTURE_TOLERANCE:
                return fetched, True
            return published, False
    return fetched, True


def _looks_like_counter(guid: str) -> bool:
    """Guids like "17" or "a3" are unique only inside one feed, not across feeds."""
    return guid.isdigit() or len(guid) < 8


def identity_key(*, guid: str | None, url: str | None, source: str, title: str, text: str) -> str:
    """The string a dispatch id is hashed from (see DESIGN.md: guid, else canonical URL, else content).

    `url` is the item's link as given; its canonical form is what identifies it, so the same story
    linked with and without tracking parameters is one dispatch.
    """
    guid = (guid or "").strip()
    if guid:
        guid_url = canonical_url(guid)
        if guid_url:
            # A permalink guid: the same story in two feeds gets one id. Its fragment stays part of
            # the id: live blogs give each post the page's URL plus "#post-N".
            fragment = urlsplit(guid).fragment
            return f"{guid_url}#{fragment}" if fragment else guid_url
        if not _looks_like_counter(guid):
            return f"guid:{guid}"
    if url and (canonical := canonical_url(url)):
        return canonical
    if guid:
        return f"guid:{source}:{guid}"  # a feed-local counter, scoped to its feed
    return f"content:{source}\n{title}\n{text}"


def make_dispatch(
    entry: Mapping[str, Any],
    *,
    source: str,
    fetched: datetime,
    language: str | None = None,
    hints: Mapping[str, str] | None = None,
) -> Dispatch:
    """A Dispatch from one feedparser entry. Raises EntryError when there is nothing to keep."""
    title = one_line(_detail_text(entry, "title"))
    text = entry_text(entry)
    url = entry_link(entry)
    if not title and not text:
        raise EntryError("entry has neither title nor text")
    if not title:
        # A title-less entry (some microblog feeds): its first line stands in.
        title = text.split("\n", 1)[0][:200]
    title, text, hints = clip_dispatch(title, text, hints)
    guid = entry.get("id") if isinstance(entry.get("id"), str) else None
    published, estimated = entry_published(entry, fetched)
    key = identity_key(guid=guid, url=url, source=source, title=title, text=text)
    return Dispatch(
        id=dispatch_id(key),
        source=source,
        url=url,
        title=title,
        text=text,
        published=published,
        fetched=to_utc(fetched),
        language=language,
        published_estimated=estimated,
        hints=hints,
    )


def clip_dispatch(title: str, text: str, hints: Mapping[str, str] | None) -> tuple[str, str, dict[str, str]]:
    """Title and text within their caps (feeds and pushed dispatches alike); hints say what was cut."""
    hints = dict(hints or {})
    truncated = [
        name
        for name, value, cap in (("title", title, MAX_TITLE_CHARS), ("text", text, MAX_TEXT_CHARS))
        if len(value) > cap
    ]
    if truncated:
        title, text = clip(title, MAX_TITLE_CHARS), clip(text, MAX_TEXT_CHARS)
        hints["truncated"] = ",".join(truncated)
    return title, text, hints


def clip(value: str, cap: int) -> str:
    """`value` cut to at most `cap` characters, at the last whitespace when there is one near the end."""
    if len(value) <= cap:
        return value
    cut = value[:cap]
    space = cut.rfind(" ", cap - 200)
    return (cut[:space] if space > 0 else cut).rstrip()


def ingest_id(*, given_id: str | None, url: str | None, title: str, text: str) -> str:
    """Id of a pushed dispatch: its own id, else its canonical URL, else its content.

    A given id that is a plain token (letters, digits, ``._:-``, at most 128
    characters) is kept as is: the pusher's own key is what they will look the
    dispatch up by, and exports re-ingest onto the same id. Anything else is
    hashed into a dispatch id.
    """
    if given_id:
        return given_id if _PLAIN_ID.fullmatch(given_id) else dispatch_id(f"ingest:{given_id}")
    if url:
        return dispatch_id(url)
    return dispatch_id(f"content:\n{title}\n{text}")
