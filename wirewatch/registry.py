"""Registries of components by name: feed kinds, delivery channels, processing steps.

A stage keeps its own registry and registers each component next to its code and settings, the way Vector
and Benthos register sources, transforms and sinks. The composition root looks components up by the name a
configuration gives and never branches on a kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, Protocol, TypeVar

from wirewatch.errors import ConfigurationError


class Component(Protocol):
    """What every registered component has: the name a configuration uses and a one-line summary."""

    @property
    def name(self) -> str: ...

    @property
    def summary(self) -> str: ...


C = TypeVar("C", bound=Component)


class UnknownComponent(ConfigurationError):
    """A configuration names a component no stage registered."""


class Registry(Generic[C]):
    """Components of one kind, looked up by name."""

    def __init__(self, what: str) -> None:
        self.what = what  # "feed kind", "delivery channel", ... for messages
        self._components: dict[str, C] = {}

    def add(self, component: C) -> C:
        if component.name in self._components:
            raise ValueError(f"{self.what} {component.name!r} is registered twice")
        self._components[component.name] = component
        return component

    def register(self, make: Callable[[], C]) -> Callable[[], C]:
        """Class decorator: register one instance of a component class built without arguments."""
        self.add(make())
        return make

    def get(self, name: str) -> C:
        try:
            return self._components[name]
        except KeyError:
            raise UnknownComponent(f"{self.what} {name!r} is not one of {', '.join(self.names())}") from None

    def names(self) -> tuple[str, ...]:
        return tuple(self._components)

    def __contains__(self, name: object) -> bool:
        return name in self._components

    def __iter__(self) -> Iterator[C]:
        return iter(self._components.values())
