"""Connection options for every Kafka client, from the one [kafka] config section.

kafka-python (producer, admin), aiokafka (consumers) and faust (processor
workers) spell the same settings differently; this is the one place that
translates, so TLS and SASL work identically for all of them.
"""

from __future__ import annotations

import ssl
from typing import Any

from wirewatch.settings import KafkaSettings


def ssl_context(kafka: KafkaSettings) -> ssl.SSLContext | None:
    if not kafka.security_protocol.endswith("SSL"):
        return None
    context = ssl.create_default_context(cafile=str(kafka.ssl_cafile) if kafka.ssl_cafile else None)
    if kafka.ssl_certfile:
        context.load_cert_chain(str(kafka.ssl_certfile), str(kafka.ssl_keyfile) if kafka.ssl_keyfile else None)
    return context


def _client_options(kafka: KafkaSettings, bootstrap_servers: Any) -> dict[str, Any]:
    # kafka-python and aiokafka share these keyword names; only the bootstrap list differs.
    options: dict[str, Any] = {
        "bootstrap_servers": bootstrap_servers,
        "client_id": kafka.client_id,
        "security_protocol": kafka.security_protocol,
    }
    if kafka.security_protocol.endswith("SSL"):
        options["ssl_context"] = ssl_context(kafka)
    if kafka.security_protocol.startswith("SASL_"):
        options.update(
            sasl_mechanism=kafka.sasl_mechanism,
            sasl_plain_username=kafka.sasl_username,
            sasl_plain_password=kafka.sasl_password,
        )
    return options


def kafka_python_options(kafka: KafkaSettings) -> dict[str, Any]:
    """Keyword arguments for kafka.KafkaProducer / KafkaConsumer / KafkaAdminClient."""
    return _client_options(kafka, list(kafka.bootstrap_servers))


def aiokafka_options(kafka: KafkaSettings) -> dict[str, Any]:
    """Keyword arguments for aiokafka.AIOKafkaConsumer / AIOKafkaProducer."""
    return _client_options(kafka, ",".join(kafka.bootstrap_servers))


def faust_broker_options(kafka: KafkaSettings) -> dict[str, Any]:
    """`broker` and `broker_credentials` for faust.App."""
    import faust

    broker = ";".join(f"kafka://{server}" for server in kafka.bootstrap_servers)
    credentials: Any = None  # faust.SASLCredentials or an SSLContext
    if kafka.security_protocol.startswith("SASL_"):
        credentials = faust.SASLCredentials(
            username=kafka.sasl_username,
            password=kafka.sasl_password,
            mechanism=kafka.sasl_mechanism,
            ssl_context=ssl_context(kafka),
        )
    elif kafka.security_protocol == "SSL":
        credentials = ssl_context(kafka)
    return {"broker": broker, "broker_credentials": credentials}
