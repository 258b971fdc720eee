from pathlib import Path

import pytest

from wirewatch.app.cli.main import main
from wirewatch.app.components import check_config, load_settings
from wirewatch.config import ConfigError, settings_from_dict

GOOD = """
[store]
path = "data/ww.db"

[poller]
read_timeout = 5
per_host_concurrency = 1

[delivery]
jsonl_path = "alerts.jsonl"
[delivery.webhooks.ops]
url = "https://hooks.example.org/wirewatch"
headers = { Authorization = "env:WW_TEST_TOKEN" }

[[feeds]]
name = "tehran"
url = "https://example.org/rss"
interval = 120
country = "IR"

[[feeds]]
name = "local"
kind = "file"
url = "feeds/sample.xml"

[[rules]]
name = "Coup in Turkey"
query = "coup AND countries.code:TR"
channels = ["console", "ops", "jsonl"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "wirewatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_config_loads_with_paths_relative_to_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("WW_TEST_TOKEN", "Bearer s3cret")
    settings = load_settings(write(tmp_path, GOOD))
    assert settings.store.path == tmp_path / "data/ww.db"
    assert settings.kafka.producer_store == tmp_path / "wirewatch-producer.db"
    assert settings.poller.read_timeout == 5.0
    assert [f.name for f in settings.feeds] == ["tehran", "local"]
    assert settings.feeds[1].url == str(tmp_path / "feeds/sample.xml")
    assert settings.feeds[0].country == "IR"
    assert settings.rules[0].id == "coup-in-turkey"
    assert settings.rules[0].channels == ["console", "ops", "jsonl"]
    assert settings.delivery.webhooks["ops"].headers["Authorization"] == "Bearer s3cret"


def test_every_problem_is_reported_with_its_key(tmp_path, monkeypatch):
    monkeypatch.delenv("WW_TEST_TOKEN", raising=False)
    text = (
        GOOD.replace("interval = 120", 'interval = "often"\ncolour = "red"').replace(
            'url = "https://example.org/rss"', 'url = "ftp://example.org/rss"'
        )
        + '\n[[rules]]\nname = "broken"\nquery = "coup AND (TR"\n\n[[rules]]\nname = "x"\nquery = "y"\nchannels = ["pager"]\n[typo]\n'
    )
    _, problems = check_config(write(tmp_path, text))
    keys = {p.key for p in problems}
    assert "feeds[0].interval" in keys
    assert "feeds[0].colour" in keys
    assert "feeds[0].url" in keys
    assert "typo" in keys
    assert "rules[1].query" in keys
    assert "rules[2].channels" in keys
    assert "delivery.webhooks.ops.headers.Authorization" in keys
    query_problem = next(p for p in problems if p.key == "rules[1].query")
    assert "position" in query_problem.reason


def test_non_loopback_bind_requires_a_token():
    _, problems = settings_from_dict({"server": {"bind": "0.0.0.0"}})
    assert [p.key for p in problems] == ["server.token"]
    _, problems = settings_from_dict({"server": {"bind": "0.0.0.0", "token": "abc"}})
    assert [p.reason for p in problems] == ["must be at least 16 characters"]
    _, problems = settings_from_dict({"server": {"bind": "0.0.0.0", "token": "a-long-enough-secret"}})
    assert problems == []


def test_kafka_batch_bytes_must_fit_a_request():
    settings, problems = settings_from_dict({"kafka": {"batch_bytes": 65536}})
    assert problems == [] and settings.kafka.batch_bytes == 65536
    for wrong in (10, 2_000_000):
        _, problems = settings_from_dict({"kafka": {"batch_bytes": wrong}})
        assert [p.key for p in problems] == ["kafka.batch_bytes"]


def test_duplicate_feed_names_and_rule_ids_are_errors():
    raw = {
        "feeds": [{"name": "a", "url": "https://x.org/1"}, {"name": "a", "url": "https://x.org/2"}],
        "rules": [{"name": "Coup", "query": "coup"}, {"name": "coup", "query": "junta"}],
    }
    _, problems = settings_from_dict(raw)
    assert {p.key for p in problems} == {"feeds[1].name", "rules[1].id"}


def test_missing_required_keys():
    _, problems = settings_from_dict({"feeds": [{"name": "no-url"}], "rules": [{"name": "no query"}]})
    assert {p.key for p in problems} == {"feeds[0].url", "rules[0].query"}


def test_load_settings_raises_with_all_problems(tmp_path):
    path = write(tmp_path, "[store]\npath = 3\n[poller]\nread_timeout = -1\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert len(info.value.problems) == 2


def test_invalid_toml_is_reported(tmp_path):
    _, problems = check_config(write(tmp_path, "[store\n"))
    assert len(problems) == 1 and "invalid TOML" in problems[0].reason


def test_config_check_command(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WW_TEST_TOKEN", "t")
    assert main(["--config", str(write(tmp_path, GOOD)), "config", "check"]) == 0
    assert "ok (2 feeds, 1 rules)" in capsys.readouterr().out
    bad = write(tmp_path, '[[feeds]]\nname = "f"\nurl = "file:///etc/passwd"\n')
    assert main(["--config", str(bad), "config", "check"]) == 1
    out = capsys.readouterr().out
    assert "feeds[0].url" in out and "http" in out


def test_config_file_from_environment(tmp_path, monkeypatch):
    path = write(tmp_path, '[[feeds]]\nname = "env"\nurl = "https://example.org/feed"\n')
    monkeypatch.setenv("WIREWATCH_CONFIG", str(path))
    assert [f.name for f in load_settings().feeds] == ["env"]


def test_service_addresses_from_the_environment(monkeypatch):
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP_SERVERS", "k1:9092, k2:9092")
    monkeypatch.setenv("WIREWATCH_ELASTICSEARCH_HOSTS", "https://es.internal:9200")
    settings, problems = settings_from_dict({"kafka": {"bootstrap_servers": ["ignored:1"]}})
    assert problems == []
    assert settings.kafka.bootstrap_servers == ["k1:9092", "k2:9092"]
    assert settings.elasticsearch.hosts == ["https://es.internal:9200"]
    monkeypatch.setenv("WIREWATCH_ELASTICSEARCH_HOSTS", "ftp://nope")
    _, problems = settings_from_dict({})
    assert [p.key for p in problems] == ["elasticsearch.hosts"]
