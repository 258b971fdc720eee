"""The main text of a page whose boilerplate elements are already removed (boilerplate.py).

The page is read into text segments (segments.py), the element holding the article is chosen
(container.py), and its segments are kept in order, less the lines no reader reads: link-dense lines and
small link lists ("Read also: ..."), labels ("Advertisement"), lone dates and times, the title, the byline,
notices, and subheadings with nothing but dropped lines under them.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from wirewatch.producers.article.container import PROSE_CHARS, choose_containers
from wirewatch.producers.article.segments import HEADINGS, Segment, read_segments
from wirewatch.producers.article.wording import SENTENCE_ENDS, is_label, is_notice, starts_byline

LINK_LINE = 0.5  # a line with this share of its text in links is a link, unless it is long
LINK_LINE_CHARS = 400
# An element with less text than this, most of it in links, is a link list however its lines look.
LINK_LIST_CHARS = 300
LINK_LIST_SHARE = 0.5
BYLINE_CHARS = 80
LETTER = re.compile(r"[^\W\d_]")
DIGIT = re.compile(r"\d")
WORD = re.compile(r"\w+")


def main_text(body: LexborNode, title: str | None = None, author: str | None = None) -> str:
    """The article text under `body`, one paragraph or subheading a line; "" when there is none."""
    segments, marked = read_segments(body)
    if not segments:
        return ""
    containers = choose_containers(segments, marked)
    kept = [s for s in segments if not containers.isdisjoint(s.path)]
    return "\n".join(_clean(kept, title, author))


def _clean(segments: list[Segment], title: str | None, author: str | None) -> list[str]:
    title_words = _words(title) if title else None
    link_lists = _link_lists(segments)
    keep = [_is_text(s, title_words, author) and link_lists.isdisjoint(s.path) for s in segments]
    # Above the first paragraph sit the kicker, the headline, the byline and the date: short lines that are
    # not sentences. (Subheadings there are kept: a live blog's first post may open with its title.)
    for i, segment in enumerate(segments):
        if len(segment.text) >= PROSE_CHARS and segment.tag not in HEADINGS:
            break
        if segment.tag not in HEADINGS and not segment.text.endswith(SENTENCE_ENDS):
            keep[i] = False
    # A subheading is kept when text follows it in its own section, not when only dropped lines do
    # ("Related stories" over a list of links).
    for i, segment in enumerate(segments):
        if keep[i] and segment.tag in HEADINGS:
            keep[i] = _heads_text(segments, keep, i)
    return [s.text for s, kept in zip(segments, keep, strict=True) if kept]


def _is_text(segment: Segment, title_words: str | None, author: str | None) -> bool:
    text = segment.text
    if segment.link_density > LINK_LINE and len(text) < LINK_LINE_CHARS:
        return False
    if not LETTER.search(text):  # a lone time, date, counter or bullet
        return False
    if is_label(text) or is_notice(text):
        return False
    if segment.tag == "h1" or (title_words and _words(text) == title_words):
        return False
    if len(text) < BYLINE_CHARS and not text.endswith(".") and starts_byline(text):
        return False
    # The byline of a known author: the name with little else, or with the date.
    return not (
        author and author in text and (len(text) < len(author) + 30 or (DIGIT.search(text) and len(text) < 100))
    )


def _heads_text(segments: list[Segment], keep: list[bool], index: int) -> bool:
    """True if kept text follows the heading in its section: the smallest element holding it and the next line."""
    if index + 1 == len(segments):
        return False
    section = _common_ancestor(segments[index].path, segments[index + 1].path)
    for following in range(index + 1, len(segments)):
        segment = segments[following]
        if segment.tag in HEADINGS or section not in segment.path:
            return False
        if keep[following]:
            return True
    return False


def _common_ancestor(first: tuple[int, ...], second: tuple[int, ...]) -> int:
    common = first[0]
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common = a
    return common


def _link_lists(segments: list[Segment]) -> set[int]:
    """Elements whose text is short and mostly links: a "read also" box, a card, a tag list."""
    chars: dict[int, int] = {}
    link_chars: dict[int, int] = {}
    for segment in segments:
        for element in segment.path:
            chars[element] = chars.get(element, 0) + len(segment.text)
            link_chars[element] = link_chars.get(element, 0) + segment.link_chars
    return {
        element
        for element, total in chars.items()
        if total < LINK_LIST_CHARS and link_chars[element] > LINK_LIST_SHARE * total
    }


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
