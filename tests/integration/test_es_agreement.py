"""THE agreement test: the in-stream matcher fires on exactly the documents query_string returns.

The corpus is the gold dev dispatches tagged by wirewatch.processors.tagger.Tagger plus
hand-made edge cases (apostrophes, hyphens, U.S., accents, Turkish İ,
numbers). For every rule below, `parse_query(rule).match(doc)` must be true on
exactly the ids Elasticsearch returns. A difference is a bug in our matcher or
analyzer (or a documented, deliberate divergence, listed in KNOWN_DIFFERENCES).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from elasticsearch import BadRequestError

from tests.integration.es_support import gold_dispatches, index_docs, make_dispatch, multilingual_dispatches, tag_all
from wirewatch.models import AgencyMention, CountryMention, Event, OfficialMention, TaggedDispatch
from wirewatch.query import QuerySyntaxError, parse_query
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.elasticsearch.search import query_string_clause

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


def edge_cases() -> list[TaggedDispatch]:
    """Hand-made documents that stress tokenisation, case, dates and entity fields."""
    rows = [
        (
            "edge-apostrophe",
            "Ankara's envoy meets O'Brien",
            "Turkey's foreign ministry said Ankara’s envoy met O'Brien.",
            "2024-01-01T00:00:00Z",
        ),
        (
            "edge-hyphen",
            "Al-Assad visits Guinea-Bissau",
            "President Bashar al-Assad met officials in Guinea-Bissau; "
            "a so-called well-known cease-fire was discussed.",
            "2024-01-31T23:59:59.999Z",
        ),
        (
            "edge-us",
            "U.S. envoy in U.K.",
            "The U.S. and the U.K. signed it; the US embassy and u.s. forces agreed.",
            "2024-02-01T00:00:00Z",
        ),
        (
            "edge-accents",
            "Çavuşoğlu meets Côte d'Ivoire minister",
            "Mevlüt Çavuşoğlu spoke in São Paulo and Zürich about the café crème accord; naïve résumé.",
            "2023-12-31T23:59:59Z",
        ),
        (
            "edge-turkish-i",
            "İstanbul talks on İzmir port",
            "Officials from İstanbul and ISTANBUL and istanbul met; IŞIK said ılık weather.",
            "2024-03-15T12:00:00+02:00",
        ),
        (
            "edge-numbers",
            "Budget of 3.5 billion approved, 95 percent",
            "The 1,000 troops and 2024 plans: "
            "3.5% growth, 10:00 GMT meeting, COP28 and G20 leaders, version 2.0.1 and 1st round.",
            "2022-06-15T08:30:00Z",
        ),
        (
            "edge-coup-words",
            "Coup attempt foiled",
            "A coup d'état attempt; coups and counter-coup plots; the putsch failed. COUP! Coup-plotters arrested.",
            "2021-05-05T05:05:05Z",
        ),
        ("edge-empty-text", "Only a title", "", "2020-01-01T00:00:00Z"),
        (
            "edge-cyrillic",
            "Попытка переворота сорвана",
            "Военные заявили о попытке госпереворота; ещё один переворот? Всё ёлки-палки, Ёж. "
            "Россия, России и Россией — три формы; МИД РФ, Путин-младший.",
            "2025-10-05T10:00:00Z",
        ),
        (
            "edge-arabic",
            "\u200fمحاولة انقلاب في السودان",
            "أعلن الجيش إحباط محاولة انقلاب، وقال إن الانقلابيين اعتقلوا. والسودان ومصر بالسودان للسودان. "
            "مُحَمَّد أحمد إسماعيل ومصطفى؛ انقلاب سيارة ٢٠٢٥ و2025.",
            "2025-10-06T10:00:00Z",
        ),
    ]
    dispatches = [make_dispatch(key, title, text, published) for key, title, text, published in rows]
    tagged = tag_all(dispatches)
    # Entity fields set by hand, so keyword case, spaces and roles are exercised whatever the tagger finds.
    tagged[3].tags.officials = [
        OfficialMention("Mevlüt Çavuşoğlu", "Foreign Minister", "TR", 1, True, "kb", "kb", "2014-11-24", "2015-08-28"),
        OfficialMention(
            "Mevlut Cavusoglu", "foreign minister", "TR", 1, False, "text", "text", "2016-07-16", "2016-07-16"
        ),
        OfficialMention("Ousmane Garba Toudou", "finance minister", "NE", 2, False, "learned", "learned", "2025-09-01"),
    ]
    tagged[3].tags.countries = [CountryMention("TR", "Turkey", 2, 0), CountryMention("CI", "Côte d'Ivoire", 1, 10)]
    tagged[4].tags.countries = [CountryMention("TR", "Türkiye", 3, 0)]
    tagged[4].tags.agencies = [AgencyMention("Anadolu Agency", "news_agency", "TR", 1)]
    tagged[6].tags.events = [Event("coup", "current", 0.875, "A coup d'état attempt", 0)]
    tagged[6].tags.keywords = ["coup", "Coup"]
    tagged[5].dispatch.hints = {"country": "FR", "region": "Europe"}
    return tagged


RULES: list[str] = [
    # other languages and scripts (issue 14): the standard tokenizer on Cyrillic, Arabic and Latin accents
    "переворот",
    "text:переворот",
    "Переворота",
    "госпереворота",
    '"попытка переворота"',
    "ёлки",
    "елки",
    "России",
    "переворот*",
    "انقلاب",
    "text:انقلاب",
    '"محاولة انقلاب"',
    "والسودان",
    "السودان",
    "مُحَمَّد",
    "انقلاب*",
    "État",
    "état",
    "etat",
    # folding (wirewatch.query.folding): accents, Arabic hamza seats and harakat, ё; keyword fields stay exact
    "cavusoglu",
    "text:zurich",
    "ZÜRICH",
    '"sao paulo"',
    "cafe*",
    "resume AND naive",
    "title:cote",
    "text:[zu TO zz]",
    "احباط",
    "محمد",
    "text:مُحمد",
    'officials.name:"Mevlüt Çavuşoğlu"',
    'officials.name:"Mevlut Cavusoglu"',
    "title:(etat OR cote) AND NOT text:zurich",
    '"coup d\'État"',
    "Staatsstreich OR Putsch",
    "putsch AND language:de",
    "language:ru AND (переворот OR госпереворот)",
    "language:(ar OR ru)",
    "language:fr AND NOT language_declared:fr",
    "language_confidence:>=0.9 AND language:ar",
    # terms and phrases
    "coup",
    "Coup",
    "COUP",
    "coups",
    "putsch",
    "junta",
    "Niger",
    "niger",
    "Türkiye",
    "türkiye",
    "turkey",
    '"military coup"',
    '"coup attempt"',
    '"seized power"',
    '"Aung San Suu Kyi"',
    '"coup d\'état"',
    "d'état",
    "title:coup",
    "text:coup",
    'title:"coup attempt"',
    "title:(coup OR junta)",
    # boolean: Lucene's classic parser, AND/OR mixes, NOT-only
    "coup AND Niger",
    "coup OR junta",
    "coup AND junta OR Mali",
    "coup OR junta AND Mali",
    "Niger AND NOT coup",
    "NOT coup",
    "-coup",
    "+coup -Niger",
    "coup Niger",
    "coup && Mali",
    "coup || putsch",
    "!coup AND Mali",
    "(coup OR putsch) AND (Mali OR Niger)",
    "coup AND (NOT Niger)",
    "coup OR NOT Niger",
    "NOT (coup OR junta)",
    "Niger AND (coup OR NOT junta)",
    # field queries on entity fields (keyword: exact, case-sensitive)
    "countries.code:TR",
    "countries.code:tr",
    "countries.code:(TR OR IR)",
    "coup AND countries.code:TR",
    'countries.code:TR AND officials.name:"Mevlut Cavusoglu"',
    'officials.name:"Mevlüt Çavuşoğlu"',
    # where an official and its role come from, and when the role is valid (roles in time)
    "officials.source:learned",
    "officials.role_source:text AND countries.code:TR",
    "officials.role_from:[2016-01-01 TO 2016-12-31]",
    "officials.role_to:<2016-01-01",
    "officials.source:kb AND NOT officials.source:text",
    "agencies.source:kb",
    "officials.name:Mevlüt\\ Çavuşoğlu",
    'officials.role:"Foreign Minister"',
    'officials.role:"foreign minister"',
    "officials.country:TR",
    'countries.name:"Côte d\'Ivoire"',
    "countries.name:Turkey",
    "countries.name:turkey",
    'agencies.name:"Anadolu Agency"',
    "agencies.kind:news_agency",
    "agencies.kind:government",
    "keywords:coup",
    "keywords:Coup",
    "events.type:coup",
    "events.use:current",
    "events.confidence:0.875",
    "events.confidence:[0.8 TO 1]",
    "officials.known:true",
    "officials.known:false",
    "countries.mentions:>=3",
    "countries.mentions:[2 TO *]",
    "hints.country:FR",
    "hints.region:Europe",
    "language:en",
    "source:test",
    "published_estimated:false",
    # wildcards on text and keyword fields
    "coup*",
    "Cou*",
    "*oup",
    "c?up",
    "Nig*",
    "title:Nig*",
    "al-As*",
    "assa*",
    "u.s*",
    "İstanb*",
    "istanb*",
    "countries.code:T*",
    "countries.code:t*",
    "officials.name:Mevl*",
    "officials.name:mevl*",
    "countries.name:*voire",
    "officials.role:*Minister",
    "url:https\\:\\/\\/example.test\\/*",
    "url:https\\://example.test/*",
    "text:*",
    "title:*",
    # date ranges: inclusive/exclusive bounds, date math, rounding
    "published:[2024-01-01 TO 2024-01-31]",
    "published:{2024-01-01 TO 2024-02-01}",
    "published:[2024-01-01 TO 2024-02-01}",
    "published:{2023-12-31T23:59:59Z TO 2024-01-01T00:00:00Z]",
    "published:>=2024-01-01",
    "published:>2024-01-31",
    "published:<2020-01-02",
    "published:<=2016-07-16",
    "published:2024-01-31",
    "published:[2024-01-01||+1M TO *]",
    "published:[* TO 2017-01-01||-1y]",
    "published:[2024-01-01||/M TO 2024-01-15||/M]",
    "published:[now-100y TO now]",
    "published:>now",
    "published:[2023 TO 2023]",
    "published:2023",
    "published:[2024-03-15T10:00:00Z TO 2024-03-15T10:00:00Z]",
    "published:2024-01",
    "published:[2023-12 TO 2024-01]",
    "published:<=2023",
    "published:>2023-12",
    "published:{2023 TO 2024}",
    "published:[2024-01-31||+1M TO *]",
    "published:[* TO 2024-01||+1M]",
    "published:>=now-100y\\/d",
    "published:>=2024-01-01||\\/M",
    "published:>=now-1d/d",
    "a/b",
    "fetched:[2025-01-02 TO 2025-01-02]",
    "coup AND published:[2021-01-01 TO 2022-12-31]",
    # _exists_
    "_exists_:events",
    "_exists_:events.type",
    "_exists_:officials",
    "_exists_:hints",
    "_exists_:hints.region",
    "_exists_:agencies.country",
    "NOT _exists_:countries",
    "_exists_:url",
    # proximity
    '"military coup"~2',
    '"coup military"~2',
    '"seized power"~1',
    '"Niger coup"~10',
    '"president ousted"~5',
    # tokenisation edge cases
    "Ankara's",
    "ankara",
    "Ankara’s",
    "O'Brien",
    "obrien",
    "al-Assad",
    "assad",
    "Guinea-Bissau",
    "bissau",
    '"Guinea-Bissau"',
    "U.S.",
    "us",
    "u.s",
    '"U.S. envoy"',
    "Çavuşoğlu",
    "cavusoglu",
    "çavuşoğlu",
    "Zürich",
    "İstanbul",
    "istanbul",
    "ISTANBUL",
    "izmir",
    "IŞIK",
    "ılık",
    "3.5",
    "3.5%",
    "1,000",
    "1000",
    "2024",
    "COP28",
    "cop28",
    "2.0.1",
    "10\\:00",
    '"10:00"',
    "1st",
    "cease-fire",
    "ceasefire",
    "so-called",
    "café",
    "cafe",
    "coup-plotters",
    "counter-coup",
]

# Documented, deliberate differences (none so far: an entry needs a reason).
KNOWN_DIFFERENCES: dict[str, str] = {}


@pytest.fixture
async def indexed_corpus(es_layout):
    docs = [t.to_doc() for t in tag_all(gold_dispatches() + multilingual_dispatches())]
    docs += [t.to_doc() for t in edge_cases()]
    await index_docs(es_layout, docs)
    return es_layout, docs


REJECTED = "a query error"


async def elasticsearch_ids(client, names: IndexNames, rule: str) -> set[str] | str:
    """The ids query_string returns, or REJECTED when Elasticsearch cannot parse the rule."""
    try:
        response = await client.search(
            index=names.dispatches_pattern, query=query_string_clause(rule), size=1000, source=False
        )
    except BadRequestError:
        return REJECTED
    return {hit["_id"] for hit in response["hits"]["hits"]}


def matcher_ids(rule: str, docs: list[dict[str, Any]], now: datetime) -> set[str] | str:
    try:
        query = parse_query(rule)
    except QuerySyntaxError:
        return REJECTED
    return {doc["id"] for doc in docs if query.match(doc, now=now) is not None}


async def test_matcher_agrees_with_query_string(indexed_corpus) -> None:
    settings, docs = indexed_corpus
    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    disagreements: list[str] = []
    now = datetime.now(UTC)
    try:
        for rule in RULES:
            expected = await elasticsearch_ids(client, names, rule)
            fired = matcher_ids(rule, docs, now)
            if fired == expected or rule in KNOWN_DIFFERENCES:
                continue
            if isinstance(fired, str) or isinstance(expected, str):
                disagreements.append(f"{rule!r}: matcher {_short(fired)}, elasticsearch {_short(expected)}")
            else:
                titles = {doc["id"]: doc["title"][:40] for doc in docs}
                extra = sorted(titles[i] for i in fired - expected)
                missing = sorted(titles[i] for i in expected - fired)
                disagreements.append(f"{rule!r}: matcher only {extra}; elasticsearch only {missing}")
    finally:
        await client.close()
    assert not disagreements, "\n".join(disagreements)


def _short(outcome: set[str] | str) -> str:
    return outcome if isinstance(outcome, str) else f"{len(outcome)} document(s)"


async def test_corpus_exercises_every_kind_of_rule(indexed_corpus) -> None:
    """Guard against a vacuous agreement: many rules must match something, and not everything."""
    settings, docs = indexed_corpus
    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    try:
        outcomes = [await elasticsearch_ids(client, names, rule) for rule in RULES]
    finally:
        await client.close()
    sizes = [len(found) for found in outcomes if not isinstance(found, str)]
    informative = [size for size in sizes if 0 < size < len(docs)]
    assert len(informative) >= 0.7 * len(RULES), sizes
