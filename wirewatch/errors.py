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
# What both Kafka clients (aiokafka, kafka-python) raise when the broker refuses a record itself: no resend
# can ever succeed, so the record goes to a dead letter. Matched by class name: the core imports neither client.
RECORD_REFUSED_ERRORS = frozenset({"MessageSizeTooLargeError", "RecordListTooLargeError"})


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


def is_record_refused(exc: BaseException) -> bool:
    """True if a message broker refused this record for good (too large): resending cannot help.

    A different question from `is_retriable` (may an immediate retry succeed?): a send that times out while
    the broker is down is not retriable in aiokafka's sense, yet the same record passes once the broker is
    back, so it is resent, never dead-lettered.
    """
    return any(cls.__name__ in RECORD_REFUSED_ERRORS for cls in type(exc).__mro__)


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
