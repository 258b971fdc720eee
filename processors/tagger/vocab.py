"""Fixed English vocabulary the engine's rules use: role titles, honorifics, cue words.

These are grammar of news-wire English, not knowledge about particular people or places (that lives in
processors/kb/*.json), which is why they sit in code.
"""

from __future__ import annotations

_MINISTRIES = ("foreign", "defence", "defense", "interior", "finance", "health", "justice", "information", "energy",
               "oil", "petroleum", "economy", "trade", "commerce", "education", "agriculture", "security",
               "intelligence", "communications", "home", "mines", "mining", "transport", "labour", "labor",
               "culture", "tourism", "environment", "water", "planning", "territorial administration",
               "public security", "state security", "national defence", "national defense", "armed forces")

_BASE_ROLES = [
    "president", "vice president", "vice-president", "president-elect", "prime minister", "deputy prime minister",
    "premier", "chancellor", "minister", "deputy minister", "state minister", "minister of state",
    "secretary of state", "deputy secretary of state", "secretary", "secretary-general", "secretary general",
    "deputy secretary-general", "under-secretary-general", "undersecretary", "under secretary",
    "national security adviser", "national security advisor", "adviser", "advisor", "senior adviser", "senior aide",
    "aide", "spokesman", "spokeswoman", "spokesperson", "government spokesman", "government spokeswoman",
    "army spokesman", "military spokesman", "junta spokesman", "presidential spokesman", "police spokesman",
    "ministry spokesman", "ministry spokeswoman", "deputy spokesman", "chief spokesman", "press secretary",
    "army chief", "military chief", "police chief", "intelligence chief", "spy chief", "defence chief",
    "defense chief", "chief of staff", "army chief of staff", "chief of general staff", "chief of the general staff",
    "chief of defence staff", "chief of defense staff", "chief justice", "speaker", "parliament speaker",
    "parliamentary speaker", "ambassador", "envoy", "special envoy", "special representative", "high representative",
    "foreign policy chief", "commissioner", "high commissioner", "governor", "central bank governor", "mayor",
    "senator", "sen.", "congressman", "congresswoman", "king", "queen", "crown prince", "emir", "sultan",
    "supreme leader", "leader of the islamic revolution", "junta leader", "military leader", "coup leader",
    "head of state", "head of government", "general", "gen.", "lt. gen.", "lt gen", "lieutenant general",
    "maj. gen.", "major general", "brig. gen.", "brigadier general", "brigadier", "col.", "colonel", "lt. col.",
    "lieutenant colonel", "capt.", "captain", "maj.", "admiral", "adm.", "vice admiral", "rear admiral",
    "commander", "army commander", "commander-in-chief", "field marshal", "attorney general", "prosecutor",
    "chief prosecutor", "prosecutor general", "defence secretary", "defense secretary", "home secretary",
    "foreign secretary", "interior secretary", "treasury secretary", "chairman", "chairwoman", "director",
    "director-general", "director general", "deputy", "deputy head", "head", "vice chairman", "first lady",
    "vice premier", "trade representative", "chief cabinet secretary", "cabinet secretary", "representative", "rep.", "gov.", "gov", "colonel-major", "lt.",
    "speaker of parliament", "speaker of the national assembly", "speaker of the house", "house speaker",
    "president of the senate", "senate president", "sgt.", "sergeant", "lieutenant", "spokesperson",
    # legislators are officials (an "opposition" qualifier still excludes party posts, not seats)
    "lawmaker", "legislator", "mp", "member of parliament", "parliamentarian", "deputy speaker",
    "majority leader", "minority leader", "senate majority leader", "senate minority leader",
    "house majority leader", "house minority leader", "majority whip", "minority whip",
    # civil-service, police and customs ranks and posts
    "comptroller", "comptroller-general", "comptroller general", "superintendent", "chief superintendent",
    "inspector general", "inspector-general", "police commissioner", "commissioner of police", "registrar",
    "chief negotiator", "negotiator", "chief observer", "head of mission", "chief of mission", "elections director",
    "electoral commissioner", "ombudsman", "auditor general", "auditor-general", "permanent secretary",
    "principal secretary", "under-secretary", "state counsellor", "colonel general",
    "regional governor", "provincial governor", "deputy governor", "lieutenant governor",
]
ROLE_TITLES: tuple[str, ...] = tuple(sorted(set(
    _BASE_ROLES
    + [f"{m} minister" for m in _MINISTRIES]
    + [f"deputy {m} minister" for m in _MINISTRIES]
    + [f"minister of {m}" for m in _MINISTRIES]
    + [f"minister of the {m}" for m in _MINISTRIES]
    + ["minister of foreign affairs", "minister of internal affairs", "minister of home affairs",
       "foreign affairs minister", "home affairs minister", "internal affairs minister"]
)))

# Words that may sit between a role and a name and are not part of the name.
HONORIFICS = frozenset({
    "ayatollah", "grand", "hojatoleslam", "sheikh", "shaikh", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "sir", "dame", "lord", "his", "her", "excellency", "majesty", "seyyed", "sayyid", "mullah", "imam", "pastor",
    "prince", "princess", "justice", "judge", "sen.", "rep.", "gov.", "hon.", "honourable", "honorable",
})

# A role introduced by one of these words does not make its holder a public official.
NON_OFFICIAL_QUALIFIERS = frozenset({
    "rebel", "rebels", "opposition", "militant", "insurgent", "separatist", "jihadist", "union", "party", "student",
    "protest", "company", "firm", "corporate", "club", "team", "bank's", "journalist", "newspaper", "network",
    "campaign", "group", "militia", "gang", "church", "university", "school", "hospital", "association", "ngo",
    "charity", "movement", "faction", "businessman", "tycoon", "football", "coach", "terrorist", "cartel",
    "taliban", "hamas", "hezbollah", "houthi", "houthis", "insurgents", "local", "their",
})
# Words that may sit inside a role phrase without being a role or a body themselves.
ROLE_MODIFIERS = frozenset({
    "acting", "interim", "transitional", "caretaker", "former", "then", "new", "newly", "outgoing", "incoming",
    "deputy", "senior", "top", "chief", "commission", "ruling", "military", "de", "facto", "elected", "veteran",
    "powerful", "influential", "longtime", "long-time", "current", "sitting", "country's", "nation's", "bloc's",
    "own", "ex", "first", "second", "third", "principal", "assistant", "associate", "lead", "regional",
    "provincial", "district", "state", "federal", "national",
})
# Capitalised words that end a name (a name never runs into them).
NAME_STOPWORDS = frozenset({
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "said", "says", "told", "on",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "it", "she",
    "they", "we", "this", "that", "these", "there", "his", "her", "their", "its", "after", "before", "as",
    "when", "while", "who", "which", "whose", "where", "also", "has", "had", "was", "is", "will", "would", "tweeted", "wrote",
    "added", "warned", "announced", "urged", "called", "met", "visited", "arrived", "on", "with", "from", "by",
})
# Surnames that are also ordinary capitalised words: never linked on their own.
UNSAFE_SURNAMES = frozenset({
    "may", "young", "rice", "brown", "bush", "king", "long", "love", "hope", "grant", "price", "ward", "hill",
    "white", "black", "green", "rich", "wise", "said", "sun", "ma", "li", "wang", "kim", "lee", "park", "ali",
    "khan", "singh", "ahmed", "mohammed", "muhammad", "hassan", "hussein", "ibrahim", "abdullah", "salman",
    "assembly", "china", "jordan", "chad", "georgia", "israel", "will", "bill", "cook", "church",
})

# Words after a name that make it a place or thing named after the person ("Imam Khomeini airport").
NAMED_AFTER_NOUNS = frozenset({
    "airport", "international", "square", "street", "avenue", "boulevard", "road", "highway", "bridge", "stadium",
    "hospital", "university", "mosque", "shrine", "mausoleum", "port", "dam", "station", "prize", "award",
    "foundation", "institute", "center", "centre", "library", "school", "college", "museum", "park", "memorial",
    "doctrine", "era", "administration's", "camp", "barracks", "base", "hall", "tower", "cup", "trophy",
})
# Titles that are ranks, not functions: an apposition ("a spokesman for the army") says more about the person.
RANK_WORDS = frozenset({
    "general", "gen", "colonel", "col", "captain", "capt", "major", "maj", "brigadier", "lieutenant", "lt",
    "admiral", "adm", "vice", "rear", "sergeant", "sgt", "commander", "field", "marshal", "chief", "superintendent",
})

# --- descriptions of people (officials.py: role portfolios and appositions) ---

# Nouns that end the names of bodies: a capitalised run containing one is not a personal name.
BODY_NOUNS = frozenset({
    "committee", "commission", "council", "ministry", "department", "office", "agency", "authority", "service",
    "forces", "force", "army", "party", "assembly", "parliament", "court", "bank", "government", "administration",
    "directorate", "bureau", "board", "mission", "union", "organization", "organisation", "command", "staff",
    "corps", "guard", "police", "tribunal", "senate", "congress", "house", "secretariat", "presidency",
})

# Seats in a legislature: public offices even when an "opposition" member holds them.
LEGISLATOR_ROLES = ("lawmaker", "legislator", "mp", "member of parliament", "parliamentarian", "senator",
                    "congressman", "congresswoman")

# Last words of a capitalised portfolio after a role ("Minister for Bougainville Affairs", "High Commissioner
# for Human Rights").
PORTFOLIO_WORDS = (
    "Affairs", "Rights", "Refugees", "Development", "Relations", "Security", "Defence", "Defense", "Justice",
    "Finance", "Health", "Education", "Trade", "Industry", "Energy", "Agriculture", "Information", "Interior",
    "Environment", "Resources", "Works", "Transport", "Reconciliation", "Integration", "Cooperation", "Planning",
    "Communications", "Housing", "Labour", "Labor", "Tourism", "Culture", "Sports", "Sport", "Youth", "Women",
    "Veterans", "Commerce", "Economy", "Budget", "Fisheries", "Mines", "Mining", "Petroleum", "Oil", "Water",
    "Infrastructure", "Technology", "Science", "Immigration", "Migration", "Peace", "Unification", "Policy",
    "Operations", "Intelligence", "Disarmament", "Africa", "Asia", "Europe", "Americas", "Region",
)

# Words naming a private or party body: a post in one is not a public office.
PRIVATE_BODY_WORDS = frozenset({
    "federation", "association", "corporation", "company", "institute", "foundation", "society", "chamber",
    "league", "club", "party", "movement", "firm", "university", "church", "charity", "observatory", "inc",
    "ltd", "group", "campaign", "rebel", "rebels", "opposition", "syndicate",
})

# Titles that are public offices wherever they appear ("X, the ambassador"); others ("chairman", "director",
# "spokesman", "president") need a country, a public body or one of PUBLIC_WORDS in the description.
PUBLIC_ROLE_WORDS = frozenset({
    "minister", "ambassador", "envoy", "senator", "sen.", "congressman", "congresswoman", "lawmaker", "legislator",
    "mp", "parliamentarian", "governor", "gov.", "mayor", "premier", "chancellor", "prosecutor", "attorney",
    "general", "gen.", "colonel", "col.", "brigadier", "admiral", "marshal", "lieutenant", "major", "sergeant",
    "superintendent", "commissioner", "speaker", "king", "queen", "emir", "sultan", "prince", "junta", "justice",
    "intelligence", "army", "military", "police", "spy", "defence", "defense", "secretary-general", "undersecretary",
    "under-secretary-general", "president-elect", "vice", "statesman", "consul", "diplomat", "inspector", "staff",
})

# Words of a description that make the office public ("deputy elections director in Fulton County").
PUBLIC_WORDS = frozenset({
    "government", "government's", "ministry", "state", "national", "federal", "public", "presidential", "presidency",
    "parliament", "senate", "congress", "assembly", "commission", "electoral", "election", "elections", "police",
    "army", "military", "armed", "defence", "defense", "security", "intelligence", "customs", "central", "council",
    "court", "judiciary", "junta", "mission", "un", "u.n.", "committee", "directorate", "county", "city",
    "municipal", "province", "provincial", "regional", "region", "cabinet", "administration", "presidium",
    "delegation", "negotiating", "peace", "talks", "observation", "republic", "kingdom", "royal", "official",
    "guard", "gendarmerie", "forces", "force", "navy", "coast",
})

# Possessives that may open a description ("the government's chief negotiator").
DESCRIPTOR_POSSESSIVES = frozenset({
    "government's", "country's", "nation's", "state's", "city's", "army's", "military's", "ministry's",
    "commission's", "council's", "presidency's", "president's", "regime's", "kingdom's", "province's", "region's",
    "bloc's", "body's", "agency's", "court's", "parliament's", "senate's", "house's", "police", "customs",
    "electoral", "election", "elections", "foreign", "top", "u.s.", "un",
})
