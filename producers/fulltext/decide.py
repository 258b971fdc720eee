"""Which dispatches want the article behind them: the poller marks them `fulltext.status = pending`."""

from __future__ import annotations

from wirewatch.models import Dispatch, FullText


def wants_fulltext(mode: str, dispatch: Dispatch, min_chars: int) -> bool:
    """ "always": every item with a link; "auto": items whose text is a teaser (shorter than `min_chars`);
    "never": none."""
    if not dispatch.url or mode == "never":
        return False
    return mode == "always" or len(dispatch.text) < min_chars


def mark_for_fulltext(dispatch: Dispatch, *, private_ok: bool) -> None:
    """Mark a dispatch for the fetcher. `private_ok` only when the feed itself is on a loopback or
    private address (its article links may then be too)."""
    dispatch.fulltext = FullText(status="pending", private_ok=private_ok)
