"""SSRF guard: with refuse_private_addresses on, loopback/private/link-local/multicast hosts are refused
on the first request and on every redirect hop; allow_hosts keeps a named (test) server reachable."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from tests.reliability.feeds import feed_server, rss
from wirewatch.config import settings_from_dict
from wirewatch.producers.address_policy import AddressPolicy, AddressRefused, GuardedResolver, address_refusal
from wirewatch.producers.fetch import FetchError, HttpFetcher
from wirewatch.producers.poller import FeedPoller
from wirewatch.settings import FeedConfig, PollerSettings
from wirewatch.sinks.sqlite.store import SQLiteStore


def guarded(**overrides) -> PollerSettings:
    values: dict[str, Any] = {
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "per_host_delay": 0.0,
        "refuse_private_addresses": True,
    }
    values.update(overrides)
    return PollerSettings(**values)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6 is unwrapped
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),  # the cloud metadata service
        ("fe80::1%eth0", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
    ],
)
def test_non_public_addresses_are_refused_with_their_kind(address: str, kind: str) -> None:
    reason = address_refusal(address)
    assert reason is not None and reason.startswith(kind)


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(address) is None


def test_one_private_address_among_public_ones_refuses_the_host() -> None:
    policy = AddressPolicy(refuse_private=True)
    assert policy.refusal_for("feeds.example", ["1.1.1.1"]) is None
    assert "10.0.0.5" in (policy.refusal_for("feeds.example", ["1.1.1.1", "10.0.0.5"]) or "")
    # off (the default), nothing is refused
    assert AddressPolicy().refusal_for("feeds.example", ["127.0.0.1"]) is None


async def test_loopback_feed_refused_when_on_and_fetched_when_off() -> None:
    async with feed_server() as server:
        url = server.serve("/feed.xml", rss("local", 2))
        async with HttpFetcher(guarded()) as fetcher:
            with pytest.raises(FetchError, match=r"refused to fetch from 127\.0\.0\.1: it resolves to a loopback"):
                await fetcher.fetch(url)
            with pytest.raises(FetchError, match="refused to fetch from localhost"):
                await fetcher.fetch(url.replace("127.0.0.1", "localhost"))
        assert server.hits == {}  # refused before any connection was made
        async with HttpFetcher(guarded(refuse_private_addresses=False)) as fetcher:
            assert (await fetcher.fetch(url)).status == 200


async def test_allowlisted_test_server_is_reachable_but_a_redirect_off_it_is_refused() -> None:
    async with feed_server() as server:
        url = server.serve("/feed.xml", rss("local", 2))

        async def to_other_loopback_name(request: web.Request) -> web.Response:
            return web.Response(status=302, headers={"Location": url.replace("127.0.0.1", "localhost")})

        async def to_metadata(request: web.Request) -> web.Response:
            return web.Response(status=307, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

        server.routes["/hop-localhost"] = to_other_loopback_name
        server.routes["/hop-metadata"] = to_metadata
        async with HttpFetcher(guarded(allow_hosts=["127.0.0.1"])) as fetcher:
            assert (await fetcher.fetch(url)).status == 200
            with pytest.raises(FetchError, match="redirect refused: refused to fetch from localhost"):
                await fetcher.fetch(server.url("/hop-localhost"))
            with pytest.raises(FetchError, match=r"redirect refused: .*link-local address 169\.254\.169\.254"):
                await fetcher.fetch(server.url("/hop-metadata"))
        assert server.hits == {"/feed.xml": 1, "/hop-localhost": 1, "/hop-metadata": 1}


async def test_poller_counts_a_refused_feed_as_failing_and_backs_it_off(tmp_path: Path) -> None:
    async with feed_server() as server:
        allowed_url = server.serve("/ok.xml", rss("ok", 3))
        refused_url = server.url("/ok.xml").replace("127.0.0.1", "localhost")
        feeds = [FeedConfig(name="allowed", url=allowed_url), FeedConfig(name="internal", url=refused_url)]
        with SQLiteStore(tmp_path / "ww.db") as store:
            emitted = []

            async def emit(dispatch) -> None:
                emitted.append(dispatch)

            poller = FeedPoller(feeds, guarded(allow_hosts=["127.0.0.1"]), store, store, emit)
            report = await poller.poll_once()
            assert report.ok == ["allowed"] and len(emitted) == 3
            assert "refused to fetch from localhost" in report.failed["internal"]
            state = poller.state("internal")
            assert state.status == "failing" and state.backoff_seconds > 0


class RebindingResolver(AbstractResolver):
    """Answers with a loopback address, as a rebinding DNS server would after the first check."""

    def __init__(self, port: int):
        self.port = port

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET):
        return [
            ResolveResult(
                hostname=host,
                host="127.0.0.1",
                port=self.port,
                family=socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
        ]

    async def close(self) -> None:
        pass


async def test_the_connection_resolver_refuses_a_rebound_answer() -> None:
    resolver = GuardedResolver(AddressPolicy(refuse_private=True), RebindingResolver(80))
    with pytest.raises(AddressRefused, match=r"loopback address 127\.0\.0\.1"):
        await resolver.resolve("feeds.example.org", 80)
    exempt = GuardedResolver(
        AddressPolicy(refuse_private=True, allow_hosts=["feeds.example.org"]), RebindingResolver(80)
    )
    assert (await exempt.resolve("feeds.example.org", 80))[0]["host"] == "127.0.0.1"


def test_the_two_settings_load_from_config() -> None:
    settings, problems = settings_from_dict(
        {"poller": {"refuse_private_addresses": True, "allow_hosts": ["127.0.0.1", "feeds.intranet"]}}
    )
    assert problems == []
    assert settings.poller.refuse_private_addresses is True
    assert settings.poller.allow_hosts == ["127.0.0.1", "feeds.intranet"]
    _, problems = settings_from_dict({"poller": {"allow_hosts": "127.0.0.1"}})
    assert [p.key for p in problems] == ["poller.allow_hosts"]
