"""Baselines measured in the same run: the same Markdown built as a plain
Material site with default settings (Material's search, no i18n, no wardpub).

Owns `build_material_baseline`, used by `make bench` for every "against
Material" ratio and by the tests that hold the search index to 1.5x the size
of Material's own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

BASELINE_CONFIG = """\
site_name: Baseline
site_url: https://example.gov.vn/nq71/
theme:
  name: material
plugins:
  - search
"""


def prepare_baseline(docs_dir: Path, work: Path, not_in_nav: str = "") -> Path:
    """Copy docs_dir (without its _data folder) beside a default Material config; return the config.
    not_in_nav keeps pages (news articles) out of the navigation, as this site does."""
    shutil.copytree(docs_dir, work / "docs", ignore=shutil.ignore_patterns("_data"))
    extra = f"not_in_nav: |\n  {not_in_nav}\n" if not_in_nav else ""
    (work / "mkdocs.yml").write_text(BASELINE_CONFIG + extra, encoding="utf-8")
    return work / "mkdocs.yml"


def build_material_baseline(docs_dir: Path, site_dir: Path) -> Path:
    """Build docs_dir as plain Material into site_dir."""
    work = Path(tempfile.mkdtemp(prefix="baseline-"))
    try:
        config_file = prepare_baseline(docs_dir, work)
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        build(load_config(config_file=str(config_file), site_dir=str(site_dir)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return site_dir


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
