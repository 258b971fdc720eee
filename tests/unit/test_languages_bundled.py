"""Issue 14's own cases on the bundled language packs (processors/kb/languages/): what went wrong before, each
in a sentence written for this test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirewatch.models import Tags
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.languages import load_packs

DAY = datetime(2025, 12, 9, tzinfo=UTC)
PACKS = load_packs()


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def tag(tagger: Tagger, text: str) -> Tags:
    return tagger.tag("", text, published=DAY)


def names(tags: Tags) -> dict[str, tuple[str | None, str | None]]:
    return {o.name: (o.role, o.country) for o in tags.officials}


def codes(tags: Tags) -> set[str]:
    return {c.code for c in tags.countries}


def test_every_tagged_language_has_a_bundled_pack() -> None:
    assert sorted(PACKS) == sorted(["fr", "es", "pt", "de", "it", "ru", "ar"])


def test_a_german_title_before_a_known_name_keeps_the_match(tagger: Tagger) -> None:
    tags = tag(
        tagger, "In Cotonou erklärte Präsident Patrice Talon am Dienstag, die Lage in Benin sei unter Kontrolle."
    )
    assert tags.language == "de"
    assert names(tags)["Patrice Talon"][1] == "BJ"
    assert "BJ" in codes(tags)


@pytest.mark.parametrize(
    "language, text, name, role",
    [
        (
            "de",
            "Innenminister Karl Obermeier kündigte am Montag in Berlin schärfere Kontrollen an.",
            "Karl Obermeier",
            "Interior Minister",
        ),
        (
            "fr",
            "Le ministre de l'Intérieur Paul Lemaire a annoncé mardi à Paris de nouvelles mesures.",
            "Paul Lemaire",
            "Interior Minister",
        ),
        (
            "es",
            "El canciller Martín Zubiría viajó el lunes a Montevideo para reunirse con sus colegas.",
            "Martín Zubiría",
            "Foreign Minister",
        ),
        (
            "pt",
            "O ministro da Defesa Rui Carvalhal visitou na terça-feira a base aérea de Beja, em Portugal.",
            "Rui Carvalhal",
            "Defence Minister",
        ),
        (
            "ru",
            "Министр внутренних дел Олег Миронов в среду провёл совещание в Москве с руководством полиции.",
            "Олег Миронов",
            "Interior Minister",
        ),
        (
            "ar",
            "قال العقيد سالم الدوري في بغداد يوم الثلاثاء إن الوضع الأمني في العراق مستقر.",
            "سالم الدوري",
            "Colonel",
        ),
    ],
)
def test_titles_in_other_languages_name_unknown_officials(
    tagger: Tagger, language: str, text: str, name: str, role: str
) -> None:
    tags = tag(tagger, text)
    assert tags.language == language
    found = names(tags)
    assert name in found, found
    assert role.lower().split()[-1] in (found[name][0] or "").lower()


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "de",
            "Die Streitkräfte Nigerias und die nigerianischen Behörden sprachen am Montag mit Russland.",
            {"NG", "RU"},
        ),
        ("pt", "O governo do Brasil e a diplomacia brasileira reagiram na segunda-feira em Brasília.", {"BR"}),
        ("fr", "Un ressortissant français a été arrêté lundi à Bamako, a indiqué la justice malienne.", {"FR", "ML"}),
        ("ru", "Военные в Гвинее-Бисау объявили в среду о захвате власти, сообщили в столице страны.", {"GW"}),
        ("ar", "أعلن الجيش في مدغشقر يوم الثلاثاء تشكيل مجلس عسكري لإدارة البلاد.", {"MG"}),
        (
            "es",
            "Los presidentes de América Latina se reunieron el jueves en Bogotá, Colombia, para hablar de comercio.",
            {"CO"},
        ),
    ],
)
def test_countries_in_their_inflected_forms_and_a_region_that_is_not_one(
    tagger: Tagger, language: str, text: str, expected: set[str]
) -> None:
    assert codes(tag(tagger, text)) == expected


def test_names_that_are_words_or_other_people_in_another_language(tagger: Tagger) -> None:
    german = tag(tagger, "Die Gespräche über einen dauerhaften Frieden in der Ukraine gingen am Montag in Genf weiter.")
    assert "Luc Frieden" not in names(german)
    italian = tag(
        tagger,
        "Roberto Fico ha giurato lunedì a Napoli come nuovo presidente della Regione Campania, davanti al consiglio.",
    )
    assert "Robert Fico" not in names(italian)
    assert "SK" not in codes(italian)
    czech_party = tag(tagger, "Le parti ANO a remporté les élections législatives à Prague, selon les résultats.")
    assert all(country != "PH" for _, country in names(czech_party).values())


@pytest.mark.parametrize(
    "language, text, body",
    [
        ("de", "Die Bundeswehr verlegt im Frühjahr weitere Soldaten nach Litauen, teilte Berlin mit.", "Bundeswehr"),
        (
            "pt",
            "A Polícia Federal cumpriu na terça-feira mandados em Brasília, no Brasil, por ordem do STF.",
            "Federal Police",
        ),
        ("fr", "La CEDEAO et l'ONU ont condamné lundi la tentative de coup d'État au Bénin.", "ECOWAS"),
        ("es", "La OTAN y la ONU pidieron el martes calma en la frontera entre Venezuela y Colombia.", "NATO"),
    ],
)
def test_bodies_named_in_other_languages(tagger: Tagger, language: str, text: str, body: str) -> None:
    found = [agency.name for agency in tag(tagger, text).agencies]
    assert any(body.lower() in name.lower() for name in found), found


@pytest.mark.parametrize(
    "language, text, use",
    [
        ("es", "Militares intentaron un golpe de Estado el martes en La Paz, según el gobierno de Bolivia.", "current"),
        (
            "de",
            "Soldaten haben am Sonntag in Cotonou einen Putsch versucht, teilte die Regierung Benins mit.",
            "current",
        ),
        ("de", "Der Staatsstreich wurde nach Angaben der Armee am Montag in Bissau vereitelt.", "current"),
        ("ru", "Военные в Мали сообщили о предотвращённом госперевороте в понедельник.", "current"),
        ("ar", "أعلن الجيش في السودان إحباط محاولة انقلاب يوم الاثنين.", "current"),
        ("fr", "La nouvelle a fait l'effet d'un coup de tonnerre à Paris mardi, au sein de la majorité.", None),
        ("fr", "Le ministre a quitté la réunion sur un coup de sang lundi soir à Paris, selon ses proches.", None),
    ],
)
def test_coup_words_and_idioms_of_each_language(tagger: Tagger, language: str, text: str, use: str | None) -> None:
    events = tag(tagger, text).events
    assert [event.use for event in events][:1] == ([use] if use else [])


def test_a_german_compound_title_names_the_official_after_it(tagger: Tagger) -> None:
    tags = tag(tagger, "Gemeindepräsident Anton Wehrli sagte am Montag in Bern, die Schweiz helfe dem Tal.")
    assert names(tags)["Anton Wehrli"][0] == "President"
    hyphened = tag(
        tagger, "EU-Finanzmarktkommissarin Karin Lindqvist sagte am Dienstag in Berlin, Deutschland sei bereit."
    )
    assert "Karin Lindqvist" in names(hyphened)
    guard = tag(tagger, "Die Präsidentengarde Heinrich Meiers Truppen marschierten am Montag in Berlin, Deutschland.")
    assert "Heinrich Meiers" not in names(guard)  # "präsident" inside a compound that goes on is no title


def test_a_generic_ministry_in_a_title_takes_the_country_named_after_it(tagger: Tagger) -> None:
    tags = tag(tagger, "Официальный представитель МИД Ирана Эсмаил Багаи заявил в среду в Тегеране о переговорах.")
    assert ("Foreign Ministry", "IR") in [(agency.name, agency.country) for agency in tags.agencies]


def test_a_body_named_with_its_country_takes_the_english_demonym(tagger: Tagger) -> None:
    tags = tag(tagger, "Вооружённые силы Бенина остались верны республике, заявил в воскресенье министр в Котону.")
    assert ("Beninese Armed Forces", "BJ") in [(agency.name, agency.country) for agency in tags.agencies]


def test_sana_alone_is_a_name_not_the_syrian_agency(tagger: Tagger) -> None:
    tags = tag(tagger, "Das sagte Sicherheitsminister Mahamadou Sana am Dienstag im Fernsehen in Burkina Faso.")
    assert "SANA" not in [agency.name for agency in tags.agencies]


def test_a_current_coup_outranks_the_coups_counted_in_the_past(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Segundo o oficial, o golpe de Estado foi motivado por um plano para manipular as eleições na Guiné-Bissau. "
        "Desde a independência, o país somou quatro golpes bem-sucedidos e várias tentativas.",
    )
    best = max(tags.events, key=lambda event: event.confidence)
    assert best.use == "current"


def test_a_country_that_is_a_first_name_is_not_the_country_inside_a_name(tagger: Tagger) -> None:
    person = tag(tagger, "En el barrio, Israel Ferrer, un jubilado de 68 años, habló el lunes con la prensa en Cuba.")
    assert codes(person) == {"CU"}
    country = tag(tagger, "El gobierno de Israel anunció el lunes nuevas medidas, según el ministro en Madrid.")
    assert "IL" in codes(country)


def test_a_body_named_with_its_country_in_another_language_names_the_country(tagger: Tagger) -> None:
    tags = tag(tagger, "El Departamento de Estado de EE.UU. pidió el martes la liberación del opositor en Caracas.")
    assert "US" in codes(tags)


def test_a_long_acronym_written_as_a_name(tagger: Tagger) -> None:
    tags = tag(
        tagger, "I caschi blu dell'Unficyp pattugliano da decenni la zona cuscinetto di Nicosia, ha detto l'Onu."
    )
    assert "UNFICYP" in [agency.name for agency in tags.agencies]


def test_the_guard_named_in_a_commander_s_title(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Au Bénin, le commandant de la Garde républicaine, le colonel Jean Adjovi, a été arrêté lundi à Cotonou.",
    )
    assert ("Republican Guard", "BJ") in [(agency.name, agency.country) for agency in tags.agencies]


def test_an_arabic_spokesman_for_a_body_the_pack_does_not_name(tagger: Tagger) -> None:
    tags = tag(tagger, "وقال الناطق باسم الهيئة محمد التليلي إن النتائج ستعلن يوم الثلاثاء في تونس.")
    found = names(tags)
    assert any(name.startswith("محمد التليلي") for name in found), found
    assert not any("باسم" in name for name in found), found
