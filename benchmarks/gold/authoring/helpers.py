"""Short constructors for gold records (see build.py)."""

from __future__ import annotations

SOURCE_NOTE = "written for wirewatch, synthetic news-wire style, 2026-11-28"


def off(keys: str, name: str, role: str, country: str | None) -> dict:
    """An official; keys separated by '|'."""
    return {"keys": keys.split("|"), "name": name, "role": role, "country": country}


def ag(keys: str, name: str, kind: str, country: str | None) -> dict:
    """An agency: kind is news_agency | government | military | international."""
    return {"keys": keys.split("|"), "name": name, "kind": kind, "country": country}


def opt(keys: str) -> dict:
    """An optional entity that is scored as neither TP nor FP."""
    return {"keys": keys.split("|"), "name": keys.split("|")[0]}


# Agencies that recur; keys cover the usual spellings.
REUTERS = ag("reuters", "Reuters", "news_agency", "GB")
AFP = ag("afp|agence france presse|agence france-presse", "AFP", "news_agency", "FR")
AP = ag("ap|associated press", "Associated Press", "news_agency", "US")
XINHUA = ag("xinhua", "Xinhua", "news_agency", "CN")
TASS = ag("tass", "TASS", "news_agency", "RU")
RIA = ag("ria novosti|ria", "RIA Novosti", "news_agency", "RU")
IRNA = ag("irna|islamic republic news agency", "IRNA", "news_agency", "IR")
TASNIM = ag("tasnim", "Tasnim", "news_agency", "IR")
ISNA = ag("isna|iranian students news agency", "ISNA", "news_agency", "IR")
ANADOLU = ag("anadolu", "Anadolu", "news_agency", "TR")
YONHAP = ag("yonhap", "Yonhap", "news_agency", "KR")
KCNA = ag("kcna|korean central news agency", "KCNA", "news_agency", "KP")
SPUTNIK = ag("sputnik", "Sputnik", "news_agency", "RU")
ANSA = ag("ansa", "ANSA", "news_agency", "IT")
EFE = ag("efe", "EFE", "news_agency", "ES")
DPA = ag("dpa|deutsche presse agentur", "dpa", "news_agency", "DE")
PTI = ag("pti|press trust of india", "PTI", "news_agency", "IN")
UN = ag("un|united nations", "United Nations", "international", None)
UN_OPT = {"keys": ["un", "united nations"], "name": "United Nations"}  # UN only inside a UN body's name
UNSC = ag("security council", "UN Security Council", "international", None)
NATO = ag("nato|north atlantic treaty organization", "NATO", "international", None)
EU = ag("eu|european union", "European Union", "international", None)
AU = ag("african union|au", "African Union", "international", None)
ECOWAS = ag("ecowas|economic community of west african states", "ECOWAS", "international", None)
IGAD = ag("igad|intergovernmental authority on development", "IGAD", "international", None)
IAEA = ag("iaea|international atomic energy agency", "IAEA", "international", None)
STATE_DEPT = ag("state department|department of state", "State Department", "government", "US")
CENTCOM = ag("centcom|central command", "U.S. Central Command", "military", "US")
FOREIGN_KEYS = "foreign ministry|ministry of foreign affairs|foreign affairs ministry"
INTERIOR_KEYS = "interior ministry|ministry of interior|ministry of the interior|interior affairs ministry"
DEFENCE_KEYS = "defence ministry|defense ministry|ministry of defence|ministry of defense"


def foreign_ministry(country: str, name: str = "Foreign Ministry") -> dict:
    return ag(FOREIGN_KEYS, name, "government", country)


def interior_ministry(country: str, name: str = "Interior Ministry") -> dict:
    return ag(INTERIOR_KEYS, name, "government", country)


def defence_ministry(country: str, name: str = "Defence Ministry") -> dict:
    return ag(DEFENCE_KEYS, name, "government", country)


def dispatch(
    ident: str,
    published: str,
    title: str,
    text: str,
    *,
    countries: str,
    opt_countries: str = "",
    officials: list[dict] | None = None,
    opt_officials: list[dict] | None = None,
    agencies: list[dict] | None = None,
    opt_agencies: list[dict] | None = None,
    coup: str = "none",
) -> dict:
    return {
        "id": ident,
        "title": title,
        "text": "\n".join(" ".join(par.split()) for par in text.strip().split("\n\n")),
        "published": published,
        "source_note": f"{SOURCE_NOTE}; dated {published}",
        "gold": {
            "countries": {"required": countries.split(), "optional": opt_countries.split()},
            "officials": {"required": officials or [], "optional": opt_officials or []},
            "agencies": {"required": agencies or [], "optional": opt_agencies or []},
            "coup": coup,
        },
    }
