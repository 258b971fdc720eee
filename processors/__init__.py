"""Processors: what wirewatch learns from a dispatch. The tagger and its knowledge base (`tagger`, `kb/`),
processing steps registered by name (`steps`), `DispatchProcessor` (`process`), and the faust-streaming
worker that runs it over Kafka (`stream/`). Depends on the core only."""
