"""The project's print kit, checked and resolved once per test process (shared by the print tests)."""

from __future__ import annotations

from functools import lru_cache

from mkdocs.config import load_config

from wardpub import PROJECT_ROOT
from wardpub.project import check_project


@lru_cache(maxsize=1)
def project():
    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    return check_project(dict(config.extra), config.docs_dir, config.site_url)


def document(name: str):
    return next(d for d in project().printkit.documents if d.name == name)
