"""The processor stage as a plain function: tag one dispatch, run the processing steps, match the rules.

Both runners call this: the embedded pipeline directly, the faust worker from its agent; free of
transport and store, it is tested without a broker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from wirewatch.models import Alert, Dispatch, Rule, TaggedDispatch
from wirewatch.processors.steps import Enrich
from wirewatch.processors.stories.stage import StoryStage


@dataclass(slots=True)
class Processed:
    tagged: TaggedDispatch
    doc: dict  # tagged.to_doc(), built once: the matcher, the store and the wire all use it
    alerts: list[tuple[Alert, list[str]]] = field(default_factory=list)  # (alert, channels)


class DispatchProcessor:
    """Tagger, then the processing steps, then the RuleMatcher, applied to one dispatch at a time."""

    def __init__(
        self,
        tagger: Any,
        matcher: Any,
        steps: Sequence[Enrich] = (),
        learning: Any = None,
        stories: StoryStage | None = None,
    ) -> None:
        self.tagger = tagger
        self.matcher = matcher
        self.steps = list(steps)
        self.learning = learning  # processors.learning.Learning, or None when learning is off
        # stories, when this process sees every dispatch (embedded); the distributed stories stage is separate
        self.stories = stories
        self._reload_if_updated = getattr(tagger, "reload_if_updated", None)

    def process(self, dispatch: Dispatch) -> Processed:
        tagged, doc = self.tag(dispatch)
        if self.stories is not None:
            tagged.story = self.stories.place(doc)
        return self.match(tagged, doc)

    def tag(self, dispatch: Dispatch) -> tuple[TaggedDispatch, dict]:
        """Tagger and steps, no stories and no rules: the distributed processor's share when stories are on
        (the clusterer places the document, then matches)."""
        if self._reload_if_updated is not None:
            self._reload_if_updated()  # cheap: looks at the officials updates file every few seconds
        learning = self.learning
        if learning is not None:
            learning.refresh()
        tagged = self.tagger.tag_dispatch(dispatch)
        if learning is not None:
            learning.observe(tagged)
        for step in self.steps:
            step(tagged)
        return tagged, tagged.to_doc()

    def match(self, tagged: TaggedDispatch, doc: dict) -> Processed:
        """The rules over a tagged document (the distributed stories stage calls this after placing it)."""
        alerts = [
            (Alert.for_dispatch(rule, tagged, matched), list(rule.channels))
            for rule, matched in self.matcher.match(doc)
        ]
        return Processed(tagged=tagged, doc=doc, alerts=alerts)

    def replace_rules(self, rules: list[Rule]):
        return self.matcher.replace(rules)
