"""The package is declared in pyproject.toml; this file only adds the optional native build of the tagger.

    WIREWATCH_NATIVE=1 pip install --no-build-isolation .     (or scripts/build-native for a wheel)

compiles the tagger's hot modules to C extensions with mypyc, the compiler mypy and black ship themselves
with: the same source, type-checked, run about a third faster (benchmarks/bench_tagger.py --native reports
the ratio). Without the variable the build is pure Python, as every install and the tests use by default.
`--no-build-isolation`: mypyc comes with mypy, which the build then takes from the installing environment.

mypyc names a module by its path, so it compiles from build/native-src/wirewatch, a tree of symbolic links
shaped like the installed package (the stage folders are remapped to wirewatch.* by package-dir).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from setuptools import setup

ROOT = Path(__file__).resolve().parent
# The tagger's per-dispatch code: matching, the officials finders, the engine. Not vocab (data, built once),
# kb and learned (loading and bookkeeping), wikidata (an import tool), language (a call into fastText's C++).
NATIVE_MODULES = (
    "coup",
    "engine",
    "foreign",
    "matcher",
    "officials",
    "officials_appositions",
    "officials_known",
    "officials_names",
    "officials_roles",
    "officials_scan",
    "officials_titled",
    "rules",
    "textfold",
)


def native_extensions() -> list[Any]:
    if os.environ.get("WIREWATCH_NATIVE", "") not in ("1", "true", "yes"):
        return []
    from mypyc.build import mypycify  # only here: a pure build needs no mypy

    layout = ROOT / "build" / "native-src"
    if layout.exists():
        shutil.rmtree(layout)
    package = layout / "wirewatch"
    package.mkdir(parents=True)
    for entry in (ROOT / "wirewatch").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for stage in ("producers", "processors", "sinks"):
        (package / stage).symlink_to(ROOT / stage)
    paths = [str((package / "processors" / "tagger" / f"{name}.py").relative_to(ROOT)) for name in NATIVE_MODULES]
    return list(mypycify(paths, opt_level="3", group_name="wirewatch.processors.tagger.native"))


setup(ext_modules=native_extensions())
