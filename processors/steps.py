"""Processing steps by name: what runs on a tagged dispatch after the tagger and before the rule matcher.

A step (language detection, story clustering, ...) registers itself here with its name, a one-line summary
and how to build it from the settings; `[pipeline].steps` lists the ones to run, in order. The embedded
runner and the faust worker build the same list, so a step works in both modes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from wirewatch.models import TaggedDispatch
from wirewatch.registry import Registry
from wirewatch.settings import Settings

Enrich = Callable[[TaggedDispatch], None]  # adds to the tagged dispatch in place


class ProcessingStep(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def summary(self) -> str: ...

    def build(self, settings: Settings) -> Enrich: ...


STEPS: Registry[ProcessingStep] = Registry("processing step")


def build_steps(names: Sequence[str], settings: Settings) -> list[Enrich]:
    """The configured steps, built in order (UnknownComponent for a name nothing registered)."""
    return [STEPS.get(name).build(settings) for name in names]
