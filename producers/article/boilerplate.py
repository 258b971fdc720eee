"""Removing what is never article text, before the main text is looked for.

Two passes over the parsed page: tags that hold no readable text or only site furniture (scripts, menus,
footers, form fields) go first; then elements whose class, id, role, ARIA label or component name says what they
are: cookie banners, share bars, related and most-read lists, newsletter boxes, ads, comments, bylines.
Words like "sidebar" or "ads" also turn up in the classes of wrappers around the whole page, so a wrapper
holding most of the page's text or a marked article body is kept (see `_keeps_content`).
"""

from __future__ import annotations

import functools
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Tags removed with everything inside them.
FURNITURE_TAGS = [
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "picture", "img", "button", "select", "input", "textarea", "option", "label", "dialog",
    "nav", "footer", "aside", "menu", "figcaption",
    # AMP's own elements for the same things
    "amp-ad", "amp-sticky-ad", "amp-embed", "amp-sidebar", "amp-consent", "amp-user-notification", "amp-analytics",
    "amp-social-share", "amp-iframe", "amp-twitter", "amp-instagram", "amp-facebook", "amp-youtube", "amp-video",
]  # fmt: skip
# Names of boilerplate in class/id/role/aria-label/data-* values; matched at word boundaries, where a word
# is a run of letters and digits. Specific: what these name is never the article, whatever its size.
SPECIFIC = re.compile(
    r"(?<![a-z0-9])(?:"
    r"cookies?|consent|gdpr|"
    r"comments?(?:[-_]?(?:list|section|area|thread|form|respond|count|wrapper|container))?|disqus|respond|replies|"
    r"share|sharing|sharebar|shares|sharedaddy|social|socials|"
    r"related\w*|recommend\w*|outbrain|taboola|most[-_]?(?:read|popular|viewed|shared)|trending|"
    r"read[-_]?(?:also|more|next)|see[-_]?also|also[-_]?read|more[-_]?(?:stories|news|on|from)|"
    r"lire[-_]?aussi|leia[-_]?tambem|leggi[-_]?anche|lee[-_]?tambien|mehr[-_]?zum[-_]?thema|"
    r"newsletters?|subscribe|subscription|signup|sign[-_]?up|paywall|regwall|offers?|discussion|"
    r"breadcrumbs?|byline|bylines|author[-_]?(?:bio|box|info|card|block)|dateline|timestamp|"
    r"tags?[-_]?(?:list|links|cloud)|"
    r"adsbygoogle|advert\w*|adslot|ad[-_]?(?:slot|unit|container|wrapper|label|box|banner)|sponsored|sponsor|"
    r"promo|promoted|popup|modal|overlay|"
    r"skip[-_]?link|sr[-_]?only|visually[-_]?hidden|screen[-_]?reader[-_]?text|"
    r"print[-_]?only|caption|credits?|copyright|"
    # the same in the class names of French, Spanish, Portuguese, Italian and German sites
    r"partage|partager|compartir|compartilhar|condividi|teilen|redes[-_]?sociales|"
    r"commentaires|comentarios|commenti|kommentare|"
    r"relacionad[ao]s|notas[-_]?relacionadas|articles?[-_]?lies|correlati|verwandte\w*|"
    r"publicite|publicidad|publicidade|pubblicita|werbung|anzeigen?|reklama|"
    r"mas[-_]?leid[ao]s|mais[-_]?lid[ao]s|piu[-_]?letti|meistgelesen\w*|"
    r"veja[-_]?tambem|a[-_]?lire|etiquetas|epigrafe|legende|legenda|didascalia|bildunterschrift|pie[-_]?de[-_]?foto"
    r")(?![a-z0-9])"
)
# Layout words: also used on wrappers around the whole page ("has-sidebar", "with-ads"). The ones that
# describe a line of metadata only count at the end of a class ("entry-date", not "date-block").
LAYOUT = re.compile(
    r"(?<![a-z0-9])(?:"
    r"(?:ads?|adv|dfp|mpu|banner|sidebar|widgets?|rail|menu|navbar|navigation|nav|toolbar|footer|masthead)"
    r"(?![a-z0-9])|"
    r"(?:meta|tags|topics|popular|author|autor|autore|auteur|date|fecha|datum|time|published)(?![\w-])"
    r")"
)
# Taxonomy classes name what an article is about, not what an element is: WordPress puts "category-social"
# or "tag-cookies" on the <article> itself.
TAXONOMY = re.compile(
    r"(?<![\w-])(?:category|tag|tags|topic|topics)-"
    r"(?!(?:list|links|cloud|bar|box|container|wrapper|block)(?![\w-]))[\w-]+"
)
BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
     "toolbar", "tablist", "tab", "button", "alert", "status", "marquee", "timer"}
)  # fmt: skip
# Classes that name the article body itself: an element carrying one is never boilerplate.
CONTENT = re.compile(
    r"(?:article|story|entry|post|news|main|page|text|content)[-_]?(?:body|content|text)(?![a-z])|articlebody|"
    r"body[-_]?text|(?<![a-z])(?:article|story|cuerpo|corpo|corps|contenido|conteudo|contenu|contenuto|inhalt|"
    r"texto|testo|texte|artikel)(?![a-z-_])"
)
CONTENT_MARKERS = "[itemprop=articleBody], [itemprop=reviewBody], [property=articleBody]"
NEVER_REMOVED = frozenset({"html", "body", "main"})
# An element holding this share of the page's text is a layout wrapper, whatever its class says.
WRAPPER_SHARE = 0.5
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def remove_boilerplate(tree: LexborHTMLParser) -> None:
    """Remove furniture tags, then boilerplate elements, from the parsed page in place."""
    tree.strip_tags(FURNITURE_TAGS)
    body = tree.body
    if body is None:
        return
    page_chars = len(body.text(deep=True))
    doomed: list[tuple[LexborNode, bool]] = []
    for node in body.traverse():
        attributes = node.attributes
        if not attributes or node.tag in NEVER_REMOVED:
            continue
        verdict = _verdict(attributes)
        if verdict is not None:
            doomed.append((node, verdict))
    # Last first: a descendant goes before its ancestor, so no removed node is touched again.
    for node, specific in reversed(doomed):
        if specific or not _keeps_content(node, page_chars):
            node.decompose()


def _verdict(attributes: dict[str, str | None]) -> bool | None:
    """None: not boilerplate; True: boilerplate by a specific name; False: by a layout word only."""
    if "hidden" in attributes:
        return True
    if attributes.get("aria-hidden") == "true":
        # Consent dialogs hide the whole page from screen readers while they are open.
        return False
    style = attributes.get("style")
    if style and HIDDEN_STYLE.search(style):
        return True
    role = attributes.get("role")
    if role and role.lower() in BOILERPLATE_ROLES:
        return True
    names = " ".join(
        value
        for key in ("class", "id", "aria-label", "data-component", "data-testid", "data-module", "data-type")
        if (value := attributes.get(key))
    ).lower()
    return _names_verdict(names) if names else None


@functools.lru_cache(maxsize=4096)  # pages repeat the same few class strings hundreds of times
def _names_verdict(names: str) -> bool | None:
    names = TAXONOMY.sub("", names)
    if CONTENT.search(names):
        return None
    if SPECIFIC.search(names):
        return True
    if LAYOUT.search(names):
        return False
    return None


def _keeps_content(node: LexborNode, page_chars: int) -> bool:
    if node.css_first(CONTENT_MARKERS) is not None:
        return True
    return page_chars > 0 and len(node.text(deep=True)) >= WRAPPER_SHARE * page_chars
