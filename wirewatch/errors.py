"""The exception tree every part of wirewatch raises from.

    WirewatchError                      root: `except WirewatchError` catches anything wirewatch raises on purpose
    ├── ConfigurationError              a setting, rule, query or knowledge-base file that cannot work
    ├── InputError (ValueError)         one input is malformed: a dispatch, a feed entry, a message, a parameter
    ├── FetchError                      a feed or page could not be fetched (retriable)
    ├── DeliveryError                   an alert could not be delivered to a channel (retriable)
    ├── StoreError                      the local store refused or is closed
    └── ServiceError                    Kafka or Elasticsearch refused an administrative request

Whether an error is worth retrying is asked of the error (`is_retriable`), never listed at each call site;
foreign errors (aiokafka, kafka-python, the Elasticsearch client) are mapped here, at one boundary.
"""

from __future__ import annotations

RETRIABLE_HTTP_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class WirewatchError(Exception):
    """Root of every error wirewatch raises on purpose."""

    retriable: bool = False


class ConfigurationError(WirewatchError):
    """A setting, rule, query or data file that cannot work as written."""


class InputError(WirewatchError, ValueError):
    """One input is malformed; it is rejected (and kept as a dead letter) and the rest goes on."""


class FetchError(WirewatchError):
    """A feed or page could not be fetched; the poller retries it with backoff."""

    retriable = True


class DeliveryError(WirewatchError):
    """An alert could not be delivered to one channel; the delivery is kept and retried."""

    retriable = True


class StoreError(WirewatchError):
    """The local store refused an operation or is closed."""


class ServiceError(WirewatchError):
    """Kafka or Elasticsearch refused an administrative request (topics, index layout)."""


def is_retriable(exc: BaseException) -> bool:
    """True if trying again later may succeed.

    Ours say so with `retriable`; so do aiokafka's and kafka-python's errors. The Elasticsearch client's
    errors carry an HTTP status (429 and 5xx are worth retrying); its connection errors and timeouts are.
    """
    retriable = getattr(exc, "retriable", None)
    if isinstance(retriable, bool):
        return retriable
    status = getattr(exc, "status_code", None)
    if isinstance(status, int):
        return status in RETRIABLE_HTTP_STATUSES
    return isinstance(exc, (ConnectionError, TimeoutError))
