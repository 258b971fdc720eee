"""Producers: where dispatches come from. Feed kinds (`kinds`), fetching under the poller's rules (`fetch`,
`address_policy`), parsing and normalising entries (`parse`, `normalise`), the `FeedPoller`, pushed input
(`ingest`) and the Kafka publisher. Depends on the core only."""
