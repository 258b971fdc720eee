"""`wirewatch kb import FILE`: merge officials from a Wikidata Query Service result into the knowledge base.

The `kb` command group (wirewatch.app.cli.kb) calls `add_import_command` with its subparsers. The import
writes `[tagger] kb_updates` (the officials file laid over the bundled knowledge base), never the bundled
files; processors/kb/README.md ("Keeping officials up to date from Wikidata") has the query to run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from wirewatch.app.cli.common import Exit, print_table, settings_for
from wirewatch.processors.tagger.kb import KnowledgeBaseError
from wirewatch.processors.tagger.wikidata import (
    Change,
    MergeResult,
    WikidataImport,
    WikidataImportError,
    load_documents,
    merge_import,
    read_wdqs_file,
)


def add_import_command(kb_subparsers: argparse._SubParsersAction) -> None:
    """Add `import FILE [--dry-run] [--json]` to the `kb` command group."""
    command = kb_subparsers.add_parser(
        "import",
        help="merge officials from a Wikidata query result (JSON) into [tagger] kb_updates and print what changed",
        description="Merge officials from a Wikidata Query Service result (SPARQL JSON, see processors/kb/README.md) "
        "into the file [tagger] kb_updates names, and print the officials added, roles ended and roles changed.",
    )
    command.add_argument("file", metavar="FILE", help="the query result, saved as application/sparql-results+json")
    command.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    command.add_argument("--json", action="store_true", help="print the changes as JSON Lines (summary on stderr)")
    command.set_defaults(handler=cmd_kb_import)


def cmd_kb_import(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    source = Path(args.file)
    target = settings.tagger.kb_updates.resolve()
    try:
        imported = read_wdqs_file(source)
    except WikidataImportError as exc:
        print(f"wirewatch: {exc}", file=sys.stderr)
        return Exit.ERROR
    try:
        bundled, current = load_documents(settings.tagger.kb_dir, target)
        result = merge_import(bundled, current, imported, file_name=source.name)
    except KnowledgeBaseError as exc:
        print(f"wirewatch: {exc}", file=sys.stderr)
        return Exit.USAGE
    if result.modified and not args.dry_run:
        try:
            write_atomically(target, json.dumps(result.document, ensure_ascii=False, indent=1) + "\n")
        except OSError as exc:
            print(f"wirewatch: cannot write {target}: {exc}", file=sys.stderr)
            return Exit.ERROR
    summary = [read_summary(imported, source), change_summary(result, target, dry_run=args.dry_run)]
    if args.json:
        for line in summary:
            print(line, file=sys.stderr)
        for change in result.changes:
            print(json.dumps(change.as_json(), ensure_ascii=False))
        return Exit.OK
    for line in summary:
        print(line)
    if result.changes:
        print()
        print_table(["CHANGE", "ID", "NAME", "ROLE", "COUNTRY", "START", "END", "DETAIL"], change_rows(result.changes))
    return Exit.OK


def read_summary(imported: WikidataImport, source: Path) -> str:
    line = f"read {imported.rows} rows from {source}: {len(imported.people)} people, {imported.roles} roles"
    if imported.skipped:
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(imported.skipped.items()))
        line += f"; skipped {sum(imported.skipped.values())} rows ({reasons})"
    return line


def change_summary(result: MergeResult, target: Path, *, dry_run: bool) -> str:
    counts = (
        f"added {result.count('added')}, roles ended {result.count('role_ended')}, "
        f"roles changed {result.count('role_changed')}"
    )
    if not result.modified:
        return f"{counts}; {target} unchanged"
    if dry_run:
        return f"{counts}; dry run, {target} not written"
    return f"{counts}; wrote {target}"


def change_rows(changes: list[Change]) -> list[list[Any]]:
    return [[c.kind, c.id, c.name, c.title, c.country, c.start, c.end or "-", c.detail] for c in changes]


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step (a temporary file beside it, then os.replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
