"""A page as text segments: the runs of text between block boundaries (a block element's start or end, a
<br>), each with the characters inside links counted and the chain of elements above it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

# Elements that start a new line; anything else (a, b, span, ...) flows within a line.
BLOCK_TAGS = frozenset(
    {"address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt", "fieldset",
     "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p",
     "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br"}
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Class or id naming an article body, in English and the other languages we monitor.
BODY_NAMES = re.compile(
    r"(?:article|story|entry|post|news|main|text|content)[-_]?(?:body|content|text)(?![a-z])|articlebody|"
    r"body[-_]?text|(?<![a-z])(?:cuerpo|corpo|corps|contenido|conteudo|contenu|contenuto|inhalt|texto|testo|texte)"
    r"(?:[-_](?:nota|noticia|materia|article|articolo|artikel))?(?![a-z])"
)


@dataclass(slots=True)
class Segment:
    parts: list[str]
    path: tuple[int, ...]  # ids of the elements above, outermost first
    tag: str  # the nearest block element's tag
    link_chars: int = 0
    text: str = ""

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def read_segments(body: LexborNode) -> tuple[list[Segment], set[int]]:
    """The segments under `body` in reading order, and the ids of elements marked as an article body.

    One depth-first walk, iterative on purpose: pages can nest thousands of elements deep.
    """
    segments: list[Segment] = []
    marked: set[int] = set()
    path: list[int] = [body.mem_id]
    tags: list[str] = ["body"]
    links = 0  # how many <a> elements we are inside
    current: Segment | None = None
    node = body.child
    while node is not None:
        tag = node.tag
        descend = False
        if tag == "-text":
            text = node.text_content
            if text and text.isspace():
                # Spacing between inline elements: "<b>Hello</b> <i>world</i>" is two words.
                if current is not None:
                    current.parts.append(" ")
            elif text:
                if current is None:
                    current = Segment([], tuple(path), tags[-1])
                    segments.append(current)
                current.parts.append(text)
                if links:
                    current.link_chars += len(text.strip())
        elif tag and tag[0] != "-":  # an element, not a comment
            if tag in BLOCK_TAGS:
                current = None
            if node.child is not None:
                descend = True
                path.append(node.mem_id)
                tags.append(tag if tag in BLOCK_TAGS else tags[-1])
                if tag == "a":
                    links += 1
                if tag == "article" or _names_a_body(node):
                    marked.add(node.mem_id)
        if descend:
            node = node.child
            continue
        # Climb back up until a next sibling exists, closing elements on the way.
        while node is not None and node.next is None:
            if len(path) == 1:
                node = None
                break
            node = node.parent
            path.pop()
            tags.pop()
            if node is None:
                break
            if node.tag == "a":
                links -= 1
            if node.tag in BLOCK_TAGS:
                current = None
        if node is not None:
            node = node.next
    for segment in segments:
        segment.text = " ".join("".join(segment.parts).split())
    return [s for s in segments if s.text], marked


def _names_a_body(node: LexborNode) -> bool:
    attributes = node.attributes
    if not attributes:
        return False
    if (attributes.get("itemprop") or "").lower() == "articlebody":
        return True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    return BODY_NAMES.search(names) is not None
