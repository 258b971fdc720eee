"""Queries too deep, too long or too large are refused with a clear error naming the limit, everywhere a query
enters: the parser, `config check` (naming the rule), `search`, `ingest`, and the dashboard's search API."""

import pytest

from tests.unit.dashboard_fixtures import running_dashboard
from wirewatch.app.cli.main import main
from wirewatch.query import QuerySyntaxError, parse_query
from wirewatch.query.limits import MAX_CLAUSES, MAX_DEPTH, MAX_QUERY_CHARS

DOC = {"title": "Coup in Niger", "text": "Soldiers seized power in Niamey.", "countries": [{"code": "NE"}]}


def nested(depth: int, inner: str = "coup") -> str:
    return "(" * depth + inner + ")" * depth


def test_nesting_beyond_the_limit_is_refused_at_the_first_parenthesis_too_many():
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(nested(495))
    assert caught.value.position == MAX_DEPTH
    assert f"more than {MAX_DEPTH} levels" in caught.value.message


def test_nesting_at_the_limit_compiles_and_matches_everywhere_a_query_is_walked():
    query = parse_query(nested(MAX_DEPTH - 1, "coup AND (countries.code:NE OR text:junta)"))  # 32 levels
    assert query.match(DOC) is not None
    assert query.required_keys() is not None
    assert query.fts_prefilter()
    assert query.highlights(DOC)


def test_parentheses_in_phrases_and_escaped_ones_do_not_count():
    parse_query('"' + "(" * 100 + '" OR ' + "\\(" * 100 + "coup")


def test_more_clauses_than_the_limit_are_refused_at_the_first_one_too_many():
    words = [f"w{i}" for i in range(MAX_CLAUSES + 1)]
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(" OR ".join(words))
    assert caught.value.position == " OR ".join(words).index(f"w{MAX_CLAUSES}")
    assert f"{MAX_CLAUSES:,}" in caught.value.message
    assert parse_query(" OR ".join([*words[:-2], "coup"])).match(DOC) is not None


def test_an_overlong_query_is_refused_and_its_error_stays_short():
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query("coup " * (MAX_QUERY_CHARS // 5 + 1))
    assert "too long" in caught.value.message
    assert len(str(caught.value)) < 400  # a window around the position, not 20,000 characters


def test_config_check_names_the_rule_and_the_limit(tmp_path, capsys):
    config = tmp_path / "wirewatch.toml"
    config.write_text(f'[[rules]]\nname = "deep coup"\nquery = "{nested(495)}"\n', encoding="utf-8")
    assert main(["-c", str(config), "config", "check"]) == 1
    out = capsys.readouterr().out
    assert "rules[0].query: rule 'deep coup': query nested too deeply" in out and "Traceback" not in out
    assert len(out) < 600
    # every command loads the configuration first: ingest refuses it the same way, without a traceback
    assert main(["-c", str(config), "--store", str(tmp_path / "s.db"), "ingest", str(tmp_path / "none.jsonl")]) != 0
    assert "query nested too deeply" in capsys.readouterr().err


def test_cli_search_refuses_a_deep_query(tmp_path, capsys):
    assert main(["--store", str(tmp_path / "s.db"), "search", nested(495)]) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err


async def test_dashboard_search_api_answers_400_not_500(tmp_path):
    from tests.unit.dashboard_fixtures import fill_store

    settings = await fill_store(tmp_path)
    async with running_dashboard(settings.store.path) as (url, session):
        async with session.get(f"{url}/api/search", params={"q": nested(495)}) as response:
            assert response.status == 400
            data = await response.json()
    assert data["error"]["code"] == "query_syntax" and data["error"]["position"] == MAX_DEPTH
