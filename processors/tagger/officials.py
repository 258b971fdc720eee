"""Officials a dispatch mentions: `OfficialFinder` runs the officials finders over one dispatch's spans in
order and reports what they found, and where the people's names stand in the text.

The finders, one module each: known officials by name and surname (officials_known), unknown officials
after a role title (officials_titled), people described after their name or given a role by a verb
(officials_appositions); the role
phrase before a name is read by officials_roles, and officials_scan holds what they share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from wirewatch.processors.tagger.matcher import Kind
from wirewatch.processors.tagger.officials_appositions import (
    find_aged_people,
    find_appointments,
    find_appositions,
    find_heads_named_after_body,
    find_named_as,
    find_portfolios_taken,
    find_replacements,
)
from wirewatch.processors.tagger.officials_known import link_surname, take_full_name
from wirewatch.processors.tagger.officials_roles import add_portfolio
from wirewatch.processors.tagger.officials_scan import Found, OfficialsScan
from wirewatch.processors.tagger.officials_titled import find_after_role, find_listed

_AS_SUBJECT = re.compile(r"(?:[,.;:'’\"]|$| (?:said|says|told|added|asked|who|was|is|had|has)\b)")


class OfficialFinder:
    """Runs the officials finders over one dispatch, read as an `OfficialsScan`."""

    def __init__(self, scan: OfficialsScan) -> None:
        self.scan = scan
        # (role phrase start, name start, country of the official): a body named inside an official's role
        # phrase belongs to the official's country. The scan's own list, filled as the finders run.
        self.phrase_countries: list[tuple[int, int, str]] = scan.phrase_countries

    def run(self) -> list[Found]:
        """The officials of the dispatch, in order of first mention."""
        scan = self.scan
        surname_spans: list[int] = []
        cased, consumed, body_start = scan.cased, scan.consumed, scan.body_start
        for index, span in enumerate(scan.spans):
            if index in consumed:
                continue
            official = span.by_kind.get(Kind.OFFICIAL)
            if official is not None:
                take_full_name(scan, index, span, official.ref)
            elif Kind.SURNAME in span.by_kind and Kind.COUNTRY not in span.by_kind and Kind.AGENCY not in span.by_kind:
                surname_spans.append(index)  # linked once every full name is known
            elif Kind.ROLE in span.by_kind:
                role_end = span.end  # a role's portfolio, known before any name after it is read
                if cased.startswith(" of ", role_end) or cased.startswith(" for ", role_end):
                    add_portfolio(scan, index, role_end)
                if span.start >= body_start:
                    find_after_role(scan, index, span)
        find_listed(scan)
        find_appositions(scan)
        find_appointments(scan)
        find_named_as(scan)
        find_portfolios_taken(scan)
        find_heads_named_after_body(scan)
        find_replacements(scan)
        find_aged_people(scan)
        for index in surname_spans:
            if index not in consumed:
                link_surname(scan, index)
        return sorted(scan.found.values(), key=lambda record: record.first)

    def count_unknown_surnames(self) -> None:
        """An unknown official named in full is mentioned as often as the surname alone occurs in the body."""
        scan = self.scan
        unknown = [
            (record, record.surname)
            for record in scan.found.values()
            if not record.known and record.surname and " " in record.name
        ]
        if not unknown:
            return
        text = scan.text
        for record, surname in unknown:
            # whole-word occurrences in the body (str.find: a regex per dispatch would be compiled every time)
            count, width = 0, len(surname)
            pos = text.find(surname, scan.body_start)
            while pos != -1:
                end = pos + width
                if not (text[pos - 1 : pos].isalnum() or text[pos - 1 : pos] == "_") and not (
                    text[end : end + 1].isalnum() or text[end : end + 1] == "_"
                ):
                    count += 1
                pos = text.find(surname, end)
            record.mentions = max(record.mentions, count)

    def person_ranges(self) -> list[tuple[int, int]]:
        """Where the officials' names (and surnames of unknown ones) and the names of people described as
        private persons occur: no country word there is a country."""
        scan = self.scan
        ranges: list[tuple[int, int]] = []
        for record in scan.found.values():
            needles: Sequence[str]
            if record.kb is not None:
                needles = scan.names.hiding_names(record.kb)
            else:
                written = [record.name]
                if record.surname and " " in record.name:
                    written.append(record.surname)
                needles = [needle for needle in written if scan.hides_country(needle)]
            ranges += self._occurrences(needles)
        for name in scan.private_names:
            ranges += self._occurrences([name], as_subject=" " not in name)
        return ranges

    def _occurrences(self, needles: Iterable[str], as_subject: bool = False) -> list[tuple[int, int]]:
        """Whole-word occurrences of each needle in the text; with `as_subject`, only where a person's name
        would stand ("Danish said", "Danish, who"), not an adjective ("Danish troops")."""
        text = self.scan.text
        ranges: list[tuple[int, int]] = []
        for needle in needles:
            pos = text.find(needle)
            while pos != -1:
                end = pos + len(needle)
                if (
                    (pos == 0 or not text[pos - 1].isalnum())
                    and (end >= len(text) or not text[end].isalnum())
                    and (not as_subject or _AS_SUBJECT.match(text, end))
                ):
                    ranges.append((pos, end))
                pos = text.find(needle, end)
        return ranges
