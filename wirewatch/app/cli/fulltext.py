"""`wirewatch fetcher` (the distributed full-text stage) and `wirewatch extract` (the extractor alone).

Registered by wirewatch.app.cli.main through `add_commands`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from typing import Any, TextIO

from wirewatch.app.cli.common import Exit, settings_for

MAX_EXTRACT_LINE_BYTES = 20 * 1024 * 1024  # one JSON line of `wirewatch extract`: a page and its id


def add_commands(subparsers) -> None:  # argparse._SubParsersAction
    fetcher = subparsers.add_parser(
        "fetcher",
        help="fetch and extract the articles of dispatches marked for full text: dispatches.fetch → dispatches.raw",
    )
    fetcher.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    fetcher.set_defaults(handler=cmd_fetcher)

    extract = subparsers.add_parser(
        "extract",
        help='extract article text from HTML: JSON Lines {"id", "html"[, "url"]} on stdin, {"id", "text", ...} out',
    )
    extract.add_argument("input", nargs="?", default="-", help="JSON Lines file (default: stdin)")
    extract.set_defaults(handler=cmd_extract)


def cmd_fetcher(args: argparse.Namespace) -> int:
    from wirewatch.producers.fulltext.service import run_fetcher

    settings = settings_for(args)
    logging.getLogger().setLevel(args.loglevel.upper())
    counters = asyncio.run(run_fetcher(settings.fulltext, settings.kafka, user_agent=settings.poller.user_agent))
    print(f"wirewatch fetcher: {counters.as_dict()}", file=sys.stderr)
    return Exit.OK


def cmd_extract(args: argparse.Namespace) -> int:
    if args.input == "-":
        return extract_lines(sys.stdin.buffer, sys.stdout, sys.stderr)
    with open(args.input, "rb") as handle:
        return extract_lines(handle, sys.stdout, sys.stderr)


def extract_lines(lines: Any, out: TextIO, err: TextIO) -> int:
    """One output line per input line, in order. A bad line gets {"id", "error"} on stdout and a message
    on stderr, and the others go on; the exit code is 1 when any line was bad."""
    from wirewatch.producers.article import ExtractionError, extract_article

    bad = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        record_id: Any = None
        try:
            if len(raw) > MAX_EXTRACT_LINE_BYTES:
                raise ValueError(f"line is {len(raw)} bytes, more than {MAX_EXTRACT_LINE_BYTES}")
            record = json.loads(raw)
            if not isinstance(record, dict):
                raise ValueError("expected a JSON object")
            record_id = record.get("id")
            html, url = record.get("html"), record.get("url")
            if not isinstance(html, str):
                raise ValueError('needs "html" (a string)')
            if url is not None and not isinstance(url, str):
                raise ValueError('"url" must be a string')
            result = {"id": record_id, **extract_article(html, url=url).to_dict()}
        except (ValueError, RecursionError, ExtractionError) as exc:
            bad += 1
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
            print(f"wirewatch extract: line {number}: {reason}", file=err)
            result = {"id": record_id, "error": reason}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    return Exit.ERROR if bad else Exit.OK
