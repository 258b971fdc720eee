"""Stories in Elasticsearch: the reader behind `wirewatch stories` and the dashboard's Elasticsearch backend.

The stories index holds each story's latest record (written by the sink from the compacted `stories` topic,
_id = story id); a story's dispatches are the dispatches whose `story.id` is its id. The same records and
documents as the SQLite store gives, so either store answers the same.
"""

from __future__ import annotations

import asyncio
from typing import Any

from elasticsearch import AsyncElasticsearch, NotFoundError

from wirewatch.models import LATEST_STORIES, StoryFilter, format_time
from wirewatch.settings import ElasticsearchSettings
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.layout import IndexNames

MAX_LIMIT = 1000


def stories_body(wanted: StoryFilter) -> dict[str, Any]:
    """The search for `wanted` in the stories index (the SQLite store's `stories` answers the same)."""
    filters: list[dict[str, Any]] = []
    if wanted.since is not None:
        filters.append({"range": {"last_update": {"gte": format_time(wanted.since)}}})
    if wanted.min_sources:
        filters.append({"range": {"sources": {"gte": wanted.min_sources}}})
    if wanted.breaking:
        filters.append({"term": {"breaking": True}})
    sort: list[dict[str, Any]] = [{"last_update": "desc"}]
    if wanted.order == "sources":
        sort.insert(0, {"sources": "desc"})
    sort.append({"id": "asc"})
    return {
        "query": {"bool": {"filter": filters}},
        "size": max(0, min(wanted.limit, MAX_LIMIT)),
        "sort": sort,
        "track_total_hits": False,
    }


class AsyncStoriesReader:
    def __init__(self, client: AsyncElasticsearch, names: IndexNames) -> None:
        self.client = client
        self.names = names

    async def stories(self, wanted: StoryFilter = LATEST_STORIES) -> list[dict[str, Any]]:
        body = stories_body(wanted)
        response = await self.client.search(index=self.names.stories, **body)
        return [hit["_source"] for hit in response.body["hits"]["hits"]]

    async def story(self, story_id: str) -> dict[str, Any] | None:
        try:
            response = await self.client.get(index=self.names.stories, id=story_id)
        except NotFoundError:
            return None
        return dict(response.body["_source"])

    async def story_dispatches(self, story_id: str, limit: int = 100) -> list[dict[str, Any]]:
        response = await self.client.search(
            index=self.names.dispatches_pattern,
            query={"term": {"story.id": story_id}},
            size=max(0, min(limit, MAX_LIMIT)),
            sort=[{"published": "desc"}, {"id": "asc"}],
            source_excludes=["search"],
            track_total_hits=False,
        )
        return [hit["_source"] for hit in response.body["hits"]["hits"]]


class StoriesReader:
    """The blocking form, for the CLI: one event loop and client for the reader's life."""

    def __init__(self, settings: ElasticsearchSettings) -> None:
        self._loop = asyncio.new_event_loop()
        self._client = build_client(settings)
        self._reader = AsyncStoriesReader(self._client, IndexNames.from_settings(settings))

    def stories(self, wanted: StoryFilter = LATEST_STORIES) -> list[dict[str, Any]]:
        return self._loop.run_until_complete(self._reader.stories(wanted))

    def story(self, story_id: str) -> dict[str, Any] | None:
        return self._loop.run_until_complete(self._reader.story(story_id))

    def story_dispatches(self, story_id: str, limit: int = 100) -> list[dict[str, Any]]:
        return self._loop.run_until_complete(self._reader.story_dispatches(story_id, limit))

    def close(self) -> None:
        try:
            self._loop.run_until_complete(self._client.close())
        finally:
            self._loop.close()
