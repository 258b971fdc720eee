"""The static checks run as part of the test command: ruff (lint, format), the import rules, mypy.

Each runs through scripts/check, which is also what a developer runs; a failure shows the tool's report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.timeout(600)


@pytest.mark.parametrize("check", ["ruff", "format", "imports", "mypy"])
def test_static_check_passes(check: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check"), check],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=580,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_rules_catch_a_stage_importing_another(tmp_path: Path) -> None:
    """The layers contract is real: a producer module importing a sink breaks it."""
    probe = ROOT / "producers" / "_probe_layering.py"
    probe.write_text("import wirewatch.sinks.alerts.channels\n", encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "check"), "imports"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        probe.unlink()
    assert done.returncode == 1
    assert "wirewatch.producers is not allowed to import wirewatch.sinks" in done.stdout
