"""The tagger's rules for other languages, on small fixture packs (tests/unit/fixtures/languages/) over the bundled
knowledge base: the mechanics, independent of how complete the bundled packs are (test_languages_bundled.py
checks those on the issue's own cases)."""

from __future__ import annotations

import json
import pathlib
import shutil
from datetime import UTC, datetime

import pytest

from wirewatch.models import Tags
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.kb import BUNDLED_KB_DIR, KnowledgeBaseError, Official, Role
from wirewatch.processors.tagger.languages import LanguagePack, load_packs

FIXTURE_PACKS = pathlib.Path(__file__).parent / "fixtures" / "languages"
KB_AGENCIES = {
    agency["id"]: agency["name"] for agency in json.loads((BUNDLED_KB_DIR / "agencies.json").read_text())["agencies"]
}
UN, ECOWAS = KB_AGENCIES["un"], KB_AGENCIES["ecowas"]
DAY = datetime(2025, 6, 3, tzinfo=UTC)


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> Tagger:
    kb_dir = tmp_path_factory.mktemp("kb")
    for name in ("countries", "agencies", "officials"):
        shutil.copy(BUNDLED_KB_DIR / f"{name}.json", kb_dir / f"{name}.json")
    shutil.copytree(FIXTURE_PACKS, kb_dir / "languages")
    return Tagger.load(kb_dir, watch_words=("coup",))


def tag(tagger: Tagger, text: str, title: str = "", language: str | None = None) -> Tags:
    return tagger.tag(title, text, published=DAY, language=language)


def people(tags: Tags) -> dict[str, tuple[str | None, str | None, bool]]:
    return {o.name: (o.role, o.country, o.known) for o in tags.officials}


def test_a_title_before_an_unknown_name_gives_the_english_role(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "PARIS - Le ministre de l'Intérieur Jean-Marc Duval a annoncé mardi de nouvelles mesures en France. "
        "Selon le ministère de l'Intérieur, les contrôles seront renforcés.",
    )
    assert tags.language == "fr"
    assert people(tags)["Jean-Marc Duval"] == ("Interior Minister", "FR", False)
    assert [(a.name, a.country) for a in tags.agencies] == [("Interior Ministry", "FR")]


def test_an_article_inside_a_surname_is_part_of_the_name(tagger: Tagger) -> None:
    tags = tag(tagger, "PARIS - Le ministre de l'Intérieur Jean La Croix a annoncé mardi à Paris de nouvelles mesures.")
    assert people(tags)["Jean La Croix"] == ("Interior Minister", "FR", False)
    opener = tag(tagger, "PARIS - Selon le ministre de l'Intérieur Jean Moreau. La France a réagi mardi à Paris.")
    assert "Jean Moreau" in people(opener)


def test_a_demonym_and_a_portfolio_inside_the_title_give_role_and_country(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "BAMAKO - Le ministre malien de la Défense, Ousmane Diarra, a reçu mardi des officiers venus du Niger "
        "et du Nigeria pour parler de la sécurité de la région.",
    )
    assert people(tags)["Ousmane Diarra"] == ("Defence Minister", "ML", False)
    assert {c.code for c in tags.countries} == {"ML", "NE", "NG"}


def test_a_body_keeps_the_words_the_text_names_it_with(tagger: Tagger) -> None:
    tags = tag(tagger, "PARIS - Le ministère des Armées a annoncé mardi à Paris l'envoi de renforts en France.")
    assert [(a.name, a.written, a.country) for a in tags.agencies] == [
        ("Ministry of the Armed Forces", "ministère des Armées", "FR")
    ]
    assert tags.to_dict()["agencies"][0]["written"] == "ministère des Armées"


def test_a_title_in_apposition_after_the_name(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Aminata Koné, la nouvelle ministre de la Santé du Mali, a visité mardi l'hôpital de Bamako avec des "
        "médecins venus de Guinée et de Guinée-Bissau.",
    )
    assert people(tags)["Aminata Koné"] == ("Health Minister", "ML", False)
    assert {c.code for c in tags.countries} == {"ML", "GN", "GW"}


def test_known_officials_by_the_language_s_spelling_and_a_title_s_role(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Vladimir Poutine a reçu mardi au Kremlin le président Emmanuel Macron. Poutine a parlé de la Russie "
        "et de la France pendant deux heures, selon un communiqué publié à Moscou.",
    )
    found = people(tags)
    assert found["Vladimir Putin"][1:] == ("RU", True)
    assert found["Emmanuel Macron"] == ("President", "FR", True)
    assert {o.name: o.mentions for o in tags.officials}["Vladimir Putin"] == 2


def test_a_list_of_names_after_one_title(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "BAMAKO - Les ministres Aminata Koné, Moussa Diarra et Fatoumata Sidibé ont prêté serment mardi au Mali, "
        "devant le président Assimi Goïta.",
    )
    found = people(tags)
    assert [found[name][:2] for name in ("Aminata Koné", "Moussa Diarra", "Fatoumata Sidibé")] == [
        ("Minister", "ML")
    ] * 3


def test_a_rank_before_a_name_is_not_the_role_of_an_official_named_by_title(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "NIAMEY - Le chef d'état-major des armées, le général Moussa Salaou Barmou, a inspecté mardi les troupes "
        "nigériennes déployées près de la frontière avec le Mali.",
    )
    assert people(tags)["Moussa Salaou Barmou"] == ("armed forces chief of staff", "NE", False)


def test_a_rank_alone_names_an_officer(tagger: Tagger) -> None:
    tags = tag(tagger, "Le colonel-major Idrissa Maïga a lu mardi un communiqué à la télévision du Niger.")
    assert people(tags)["Idrissa Maïga"] == ("Colonel-Major", "NE", False)
    known = tag(tagger, "Le colonel-major Amadou Abdramane a lu mardi un communiqué à la télévision du Niger.")
    assert people(known)["Amadou Abdramane"][2] is True  # the knowledge base's role, not the rank


def test_a_generic_body_takes_the_demonym_after_it(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "L'armée malienne a annoncé mardi avoir repoussé une attaque. L'ONU et la CEDEAO ont appelé au calme "
        "au Mali, où la junte tient le pouvoir depuis plusieurs années.",
    )
    assert [(a.name, a.country) for a in tags.agencies] == [("Malian Army", "ML"), (UN, None), (ECOWAS, None)]


def test_coup_words_and_idioms(tagger: Tagger) -> None:
    current = tag(tagger, "Des militaires ont tenté mardi un coup d'État au Niger, selon des sources locales à Niamey.")
    assert [(e.type, e.use) for e in current.events] == [("coup", "current")]
    idiom = tag(tagger, "La décision a fait l'effet d'un coup de tonnerre à Paris, où le gouvernement a réagi mardi.")
    assert idiom.events == []
    figurative = tag(tagger, "Pour la France, cet accord est un coup d'État diplomatique, selon un ministre à Paris.")
    assert [e.use for e in figurative.events] == ["figurative"]


def test_region_names_that_contain_a_country_word_are_not_countries(tagger: Tagger) -> None:
    tags = tag(tagger, "Les pays d'Amérique latine et du golfe de Guinée se réunissent mardi à Paris pour parler.")
    assert [c.code for c in tags.countries] == ["FR"]


def test_russian_case_forms_titles_and_names_in_cyrillic(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "МОСКВА (ТАСС) - Министр обороны Андрей Белоусов во вторник обсудил ситуацию в Гвинее-Бисау. "
        "Президент России Владимир Путин поручил министру подготовить доклад, сообщили в Кремле.",
    )
    assert tags.language == "ru"
    assert {c.code for c in tags.countries} >= {"GW", "RU"}
    assert "GN" not in {c.code for c in tags.countries}
    found = people(tags)
    assert found["Andrei Belousov"] == ("Defence Minister", "RU", True)
    assert found["Vladimir Putin"][1:] == ("RU", True)
    assert [a.name for a in tags.agencies] == ["TASS"]


def test_russian_unknown_official_after_a_title_and_the_coup_word(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Министр внутренних дел Иван Соколов заявил во вторник, что военные готовили госпереворот в России.",
    )
    assert people(tags)["Иван Соколов"] == ("Interior Minister", "RU", False)
    assert [e.use for e in tags.events] == ["current"]


def test_arabic_clitics_titles_and_names(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "قال وزير الخارجية السوري أسعد الشيباني إن دمشق تريد علاقات جيدة مع الخرطوم والسودان، "
        "وأكد وزير الداخلية السوداني خالد عثمان في الخرطوم أن الوضع هادئ. وقالت وزارة الخارجية السورية إن "
        "الاجتماع سيعقد في مدغشقر الشهر المقبل.",
    )
    assert tags.language == "ar"
    assert {c.code for c in tags.countries} == {"SY", "SD", "MG"}
    found = people(tags)
    assert found["Asaad al-Shaibani"] == ("Foreign Minister", "SY", True)
    assert found["خالد عثمان"] == ("Interior Minister", "SD", False)
    assert [(a.name, a.country) for a in tags.agencies] == [("Syrian Foreign Ministry", "SY")]


def test_arabic_coup_and_an_overturned_car(tagger: Tagger) -> None:
    assert [e.use for e in tag(tagger, "أعلن الجيش في السودان إحباط محاولة انقلاب في الخرطوم.").events] == ["current"]
    assert tag(tagger, "أصيب ثلاثة أشخاص في انقلاب سيارة قرب الخرطوم في السودان.").events == []


def test_english_text_keeps_the_english_rules(tagger: Tagger) -> None:
    tags = tag(tagger, "Interior Minister Jean-Marc Duval said on Tuesday that France would tighten controls.")
    assert tags.language == "en"
    assert people(tags)["Jean-Marc Duval"] == ("Interior Minister", "FR", False)


def test_a_learned_official_is_found_in_every_language(tagger: Tagger) -> None:
    learned = Official(
        "learned:ml-ousmane-keita",
        "Ousmane Keita",
        (),
        ("Keita",),
        (Role("Interior Minister", "ML", DAY.date(), None),),
        learned=True,
    )
    try:
        tagger.use_learned([learned], [])
        french = tag(tagger, "Ousmane Keita a visité mardi Bamako, la capitale du Mali, avec des experts.")
        russian = tag(tagger, "Ousmane Keita во вторник посетил Россию, сообщили в Москве журналистам.")
        assert people(french)["Ousmane Keita"] == ("Interior Minister", "ML", False)
        assert "Ousmane Keita" in people(russian)
    finally:
        tagger.use_learned([], [])


def test_the_same_input_gives_the_same_output(tagger: Tagger) -> None:
    text = "Le ministre de l'Intérieur Jean-Marc Duval\u200b a parlé\u200f mardi à Paris. Поутин الخرطوم"
    assert tag(tagger, text) == tag(tagger, text)
    assert tag(tagger, text, language="ar") == tag(tagger, text, language="ar")


def test_a_pack_that_breaks_the_schema_is_refused_with_its_problems(tmp_path: pathlib.Path) -> None:
    (tmp_path / "languages").mkdir()
    (tmp_path / "languages" / "xx.json").write_text(
        '{"language": "xx", "source": "t", "countries": {"ZZ": {"names": []}}, "agencies": [{"forms": ["A"]}]}',
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError) as caught:
        load_packs(tmp_path)
    assert "unknown code 'ZZ'" in str(caught.value)
    assert "needs name and kind" in str(caught.value)


def test_arabic_names_are_matched_with_proclitics(tagger: Tagger) -> None:
    pack = LanguagePack.from_dict(
        {"language": "ar", "script": "arabic", "source": "t", "countries": {"SD": {"names": ["السودان"]}}}, "t"
    )
    assert pack.surfaces("السودان") == ["السودان", "لسودان"]  # "للسودان": ل before the article drops its alef
    assert LanguagePack.from_dict({"language": "fr", "source": "t"}, "t").surfaces("Mali") == ["Mali"]
    for written in ("والسودان", "بالسودان", "للسودان", "وبالسودان", "فالسودان"):
        tags = tag(tagger, f"قال مسؤول في الخرطوم يوم الثلاثاء إن الوضع {written} هادئ.", language="ar")
        assert "SD" in codes_of(tags), written
    assert "SD" not in codes_of(tag(tagger, "قال مسؤول يوم الثلاثاء إن كتابالسودان جديد.", language="ar"))


def codes_of(tags: Tags) -> set[str]:
    return {country.code for country in tags.countries}
