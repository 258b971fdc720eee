"""Publication dates as pages write them, to timezone-aware UTC datetimes.

ISO 8601 (what meta tags and JSON-LD carry), RFC 2822, Unix timestamps, and the forms bylines print:
"5 March 2024, 14:20 CET", "March 5, 2024 2:20 PM EST", "05.03.2024 14:20", "2024/03/05", with month names in
the languages we monitor. A time without a zone is taken as UTC, a day without a time as noon UTC (see
parse_date). Nothing before 1990 or more than a day in the future is accepted: such a value is a template
default or a broken clock, not a publication date.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, time, timedelta, timezone

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)
MAX_YEAR = 9998  # one short of datetime's last, so that any time zone conversion stays in range

MONTHS = {
    # English, French, Spanish, Portuguese, German, Italian, Russian (nominative and genitive): the first
    # letters are enough to tell the months apart within each language.
    **dict.fromkeys(("jan", "janv", "janvier", "ene", "enero", "janeiro", "januar", "jän", "gen", "gennaio", "янв"), 1),
    **dict.fromkeys(("feb", "fév", "fev", "février", "fevrier", "febrero", "fevereiro", "februar", "febbraio", "фев"), 2),
    **dict.fromkeys(("mar", "mars", "marzo", "março", "marco", "märz", "marz", "мар"), 3),
    **dict.fromkeys(("apr", "avr", "avril", "abr", "abril", "aprile", "апр"), 4),
    **dict.fromkeys(("may", "mai", "mayo", "maio", "mag", "maggio", "мая", "май"), 5),
    **dict.fromkeys(("jun", "juin", "junio", "junho", "juni", "giu", "giugno", "июн"), 6),
    **dict.fromkeys(("jul", "juil", "juillet", "julio", "julho", "juli", "lug", "luglio", "июл"), 7),
    **dict.fromkeys(("aug", "août", "aout", "ago", "agosto", "august", "авг"), 8),
    **dict.fromkeys(("sep", "sept", "septembre", "septiembre", "setembro", "september", "set", "settembre", "сен"), 9),
    **dict.fromkeys(("oct", "octobre", "octubre", "out", "outubro", "okt", "oktober", "ott", "ottobre", "окт"), 10),
    **dict.fromkeys(("nov", "novembre", "noviembre", "novembro", "november", "ноя"), 11),
    **dict.fromkeys(("dec", "déc", "décembre", "decembre", "dic", "diciembre", "dez", "dezembro", "dezember", "dicembre", "дек"), 12),
    # Arabic: the Egyptian names, and the Levantine ones that are a single word
    "يناير": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "نيسان": 4,
    "مايو": 5, "أيار": 5, "يونيو": 6, "حزيران": 6, "يوليو": 7, "تموز": 7, "أغسطس": 8, "اغسطس": 8, "آب": 8,
    "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}  # fmt: skip
# Arabic-Indic and Persian digits, read as 0-9.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
ZONES = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "cet": 1, "west": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "мск": 3, "et": -5, "ct": -6, "pt": -8, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
}  # fmt: skip

WORD = r"[^\W\d_]+\.?"
TIME = r"(?:(?:\s*(?:,|at|à|a las|às|um|alle|в|-|–|—)?\s*)(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
ZONE = r"(?:\s*\(?(?P<zone>(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|[^\W\d_]{1,4}\b)\)?)?"
DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(?P<month>{WORD})\s+(?:de\s+)?(?P<year>\d{{4}})(?:\s*г\.)?{TIME}{ZONE}",
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{WORD})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){TIME}{ZONE}", re.IGNORECASE
)
NUMERIC = re.compile(rf"(?P<a>\d{{1,4}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<c>\d{{2,4}}){TIME}{ZONE}")
COMPACT = re.compile(
    r"(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?:T?(?P<hour>\d{2})(?P<minute>\d{2}))?"
)
TIMESTAMP = re.compile(r"\d{10}(?:\d{3})?")
# fromisoformat (3.11) reads nearly all ISO 8601; these fix what it does not: a space before the zone,
# a lower-case t or z, fractions longer than microseconds.
ISO_FIXES = (
    (re.compile(r"^(\d{4}-\d{2}-\d{2})[t ](\d)"), r"\1T\2"),
    (re.compile(r"(\.\d{6})\d+"), r"\1"),
    (re.compile(r"\s+(?=[+-]\d{2}:?\d{2}$|Z$)"), ""),
    (re.compile(r"z$"), "Z"),
)


def parse_date(value: str | None, now: datetime | None = None) -> datetime | None:
    """A plausible publication date from `value`, in UTC, or None."""
    if not value:
        return None
    value = " ".join(value.translate(DIGITS).split())[:120]
    parsed = _iso(value) or _timestamp(value) or _rfc2822(value) or _written(value)
    if parsed is None or not EARLIEST.year - 1 <= parsed.year <= MAX_YEAR:  # "0001-01-01": a CMS's empty date
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if parsed.time() == time() and not TIMESTAMP.fullmatch(value) and not re.search(r"\d[:h]\d{2}", value):
        # A bare day is a day in the site's own zone, which we do not know: noon UTC falls on that same
        # day from UTC-11 to UTC+11, where midnight UTC would be the day before anywhere west of Greenwich.
        parsed = parsed.replace(hour=12)
    parsed = parsed.astimezone(UTC)
    latest = (now or datetime.now(UTC)) + FUTURE_TOLERANCE
    return parsed if EARLIEST <= parsed <= latest else None


def _iso(value: str) -> datetime | None:
    if not value[:4].isdigit() or len(value) < 8:
        return None
    for pattern, replacement in ISO_FIXES:
        value = pattern.sub(replacement, value)
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _timestamp(value: str) -> datetime | None:
    if not TIMESTAMP.fullmatch(value):
        return None
    seconds = int(value) / (1000 if len(value) == 13 else 1)
    return datetime.fromtimestamp(seconds, UTC)


def _rfc2822(value: str) -> datetime | None:
    if "," not in value[:5] and not re.match(r"\d{1,2} [A-Za-z]{3} \d{4} \d", value):
        return None
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _written(value: str) -> datetime | None:
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for match in pattern.finditer(value):
            month = _month(match["month"])
            if month:
                return _build(int(match["year"]), month, int(match["day"]), match)
    if numeric := NUMERIC.search(value):
        return _numeric(numeric)
    if compact := COMPACT.fullmatch(value):
        return _build(int(compact["year"]), int(compact["month"]), int(compact["day"]), compact)
    return None


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    return MONTHS.get(word) or MONTHS.get(word[:4]) or MONTHS.get(word[:3])


def _numeric(match: re.Match[str]) -> datetime | None:
    a, b, c = int(match["a"]), int(match["b"]), int(match["c"])
    if len(match["a"]) == 4:
        year, month, day = a, b, c
    else:
        year = c if c >= 100 else 2000 + c
        # Dotted and dashed dates are day-first (Europe); slashed ones are month-first (United States)
        # unless the first number cannot be a month.
        month_first = match["sep"] == "/" and a <= 12
        month, day = (a, b) if month_first else (b, a)
    return _build(year, month, day, match)


def _build(year: int, month: int, day: int, match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    hour = int(groups.get("hour") or 0)
    minute = int(groups.get("minute") or 0)
    second = int(groups.get("second") or 0)
    ampm = (groups.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        # A word after a bare date is prose ("5 mars 2024 et ..."), not a zone.
        zone = _zone(groups.get("zone")) if groups.get("hour") else UTC
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


def _zone(text: str | None) -> timezone:
    if not text:
        return UTC
    text = text.strip().lower()
    if text in ZONES:
        return timezone(timedelta(hours=ZONES[text]))
    match = re.search(r"([+-])(\d{1,2}):?(\d{2})?$", text)
    if not match:
        return UTC
    offset = timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
    return timezone(-offset if match[1] == "-" else offset)
