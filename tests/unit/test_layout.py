"""The installed layout: every package folder is listed in pyproject.toml, and each stage folder maps
to its `wirewatch.` name, so nothing but `wirewatch` lands in site-packages."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def packages_on_disk() -> set[str]:
    """Every folder with an __init__.py under a mapped root, named as it installs."""
    found = set()
    for name, folder in SETUPTOOLS["package-dir"].items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder)
            found.add(".".join([name, *relative.parts]))
    return found


def test_every_package_folder_is_listed_for_installation() -> None:
    listed = set(SETUPTOOLS["packages"])
    assert packages_on_disk() - listed == set(), "add these to [tool.setuptools].packages in pyproject.toml"
    assert listed - packages_on_disk() == set(), "listed in pyproject.toml but not on disk"


def test_only_the_wirewatch_package_is_installed() -> None:
    assert {name.split(".")[0] for name in SETUPTOOLS["packages"]} == {"wirewatch"}
    assert SETUPTOOLS["package-dir"] == {
        "wirewatch": "wirewatch",
        "wirewatch.producers": "producers",
        "wirewatch.processors": "processors",
        "wirewatch.sinks": "sinks",
    }


def test_stage_modules_import_under_the_wirewatch_name() -> None:
    import wirewatch.processors.tagger
    import wirewatch.producers.poller
    import wirewatch.sinks.sqlite.store

    assert Path(wirewatch.producers.poller.__file__).parent == ROOT / "producers"
    assert Path(wirewatch.processors.tagger.__file__).parent == ROOT / "processors" / "tagger"
    assert Path(wirewatch.sinks.sqlite.store.__file__).parent == ROOT / "sinks" / "sqlite"
