#!/usr/bin/env python3
"""Readiness probe for a Kafka broker, standard library only.

An open port is not enough: a KRaft broker listens before it has caught up
with the metadata log and registered itself. This sends a real Metadata
request (v1, which every broker from 0.10 to 3.9 answers) and succeeds only
when the broker lists itself and names an active controller.

Usage: probe.py HOST PORT   -> exit 0 and print "brokers=N controller=ID" when ready.
"""

from __future__ import annotations

import socket
import struct
import sys

METADATA_API_KEY = 3
METADATA_VERSION = 1
CORRELATION_ID = 0x5157
CLIENT_ID = b"wirewatch-probe"
MAX_RESPONSE_BYTES = 1 << 20  # a single-node metadata answer is a few KiB
TIMEOUT_SECONDS = 5.0


class ProbeError(Exception):
    """The broker answered, but not with a usable Metadata response."""


def _metadata_request() -> bytes:
    header = struct.pack(">hhih", METADATA_API_KEY, METADATA_VERSION, CORRELATION_ID, len(CLIENT_ID))
    body = struct.pack(">i", 0)  # empty topic array = "no topics, just brokers" (null would mean all)
    payload = header + CLIENT_ID + body
    return struct.pack(">i", len(payload)) + payload


def _read_exact(sock: socket.socket, count: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < count:
        chunk = sock.recv(min(65536, count - len(chunks)))
        if not chunk:
            raise ProbeError("connection closed mid-response")
        chunks += chunk
    return bytes(chunks)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def take(self, fmt: str) -> int:
        (value,) = struct.unpack_from(fmt, self._data, self._pos)
        self._pos += struct.calcsize(fmt)
        return value

    def string(self) -> str | None:
        length = self.take(">h")
        if length < 0:
            return None
        raw = self._data[self._pos : self._pos + length]
        self._pos += length
        return raw.decode("utf-8", "replace")


def probe(host: str, port: int) -> tuple[int, int]:
    """Return (broker count, controller id) from a Metadata v1 response."""
    with socket.create_connection((host, port), timeout=TIMEOUT_SECONDS) as sock:
        sock.settimeout(TIMEOUT_SECONDS)
        sock.sendall(_metadata_request())
        (size,) = struct.unpack(">i", _read_exact(sock, 4))
        if not 0 < size <= MAX_RESPONSE_BYTES:
            raise ProbeError(f"implausible response size {size}")
        reader = _Reader(_read_exact(sock, size))
    if reader.take(">i") != CORRELATION_ID:
        raise ProbeError("correlation id mismatch")
    brokers = reader.take(">i")
    for _ in range(max(brokers, 0)):
        reader.take(">i")  # node id
        reader.string()  # host
        reader.take(">i")  # port
        reader.string()  # rack
    controller = reader.take(">i")
    return brokers, controller


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        brokers, controller = probe(argv[1], int(argv[2]))
    except (OSError, ProbeError, struct.error) as exc:
        print(f"not ready: {exc}", file=sys.stderr)
        return 1
    if brokers < 1 or controller < 0:
        print(f"not ready: brokers={brokers} controller={controller}", file=sys.stderr)
        return 1
    print(f"brokers={brokers} controller={controller}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
