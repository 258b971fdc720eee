"""Optional SSRF guard for feed fetching: refuse private, loopback, link-local and multicast addresses.

A feed URL is supplied by configuration (or, in a hosted setup, by a user), so
a fetcher that follows it blindly can be pointed at the metadata service, the
Elasticsearch node or the dashboard on the same machine. With
`refuse_private_addresses` on, every host is resolved and *every* address it
resolves to must be globally routable; this is checked before each hop of a
redirect chain and again inside the connector's resolver, so a DNS answer that
changes between the check and the connection (rebinding) is caught too.

`allow_hosts` exempts named hosts (exact host names or IP literals), e.g. a
test server on 127.0.0.1 or an intranet feed an operator trusts.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from wirewatch.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(FetchError, OSError):
    """A host resolved to an address the policy refuses. An OSError so aiohttp reports it as a connect failure."""

    retriable = False


def address_refusal(address: str) -> str | None:
    """Why `address` (an IP literal) is refused, or None when it is a public, unicast address."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return f"not an IP address: {address!r}"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    for kind, flagged in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
    ):
        if flagged:
            return f"{kind} address {ip}"
    if not ip.is_global:  # shared (100.64/10), reserved, documentation ranges
        return f"non-public address {ip}"
    return None


def _normalise_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


class AddressPolicy:
    """Decides whether a host may be fetched. Off (the default) allows everything."""

    def __init__(self, refuse_private: bool = False, allow_hosts: Iterable[str] = ()):
        self.refuse_private = refuse_private
        self.allow_hosts = frozenset(_normalise_host(h) for h in allow_hosts if h.strip())

    def exempt(self, host: str) -> bool:
        return not self.refuse_private or _normalise_host(host) in self.allow_hosts

    def refusal_for(self, host: str, addresses: Iterable[str]) -> str | None:
        """The reason to refuse `host` given what it resolved to, or None. One bad address refuses the host."""
        if self.exempt(host):
            return None
        for address in addresses:
            if reason := address_refusal(address):
                return f"refused to fetch from {host}: it resolves to a {reason} (poller.refuse_private_addresses)"
        return None

    async def check_host(self, host: str, port: int) -> str | None:
        """Resolve `host` and return the refusal reason, or None when every address is allowed."""
        if self.exempt(host):
            return None
        plain = _normalise_host(host)
        try:
            ipaddress.ip_address(plain.split("%", 1)[0])
            addresses = [plain]
        except ValueError:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(plain, port, type=socket.SOCK_STREAM)
            except socket.gaierror as exc:
                return f"cannot resolve {host}: {exc.strerror or exc}"
            addresses = [str(info[4][0]) for info in infos]
        if not addresses:
            return f"cannot resolve {host}: no addresses"
        return self.refusal_for(host, addresses)


async def is_private_host(host: str, port: int) -> bool:
    """True when `host` is, or resolves to, a loopback, private or link-local address (any of them).
    Full text uses it on a feed's own host: a feed on such an address may link to pages on it."""
    plain = _normalise_host(host)
    if plain == "localhost":
        return True
    try:
        ipaddress.ip_address(plain.split("%", 1)[0])
        return address_refusal(plain) is not None
    except ValueError:
        pass  # a name: resolve it
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(plain, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return False
    return any(address_refusal(str(info[4][0])) is not None for info in infos)


class GuardedResolver(AbstractResolver):
    """aiohttp resolver that drops the connection when a resolved address is refused (rebinding guard)."""

    def __init__(self, policy: AddressPolicy, inner: AbstractResolver | None = None):
        self._policy = policy
        self._inner = inner or aiohttp.DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        if reason := self._policy.refusal_for(host, [result["host"] for result in results]):
            raise AddressRefused(reason)
        return results

    async def close(self) -> None:
        await self._inner.close()


__all__ = ["AddressPolicy", "AddressRefused", "GuardedResolver", "address_refusal", "is_private_host"]
