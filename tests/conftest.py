"""Fixtures shared by more than one test directory; test modules use them by name, never import them.

`kafka_bootstrap` and `elasticsearch_url` (the shared local services, started on demand) come from
tests/integration/services.py. Fixtures used by the integration tests only are in
tests/integration/conftest.py; plain helpers (free ports, local HTTP servers) are in tests/support.py.

This file loads for every test run, so imports that only some tests need (aiohttp, the
Elasticsearch client) stay inside the fixtures.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.support import Receiver
    from wirewatch.settings import ElasticsearchSettings

pytest_plugins = ["tests.integration.services"]


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    """A real webhook receiver on 127.0.0.1 (tests.support.Receiver), listening; closed after the test."""
    from tests.support import Receiver

    rec = Receiver()
    await rec.start()
    yield rec
    await rec.close()


@pytest.fixture
async def es_layout(elasticsearch_url: str) -> AsyncIterator[ElasticsearchSettings]:
    """A freshly installed, private index layout on the shared node; dropped after the test."""
    from tests.integration.es_support import drop_layout, install_private_layout

    settings = await install_private_layout(elasticsearch_url)
    try:
        yield settings
    finally:
        await drop_layout(settings)
