"""`wirewatch es setup` (idempotent, the mapping the matcher assumes) and search with highlights."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

import pytest

from tests.integration.es_support import drop_layout, es_settings_for, index_docs, simple_tagged
from wirewatch.app.cli import elasticsearch as cli_es
from wirewatch.query import QuerySyntaxError
from wirewatch.settings import Settings
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.layout import IndexNames, dispatches_mapping
from wirewatch.sinks.elasticsearch.search import search_elasticsearch_async

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


def write_config(path: Path, hosts: list[str], prefix: str, alerts: str) -> Path:
    path.write_text(
        "[elasticsearch]\n"
        f"hosts = {json.dumps(hosts)}\n"
        f"index_prefix = {json.dumps(prefix)}\n"
        f"alerts_index = {json.dumps(alerts)}\n",
        encoding="utf-8",
    )
    return path


async def test_es_setup_command_is_idempotent_and_installs_the_matcher_mapping(
    elasticsearch_url: str,
    tmp_path: Path,
    capsys,
) -> None:
    es = es_settings_for(elasticsearch_url)
    names = IndexNames.from_settings(es)
    config = write_config(tmp_path / "wirewatch.toml", es.hosts, es.index_prefix, es.alerts_index)
    args = argparse.Namespace(config=str(config), store=None, demo=False)
    try:
        assert await asyncio.to_thread(cli_es.cmd_es_setup, args) == 0
        assert "created" in capsys.readouterr().out
        assert await asyncio.to_thread(cli_es.cmd_es_setup, args) == 0
        second = capsys.readouterr().out
        assert "created" not in second and names.dispatches_index in second

        client = build_client(es)
        try:
            index = await client.indices.get(index=names.dispatches_index)
            alias = await client.indices.get_alias(name=names.dispatches_alias)
            alerts = await client.indices.get_mapping(index=names.alerts)
        finally:
            await client.close()
        body = index[names.dispatches_index]
        mapping = body["mappings"]
        assert mapping["properties"]["title"] == {"type": "text", "analyzer": "standard"}
        assert mapping["properties"]["officials"]["properties"]["name"] == {"type": "keyword"}
        assert "type" not in mapping["properties"]["officials"]  # object, not nested
        assert mapping["dynamic"] == "false"
        # a bare term also looks in the folded copies of title and text (sinks/elasticsearch/folded.py)
        assert body["settings"]["index"]["query"]["default_field"] == ["title", "text", "search.title", "search.text"]
        assert set(mapping["properties"]) == set(dispatches_mapping()["properties"])
        assert list(alias) == [names.dispatches_index]
        assert alerts[names.alerts]["mappings"]["properties"]["dispatch_id"] == {"type": "keyword"}
    finally:
        await drop_layout(es)


async def test_es_setup_reports_an_unreachable_node(tmp_path: Path, capsys) -> None:
    config = write_config(
        tmp_path / "wirewatch.toml", ["http://127.0.0.1:9"], "wwtest-none-dispatches", "wwtest-none-alerts"
    )
    args = argparse.Namespace(config=str(config), store=None, demo=False)
    assert await asyncio.to_thread(cli_es.cmd_es_setup, args) == 1
    assert "127.0.0.1:9" in capsys.readouterr().err


async def test_search_returns_matching_dispatches_with_highlights(es_layout) -> None:
    docs = [
        simple_tagged(
            "s1", title="Coup attempt in Niger", text="Soldiers said on Wednesday they had seized power in a coup."
        ),
        simple_tagged("s2", title="Elections in Ghana", text="Voters queued peacefully; no coup was feared."),
        simple_tagged("s3", title="Harvest report", text="Maize prices fell."),
    ]
    docs[1].tags.countries[0].code = "GH"
    await index_docs(es_layout, [d.to_doc() for d in docs])
    settings = Settings(elasticsearch=es_layout)

    hits = await search_elasticsearch_async(settings, "coup AND countries.code:NE", limit=10)
    assert [hit.doc["id"] for hit in hits] == [docs[0].id]
    assert hits[0].highlights["title"] == ["«Coup» attempt in Niger"]
    assert any("«coup»" in fragment for fragment in hits[0].highlights["text"])
    assert hits[0].score > 0

    both = await search_elasticsearch_async(es_layout, '"seized power" OR Ghana', limit=10)
    assert {hit.doc["id"] for hit in both} == {docs[0].id, docs[1].id}
    assert len(await search_elasticsearch_async(es_layout, "coup", limit=1)) == 1

    with pytest.raises(QuerySyntaxError):
        await search_elasticsearch_async(es_layout, "countrys.code:NE", limit=10)  # a typo is an error, not silence


def test_search_elasticsearch_is_callable_from_sync_code(es_layout) -> None:
    asyncio.run(index_docs(es_layout, [simple_tagged("sync").to_doc()]))
    hits = cli_es.search_elasticsearch(es_layout, "niger", 5)
    assert [hit.doc["id"] for hit in hits] == [simple_tagged("sync").id]
    assert hits[0].highlights == {"title": ["Coup attempt in «Niger»"]}


async def test_wirewatch_search_reads_elasticsearch_when_enabled(es_layout, tmp_path: Path, capsys) -> None:
    # The seed, tagged by the real tagger, indexed in Elasticsearch; `wirewatch search` with
    # [elasticsearch].enabled must answer from the node, not from a (here absent) SQLite store.
    from wirewatch.app.cli.main import main
    from wirewatch.processors.tagger import Tagger
    from wirewatch.producers.ingest import parse_ingest

    seed_text = (Path(__file__).resolve().parents[1] / "fixtures" / "seed-dispatch.txt").read_text(encoding="utf-8")
    (seed,), _ = parse_ingest(seed_text)
    other = simple_tagged("quiet", title="Markets calm", text="Nothing happened in Ankara.")
    await index_docs(es_layout, [Tagger.load().tag_dispatch(seed).to_doc(), other.to_doc()])
    config = write_config(tmp_path / "wirewatch.toml", es_layout.hosts, es_layout.index_prefix, es_layout.alerts_index)
    config.write_text(config.read_text(encoding="utf-8") + "enabled = true\n", encoding="utf-8")
    code = await asyncio.to_thread(main, ["--config", str(config), "search", "--json", "coup AND countries.code:TR"])
    assert code == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["id"] for row in rows] == [seed.id]
    assert any("«coup»" in fragment.lower() for fragment in rows[0]["_highlights"]["text"])
    assert not (tmp_path / "wirewatch.db").exists()
