"""deploy/Dockerfile: pinned base, pinned dependencies, non-root, and a real wirewatch command.

No Docker engine here, so the Dockerfile is parsed: instructions per stage, with
line continuations joined and exec-form (JSON) arguments decoded.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]


def parse(text: str) -> list[Stage]:
    joined = re.sub(r"\\\n", " ", text)
    stages: list[Stage] = []
    for line in joined.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, args = line.partition(" ")
        keyword = keyword.upper()
        args = re.sub(r"\s+", " ", args.strip())
        if keyword == "FROM":
            parts = args.split()
            stages.append(Stage(base=parts[0], name=parts[2] if len(parts) > 2 and parts[1].upper() == "AS" else None))
        else:
            assert stages, f"{keyword} before FROM"
            stages[-1].instructions.append((keyword, args))
    return stages


def exec_form(args: str) -> list[str]:
    value = json.loads(args)
    assert isinstance(value, list) and all(isinstance(item, str) for item in value), f"not exec form: {args}"
    return value


def stages() -> list[Stage]:
    return parse(DOCKERFILE.read_text(encoding="utf-8"))


def dockerignore() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ignored(path: str) -> bool:
    """Docker's matching, close enough for these patterns: `**/` also matches zero directories."""
    for pattern in dockerignore():
        candidates = {pattern, pattern.removeprefix("**/")}
        if any(fnmatch.fnmatch(path, c) or path.startswith(c.rstrip("/") + "/") for c in candidates):
            return True
    return False


def copy_sources(stage: Stage) -> list[str]:
    sources = []
    for args in stage.all("COPY"):
        if args.startswith("--from="):
            continue
        parts = [part for part in shlex.split(args) if not part.startswith("--")]
        sources.extend(parts[:-1])
    return sources


def test_base_images_are_pinned_tags() -> None:
    for stage in stages():
        _image, _, tag = stage.base.partition(":")
        assert tag and tag != "latest", f"unpinned base image {stage.base}"
        assert re.fullmatch(r"3\.11[\w.-]*", tag), f"{stage.base}: the project targets Python 3.11"


def test_the_package_is_installed_with_the_pinned_constraints() -> None:
    installs = [run for stage in stages() for run in stage.all("RUN") if "pip install" in run]
    assert installs, "no pip install"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = set(pyproject["project"]["optional-dependencies"])
    for run in installs:
        assert re.search(r"(--constraint|-c) constraints\.txt", run), run
        for requested in re.findall(r'"\.\[([^\]]+)\]"', run):
            assert set(requested.split(",")) <= extras, requested
    build = next(stage for stage in stages() if any("pip install" in run for run in stage.all("RUN")))
    assert "constraints.txt" in " ".join(copy_sources(build))
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in constraints if line.strip() and not line.startswith("#")]
    assert pins and all("==" in line for line in pins), "constraints.txt must pin exact versions"


def test_every_copied_path_exists_and_is_in_the_build_context() -> None:
    for stage in stages():
        for source in copy_sources(stage):
            assert (ROOT / source).exists(), f"COPY {source}: no such path"
            assert not ignored(source.rstrip("/")), f"COPY {source}: excluded by .dockerignore"


def test_dockerignore_keeps_the_local_junk_out() -> None:
    for path in (".git", ".venv", "deploy/local", "tests", "wirewatch.db"):
        assert ignored(path), path
    for path in ("wirewatch", "constraints.txt", "pyproject.toml", "deploy/config", "deploy/healthcheck.py"):
        assert not ignored(path), path


def test_runs_as_a_created_non_root_user() -> None:
    final = stages()[-1]
    users = final.all("USER")
    assert users, "no USER: the container would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    assert any(
        re.search(rf"useradd\b.*\b{re.escape(user)}$|useradd\b.*\b{re.escape(user)}\s", run) for run in final.all("RUN")
    )
    # the state directory the volumes mount is the user's
    assert any(f"chown {user}:" in run and "/var/lib/wirewatch" in run for run in final.all("RUN"))


def test_entrypoint_and_cmd_form_a_real_wirewatch_command() -> None:
    from wirewatch.app.cli.main import build_parser

    final = stages()[-1]
    entrypoint = exec_form(final.all("ENTRYPOINT")[-1])
    cmd = exec_form(final.all("CMD")[-1])
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert entrypoint == ["wirewatch"] and "wirewatch" in pyproject["project"]["scripts"]
    args = build_parser().parse_args(cmd)
    assert getattr(args, "handler", None), f"CMD {cmd} does not run a command"


def test_the_default_config_and_the_healthcheck_are_in_the_image() -> None:
    final = stages()[-1]
    env = " ".join(final.all("ENV"))
    found = re.search(r"WIREWATCH_CONFIG=(\S+)", env)
    assert found is not None, env
    config = found.group(1)
    copied = {shlex.split(args)[-1].rstrip("/"): shlex.split(args)[-2] for args in final.all("COPY")}
    assert config.startswith(copied["/etc/wirewatch"].replace("deploy/config", "/etc/wirewatch").rstrip("/"))
    assert (ROOT / "deploy" / "config" / Path(config).name).is_file()
    assert copied["/opt/wirewatch/bin/wirewatch-healthcheck"] == "deploy/healthcheck.py"
    assert (ROOT / "deploy" / "healthcheck.py").read_text(encoding="utf-8").startswith("#!/usr/bin/env python3\n")
    assert re.search(r"PATH=\"?/opt/wirewatch/bin:", env), "the virtualenv must come first on PATH"


def test_the_parser_reads_continuations_and_stages() -> None:
    parsed = parse("FROM a:1 AS build\nRUN one \\\n    two\nFROM b:2\nUSER x\n")
    assert [(s.base, s.name) for s in parsed] == [("a:1", "build"), ("b:2", None)]
    assert parsed[0].all("RUN") == ["one two"]
    assert parsed[1].all("USER") == ["x"]
