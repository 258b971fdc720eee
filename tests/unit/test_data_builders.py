"""Generated data files are never stale: each builder, run with --check, finds its output up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "builder",
    ["benchmarks/gold/authoring/build.py", "processors/kb/tools/officials_src.py"],
)
def test_generated_files_match_their_sources(builder: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / builder), "--check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{builder} --check: {done.stdout}{done.stderr} (run it without --check to rebuild)"
