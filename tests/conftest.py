"""Shared fixtures: the project's site built once, and small inline sites (see sites.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wardpub import PROJECT_ROOT
from wardpub.site.publish import build_site

from sites import SiteMaker

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The small sites tests build share the project's cache (fonts, cards): a cold cache per
# site would make the suite many times slower. Builds elsewhere cache beside their mkdocs.yml.
os.environ.setdefault("WARDPUB_CACHE_DIR", str(PROJECT_ROOT / ".cache"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's own site, built strictly and atomically, once per test run."""
    return build_site(tmp_path_factory.mktemp("built") / "site")


@pytest.fixture
def make_site(tmp_path, monkeypatch) -> SiteMaker:
    monkeypatch.chdir(tmp_path)  # messages name files relative to the small project
    return SiteMaker(tmp_path)




@pytest.fixture(scope="session")
def clip_project(tmp_path_factory):
    """A small project with one key figure and its Vietnamese 15 s clip rendered for real (once a run)."""
    from clip_kits import rendered_clip_project

    return rendered_clip_project(tmp_path_factory.mktemp("clip-project"))


@pytest.fixture(scope="session")
def clip_project_site(clip_project) -> Path:
    """That small project built as the site is (its clip is in the cache, so the build offers it)."""
    return SiteMaker(clip_project.root).build()
