"""Tagger behaviour on the issue's hard cases, with a small officials fixture (and the seed on the bundled KB)."""

from __future__ import annotations

import json
import pathlib
import shutil
from datetime import UTC, datetime

import pytest

from wirewatch.models import Dispatch, TaggedDispatch
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.kb import BUNDLED_KB_DIR

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
# A verbatim copy of ../shared/examples/seed-dispatch.gold.json
SEED = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "seed-dispatch.gold.json"


@pytest.fixture(scope="module")
def tagger(tmp_path_factory) -> Tagger:
    kb_dir = tmp_path_factory.mktemp("kb")
    for name in ("countries", "agencies"):
        shutil.copy(BUNDLED_KB_DIR / f"{name}.json", kb_dir / f"{name}.json")
    shutil.copy(FIXTURES / "officials_small.json", kb_dir / "officials.json")
    return Tagger.load(kb_dir, watch_words=("coup", "sanctions"))


def codes(tagger: Tagger, text: str, title: str = "", **kw) -> list[str]:
    return [c.code for c in tagger.tag(title, text, **kw).countries]


def officials(tagger: Tagger, text: str, **kw) -> dict[str, tuple]:
    return {o.name: (o.role, o.country, o.mentions, o.known) for o in tagger.tag("", text, **kw).officials}


def agencies(tagger: Tagger, text: str, **kw) -> dict[tuple[str, str | None], tuple[str, int]]:
    return {(a.name, a.country): (a.kind, a.mentions) for a in tagger.tag("", text, **kw).agencies}


# --- countries -------------------------------------------------------------------------------------------------


def test_names_demonyms_capitals_formal_names_and_abbreviations(tagger) -> None:
    text = (
        "The Islamic Republic of Iran and Côte d'Ivoire met Beninese, Kosovar and Emirati envoys in Pyongyang; "
        "the Kremlin, the UAE, the DPRK and the U.S. and UK looked on from Burma."
    )
    assert set(codes(tagger, text)) == {"IR", "CI", "BJ", "XK", "AE", "KP", "RU", "US", "GB", "MM"}


def test_offsets_point_into_the_original_text_even_with_accents(tagger) -> None:
    title, text = "Çavuşoğlu in Türkiye", "Côte d’Ivoire and Turkey."
    tags = tagger.tag(title, text)
    full = f"{title}\n\n{text}"
    first = {c.code: c.first_offset for c in tags.countries}
    assert full[first["TR"] : first["TR"] + 7] == "Türkiye"
    assert full[first["CI"] : first["CI"] + 13] == "Côte d’Ivoire"
    assert {c.code: c.mentions for c in tags.countries}["TR"] == 2


def test_niger_nigeria_and_the_guineas(tagger) -> None:
    assert codes(tagger, "Niger and Nigeria closed the border; Nigerien troops moved.") == ["NE", "NG"]
    text = "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea sent delegates to the Gulf of Guinea talks."
    assert set(codes(tagger, text)) == {"GN", "GW", "GQ", "PG"}
    assert codes(tagger, "Pirates attacked a tanker in the Gulf of Guinea.") == []


def test_niger_state_is_nigeria_and_its_officials_serve_nigeria(tagger) -> None:
    text = "Gunmen struck a village in Niger State, police said. The Niger State Governor Mohammed Umaru Bago spoke."
    assert codes(tagger, text) == ["NG"]
    assert officials(tagger, text)["Mohammed Umaru Bago"][:2] == ("Governor", "NG")


def test_syrias_palestine_branch_is_not_palestine(tagger) -> None:
    text = "Syria's new authorities shut the Palestine Branch, a military intelligence unit in Damascus."
    assert codes(tagger, text) == ["SY"]
    assert "PS" in codes(tagger, "Palestine asked for a vote; the Palestinian envoy spoke.")


def test_guinean_in_a_story_from_bissau_is_bissau_guinean(tagger) -> None:
    bissau = (
        "BISSAU (AFP) - Officers seized power in Guinea-Bissau. The Guinean army chief said the transition would last."
    )
    assert codes(tagger, bissau) == ["GW"]
    both = "Guinea-Bissau's junta met Guinea's envoy in Conakry; the Guinean minister promised support."
    assert codes(tagger, both) == ["GW", "GN"]
    assert codes(tagger, "The Guinean government in Conakry announced a referendum.") == ["GN"]


def test_outlets_cited_as_sources_and_generic_bodies_with_their_country(tagger) -> None:
    text = (
        "CONAKRY (AFP) - Turnout was high, said an official of Guinea's General Directorate of Elections. "
        "Nigeria's Defence Headquarters welcomed the vote, Al Jazeera and Jeune Afrique reported; "
        "ANI and Noticias Argentinas carried the story."
    )
    found = agencies(tagger, text)
    assert found[("General Directorate of Elections", "GN")][0] == "government"
    assert found[("Defence Headquarters", "NG")][0] == "military"
    for outlet, country in (("Al Jazeera", "QA"), ("Jeune Afrique", "FR"), ("Noticias Argentinas", "AR")):
        assert found[(outlet, country)][0] == "news_agency"
    assert ("Asian News International", "IN") in found


def test_sudan_korea_and_congo_pairs(tagger) -> None:
    assert codes(tagger, "South Sudan accused Sudan of bombing.") == ["SS", "SD"]
    assert codes(tagger, "A South Korean ship met a North Korean patrol.") == ["KR", "KP"]
    assert codes(tagger, "Fighting in Congo's east near Goma; Kinshasa blamed Rwanda.") == ["CD", "RW"]
    assert codes(tagger, "Congo-Brazzaville held a vote. In Brazzaville, Congo's president won.") == ["CG"]
    assert set(codes(tagger, "The Republic of Congo and the Democratic Republic of Congo signed a deal.")) == {
        "CG",
        "CD",
    }


def test_case_rules_keep_acronyms_and_birds_apart(tagger) -> None:
    assert codes(tagger, "Let us know what the turkey costs.") == []
    assert codes(tagger, "The US and Turkey talked.") == ["US", "TR"]
    text = "Thanksgiving shoppers paid more for a Turkey this year as farmers blamed bird flu."
    assert codes(tagger, text) == []


def test_georgia_the_state_and_the_country(tagger) -> None:
    state = "ATLANTA (AP) - Georgia Gov. Brian Kemp signed the bill. Voters in Georgia's Cobb County cheered."
    assert "GE" not in codes(tagger, state)
    country = "TBILISI (Reuters) - Georgia's parliament passed the law despite protests in the Georgian capital."
    assert codes(tagger, country) == ["GE"]


def test_country_words_inside_personal_names(tagger) -> None:
    assert codes(tagger, "Basketball star Michael Jordan visited Paris.") == ["FR"]
    assert codes(tagger, "Analyst Chad Smith said markets were calm. King Abdullah of Jordan spoke.") == ["JO"]
    text = "Interior Ministry spokesman Najib Danish said the bomb killed 80. Danish told reporters more died."
    assert codes(tagger, text) == []
    assert codes(tagger, "Danish Prime Minister Mette Frederiksen spoke.") == ["DK"]


def test_washington_as_government_state_or_person(tagger) -> None:
    assert codes(tagger, "Washington imposed sanctions on Tehran.") == ["US", "IR"]
    assert codes(tagger, "Apple growers in Washington state lost orders.") == []
    assert codes(tagger, "Actor Denzel Washington arrived in Abuja.") == ["NG"]


def test_regions_are_not_countries(tagger) -> None:
    assert codes(tagger, "Tension in the Middle East and the Sahel rose.") == []


# --- officials -------------------------------------------------------------------------------------------------


def test_known_official_by_any_variant_with_written_role(tagger) -> None:
    found = officials(tagger, "Turkish Foreign Minister Mevlut Cavusoglu met Muhammad Javad Zarif. Zarif said no.")
    assert found["Mevlüt Çavuşoğlu"] == ("Foreign Minister", "TR", 1, True)
    assert found["Mohammad Javad Zarif"] == ("Foreign Minister", "IR", 2, True)


def test_surname_only_known_official_and_role_on_date(tagger) -> None:
    text = "He praised Erdogan supporters who took to the streets."
    now = officials(tagger, text, published=datetime(2016, 7, 16, tzinfo=UTC))
    assert now["Recep Tayyip Erdoğan"] == ("President", "TR", 1, True)
    then = officials(tagger, text, published=datetime(2010, 1, 1, tzinfo=UTC))
    assert then["Recep Tayyip Erdoğan"][0] == "Prime Minister"


def test_unknown_officials_from_title_patterns(tagger) -> None:
    text = (
        "COTONOU (Reuters) - Interior Minister Alassane Seidou said the border was closed. "
        "Gabonese government spokesman Guy-Bertrand Mapangou disagreed. Lt. Col. Pascal Tigri read a statement. "
        "Kremlin spokesman Ivan Petrovsky declined to comment. Seidou later said talks would resume."
    )
    found = officials(tagger, text)
    assert found["Alassane Seidou"] == ("Interior Minister", "BJ", 2, False)
    assert found["Guy-Bertrand Mapangou"][:2] == ("government spokesman", "GA")
    assert found["Pascal Tigri"][0] == "Lt. Col."
    assert found["Ivan Petrovsky"][:2] == ("Kremlin spokesman", "RU")


def test_apposition_and_possessive_country(tagger) -> None:
    text = "Neighbouring Nigeria, whose President Bola Tinubu chairs ECOWAS, objected. Chad's transitional president, Mahamat Deby, flew in."
    found = officials(tagger, text)
    assert found["Bola Tinubu"][:2] == ("President", "NG")
    assert found["Mahamat Deby"][1] == "TD"


def test_rebels_journalists_and_namesakes_are_not_officials(tagger) -> None:
    text = (
        "M23 spokesman Lawrence Kanyuka denied it. Rebel spokesman Ali Musa said fighting continued. "
        "Democrat Stacey Abrams conceded. Reporter Jane Doe filed the story."
    )
    assert officials(tagger, text) == {}


def test_officials_described_after_their_name(tagger) -> None:
    text = (
        "ABUJA (Reuters) - The border stays shut, Amina Kolo, Comptroller-General of the Nigeria Customs Service, "
        "told reporters. Pierre Lemaitre, who heads the interior ministry's elections office, said turnout was "
        "low. Tomas Berg, the Swedish ambassador to the European Union, testified. Ana Silva, head of the UN "
        "Mission in South Sudan, called for calm. Fatou Ndiaye, the government's chief negotiator, said talks "
        "would resume."
    )
    found = officials(tagger, text)
    assert found["Amina Kolo"][:2] == ("Comptroller-General of the Nigeria Customs Service", "NG")
    assert found["Pierre Lemaitre"][0] == "head of the interior ministry's elections office"
    assert found["Tomas Berg"][:2] == ("Swedish ambassador to the European Union", "SE")
    assert found["Ana Silva"][:2] == ("head of the UN Mission in South Sudan", None)
    assert found["Fatou Ndiaye"][:2] == ("government's chief negotiator", "NG")
    assert all(not known for *_, known in found.values())


def test_descriptions_that_are_no_public_office(tagger) -> None:
    text = (
        "John Miller, chairman of the National Poultry Federation, presented the birds. "
        "Karim Nasser, a 40-year-old shopkeeper, said he had waited two days. "
        "Ali Musa, a rebel spokesman, said fighting continued. Nairobi, the Kenyan capital, was calm. "
        "Jamie Dimon, chairman of JPMorgan Chase, expected higher rates. Ana Lopez, a spokeswoman for the "
        "company, declined to comment. Maria Gomez, a spokeswoman for Reuters, declined too."
    )
    assert officials(tagger, text) == {}


def test_a_known_official_described_after_the_name_and_bodies_after_a_portfolio(tagger) -> None:
    text = (
        "ANKARA (Reuters) - Dr Mevlut Cavusoglu, the foreign minister of Turkey, spoke. Kenneth Roth, "
        "executive director of Human Rights Watch, criticised the vote."
    )
    found = officials(tagger, text, published=datetime(2016, 7, 16, tzinfo=UTC))
    assert found["Mevlüt Çavuşoğlu"][0] == "foreign minister of Turkey" and found["Mevlüt Çavuşoğlu"][3]
    assert "Watch" not in found  # "director of Human Rights" + "Watch": the end of a body's name


def test_a_description_says_more_than_a_rank(tagger) -> None:
    text = "Colonel Idris Bako, a Nigerien army spokesman, said the town was retaken. Bako gave no toll."
    assert officials(tagger, text)["Idris Bako"] == ("Nigerien army spokesman", "NE", 2, False)


def test_legislators_civil_service_titles_and_portfolios(tagger) -> None:
    text = (
        "PORT MORESBY (AP) - Minister for Bougainville Affairs Puka Lani told reporters the vote would be "
        "respected. Opposition lawmaker Rita Obi objected. Chief Superintendent Musa Kante, a police spokesman, "
        "said 70 people were held. Senate Minority Leader Dana Frost called it a new day. Rebel spokesman Ali "
        "Musa said nothing."
    )
    found = officials(tagger, text)
    assert found["Puka Lani"][:2] == ("Minister for Bougainville Affairs", "PG")
    assert found["Rita Obi"][0] == "Opposition lawmaker"
    assert found["Musa Kante"][0] in ("Chief Superintendent", "police spokesman")
    assert found["Dana Frost"][0] == "Senate Minority Leader"
    assert "Ali Musa" not in found
    text = (
        "ABUJA (AP) - Head of the electoral commission Mahmood Yakub said the count was over. The head of the "
        "Independent National Electoral Commission, Festus Okoye, agreed. The spokesman for the Foreign "
        "Ministry, Ali Bako said nothing."
    )
    found = officials(tagger, text)
    assert found["Mahmood Yakub"][:2] == ("Head of the electoral commission", "NG")
    assert found["Festus Okoye"][0] == "head of the Independent National Electoral Commission"
    assert "Ali Bako" not in found  # "X, Y said": no closed apposition, so not a name after the role


def test_acronym_of_a_body_the_dispatch_names(tagger) -> None:
    text = (
        "The Central Election Commission said the count was over. CEC spokeswoman Ana Beridze said complaints "
        "would be examined. M23 spokesman Lawrence Kanyuka denied it."
    )
    found = officials(tagger, text)
    assert found["Ana Beridze"][0] == "CEC spokeswoman"
    assert "Lawrence Kanyuka" not in found


def test_names_with_particles_and_longer_names(tagger) -> None:
    text = (
        "Chief negotiator Humberto de la Calle said the deal was the best possible. "
        "Brigadier Mohammad Javad Zarif al-Tamimi, a spokesman for the Sudanese Armed Forces, said the army "
        "had no ambition."
    )
    found = officials(tagger, text)
    assert found["Humberto de la Calle"][0] == "Chief negotiator"
    assert found["Mohammad Javad Zarif al-Tamimi"][:2] == ("spokesman for the Sudanese Armed Forces", "SD")
    assert "Mohammad Javad Zarif" not in found  # the known minister's name is only the start of this one
    text = "Parliament confirmed Mohammad Javad Zarif as Foreign Minister."
    assert "Mohammad Javad Zarif" in officials(tagger, text)  # "as" is a word here, not a name particle


def test_places_named_after_officials_and_namesakes_opening_a_sentence(tagger) -> None:
    text = (
        "Flights resumed at Tehran's Zarif airport. Crowds filled Erdogan Square.\n"
        "Fatima Zarif, a 22-year-old student, said she was hopeful."
    )
    assert officials(tagger, text, published=datetime(2016, 7, 16, tzinfo=UTC)) == {}
    # once the minister is named in full, his surname alone is him again
    text = "Foreign Minister Mohammad Javad Zarif arrived. Zarif said talks would go on."
    assert officials(tagger, text)["Mohammad Javad Zarif"][2] == 2


def test_aides_of_people_without_office_are_not_officials(tagger) -> None:
    text = (
        "Campaigner Tendai Moyo's spokesman Farai Dube said the party would go to court. "
        "Iran's spokesman Ali Bahadori and Erdogan's spokesman Ibrahim Kalin disagreed."
    )
    found = officials(tagger, text, published=datetime(2018, 8, 1, tzinfo=UTC))
    assert "Farai Dube" not in found
    assert found["Ali Bahadori"][1] == "IR" and "Ibrahim Kalin" in found


def test_a_sentence_opening_in_a_country_frames_its_officials(tagger) -> None:
    text = (
        "KHARTOUM (Reuters) - The army took power. In neighbouring South Sudan, which split from Sudan in 2011, "
        "Information Minister Michael Lueth said Juba was watching."
    )
    assert officials(tagger, text)["Michael Lueth"][1] == "SS"


def test_the_capital_next_to_congolese_decides_which_congo(tagger) -> None:
    text = (
        "KINSHASA (Reuters) - Tshisekedi was declared the winner in the Democratic Republic of Congo. "
        "A spokesman at the Congolese Foreign Ministry in Brazzaville, Jean Ibara, urged calm."
    )
    assert ("Foreign Ministry", "CG") in agencies(tagger, text)


def test_a_private_person_whose_name_is_a_country_word(tagger) -> None:
    text = (
        "KABUL (Reuters) - Crowds gathered.\nAhmad Danish, a 27-year-old shopkeeper, said he had waited. "
        '"My shop is closed," Danish said.'
    )
    assert codes(tagger, text) == ["AF"]
    assert "DK" in codes(tagger, text + " Danish troops left in June.")  # the adjective is still the country


def test_capitals_that_are_given_names(tagger) -> None:
    text = "MALABO (AFP) - Roadblocks went up overnight, taxi driver Santiago Nsue said. Police searched cars."
    assert "CL" not in codes(tagger, text)
    assert "CL" in codes(tagger, "Protesters marched in Santiago on Monday.")


# --- agencies --------------------------------------------------------------------------------------------------


def test_agencies_by_name_acronym_and_pattern_with_country(tagger) -> None:
    text = (
        "TEHRAN (Reuters) - Iranian Foreign Ministry spokesman Bahram Qasemi spoke, Tasnim news agency and IRNA "
        "reported. Nigeria's Interior Ministry and the health ministry issued statements. Iranian news agencies "
        "said the UN and the IAEA were told; CENTCOM and the State Department declined to comment."
    )
    found = agencies(tagger, text)
    assert found[("Foreign Ministry", "IR")] == ("government", 1)
    assert found[("Tasnim news agency", "IR")][0] == "news_agency"
    assert found[("IRNA", "IR")][0] == "news_agency"
    assert ("Interior Ministry", "NG") in found
    assert ("Health Ministry", "IR") in found  # no adjective: the dateline country
    assert found[("United Nations", None)][0] == "international"
    assert ("IAEA", None) in found and ("CENTCOM", "US") in found and ("State Department", "US") in found
    assert not any("news agencies" in name.lower() for name, _ in found)


def test_body_names_as_written_with_the_words_leading_into_them(tagger) -> None:
    text = (
        "The Nigeria Customs Service seized rice. Troops of the Bolivarian National Armed Forces stayed loyal, "
        "and Canadian Armed Forces aircraft flew in. Sudan's National Intelligence and Security Service freed "
        "detainees and Lebanon's General Security said it would investigate. Mali's junta was silent. "
        "Maduro spoke outside the Miraflores presidential palace."
    )
    found = agencies(tagger, text)
    assert found[("Nigeria Customs Service", "NG")] == ("government", 1)
    assert found[("Bolivarian National Armed Forces", "VE")][0] == "military"
    assert found[("Canadian Armed Forces", "CA")][0] == "military"
    assert found[("National Intelligence and Security Service", "SD")][0] == "government"
    assert found[("General Security", "LB")][0] == "government"
    assert found[("Junta", "ML")][0] == "military"  # a junta is not reported as "Army"
    assert found[("Miraflores presidential palace", "VE")][0] == "government"


def test_in_a_headline_only_a_country_leads_into_a_body_name(tagger) -> None:
    tags = tagger.tag("Army Chief Says Armed Forces Ready", "KAMPALA (Reuters) - Troops moved north.")
    assert [a.name for a in tags.agencies if a.kind == "military"] == ["Armed Forces"]
    tags = tagger.tag("Chinese coast guard fires water cannon", "MANILA (AP) - Ships collided.")
    assert ("Chinese coast guard", "CN") in {(a.name, a.country) for a in tags.agencies}


def test_un_missions_by_pattern_and_joint_task_forces(tagger) -> None:
    text = (
        "The UN Stabilization Mission in Haiti and the United Nations Assistance Mission in Afghanistan said so; "
        "the UN Mission in Liberia (a KB entry) agreed. "
        "The Multinational Joint Task Force and Nigeria's Joint Task Force moved north."
    )
    found = agencies(tagger, text)
    assert found[("UN Stabilization Mission in Haiti", None)][0] == "international"
    assert found[("United Nations Assistance Mission in Afghanistan", None)][0] == "international"
    assert ("UNMIL", None) in found
    assert ("United Nations", None) not in found  # the UN only as part of the missions' names
    assert found[("Multinational Joint Task Force", None)][0] == "military"
    assert found[("Joint Task Force", "NG")][0] == "military"


def test_acronyms_are_case_sensitive(tagger) -> None:
    assert agencies(tagger, "The AP reported it.") == {("AP", "US"): ("news_agency", 1)}
    assert agencies(tagger, "Tap the app and un-mute it.") == {}


def test_hints_give_the_context_country(tagger) -> None:
    found = agencies(tagger, "The health ministry said 12 people died.", hints={"country": "ke"})
    assert found == {("Health Ministry", "KE"): ("government", 1)}


# --- keywords and coup events ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, use",
    [
        ("Soldiers seized power in a military coup on Wednesday and detained the president.", "current"),
        ("An attempted coup was under way in the capital, witnesses said.", "current"),
        ("The deal was a diplomatic coup for Ankara.", "figurative"),
        ("Winning the summit was a major coup for Beijing.", "figurative"),
        ("The junta has ruled since its coup in 2021.", "historical"),
    ],
)
def test_coup_use(tagger, text, use) -> None:
    tags = tagger.tag("", text, published=datetime(2024, 5, 1, tzinfo=UTC))
    best = max(tags.events, key=lambda e: e.confidence)
    assert (best.type, best.use) == ("coup", use)
    assert "coup" in best.evidence and 0 < best.confidence <= 1
    assert tags.keywords == ["coup"]


def test_no_coup_no_event_and_custom_watch_words(tagger) -> None:
    tags = tagger.tag("New SANCTIONS", "The EU extended sanctions on Russia.")
    assert tags.events == [] and tags.keywords == ["sanctions"]


def test_tag_dispatch_and_bad_input(tagger: Tagger) -> None:
    when = datetime(2016, 7, 16, tzinfo=UTC)
    dispatch = Dispatch(
        id="d1",
        source="test",
        title="Erdogan speaks",
        text="Erdogan supporters rallied in Ankara.",
        published=when,
        fetched=when,
        hints={"country": "TR"},
    )
    tagged = tagger.tag_dispatch(dispatch)
    assert isinstance(tagged, TaggedDispatch) and tagged.id == "d1"
    assert [c.code for c in tagged.tags.countries] == ["TR"]
    assert tagged.tags.officials[0].mentions == 2
    with pytest.raises(TypeError):
        tagger.tag(None, "text")  # type: ignore[arg-type]


# --- the seed dispatch, on the bundled knowledge base ----------------------------------------------------------


def test_seed_dispatch_exactly() -> None:
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    tags = Tagger.load().tag(gold["title"], gold["text"])
    assert {c.code for c in tags.countries} == set(gold["gold"]["countries"]["required"])
    assert len(tags.officials) == 10
    for want in gold["gold"]["officials"]["required"]:
        got = [o for o in tags.officials if want["keys"][0] in _fold(o.name)]
        assert len(got) == 1, want["name"]
        assert got[0].country == want["country"], want["name"]
    roles = {_fold(o.name).replace("-", " ").split()[-1]: o.role for o in tags.officials}
    assert roles["zarif"] == "Foreign Minister" and roles["qasemi"] == "Foreign Ministry spokesman"
    assert roles["shamkhani"] == "National Security Council secretary" and roles["yildirim"] == "Prime Minister"
    assert roles["erdogan"] == "President" and roles["assad"] == "President"
    names = {(_fold(a.name), a.country) for a in tags.agencies}
    assert {
        ("tasnim news agency", "IR"),
        ("irna", "IR"),
        ("national security council", "IR"),
        ("foreign ministry", "IR"),
    } <= names
    assert max(tags.events, key=lambda e: e.confidence).use == "current"


def _fold(s: str) -> str:
    from wirewatch.processors.tagger.textfold import fold

    return fold(s)


def test_a_text_without_sentence_breaks_stays_linear_and_bounded(tagger: Tagger) -> None:
    # A hostile entry: thousands of coup mentions and no full stop. Each event's evidence is a
    # bounded window, and the number of events is capped.
    tags = tagger.tag("coup", "coup " * 4000)
    assert tags.keywords == ["coup"]
    assert 0 < len(tags.events) <= 20
    assert all(len(event.evidence) <= 2 * 400 + 10 for event in tags.events)


def test_officials_given_their_role_by_a_verb(tagger) -> None:
    text = (
        "ANTANANARIVO (Reuters) - Colonel Michael Randrianirina was sworn in as president on Friday. "
        "Herintsalama Rajaonarivelo was appointed prime minister. Rakoto Andriamanana, the new finance "
        "minister, said the budget would be revised. Brigadier General Amara Soa was named army chief last week."
    )
    found = officials(tagger, text, published=datetime(2025, 10, 20, tzinfo=UTC))
    assert found["Michael Randrianirina"][:2] == ("president", "MG")  # the text's role beats the bare rank
    assert found["Herintsalama Rajaonarivelo"][:2] == ("prime minister", "MG")
    assert found["Rakoto Andriamanana"][:2] == ("finance minister", "MG")
    assert found["Amara Soa"][:2] == ("army chief", "MG")


def test_appointment_verbs_do_not_make_officials_of_capitalised_non_names(tagger) -> None:
    text = (
        "LONDON (Reuters) - The Defence Information office was named after him. Leaders' Summit was renamed. "
        "Real Madrid was named champion. Acme Corp was appointed supplier to the army. John Smith was elected "
        "chairman of the football federation. It was made clear on Friday. Besides Karki, the cabinet met."
    )
    assert officials(tagger, text) == {}


def test_officials_listed_after_one_plural_role(tagger) -> None:
    text = (
        "KATHMANDU (AP) - Deputy prime ministers Om Prakash Aryal, Kulman Ghising and Rameshwor Khanal took the "
        "oath. Commissioners Sita Thapa and Hari Gurung of the Election Commission attended."
    )
    found = officials(tagger, text)
    for name in ("Om Prakash Aryal", "Kulman Ghising", "Rameshwor Khanal"):
        assert found[name][:2] == ("Deputy prime minister", "NP")
    assert found["Sita Thapa"][:2] == found["Hari Gurung"][:2] == ("Commissioners"[:-1], "NP")


def test_a_plural_word_before_names_is_not_a_role_unless_it_is_one(tagger) -> None:
    text = "KATHMANDU (AP) - Protests Om Prakash Aryal and Kulman Ghising watched. Visitors Sita Thapa and Hari Gurung left."
    assert officials(tagger, text) == {}


def test_what_the_text_says_of_a_role_change_wins(tagger) -> None:
    text = (
        "CONAKRY (AFP) - Ama Diallo, who resigned as prime minister in August, said he would run. The chief "
        "justice, Fatoumata Bangoura, became interim prime minister on Monday."
    )
    found = officials(tagger, text)
    assert found["Ama Diallo"][:2] == ("former prime minister", "GN")
    assert found["Fatoumata Bangoura"][:2] == ("interim prime minister", "GN")


def test_bodies_found_by_their_head_noun_when_named_words_lead_in(tagger) -> None:
    text = (
        "KATHMANDU (AP) - The Nepal Electricity Authority cut power. Syria's National Commission for Missing "
        "Persons opened an office, and Peru's National Jury of Elections met. Authority figures and the committee "
        "chairman said nothing; a Council spokesman declined to comment."
    )
    found = agencies(tagger, text)
    assert found[("Nepal Electricity Authority", "NP")][0] == "government"
    assert ("National Commission for Missing Persons", "SY") in found
    assert ("National Jury of Elections", "PE") in found
    assert not any(name in ("Authority", "Committee", "Council") for name, _ in found)


def test_a_listed_portfolio_in_brackets_makes_the_role(tagger) -> None:
    text = (
        "PARIS (Reuters) - The new ministers Roland Lescure (economy), Catherine Vautrin (armed forces) and "
        "Amelie de Montchalin (public accounts) took office."
    )
    found = officials(tagger, text)
    assert found["Roland Lescure"][:2] == ("economy minister", "FR")
    assert found["Catherine Vautrin"][:2] == ("armed forces minister", "FR")
    assert found["Amelie de Montchalin"][:2] == ("public accounts minister", "FR")


def test_officials_who_take_a_role_are_named_to_one_or_speak_for_a_body(tagger) -> None:
    text = (
        "BISSAU (AFP) - Tomas Cabral Indjai becomes foreign minister. The junta named lawyer Adelina Sambu Ca as "
        "justice minister. Mario Nhaga, who until Sunday was the police prefect, was appointed interior minister. "
        'Judge Sadja Fati was sworn in on Friday as chief justice. "We are ready," said Braima Seidi Djalo, of '
        "the National Electoral Commission. Cabinet members Rui Mendes (finance) and Iva Gomes (health) attended. "
        "The decree was signed by the transitional president, General Armando Tchuda, on Thursday."
    )
    found = officials(tagger, text)
    assert found["Tomas Cabral Indjai"][:2] == ("foreign minister", "GW")
    assert found["Adelina Sambu Ca"][:2] == ("justice minister", "GW")
    assert found["Mario Nhaga"][:2] == ("interior minister", "GW")  # the appointment, not the clause before it
    assert found["Sadja Fati"][:2] == ("chief justice", "GW")
    assert found["Braima Seidi Djalo"][:2] == ("National Electoral Commission official", "GW")
    assert found["Rui Mendes"][:2] == ("finance minister", "GW") and found["Iva Gomes"][0] == "health minister"
    assert found["Armando Tchuda"][0] == "transitional president"  # the role before the rank, not the rank


def test_a_role_left_yields_to_the_role_taken_and_a_description_gives_the_country(tagger) -> None:
    text = (
        "PHNOM PENH (AP) - Talks were held in Kuala Lumpur, Malaysia. Lieutenant General Sok Pheap, spokeswoman "
        "for Cambodia's Ministry of National Defence, said shelling continued. The president named General Ren "
        "Dara, until now the chief of army staff, as defence chief. Ren Dara was appointed defence chief on Friday."
    )
    found = officials(tagger, text)
    assert found["Sok Pheap"][1] == "KH"
    assert found["Ren Dara"][0] == "defence chief"


def test_bodies_named_after_another_or_by_their_portfolio(tagger) -> None:
    text = (
        "PARIS (AFP) - The Armed Forces Ministry said a frigate had sailed. Cambodia's Ministry of National "
        "Defence denied it. The Joint Chiefs of Staff Committee of Pakistan met. The Intelligence and Security "
        "Authority of Moldova issued a statement."
    )
    agencies = {a.name: (a.country, a.source) for a in tagger.tag("", text).agencies}
    assert agencies["Armed Forces Ministry"] == ("FR", "text")
    assert agencies["Ministry of National Defence"] == ("KH", "text")
    assert "Joint Chiefs of Staff Committee" in agencies
    assert agencies["Intelligence and Security Authority of Moldova"][0] == "MD"


def test_text_full_of_capitalised_non_names_gives_no_officials(tagger) -> None:
    # Teams, products, places, events and titles of works, in the very grammar the discovery patterns read.
    text = (
        "LONDON (Reuters) - Manchester United becomes champion after Arsenal Football Club named Emirates "
        "Stadium as host. The Royal Albert Hall, the venue, was named Best Venue of the Year. Apple Music "
        'took over as sponsor. "It was great," said Golden Globe, of the Hollywood Foreign Press. Premier '
        "League Productions, a company, became partner. Coldplay Live, the tour, was appointed headline act. "
        "Besides Karki Street, the Summer Festival was made official event. Grand Prix Winners Lewis Track and "
        "Silver Arrows attended. The Leaders' Summit Dinner became an annual event."
    )
    assert officials(tagger, text) == {}


def test_police_ranks_are_not_part_of_the_name_and_a_city_dateline_gives_the_country(tagger) -> None:
    text = (
        "LAGOS (Reuters) - Police spokesman DSP Tunde Afolabi Bakare said two suspects were held. Police "
        "spokeswoman SP Adaeze Okafor Nwosu said the road was open again."
    )
    found = officials(tagger, text)
    assert found["Tunde Afolabi Bakare"][:2] == ("Police spokesman", "NG")
    assert found["Adaeze Okafor Nwosu"][:2] == ("Police spokeswoman", "NG")
    assert [c.code for c in tagger.tag("", text).countries] == []  # the dateline city is no country mention


def test_portfolios_taken_roles_resumed_and_initials(tagger) -> None:
    text = (
        "PRAGUE (Reuters) - Jana Novotna Kralova takes over the economy and finance ministry, and Petr Dusek "
        "Mares moves to the armed forces ministry. Tomas Vlk Horak, leader of the Walkers, becomes foreign "
        "minister. Eva Blaha Sykorova returns as justice minister. Karel Sedlak Brzobohaty, sworn in as "
        "interior minister on Monday, met the police. Chief Election Commissioner J.K.L. Hasan Mollah said the "
        "ANO movement won. The 200-seat Chamber, Speaker Ivan Bartos Cerny told deputies, would meet."
    )
    found = officials(tagger, text)
    assert found["Jana Novotna Kralova"][0] == "economy and finance minister"
    assert found["Petr Dusek Mares"][0] == "armed forces minister"
    assert found["Tomas Vlk Horak"][0] == "foreign minister"
    assert found["Eva Blaha Sykorova"][0] == "justice minister"
    assert found["Karel Sedlak Brzobohaty"][0] == "interior minister"
    assert found["J.K.L. Hasan Mollah"][0] == "Chief Election Commissioner"
    assert found["Ivan Bartos Cerny"][0] == "Speaker"
    assert "Chamber" not in found and not any(name.lower() in ("ano", "año") for name in found)
    # the same verbs do not make officials of teams, companies or things
    assert (
        officials(tagger, "LONDON (AP) - Manchester United took over the league lead. Apple moves to the new site.")
        == {}
    )


def test_bodies_named_by_the_text_acronyms_of_news_agencies_and_lowercase_ministries(tagger) -> None:
    text = (
        "CHISINAU (AP) - The state news agency ZPRN said the count was over. Ion Rusu, head of the General "
        "Police Inspectorate, spoke. The Moldova Police Service deployed officers. Results were published by "
        "the Internal Administration Ministry, and Ana Rusu moves to the armed forces ministry."
    )
    agencies = {a.name: (a.kind, a.country, a.source) for a in tagger.tag("", text).agencies}
    assert agencies["ZPRN"] == ("news_agency", "MD", "text")
    assert agencies["General Police Inspectorate"][1:] == ("MD", "text")
    assert agencies["Moldova Police Service"][1:] == ("MD", "text")
    assert agencies["Internal Administration Ministry"][1:] == ("MD", "text")
    assert agencies["Armed Forces Ministry"][1:] == ("MD", "text")
    # an acronym alone, or "Ministry" alone, is nothing
    assert (
        tagger.tag("", "PARIS (AFP) - The NATO summit opened. The Ministry said nothing.").agencies[-1].name
        != "Ministry"
    )


def test_cues_do_not_stand_between_a_role_and_its_holder_and_retired_people_are_private(tagger) -> None:
    text = (
        "CONAKRY (AFP) - Sekou Camara Bah, the newly appointed minister for territorial administration, said "
        "polling was calm. Mariama Sow Diallo, who chairs the state-funded Guinean Human Rights Commission, "
        "said ten people died. Police Major Alpha Keita Sylla, a spokesman for the Conakry police, said officers "
        "acted. Ibrahima Kalil Conte will serve as chief of staff. Daniel Toure Sano, a spokesman for the "
        "energy regulator ARE, said prices rose. Retired army sergeant Fode Kaba Camara said he was pleased."
    )
    found = officials(tagger, text)
    assert found["Sekou Camara Bah"][0] == "minister for territorial administration"
    assert found["Mariama Sow Diallo"][0].startswith("head of")
    assert found["Alpha Keita Sylla"][0].startswith("spokesman for the Conakry police")
    assert found["Ibrahima Kalil Conte"][0] == "chief of staff"
    assert found["Daniel Toure Sano"][0].startswith("spokesman for the energy regulator")
    assert "Fode Kaba Camara" not in found


def test_westminster_titles_resignations_gapped_lists_and_heads_named_after_their_body(tagger) -> None:
    text = (
        "LONDON (Reuters) - Ruth Amsel Crane resigned as deputy prime minister on Friday. Owen Hale Pryce was "
        "named housing secretary, Mira Castell Obi business secretary and Lena Ward Fisk science secretary. "
        "Opposition Leader Dora Hembry Vale said the government had lost its way. The inquiry, chaired by "
        "Judge Amos Keel Reddy, reports in May. Justices Paul Orme Tate and Sian Lloyd Baird dissented. "
        "Tom Selby Ray, the UN special rapporteur on housing, called it a step."
    )
    found = officials(tagger, text)
    assert found["Ruth Amsel Crane"][0] == "former deputy prime minister"
    assert [found[n][0] for n in ("Owen Hale Pryce", "Mira Castell Obi", "Lena Ward Fisk")] == [
        "housing secretary",
        "business secretary",
        "science secretary",
    ]
    assert found["Dora Hembry Vale"][0] == "Opposition Leader"
    assert found["Amos Keel Reddy"][0] == "chair of the inquiry"
    assert found["Paul Orme Tate"][0] == found["Sian Lloyd Baird"][0] == "Justice"
    assert found["Tom Selby Ray"][1] is None  # a UN rapporteur: international, no country
    # "culture secretary" inside "Agriculture Secretary" does not hide the role of a known official
    assert officials(tagger, "WASHINGTON (AP) - Agriculture Secretary Tom Vilsack spoke.")["Tom Vilsack"][0] == (
        "Agriculture Secretary"
    )


def test_replacements_name_the_new_holder_and_the_former_one(tagger) -> None:
    found = officials(
        tagger, "MANILA (Reuters) - Last week Rico Dantes Velasco replaced Amor Santos Lim as Senate President."
    )
    assert found["Rico Dantes Velasco"][0] == "Senate President"
    assert found["Amor Santos Lim"][0] == "former Senate President"
    assert officials(tagger, "LONDON (AP) - Arsenal replaced Chelsea as league leader on Sunday.") == {}


def test_party_names_titles_in_capitals_and_bodies_named_after_another(tagger) -> None:
    text = (
        "OTTAWA (Reuters) - Conservative Leader Pierre Lamont Fournier said he would vote against it. Its leader, "
        "Anne Corbeil Roy, said nothing. Ama Serwaa Mensah, a vice chairman of the governing National Democratic "
        "Congress, spoke. Peter Mwansa Phiri, a deputy secretary at the Cabinet Office, said so. New Zealand named "
        "Swedish economist Karin Holm Berg as governor of its central bank."
    )
    found = officials(tagger, text)
    assert found["Pierre Lamont Fournier"][0] == "Conservative Leader"
    assert "Anne Corbeil Roy" not in found  # "its leader": whose, the text does not say here
    assert found["Karin Holm Berg"][0].startswith("governor")
    agencies = {a.name for a in tagger.tag("", text).agencies}
    assert "Cabinet Office" in agencies and "U.S. Congress" not in agencies


def test_departments_and_services_by_head_noun_and_portfolio_lists(tagger) -> None:
    text = (
        "WASHINGTON (AP) - The Labor Department said payrolls rose. In London the Department for Environment, "
        "Food and Rural Affairs said compensation would be paid. In Santiago the Electoral Service said turnout "
        "was high. The department said little, and the service was slow."
    )
    agencies = {a.name: a.source for a in tagger.tag("", text).agencies}
    assert agencies["Labor Department"] == "text"
    assert agencies["Department for Environment, Food and Rural Affairs"] == "text"
    assert agencies["Electoral Service"] == "text"
    assert not {"Department", "department", "Service", "service"} & set(agencies)
