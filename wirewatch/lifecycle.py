"""How a long-running service stops: SIGINT and SIGTERM set an event its loops watch."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def stop_on_signals(stop: asyncio.Event) -> Iterator[tuple[signal.Signals, ...]]:
    """While inside, SIGINT and SIGTERM set `stop` instead of killing the process; yields the signals handled.

    Outside the main thread (tests, embedding) signal handlers cannot be installed: nothing is handled and
    the caller's own `stop` is the only way out.
    """
    loop = asyncio.get_running_loop()
    handled = []
    for sig in STOP_SIGNALS:
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
            continue
        handled.append(sig)
    try:
        yield tuple(handled)
    finally:
        for sig in handled:
            loop.remove_signal_handler(sig)
