"""Which element holds the article.

Every element scores the segments under it: prose (a long line with few links) counts for its length, link
lists and notices against it, short lines not at all. The best-scoring element is the article body, unless an
element marked as one (an <article>, `itemprop=articleBody`, a class such as "article-body") holds nearly as
much prose. An unmarked body cut in two by a block of links continues in a sibling with prose enough.
"""

from __future__ import annotations

from collections import Counter

from wirewatch.producers.article.segments import HEADINGS, Segment
from wirewatch.producers.article.wording import SENTENCE_ENDS, is_notice

# A line this long with few links is prose; shorter ones are neutral unless link-heavy.
PROSE_CHARS = 70
SENTENCE_WORDS = 3
LINK_DENSE = 0.4
# Each character of a link list or notice costs this much: enough that a list of teasers (a linked headline
# over a sentence of summary) scores below zero.
BOILERPLATE_COST = 2.5
# A marked body wins if it holds at least this share of the best element's prose.
MARKED_SHARE = 0.6
# A sibling of the chosen element scoring this share of it is more of the same article.
SIBLING_SHARE = 0.2


def choose_containers(segments: list[Segment], marked: set[int]) -> set[int]:
    """The ids of the element (rarely, sibling elements) holding the article."""
    scores: dict[int, float] = {}  # prose less link lists and notices
    prose: dict[int, float] = {}  # prose alone
    depth: dict[int, int] = {}
    parent: dict[int, int] = {}
    for segment in segments:
        value = _value(segment)
        path = segment.path
        for level, element in enumerate(path):
            scores[element] = scores.get(element, 0.0) + value
            prose[element] = prose.get(element, 0.0) + max(value, 0.0)
            depth[element] = level
            if level:
                parent[element] = path[level - 1]
    best = max(scores, key=lambda element: (scores[element], depth[element]))
    # Sibling <article>s are the posts of a live blog or the teasers of a list, not one article's body.
    siblings = Counter(parent.get(m) for m in marked if m in scores)
    alone = [m for m in marked if m in scores and siblings[parent.get(m)] == 1]
    if alone:
        # Compared on prose alone: a marked body keeps its own share bar and related links, which a
        # tighter unmarked element may have left out.
        candidate = max(alone, key=lambda element: (prose[element], depth[element]))
        if prose[candidate] >= MARKED_SHARE * prose[best]:
            return {candidate}
    floor = max(PROSE_CHARS, SIBLING_SHARE * scores[best])
    family = parent.get(best)
    return {best} | {e for e, p in parent.items() if p == family and e != best and scores[e] >= floor}


def _value(segment: Segment) -> float:
    length = len(segment.text)
    if segment.link_density > LINK_DENSE or is_notice(segment.text):
        return -BOILERPLATE_COST * length
    if segment.tag in HEADINGS:
        return 0.0
    # A short line counts when it reads as a sentence: one-line paragraphs are common, labels rarely end so.
    if length >= PROSE_CHARS or (
        segment.text.endswith(SENTENCE_ENDS) and segment.text.count(" ") >= SENTENCE_WORDS - 1
    ):
        return length
    return 0.0
