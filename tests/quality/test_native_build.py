"""The optional native build (setup.py, scripts/build-native) compiles the tagger with mypyc, and the
compiled tagger tags exactly as the pure-Python one does.

mypyc enforces type annotations at run time and differs from CPython in corners (class attributes,
monkeypatching, early binding), so "it compiles" is not enough: every gold dispatch and a slice of the
learning workload are tagged by both builds and their tags' digests compared.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench_native import run_worker

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.timeout(900)


def test_the_compiled_tagger_tags_as_the_pure_one_does(tmp_path: Path) -> None:
    venv = tmp_path / "native-venv"
    built = subprocess.run(
        [str(ROOT / "scripts" / "build-native"), str(venv)], capture_output=True, text=True, timeout=600, check=False
    )
    assert built.returncode == 0, f"scripts/build-native failed:\n{built.stdout}\n{built.stderr}"
    compiled = sorted(p.name for p in venv.glob("lib/python*/site-packages/wirewatch/processors/tagger/*.so"))
    assert any(name.startswith("engine.") for name in compiled), compiled
    assert any(name.startswith("matcher.") for name in compiled), compiled

    cpu = min(os.sched_getaffinity(0))
    pure = run_worker(Path(sys.executable), 200, cpu)
    native = run_worker(venv / "bin" / "python", 200, cpu)
    assert (pure["compiled"], native["compiled"]) == (False, True)
    assert native["gold_digest"] == pure["gold_digest"]
    assert native["workload_digest"] == pure["workload_digest"]
