"""Shared fixtures: the project's site built once, and small inline sites (see sites.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wardpub import PROJECT_ROOT
from wardpub.publish import build_site

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


