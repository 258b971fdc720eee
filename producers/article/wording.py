"""Boilerplate known by what it says rather than where it sits: labels ("Advertisement", "Read also"), bylines
("By Jane Doe"), cookie notices and newsletter pitches, in the languages we monitor."""

from __future__ import annotations

import re

LABELS = re.compile(
    r"(?:advertisement|advertising|sponsored|publicité|publicidad|publicidade|anzeige|werbung|pubblicità|"
    r"реклама|إعلان|read more|read also|see also|lire aussi|leia também|leggi anche|lee también|mehr zum thema|"
    r"читайте также|اقرأ أيضا|اقرأ أيضاً|share|partager|compartir|compartilhar|teilen|condividi|поделиться|مشاركة|"
    r"شارك)\W*",
    re.IGNORECASE,
)
LABEL_CHARS = 40
# How a line that is a sentence ends; labels, kickers, bylines and dates rarely do.
SENTENCE_ENDS = (".", "!", "?", "…", ":", '"', "”", "»", "'", ")")
# Words that open a byline, and, for lines of page text, the ones that rarely open a sentence too.
BYLINE_PREFIX = re.compile(
    r"^(?:by|from|por|par|von|di|de|da|door|av|автор|текст|بقلم|كتب|written by|reported by)\s*:?\s+", re.IGNORECASE
)
BYLINE_LINE = re.compile(r"(?:by|por|par|von|door|av|автор|текст|بقلم|كتب)\s*:?\s+(?=[^\W\d_])", re.IGNORECASE)
# What follows the name in a byline: a role, a date, a separator.
BYLINE_TAIL = re.compile(r"\s*(?:[|•·—–,]|\b(?:updated|published|on)\b).*$|\s+\d.*$", re.IGNORECASE)
NAME_CHARS = 60
NAME_WORDS = 6
# Notices: a cookie banner names cookies and asks for consent; a pitch asks for a sign-up. Article paragraphs
# that mention either are rarely this short.
NOTICE_CHARS = 1000
PITCH_CHARS = 300
COOKIES = re.compile(r"cookie|куки|ملفات تعريف الارتباط", re.IGNORECASE)
CONSENT = re.compile(
    r"consent|accept|partners|privacy|preferences|personal data|consentement|accepter|partenaires|aceptar|socios|"
    r"consentimento|aceitar|parceiros|einwilligung|akzeptieren|partner|datenschutz|accetta|consenso|согласи|"
    r"принять|партнер|конфиденциальн|موافق|قبول|شركاء|الخصوصية",
    re.IGNORECASE,
)
PITCH = re.compile(
    r"newsletter|\binbox\b|\bsign up\b|\bsubscribe (?:now|to|today)\b|abonnez-vous|infolettre|suscr[ií]bete|"
    r"\bassine (?:já|agora|a)\b|jetzt abonnieren|iscriviti|подпишитесь|النشرة البريدية",
    re.IGNORECASE,
)


def is_label(text: str) -> bool:
    return len(text) < LABEL_CHARS and LABELS.fullmatch(text) is not None


def is_notice(text: str) -> bool:
    """A cookie notice or a newsletter pitch: boilerplate that reads like prose."""
    if len(text) > NOTICE_CHARS:
        return False
    if COOKIES.search(text) and CONSENT.search(text):
        return True
    return len(text) < PITCH_CHARS and PITCH.search(text) is not None


def starts_byline(text: str) -> bool:
    """True for "By Jane Doe, staff writer", false for "By noon the streets were empty"."""
    match = BYLINE_LINE.match(text)
    return match is not None and not text[match.end()].islower()


def byline_name(text: str) -> str | None:
    """The name in a byline or author field: "By Jane Doe | 3 March 2025" -> "Jane Doe"."""
    text = BYLINE_PREFIX.sub("", " ".join(text.split()))
    text = BYLINE_TAIL.sub("", text).strip(" :,.")
    # A name is a few words; anything longer is a sentence or a whole block of metadata.
    if not text or len(text) > NAME_CHARS or len(text.split()) > NAME_WORDS:
        return None
    return text
