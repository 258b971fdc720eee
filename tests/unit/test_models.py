"""The contracts' JSON round trips."""

from dataclasses import asdict

from wirewatch.models import AgencyMention, CountryMention, Event, OfficialMention, Tags


def test_tags_to_dict_is_the_plain_dataclass_form_and_round_trips():
    tags = Tags(
        countries=[CountryMention("TR", "Turkey", 3, 12)],
        officials=[OfficialMention("Mevlüt Çavuşoğlu", "Foreign Minister", "TR", 1, True)],
        agencies=[AgencyMention("IRNA", "news_agency", "IR", 1)],
        keywords=["coup"],
        events=[Event("coup", "current", 0.9, "an attempted coup", 40)],
    )
    assert tags.to_dict() == asdict(tags)
    assert Tags.from_dict(tags.to_dict()) == tags
    # every dataclass field is written: a field added later must be added to to_dict too
    for name, items in (
        ("countries", CountryMention),
        ("officials", OfficialMention),
        ("agencies", AgencyMention),
        ("events", Event),
    ):
        assert set(tags.to_dict()[name][0]) == set(items.__dataclass_fields__)
