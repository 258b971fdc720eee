"""What every command module shares: exit codes, loading the settings a command runs with, table output."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime, timedelta
from enum import IntEnum
from pathlib import Path
from typing import Any, TextIO

from wirewatch.app.components import load_settings
from wirewatch.models import parse_time, utcnow
from wirewatch.settings import Settings

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Exit(IntEnum):
    """Process exit codes of every `wirewatch` command."""

    OK = 0
    ERROR = 1  # the command ran and something failed (a rejected input, an unreachable service)
    USAGE = 2  # the command could not run as asked (bad arguments, bad configuration)
    FEEDS_FAILED = 3  # `run --once` / `producer --once`: the run finished, but some feeds could not be read
    INTERRUPTED = 130  # Ctrl-C


def settings_for(args: argparse.Namespace) -> Settings:
    """The settings a command runs with: the demo's, or the config file's with `--store` applied."""
    if getattr(args, "demo", False):
        settings = load_settings(DEMO_DIR / "demo.toml")
        settings.store.path = Path(args.store or "wirewatch-demo.db")
    else:
        settings = load_settings(args.config)
        if getattr(args, "store", None):
            settings.store.path = Path(args.store)
    return settings


def parse_since(value: str | None) -> datetime | None:
    """`--since`: an ISO time, or a duration back from now such as 30m, 12h, 7d."""
    if not value:
        return None
    m = re.fullmatch(r"(\d+)\s*([smhd])", value.strip())
    if m:
        unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[m.group(2)]
        return utcnow() - timedelta(**{unit: int(m.group(1))})
    return parse_time(value)


def clip(text: str, width: int) -> str:
    """One line of at most `width` characters, with an ellipsis where it was cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(headers: list[str], rows: list[list[Any]], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    widths = [max([len(h)] + [len(str(r[i])) for r in rows]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out.write(line.rstrip() + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
