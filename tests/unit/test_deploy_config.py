"""deploy/config/*.toml, the configs the containers read: they pass `wirewatch config check`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wirewatch.app.cli.main import main as wirewatch_main
from wirewatch.app.components import check_config, load_settings

CONFIG_DIR = Path(__file__).resolve().parents[2] / "deploy" / "config"
SERVICES = CONFIG_DIR / "wirewatch.toml"
DASHBOARD = CONFIG_DIR / "dashboard.toml"
TOKEN = "a-test-token-of-32-characters-xx"
STATE_DIR = Path("/var/lib/wirewatch")  # the image's only writable directory (the volumes)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "WIREWATCH_CONFIG",
        "WIREWATCH_KAFKA_BOOTSTRAP_SERVERS",
        "WIREWATCH_ELASTICSEARCH_HOSTS",
        "WIREWATCH_DASHBOARD_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)


def test_the_services_config_passes_config_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert wirewatch_main(["-c", str(SERVICES), "config", "check"]) == 0
    assert "ok" in capsys.readouterr().out
    settings = load_settings(SERVICES)
    assert settings.kafka.bootstrap_servers == ["kafka:9092"]
    assert settings.elasticsearch.hosts == ["http://elasticsearch:9200"]
    assert settings.elasticsearch.enabled
    assert settings.feeds and settings.rules
    assert settings.poller.refuse_private_addresses


def test_the_dashboard_config_passes_with_its_token_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIREWATCH_DASHBOARD_TOKEN", TOKEN)
    assert wirewatch_main(["-c", str(DASHBOARD), "config", "check"]) == 0
    settings = load_settings(DASHBOARD)
    assert settings.server.token == TOKEN  # resolved from env:, never written in the file
    assert settings.server.bind == "0.0.0.0" and settings.server.dashboard
    assert TOKEN not in DASHBOARD.read_text(encoding="utf-8")


def test_the_dashboard_config_refuses_to_load_without_the_token() -> None:
    _settings, problems = check_config(DASHBOARD)
    assert [(p.key, p.reason) for p in problems] == [
        ("server.token", "environment variable WIREWATCH_DASHBOARD_TOKEN is not set")
    ]


def test_the_dashboard_config_refuses_a_short_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_DASHBOARD_TOKEN", "short")
    _settings, problems = check_config(DASHBOARD)
    assert [p.key for p in problems] == ["server.token"]


def test_addresses_follow_the_environment_the_compose_file_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092")
    monkeypatch.setenv("WIREWATCH_ELASTICSEARCH_HOSTS", "https://es.internal:9200")
    settings = load_settings(SERVICES)
    assert settings.kafka.bootstrap_servers == ["k1:9092", "k2:9092"]
    assert settings.elasticsearch.hosts == ["https://es.internal:9200"]


def test_the_dashboard_reads_what_the_services_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """One pipeline: the dashboard serves the sink's indices and the producer's ledger, and polls nothing itself."""
    monkeypatch.setenv("WIREWATCH_DASHBOARD_TOKEN", TOKEN)
    services = load_settings(SERVICES)
    dashboard = load_settings(DASHBOARD)
    assert dashboard.elasticsearch.enabled
    for field in ("hosts", "index_prefix", "alerts_index"):
        assert getattr(dashboard.elasticsearch, field) == getattr(services.elasticsearch, field), field
    assert dashboard.kafka.producer_store == services.kafka.producer_store
    raw = tomllib.loads(DASHBOARD.read_text(encoding="utf-8"))
    assert "feeds" not in raw and "rules" not in raw  # no second pipeline to drift from the first


def test_wirewatch_dashboard_serves_elasticsearch_with_this_config(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.app.cli.dashboard import open_backend
    from wirewatch.app.dashboard.es_backend import ElasticsearchBackend

    monkeypatch.setenv("WIREWATCH_DASHBOARD_TOKEN", TOKEN)
    backend = open_backend(load_settings(DASHBOARD))  # builds a client; no request is sent
    try:
        assert isinstance(backend, ElasticsearchBackend)
        assert backend.ledger_path == STATE_DIR / "producer.db"
    finally:
        backend.close()


def test_state_lives_on_the_volume(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_DASHBOARD_TOKEN", TOKEN)
    services = load_settings(SERVICES)
    dashboard = load_settings(DASHBOARD)
    # The dashboard keeps no state: the only file it opens is the producer's ledger, on the producer's volume.
    for path in (services.store.path, services.kafka.producer_store, dashboard.kafka.producer_store):
        assert path.is_absolute() and STATE_DIR in path.parents, path


def test_no_secret_is_written_in_the_files() -> None:
    for path in (SERVICES, DASHBOARD):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        secrets = [
            (section, key, value)
            for section, table in raw.items()
            if isinstance(table, dict)
            for key, value in table.items()
            if key in ("token", "api_key", "password", "sasl_password") and isinstance(value, str)
        ]
        for section, key, value in secrets:
            assert value.startswith(("env:", "file:")), f"{path.name}: [{section}].{key} holds a literal secret"
