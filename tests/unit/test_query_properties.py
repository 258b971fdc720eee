"""Properties over a small corpus: the FTS5 prefilter selects a superset of the
matches (in a real in-memory SQLite FTS5 table), and the presearching
RuleMatcher returns exactly what evaluating every rule returns."""

import random
import sqlite3
from datetime import UTC, datetime

import pytest

from wirewatch.models import Rule
from wirewatch.query import RuleMatcher, analyze, fts_document_text, parse_query

NOW = datetime(2024, 6, 15, tzinfo=UTC)

TEXTS = [
    ("Coup attempt in Turkey", "Turkey's army said the coup attempt failed in Ankara on Saturday."),
    ("Military takes power", "A military coup toppled the government; the U.S. condemned it."),
    ("Figurative coup", "Signing the striker was a transfer coup for the club, fans said."),
    ("Assad meets envoy", "Bashar al-Assad met the U.N. envoy in Damascus, SANA reported."),
    ("İSTANBUL rally", "Thousands rallied in İstanbul; Çavuşoğlu spoke at the rally."),
    ("istanbul traffic", "Traffic in istanbul eased, the ministry said."),
    ("Yemen talks", "Houthi and Saudi negotiators met in Muscat; talks on 3.5 percent tariffs stalled."),
    ("Vis-à-vis Iran", "Relations vis-à-vis Iran: IRNA said Tehran's position was clear."),
    ("Gaza ceasefire", "The ceasefire in Gaza held overnight, Palestinian officials said."),
    ("Coup coup coup", "coup coup attempt coup"),
    ("ΟΔΟΣ Athens", "Greek officials in Athens said the οδοσ was closed."),
    ("Tokyo 東京 summit", "Leaders met in 東京 for the summit on trade."),
    ("Bangkok ข่าว", "Protesters in Bangkok ข่าว ไทย said the army stayed."),
    ("Quiet day", "Nothing happened anywhere, officials said."),
    ("Attempted putsch", "An attempted putsch by army officers was crushed; the coup-plotters fled."),
    ("Hyphen-heavy", "Pro-government and anti-coup protesters clashed; al-Sisi's aides spoke."),
    ("Numbers", "Exports rose 12,5% to 1,000.5 tonnes in 2024-06, the U.S.-based firm said."),
    ("", "Untitled dispatch about a coup d'état in Niger."),
    ("Niger junta", "The junta in Niamey said the coup d'etat was necessary."),
    ("Emoji 🔥 news", "Fire 🔥 spreads near Ankara airport, officials said."),
]
CODES = ["TR", "IR", "SY", "YE", "PS", "US", "NE", "GR", "JP", "TH"]


def build_corpus() -> list[dict]:
    rng = random.Random(7)
    corpus = []
    for index, (title, text) in enumerate(TEXTS):
        codes = sorted(rng.sample(CODES, rng.randint(0, 3)))
        corpus.append(
            {
                "id": f"d{index}",
                "source": rng.choice(["irna", "sana", "reuters"]),
                "url": f"https://x/{index}",
                "title": title,
                "text": text,
                "published": f"2024-06-{1 + index:02d}T{index % 24:02d}:00:00Z",
                "fetched": "2024-06-30T00:00:00Z",
                "language": "en",
                "published_estimated": False,
                "hints": {},
                "countries": [{"code": c, "name": c, "mentions": rng.randint(1, 4), "first_offset": 0} for c in codes],
                "officials": [],
                "agencies": [],
                "keywords": ["coup"] if "coup" in text.lower() else [],
                "events": [],
                "tagged_at": "2024-06-30T00:00:00Z",
            }
        )
    return corpus


CORPUS = build_corpus()
VOCABULARY = sorted({token for doc in CORPUS for field in ("title", "text") for token in analyze(doc[field])})


def random_leaf(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return rng.choice([*VOCABULARY, "nothere", "al-Assad", "U.S.", "Turkey's", "vis-à-vis"])
    if kind < 0.5:
        doc = rng.choice(CORPUS)
        words = analyze(doc["text"])
        start = rng.randrange(max(len(words) - 2, 1))
        phrase = " ".join(words[start : start + rng.randint(2, 3)])
        slop = rng.choice(["", "", "~1", "~3"])
        return f'"{phrase}"{slop}'
    if kind < 0.6:
        word = rng.choice(VOCABULARY)
        return word[: rng.randint(1, max(len(word) - 1, 1))] + "*"
    if kind < 0.75:
        return f"countries.code:{rng.choice(CODES)}"
    if kind < 0.8:
        return f"source:{rng.choice(['irna', 'sana', 'reuters', 'afp'])}"
    if kind < 0.85:
        return f"title:{rng.choice(VOCABULARY)}"
    if kind < 0.9:
        return f"published:[2024-06-{rng.randint(1, 20):02d} TO {rng.choice(['*', '2024-06-25', 'now'])}]"
    if kind < 0.95:
        return "_exists_:countries.code"
    return f"countries.mentions:>={rng.randint(1, 4)}"


def random_query(rng: random.Random, depth: int = 0) -> str:
    if depth > 2 or rng.random() < 0.4:
        leaf = random_leaf(rng)
        modifier = rng.choice(["", "", "", "", "-", "+", "NOT "])
        return modifier + leaf
    parts = [random_query(rng, depth + 1) for _ in range(rng.randint(2, 3))]
    joined = parts[0]
    for part in parts[1:]:
        joined += rng.choice([" AND ", " OR ", " ", " && ", " || "]) + part
    return f"({joined})" if depth else joined


RANDOM_QUERIES = [random_query(random.Random(seed)) for seed in range(400)]


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    assert sqlite3.sqlite_version_info >= (3, 9, 0)
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 0')"
    )
    conn.executemany(
        "INSERT INTO docs (id, title, text) VALUES (?, ?, ?)",
        [(doc["id"], fts_document_text(doc["title"]), fts_document_text(doc["text"])) for doc in CORPUS],
    )
    return conn


def fts_ids(conn: sqlite3.Connection, expression: str) -> set[str]:
    return {row[0] for row in conn.execute("SELECT id FROM docs WHERE docs MATCH ?", (expression,))}


def match_ids(query_text: str) -> set[str]:
    query = parse_query(query_text)
    return {doc["id"] for doc in CORPUS if query.match(doc, now=NOW) is not None}


HANDWRITTEN = [
    "coup",
    "COUP",
    "coup AND countries.code:TR",
    "turkey's",
    "al-Assad",
    "U.S.",
    "u.s",
    "3.5",
    "1,000.5",
    '"coup attempt"',
    '"attempt coup"~2',
    "vis-à-vis",
    "çavuşoğlu",
    "istanbul",
    "İstanbul",
    "οδοσ",
    "ΟΔΟΣ",
    "cou*",
    "coup-*",
    "d'état",
    "d'etat",
    "title:coup",
    "text:ankara",
    "(coup OR putsch) AND army",
    "coup -figurative",
    "army OR navy",
    '"al-Sisi\'s aides"',
    "東京",
    "ข่าว",
    "🔥",
    "12,5",
    "2024-06",
    "summit AND NOT trade",
    "coup^2 OR junta",
    "_exists_:title AND coup",
    "title:(coup OR putsch)",
]


@pytest.mark.parametrize("query_text", HANDWRITTEN + RANDOM_QUERIES)
def test_fts_prefilter_is_a_superset(fts: sqlite3.Connection, query_text: str) -> None:
    expression = parse_query(query_text).fts_prefilter()
    if expression is None:
        return  # "cannot pre-filter" is always a correct answer
    assert match_ids(query_text) <= fts_ids(fts, expression), expression


def test_prefilter_narrows_for_ordinary_queries(fts: sqlite3.Connection) -> None:
    for query_text in ["coup", "coup AND countries.code:TR", '"coup attempt"', "cou*", "turkey's", "istanbul"]:
        expression = parse_query(query_text).fts_prefilter()
        assert expression is not None, query_text
        selected = fts_ids(fts, expression)
        assert match_ids(query_text) <= selected < {doc["id"] for doc in CORPUS}, query_text
    # Lucene lowercases İ to i; the FTS columns hold Lucene-lowercased text so FTS agrees.
    expression = parse_query("istanbul").fts_prefilter()
    assert expression is not None
    assert fts_ids(fts, expression) == {"d4", "d5"} == match_ids("istanbul")
    # Not vacuous: most random queries that have a prefilter narrow the corpus.
    narrowing = [
        q for q in RANDOM_QUERIES if (e := parse_query(q).fts_prefilter()) and len(fts_ids(fts, e)) < len(CORPUS)
    ]
    assert len(narrowing) > 50


@pytest.mark.parametrize(
    "query_text",
    [
        "NOT coup",
        "countries.code:TR",
        "published:[2024 TO *]",
        "coup OR countries.code:TR",
        "*kara",
        "_exists_:title",
        '"coup attempt"~2',
        "東京",
        "coup OR (NOT army)",
    ],
)
def test_prefilter_is_none_when_it_cannot_restrict(query_text: str) -> None:
    assert parse_query(query_text).fts_prefilter() is None


def test_prefilter_ignores_optional_and_negative_clauses_beside_required_ones() -> None:
    assert parse_query("+coup countries.code:TR -army").fts_prefilter() == '{title text} : "coup"'
    assert parse_query("title:coup AND text:army").fts_prefilter() == '(title : "coup") AND (text : "army")'


def test_presearching_matcher_equals_evaluating_every_rule() -> None:
    rules = [Rule(f"r{i}", f"rule {i}", text) for i, text in enumerate(RANDOM_QUERIES + HANDWRITTEN)]
    presearching = RuleMatcher(rules)
    exhaustive = RuleMatcher(rules, presearch=False)
    assert presearching.errors == []
    fired = 0
    for doc in CORPUS:
        expected = [(rule.id, terms) for rule, terms in exhaustive.match(doc, now=NOW)]
        assert [(rule.id, terms) for rule, terms in presearching.match(doc, now=NOW)] == expected
        fired += len(expected)
    assert fired > 100  # the rules do fire: the comparison is not between two empty lists


def test_presearcher_skips_rules_that_cannot_match() -> None:
    matcher = RuleMatcher(
        [Rule("a", "a", "coup AND countries.code:TR"), Rule("b", "b", "junta"), Rule("c", "c", "NOT coup")]
    )
    rule_set = matcher._set
    from wirewatch.query.context import DocumentContext

    candidates = {entry.rule.id for entry in rule_set.candidates(DocumentContext(CORPUS[7]))}
    assert candidates == {"c"}  # d7 has neither "coup" nor "junta"; a negation is always checked
