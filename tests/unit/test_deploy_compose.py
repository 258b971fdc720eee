"""deploy/compose.yaml: parses, and names only images, ports, variables and commands that exist.

No Docker engine runs in CI, so the file is checked by reading it: a typo in an
environment variable, a port the service does not listen on or a command
wirewatch does not have would otherwise surface only on somebody's first `up`.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from wirewatch.config import is_loopback

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "compose.yaml"
CODE_DIRS = ("wirewatch", "producers", "processors", "sinks")

PINNED_IMAGES = {
    "apache/kafka:3.9.2",
    "docker.elastic.co/elasticsearch/elasticsearch:9.5.0",
    "docker.elastic.co/kibana/kibana:9.5.0",
}
WIREWATCH_IMAGE = "wirewatch:local"
VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")
ONE_SHOT_CONDITION = "service_completed_successfully"


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def services() -> dict[str, dict[str, Any]]:
    return compose()["services"]


def is_wirewatch(service: dict[str, Any]) -> bool:
    return service.get("image") == WIREWATCH_IMAGE


def is_one_shot(service: dict[str, Any]) -> bool:
    return service.get("restart") == "no"


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def config_for(service: dict[str, Any]) -> dict[str, Any]:
    """The TOML the wirewatch container reads: WIREWATCH_CONFIG maps /etc/wirewatch/ to deploy/config/."""
    path = environment(service)["WIREWATCH_CONFIG"]
    assert path.startswith("/etc/wirewatch/"), path
    return tomllib.loads((DEPLOY / "config" / path.removeprefix("/etc/wirewatch/")).read_text(encoding="utf-8"))


def published(service: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(host address, host port, container port) per published port (short syntax)."""
    out = []
    for spec in service.get("ports", []):
        parts = str(spec).split(":")
        assert len(parts) == 3, f"publish with an explicit host address: {spec}"
        out.append((parts[0], int(parts[1]), int(parts[2].split("/")[0])))
    return out


def listen_ports(name: str, service: dict[str, Any]) -> set[int]:
    """What the service listens on, read from its own command or environment."""
    env = environment(service)
    image = str(service.get("image", ""))
    if image.startswith("apache/kafka:"):
        return {int(listener.rsplit(":", 1)[1]) for listener in env["KAFKA_LISTENERS"].split(",")}
    if image.startswith("docker.elastic.co/elasticsearch/"):
        return {int(env.get("http.port", 9200))}
    if image.startswith("docker.elastic.co/kibana/"):
        return {int(env.get("SERVER_PORT", 5601))}
    if is_wirewatch(service):
        command = service["command"]
        if "--port" in command:
            return {int(command[command.index("--port") + 1])}
        server = config_for(service).get("server", {})
        if command[0] in ("run", "dashboard") and server.get("dashboard", True):
            return {int(server.get("port", 8787))}
        return set()
    raise AssertionError(f"{name}: unknown image {image}")


def wirewatch_bind(service: dict[str, Any]) -> tuple[str, str | None]:
    command = service["command"]
    server = config_for(service).get("server", {})
    bind = command[command.index("--bind") + 1] if "--bind" in command else server.get("bind", "127.0.0.1")
    return bind, server.get("token")


def all_strings(node: Any):
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from all_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_strings(item)
    elif node is not None:
        yield str(node)


def code_text() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for directory in CODE_DIRS for path in sorted((ROOT / directory).rglob("*.py"))
    )


def wirewatch_parser() -> argparse.ArgumentParser:
    from wirewatch.app.cli.main import build_parser

    return build_parser()


# -- parses ----------------------------------------------------------------------------


def test_compose_parses_and_has_every_service_the_issue_asks_for() -> None:
    found = services()
    assert {"kafka", "elasticsearch", "kibana", "producer", "processor", "sink", "dashboard"} <= found.keys()


# -- images --------------------------------------------------------------------------------


def test_images_are_the_pinned_tags_or_the_wirewatch_build() -> None:
    for name, service in services().items():
        image = service.get("image")
        assert image, f"{name}: no image"
        if image == WIREWATCH_IMAGE:
            build = service["build"]
            assert (COMPOSE.parent / build["context"]).resolve() == ROOT
            assert (ROOT / build["dockerfile"]).resolve() == (DEPLOY / "Dockerfile").resolve()
            assert (ROOT / build["dockerfile"]).is_file()
        else:
            assert image in PINNED_IMAGES, f"{name}: {image} is not one of the pinned images"
            assert "build" not in service


# -- ports ---------------------------------------------------------------------------------


def test_published_ports_are_ones_the_service_listens_on_and_loopback_on_the_host() -> None:
    for name, service in services().items():
        for host, _host_port, container_port in published(service):
            assert is_loopback(host), f"{name}: publish on 127.0.0.1 only (a reverse proxy or TLS goes in front)"
            assert container_port in listen_ports(name, service), (
                f"{name}: publishes {container_port}, listens on {listen_ports(name, service)}"
            )


def test_no_host_port_is_published_twice() -> None:
    seen: dict[int, str] = {}
    for name, service in services().items():
        for _host, host_port, _container in published(service):
            assert host_port not in seen, f"{name} and {seen[host_port]} both publish {host_port}"
            seen[host_port] = name


def test_wirewatch_services_are_published_only_when_bound_beyond_loopback_with_a_token() -> None:
    checked = 0
    for name, service in services().items():
        if not is_wirewatch(service) or is_one_shot(service):
            continue
        bind, token = wirewatch_bind(service)
        if published(service):
            assert not is_loopback(bind), f"{name}: published but bound to {bind} inside the container"
            assert token and token.startswith(("env:", "file:")), (
                f"{name}: listens on {bind} without a token from env:/file:"
            )
            checked += 1
        else:
            assert not ("--bind" in service["command"] and not is_loopback(bind) and not token)
    assert checked >= 1  # the dashboard


def test_the_processor_web_view_stays_inside_its_container() -> None:
    processor = services()["processor"]
    assert not published(processor)
    assert "--web-port" in processor["command"]


def test_kafka_advertises_a_listener_for_every_listener_clients_use() -> None:
    env = environment(services()["kafka"])
    listeners = {item.split("://")[0] for item in env["KAFKA_LISTENERS"].split(",")}
    advertised = {item.split("://")[0] for item in env["KAFKA_ADVERTISED_LISTENERS"].split(",")}
    protocol_map = dict(item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    assert listeners <= protocol_map.keys()
    assert advertised == listeners - {env["KAFKA_CONTROLLER_LISTENER_NAMES"]}
    internal = [
        item
        for item in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
        if item.startswith(env["KAFKA_INTER_BROKER_LISTENER_NAME"] + "://")
    ]
    (address,) = internal
    bootstrap = environment(services()["producer"])["WIREWATCH_KAFKA_BOOTSTRAP_SERVERS"]
    variable = VARIABLE.search(bootstrap)
    assert variable is not None, bootstrap
    default_bootstrap = variable.group(3)
    assert address.split("://", 1)[1] == default_bootstrap == "kafka:9092"
    for _host, host_port, _ in published(services()["kafka"]):
        assert any(item.endswith(f"localhost:{host_port}") for item in env["KAFKA_ADVERTISED_LISTENERS"].split(","))


# -- variables -------------------------------------------------------------------------------


def test_every_variable_has_a_default_or_is_documented() -> None:
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    found = set()
    for text in all_strings(compose()):
        for match in VARIABLE.finditer(text):
            name, operator, _value = match.groups()
            found.add(name)
            if operator in (":-", "-"):
                continue
            assert f"`{name}`" in readme, f"${{{name}}} has no default and deploy/README.md does not document it"
    assert "WIREWATCH_DASHBOARD_TOKEN" in found


def test_every_wirewatch_variable_passed_is_read_by_the_code_or_the_config() -> None:
    code = code_text()
    for name, service in services().items():
        if not is_wirewatch(service):
            continue
        config_text = (
            DEPLOY / "config" / environment(service)["WIREWATCH_CONFIG"].removeprefix("/etc/wirewatch/")
        ).read_text()
        for variable in environment(service):
            assert variable.startswith("WIREWATCH_"), f"{name}: {variable} is not a wirewatch variable"
            read_by_code = f'"{variable}"' in code
            read_by_config = f'"env:{variable}"' in config_text
            assert read_by_code or read_by_config, f"{name}: nothing reads {variable}"


def test_the_variable_check_would_catch_a_misspelling() -> None:
    code = code_text()
    assert '"WIREWATCH_KAFKA_BOOTSTRAP_SERVERS"' in code
    assert '"WIREWATCH_KAFKA_BOOTSTRAP_SERVER"' not in code


# -- health, dependencies, volumes, commands -------------------------------------------------


def test_every_long_running_service_has_a_health_check_and_restarts() -> None:
    for name, service in services().items():
        if is_one_shot(service):
            continue
        assert service.get("restart") == "unless-stopped", name
        test = service.get("healthcheck", {}).get("test")
        assert test and test[0] in ("CMD", "CMD-SHELL"), f"{name}: no health check"


def test_dependencies_wait_for_health_or_completion() -> None:
    found = services()
    for name, service in found.items():
        depends = service.get("depends_on", {})
        assert isinstance(depends, dict), f"{name}: depends_on needs conditions"
        for target, spec in depends.items():
            expected = ONE_SHOT_CONDITION if is_one_shot(found[target]) else "service_healthy"
            assert spec == {"condition": expected}, f"{name} -> {target}"


def test_pipeline_order() -> None:
    found = services()
    assert "kafka" in found["topics"]["depends_on"] and "elasticsearch" in found["es-setup"]["depends_on"]
    for name in ("producer", "fetcher", "processor", "sink"):
        assert "topics" in found[name]["depends_on"], name
    assert "es-setup" in found["sink"]["depends_on"]
    assert "elasticsearch" in found["kibana"]["depends_on"]


def test_named_volumes_are_declared_and_used() -> None:
    document = compose()
    declared = set(document["volumes"])
    used = set()
    for name, service in document["services"].items():
        for spec in service.get("volumes", []):
            source = str(spec).split(":")[0]
            if source.startswith((".", "/")):
                assert (COMPOSE.parent / source).exists(), f"{name}: bind-mounts missing {source}"
                continue
            assert source in declared, f"{name}: volume {source} is not declared"
            used.add(source)
    assert used == declared
    for stateful in ("kafka", "elasticsearch", "producer", "processor"):
        assert document["services"][stateful].get("volumes"), f"{stateful} keeps state without a volume"


def test_the_dashboard_reads_the_producer_ledger_from_the_producers_volume() -> None:
    found = services()
    dashboard, producer = found["dashboard"], found["producer"]
    assert dashboard["command"][0] == "dashboard"  # over Elasticsearch: no second pipeline
    assert config_for(dashboard)["elasticsearch"]["enabled"] is True
    ledger = Path(config_for(dashboard)["kafka"]["producer_store"])
    assert ledger == Path(config_for(producer)["kafka"]["producer_store"])
    (mount,) = [str(spec) for spec in dashboard["volumes"]]
    volume, target = mount.split(":")[:2]
    assert (volume, target) == tuple(str(producer["volumes"][0]).split(":")[:2])
    assert Path(target) in ledger.parents
    assert "es-setup" in dashboard["depends_on"]  # the indices exist before it serves them
    env = environment(dashboard)
    assert env["WIREWATCH_ELASTICSEARCH_HOSTS"] == environment(producer)["WIREWATCH_ELASTICSEARCH_HOSTS"]


def test_wirewatch_commands_are_real_subcommands() -> None:
    parser = wirewatch_parser()
    for name, service in services().items():
        if not is_wirewatch(service):
            continue
        args = parser.parse_args(service["command"])  # SystemExit on an unknown command or flag
        assert getattr(args, "handler", None), f"{name}: {service['command']} is not a runnable command"


def test_health_check_commands_parse_and_match_the_config() -> None:
    from tests.unit.test_deploy_healthcheck import load_healthcheck

    healthcheck = load_healthcheck()
    for name, service in services().items():
        test = service.get("healthcheck", {}).get("test", [])
        if not is_wirewatch(service) or not test:
            continue
        assert test[:2] == ["CMD", "wirewatch-healthcheck"], name
        argv = test[2:]
        if "kafka-group" in argv:
            group = argv[argv.index("kafka-group") + 1]
            kafka = config_for(service).get("kafka", {})
            assert group == kafka.get(f"{name}_group", f"wirewatch-{name}"), f"{name}: checks group {group}"
        if "http" in argv:
            url = argv[argv.index("http") + 1]
            local = re.match(r"http://127\.0\.0\.1:(\d+)/", url)
            assert local is not None, f"{name}: probes {url}"
            port = int(local.group(1))
            command = service["command"]
            listening = int(command[command.index("--web-port") + 1]) if "--web-port" in command else None
            assert port == listening or port in listen_ports(name, service), f"{name}: probes {port}"
        assert healthcheck.build_parser().parse_args(argv).probe in ("http", "kafka", "kafka-group")
