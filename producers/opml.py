"""OPML 1.0/2.0 subscription lists: read the feeds out of one, write one from a list of feeds.

Reading takes every `<outline>` with an `xmlUrl` (type rss, atom, json or none); the folders it sits in
and its `category` attribute become its tags. Documents with a DTD are refused before they are parsed, so
no entity is ever expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.parsers import expat

from wirewatch.errors import InputError

FEED_TYPES = frozenset({"rss", "atom", "json"})  # outline types read as feeds (besides none at all)
_READ_TYPES = FEED_TYPES | {""}  # no type at all: a feed too (OPML 1.0 lists)
_TAG_SEPARATORS = re.compile(r"[,/]")
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed anywhere in XML 1.0


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    name: str
    url: str
    html_url: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None


FeedRow = tuple[str, str, Sequence[str]] | tuple[str, str, Sequence[str], str]  # name, url, tags[, type]


class _DtdFound(Exception):
    pass


def read_opml(data: bytes) -> list[OpmlFeed]:
    """The feeds of an OPML document, in document order, each URL once. Raises InputError if it is not one."""
    root = _parse(data)
    if _local_name(root.tag) != "opml":
        raise InputError(f"not an OPML document: the root element is <{_local_name(root.tag)}>, not <opml>")
    body = next((child for child in root if _local_name(child.tag) == "body"), None)
    if body is None:
        raise InputError("not a valid OPML document: it has no <body>")
    feeds: dict[str, OpmlFeed] = {}
    # Depth-first in document order, without recursion: each outline carries the tags of its folders.
    stack: list[tuple[ET.Element, tuple[str, ...]]] = [(child, ()) for child in reversed(body)]
    while stack:
        element, folders = stack.pop()
        if _local_name(element.tag) != "outline":
            continue
        attrs = {name.lower(): value.strip() for name, value in element.attrib.items()}
        url = attrs.get("xmlurl")
        label = attrs.get("title") or attrs.get("text")
        if url:
            if attrs.get("type", "").lower() in _READ_TYPES:
                _add(feeds, _feed(url, label, attrs, folders))
            continue
        inner = folders + split_tags(label) if label else folders
        stack.extend((child, inner) for child in reversed(element))
    return list(feeds.values())


def _parse(data: bytes) -> ET.Element:
    if not data.strip():
        raise InputError("not an OPML document: it is empty")
    _refuse_dtd(data)
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"not an OPML document: malformed XML ({exc})") from exc


def _refuse_dtd(data: bytes) -> None:
    """Refuse a DOCTYPE or an entity declaration (billion laughs, external entities) before ElementTree
    sees the document. expat reads the encoding, so a UTF-16 document cannot hide one."""

    def refuse(*_: object) -> None:
        raise _DtdFound

    scanner = expat.ParserCreate()
    scanner.StartDoctypeDeclHandler = refuse
    scanner.EntityDeclHandler = refuse
    try:
        scanner.Parse(data, True)
    except _DtdFound:
        raise InputError("OPML document refused: it declares a DTD or entities (<!DOCTYPE>/<!ENTITY>)") from None
    except expat.ExpatError as exc:
        raise InputError(f"not an OPML document: malformed XML ({exc})") from exc


def _feed(url: str, label: str | None, attrs: dict[str, str], folders: tuple[str, ...]) -> OpmlFeed:
    tags = folders + split_tags(attrs.get("category", ""))
    return OpmlFeed(
        name=label or _host(url) or url,
        url=url,
        html_url=attrs.get("htmlurl") or None,
        tags=tuple(dict.fromkeys(tags)),
        language=attrs.get("language") or None,
    )


def _add(feeds: dict[str, OpmlFeed], feed: OpmlFeed) -> None:
    """Keep the first outline of a URL; one listed in several folders gathers the tags of all."""
    first = feeds.get(feed.url)
    if first is None:
        feeds[feed.url] = feed
    else:
        feeds[feed.url] = OpmlFeed(
            first.name, first.url, first.html_url, tuple(dict.fromkeys(first.tags + feed.tags)), first.language
        )


def split_tags(text: str) -> tuple[str, ...]:
    """Tags from a folder title or an OPML category ("/World/Africa, Breaking News" → world, africa,
    breaking-news): split on commas and slashes, lower-cased, inner whitespace as "-"."""
    tags = ("-".join(part.lower().split()) for part in _TAG_SEPARATORS.split(text))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def unique_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """`names` in order, each made unique by appending " (2)", " (3)", ... to repeats.

    A name's first occurrence keeps it unless it is in `taken` (names already in use, e.g. configured
    feeds); a suffix never produces a name that is taken or given elsewhere in `names`.
    """
    names = list(names)
    used = set(taken)
    reserved = used | set(names)
    result = []
    for name in names:
        candidate, n = name, 1
        while candidate in used or (n > 1 and candidate in reserved):
            n += 1
            candidate = f"{name} ({n})"
        used.add(candidate)
        result.append(candidate)
    return result


def write_opml(feeds: Iterable[FeedRow | OpmlFeed], title: str) -> bytes:
    """An OPML 2.0 document (UTF-8) of `feeds`: each in a folder named after its first tag, the rest of its
    tags in `category`. Rows are (name, url, tags) or (name, url, tags, type) with type rss, atom or
    json (default rss); an OpmlFeed also keeps its htmlUrl and language. read_opml reads it back."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_text(title)
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        name, url, tags, kind, html_url, language = _row(feed)
        parent = body
        if tags:
            if tags[0] not in folders:
                label = _xml_text(tags[0])
                folders[tags[0]] = ET.SubElement(body, "outline", text=label, title=label)
            parent = folders[tags[0]]
        attrs = {"type": kind, "text": _xml_text(name), "title": _xml_text(name), "xmlUrl": _xml_text(url)}
        if html_url:
            attrs["htmlUrl"] = _xml_text(html_url)
        if language:
            attrs["language"] = _xml_text(language)
        if tags[1:]:
            attrs["category"] = _xml_text(",".join(tags[1:]))
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _row(feed: FeedRow | OpmlFeed) -> tuple[str, str, tuple[str, ...], str, str | None, str | None]:
    if isinstance(feed, OpmlFeed):
        return feed.name, feed.url, feed.tags, "rss", feed.html_url, feed.language
    name, url, tags = feed[0], feed[1], (feed[2],) if isinstance(feed[2], str) else tuple(feed[2])
    kind = feed[3].lower() if len(feed) == 4 else "rss"
    if kind not in FEED_TYPES:
        raise ValueError(f"feed {name!r}: unknown OPML feed type {kind!r} (rss, atom or json)")
    return name, url, tags, kind, None, None


def _xml_text(value: str) -> str:
    return _XML_INVALID.sub("", value)


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


__all__ = ["FEED_TYPES", "FeedRow", "OpmlFeed", "read_opml", "split_tags", "unique_names", "write_opml"]
