"""Real Kafka and Elasticsearch for integration tests, started on demand.

`ensure_kafka()` and `ensure_elasticsearch()` reuse a service that already
answers on 127.0.0.1 (started by CI's `deploy/local/services.sh start`, a
developer, or an earlier test session) and otherwise start it with the
deploy/local scripts. A test that needs a service it cannot get FAILS with
`ServiceUnavailable`; it never skips.

Its session fixtures, `kafka_bootstrap` and `elasticsearch_url`, are registered for every test
directory by tests/conftest.py (`pytest_plugins`); test modules name them as arguments, never import them.

Ports follow the scripts' environment: WIREWATCH_KAFKA_PORT, WIREWATCH_ES_PORT.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import urllib.error
import urllib.request
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DEPLOY_LOCAL = REPO_ROOT / "deploy" / "local"
KAFKA_SCRIPT = DEPLOY_LOCAL / "kafka.sh"
ELASTICSEARCH_SCRIPT = DEPLOY_LOCAL / "elasticsearch.sh"
HOST = "127.0.0.1"

# A cold start fetches ~50 MB (Kafka) or ~110 MB (Elasticsearch) through Maven
# before the server boots; a warm start takes seconds. Bound it all the same.
START_TIMEOUT_SECONDS = 900
PROBE_TIMEOUT_SECONDS = 5.0
MAX_HEALTH_BYTES = 64 * 1024
OUTPUT_TAIL_CHARS = 4000


class ServiceUnavailable(RuntimeError):
    """A service a test needs is not running and could not be started."""


def kafka_bootstrap_address() -> str:
    return f"{HOST}:{os.environ.get('WIREWATCH_KAFKA_PORT', '9092')}"


def elasticsearch_address() -> str:
    return f"http://{HOST}:{os.environ.get('WIREWATCH_ES_PORT', '9200')}"


@cache
def _kafka_probe() -> ModuleType:
    """deploy/local/kafka/probe.py, the same readiness check the start script uses."""
    path = DEPLOY_LOCAL / "kafka" / "probe.py"
    spec = importlib.util.spec_from_file_location("wirewatch_local_kafka_probe", path)
    if spec is None or spec.loader is None:
        raise ServiceUnavailable(f"cannot load the Kafka probe at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kafka_ready(bootstrap: str) -> bool:
    """True when the broker answers a Metadata request listing itself and a controller."""
    host, _, port = bootstrap.rpartition(":")
    probe = _kafka_probe()
    try:
        brokers, controller = probe.probe(host, int(port))
    except (OSError, ValueError, probe.ProbeError):
        return False
    return brokers >= 1 and controller >= 0


def elasticsearch_ready(url: str) -> bool:
    """True when the cluster answers with status yellow or green."""
    health_url = f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s"
    try:
        with urllib.request.urlopen(health_url, timeout=PROBE_TIMEOUT_SECONDS) as response:
            health = json.loads(response.read(MAX_HEALTH_BYTES))
    except (OSError, ValueError):  # URLError/HTTPError are OSErrors; bad JSON is a ValueError
        return False
    return health.get("status") in {"yellow", "green"}


def _start(script: Path) -> None:
    try:
        result = subprocess.run(
            [str(script), "start"],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise ServiceUnavailable(f"{script.name} start did not finish in {START_TIMEOUT_SECONDS}s") from exc
    except OSError as exc:
        raise ServiceUnavailable(f"cannot run {script}: {exc}") from exc
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-OUTPUT_TAIL_CHARS:]
        raise ServiceUnavailable(f"{script.name} start exited {result.returncode}:\n{output}")


def ensure_kafka() -> str:
    """Bootstrap address ("127.0.0.1:9092") of a ready broker, starting one if none answers."""
    bootstrap = kafka_bootstrap_address()
    if not kafka_ready(bootstrap):
        _start(KAFKA_SCRIPT)
        if not kafka_ready(bootstrap):
            raise ServiceUnavailable(f"kafka.sh start succeeded but no broker is ready at {bootstrap}")
    return bootstrap


def ensure_elasticsearch() -> str:
    """URL ("http://127.0.0.1:9200") of a yellow/green node, starting one if none answers."""
    url = elasticsearch_address()
    if not elasticsearch_ready(url):
        _start(ELASTICSEARCH_SCRIPT)
        if not elasticsearch_ready(url):
            raise ServiceUnavailable(f"elasticsearch.sh start succeeded but {url} is not healthy")
    return url


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    """Bootstrap servers string of the shared local broker."""
    return ensure_kafka()


@pytest.fixture(scope="session")
def elasticsearch_url() -> str:
    """Base URL of the shared local Elasticsearch node."""
    return ensure_elasticsearch()
