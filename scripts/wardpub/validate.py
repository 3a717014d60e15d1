"""Every check on editors' input, run before anything is built.

Owns `check_project`: one pass over the configuration's ward block, the
shared tables, and every Markdown page, returning all problems at once. The
MkDocs plugin, `wardpub validate` and the pre-commit hook all call it, so an
editor sees the same lines everywhere. Results are cached per process on the
files' sizes and times, because MkDocs builds once per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import DOCS_DIR
from .pages import PageMeta, SourceFile, pairing_problems, read_markdown, validate_page
from .problems import Problem
from .registries import Registries, load_registries
from .ward import Ward, load_ward


@dataclass
class Project:
    ward: Optional[Ward]
    registries: Registries
    pages: dict[str, PageMeta]  # docs-relative path -> meta
    problems: list[Problem]


_memo: dict[tuple, Project] = {}


def _fingerprint(paths: list[Path], extra: dict) -> tuple:
    stats = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return stats, repr(sorted(extra.get("ward", {}).items()))


def markdown_files(docs_dir: Path) -> list[Path]:
    return sorted(p for p in docs_dir.rglob("*.md") if "_data" not in p.relative_to(docs_dir).parts)


def check_project(extra: dict, docs_dir: Path = DOCS_DIR) -> Project:
    docs_dir = Path(docs_dir)
    data_dir = docs_dir / "_data"
    paths = markdown_files(docs_dir)
    key = _fingerprint(paths + sorted(data_dir.glob("*.yml")), extra)
    if key in _memo:
        return _memo[key]

    ward, problems = load_ward(extra)
    registries = load_registries(data_dir)
    problems += registries.problems
    pages: dict[str, PageMeta] = {}
    vi_only: set[Path] = set()
    for path in paths:
        source: SourceFile = read_markdown(path)
        meta, page_problems = validate_page(source, registries)
        problems += page_problems
        if meta is not None:
            pages[path.relative_to(docs_dir).as_posix()] = meta
            if meta.vi_only:
                vi_only.add(path)
    problems += pairing_problems(docs_dir, paths, vi_only)

    project = Project(ward, registries, pages, problems)
    _memo.clear()
    _memo[key] = project
    return project
