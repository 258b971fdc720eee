"""Elasticsearch: the sink service from Kafka (`sink`), bulk records and outcomes (`records`), the index layout
generated from the query fields (`layout`), the client and setup (`client`), and search (`search`)."""
