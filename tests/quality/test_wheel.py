"""A wheel built from the tree installs into a fresh virtualenv and runs the embedded demo from there.

This is what a user gets from `pip install wirewatch`: the remapped stage folders, the knowledge base
and the demo feeds must all be inside the wheel, and nothing but `wirewatch` may land in site-packages.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.timeout(900)


def run(command: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def test_wheel_installs_into_a_fresh_venv_and_runs_the_demo(tmp_path: Path) -> None:
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(ROOT)], ROOT, 600)
    (wheel,) = (tmp_path / "dist").glob("wirewatch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == {"wirewatch"}
    for expected in (
        "wirewatch/producers/poller.py",
        "wirewatch/processors/kb/officials.json",
        "wirewatch/sinks/sqlite/store.py",
        "wirewatch/app/cli/main.py",
        "wirewatch/demo/demo.toml",
        "wirewatch/py.typed",
    ):
        assert expected in names
    # Every data file the package reads at run time: the dashboard's assets, the knowledge base, the demo.
    for folder in ("wirewatch/app/dashboard/static", "processors/kb", "wirewatch/demo/feeds"):
        for path in (ROOT / folder).glob("*.*"):
            installed = "wirewatch/" + str(path.relative_to(ROOT)).removeprefix("wirewatch/")
            if path.suffix != ".py":
                assert installed in names, f"{installed} is missing from the wheel"

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path, 120)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    run([*pip, "-c", str(ROOT / "constraints.txt"), str(wheel)], tmp_path, 600)

    workdir = tmp_path / "elsewhere"  # not the repository: only the installed package is on the path
    workdir.mkdir()
    demo = run([str(venv / "bin" / "wirewatch"), "run", "--demo", "--once", "--no-dashboard"], workdir, 300)
    assert "ALERT [coup]" in demo.stdout
    assert "Iran Backs Turkish Gov’t Against Coup" in demo.stdout
    found = run(
        [
            str(venv / "bin" / "wirewatch"),
            "--store",
            "wirewatch-demo.db",
            "search",
            "--json",
            "coup AND countries.code:TR",
        ],
        workdir,
        120,
    )
    assert '"TR"' in found.stdout
