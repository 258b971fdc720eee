"""One exception tree, and retriable / refused asked of the error, foreign errors included."""

from __future__ import annotations

import aiokafka.errors
import kafka.errors
import pytest

from wirewatch.config import ConfigError
from wirewatch.errors import (
    ConfigurationError,
    DeliveryError,
    FetchError,
    InputError,
    ServiceError,
    StoreError,
    WirewatchError,
    is_record_refused,
    is_retriable,
)
from wirewatch.models import ModelError
from wirewatch.processors.tagger import KnowledgeBaseError
from wirewatch.producers.address_policy import AddressRefused
from wirewatch.producers.kafka_publisher import PublisherError
from wirewatch.query import QuerySyntaxError
from wirewatch.sinks.sqlite.store import StoreClosedError


@pytest.mark.parametrize(
    ("error", "branch"),
    [
        (ConfigError([]), ConfigurationError),
        (KnowledgeBaseError("x"), ConfigurationError),
        (ModelError("x"), InputError),
        (QuerySyntaxError("x", 0, "q"), InputError),
        (AddressRefused("x"), FetchError),
        (PublisherError("x"), ServiceError),
        (StoreClosedError("x"), StoreError),
    ],
)
def test_every_error_hangs_off_the_root(error: Exception, branch: type[Exception]) -> None:
    assert isinstance(error, branch)
    assert isinstance(error, WirewatchError)


def test_retriable_is_asked_of_the_error() -> None:
    assert is_retriable(FetchError("down")) and is_retriable(DeliveryError("503"))
    assert not is_retriable(AddressRefused("loopback"))  # a refused address stays refused
    assert not is_retriable(ModelError("bad"))
    assert is_retriable(aiokafka.errors.NotLeaderForPartitionError())  # the clients say so themselves
    assert not is_retriable(aiokafka.errors.MessageSizeTooLargeError())
    assert is_retriable(ConnectionResetError())

    class HttpError(Exception):
        def __init__(self, status_code: int) -> None:
            self.status_code = status_code

    assert is_retriable(HttpError(429)) and is_retriable(HttpError(503)) and not is_retriable(HttpError(400))


def test_a_refused_record_is_told_apart_from_an_outage() -> None:
    assert is_record_refused(aiokafka.errors.MessageSizeTooLargeError())
    assert is_record_refused(aiokafka.errors.RecordListTooLargeError())
    assert is_record_refused(kafka.errors.MessageSizeTooLargeError())
    # The broker being away is not the record's fault: it is resent, never dead-lettered.
    assert not is_record_refused(aiokafka.errors.KafkaTimeoutError())
    assert not is_record_refused(kafka.errors.KafkaTimeoutError())
    assert not is_record_refused(RuntimeError("producer closed"))
