#!/usr/bin/env python3
"""Container health checks for the wirewatch services (the image installs it as `wirewatch-healthcheck`).

Exit 0 when healthy, 1 otherwise, with one line saying why; every probe is bounded
by --timeout. Standard library only, plus kafka-python for the Kafka probes.

  http URL [--json-true KEY]   a 2xx answer (and, optionally, a JSON body whose KEY is true):
                               the dashboard's /healthz, the processor's /status/ (rules_ready)
  kafka                        the configured brokers answer a metadata request (the producer:
                               it keeps its ledger and reconnects on its own, so "healthy" means
                               "its broker is reachable")
  kafka-group GROUP            GROUP has a member on this container's address (the sink: joined,
                               so it is consuming; another replica's membership does not count)
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence

MAX_BODY = 64 * 1024


class Unhealthy(Exception):
    pass


def check_http(url: str, timeout: float, json_true: str | None = None) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body = response.read(MAX_BODY)
            status = response.status
    except urllib.error.HTTPError as exc:
        raise Unhealthy(f"{url}: HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise Unhealthy(f"{url}: {getattr(exc, 'reason', exc)}") from None
    if json_true:
        try:
            value = json.loads(body).get(json_true)
        except (ValueError, AttributeError):
            raise Unhealthy(f"{url}: not a JSON object") from None
        if value is not True:
            raise Unhealthy(f"{url}: {json_true} is {value!r}")
    return f"{url}: HTTP {status}"


def _kafka_settings(config: str | None):
    from wirewatch.app.components import load_settings

    return load_settings(config).kafka


def _admin(kafka, timeout: float):
    from kafka import KafkaAdminClient

    from wirewatch.kafka_options import kafka_python_options

    millis = max(1, int(timeout * 1000))
    return KafkaAdminClient(**kafka_python_options(kafka), request_timeout_ms=millis, bootstrap_timeout_ms=millis)


def check_kafka(config: str | None, timeout: float) -> str:
    kafka = _kafka_settings(config)
    try:
        admin = _admin(kafka, timeout)
        try:
            brokers = admin.describe_cluster().get("brokers", [])
        finally:
            admin.close()
    except Exception as exc:  # kafka-python raises several unrelated types for "cannot connect"
        raise Unhealthy(f"kafka {','.join(kafka.bootstrap_servers)}: {exc}") from None
    if not brokers:
        raise Unhealthy("kafka: the cluster lists no brokers")
    return f"kafka: {len(brokers)} broker(s)"


def own_addresses(bootstrap_servers: Sequence[str] = ()) -> set[str]:
    """This machine's addresses as a broker would see them connect.

    Loopback counts only when the broker itself is on loopback (same machine); in a
    container the broker sees the container's network address.
    """
    from wirewatch.config import is_loopback

    names = {socket.gethostname(), socket.getfqdn()}
    addresses = set()
    if any(_is_loopback_server(server) for server in bootstrap_servers):
        addresses.update({"127.0.0.1", "::1"})
    for name in names:
        try:
            resolved = {info[4][0] for info in socket.getaddrinfo(name, None)}
        except OSError:
            continue
        # A hostname that resolves to loopback (/etc/hosts) says nothing about how the broker sees us.
        # (An int is no address: the IPv6 form of a Python built without IPv6.)
        addresses.update(address for address in resolved if isinstance(address, str) and not is_loopback(address))
    return addresses


def _is_loopback_server(server: str) -> bool:
    from wirewatch.config import is_loopback

    host = server.rsplit(":", 1)[0].strip("[]")
    return is_loopback(host)


def member_hosts(description: dict) -> set[str]:
    """client_host as kafka reports it ('/172.18.0.5') without the slash."""
    return {str(member.get("client_host", "")).lstrip("/") for member in description.get("members", [])}


def check_kafka_group(config: str | None, group: str, timeout: float) -> str:
    from kafka.errors import CoordinatorNotAvailableError

    kafka = _kafka_settings(config)
    deadline = time.monotonic() + timeout
    while True:
        try:
            admin = _admin(kafka, timeout)
            try:
                description = admin.describe_groups([group]).get(group, {})
            finally:
                admin.close()
            break
        except CoordinatorNotAvailableError as exc:
            # A fresh cluster creates __consumer_offsets on first use: the coordinator is briefly
            # unknown. That is "not yet", not "broken", while the probe's time lasts.
            if time.monotonic() >= deadline:
                raise Unhealthy(f"kafka group {group}: {exc}") from None
            time.sleep(0.5)
        except Exception as exc:  # kafka-python raises several unrelated types for "cannot connect"
            raise Unhealthy(f"kafka group {group}: {exc}") from None
    members = description.get("members", [])
    mine = member_hosts(description) & own_addresses(kafka.bootstrap_servers)
    if not mine:
        raise Unhealthy(f"kafka group {group}: no member on this container ({len(members)} member(s) elsewhere)")
    return f"kafka group {group}: member on {', '.join(sorted(mine))}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirewatch-healthcheck")
    parser.add_argument("-c", "--config", help="TOML config (default: $WIREWATCH_CONFIG)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds allowed for the probe")
    probes = parser.add_subparsers(dest="probe", required=True)
    http = probes.add_parser("http")
    http.add_argument("url")
    http.add_argument("--json-true", metavar="KEY")
    probes.add_parser("kafka")
    group = probes.add_parser("kafka-group")
    group.add_argument("group")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.probe == "http":
            message = check_http(args.url, args.timeout, args.json_true)
        elif args.probe == "kafka":
            message = check_kafka(args.config, args.timeout)
        else:
            message = check_kafka_group(args.config, args.group, args.timeout)
    except Unhealthy as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1
    print(f"healthy: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
