"""A tiny HTML builder that escapes by construction.

Every ``str`` child and attribute value is escaped; only ``Markup`` (built by
this module, or by ``el`` itself) passes through unchanged. Feed text can thus
only ever become text nodes, whatever it contains.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

from wirewatch.app.dashboard.highlight import Segment

Child = "str | Markup | None | Iterable[str | Markup | None]"
_VOID = {"meta", "link", "input", "br", "img"}


class Markup(str):
    """Already-safe HTML."""


def _render(child: object) -> str:
    if child is None or child is False:
        return ""
    if isinstance(child, Markup):
        return child
    if isinstance(child, str):
        return escape(child, quote=False)
    if isinstance(child, (int, float)):
        return escape(str(child))
    if isinstance(child, Iterable):
        return "".join(_render(c) for c in child)
    raise TypeError(f"cannot render {type(child).__name__}")


def el(tag: str, attrs: dict[str, object] | None = None, *children: object) -> Markup:
    parts = [tag]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        name = name.rstrip("_")  # class_ -> class
        parts.append(name if value is True else f'{name}="{escape(str(value), quote=True)}"')
    opening = "<" + " ".join(parts) + ">"
    if tag in _VOID:
        return Markup(opening)
    return Markup(opening + _render(children) + f"</{tag}>")


def segments(items: list[Segment]) -> Markup:
    """Highlight segments as text and <mark> elements."""
    return Markup(
        "".join(_render(el("mark", {"class": f"m-{mark}"}, text)) if mark else _render(text) for text, mark in items)
    )


def safe_url(url: object) -> str | None:
    """Only http(s) links from feeds become hrefs: a javascript: URL must never be clickable."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def document(title: str, body: Markup, *, scripts: tuple[str, ...] = ("/static/app.js",)) -> Markup:
    head = el(
        "head",
        None,
        el("meta", {"charset": "utf-8"}),
        el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        el("title", None, title),
        el("link", {"rel": "stylesheet", "href": "/static/style.css"}),
        [el("script", {"src": src, "defer": True}) for src in scripts],
    )
    return Markup("<!doctype html>\n" + el("html", {"lang": "en"}, head, el("body", None, body)))
