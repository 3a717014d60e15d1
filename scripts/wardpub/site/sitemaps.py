"""The sitemap, kept out of every reader's first visit.

Material's bundle fetches `sitemap.xml` next to every `<link rel=alternate>`
in a page's head (for its language switch); our news feeds are such links, at
each language's root. A full sitemap grows with the site, so those paths hold
a small sitemap index instead, pointing at the full sitemap that
mkdocs-static-i18n wrote (moved to sitemap-pages.xml). Crawlers follow the
index; robots.txt names it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..cache import write_atomic

PAGES = "sitemap-pages.xml"


def index_xml(site_url: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"  <sitemap><loc>{site_url}{PAGES}</loc></sitemap>\n"
            "</sitemapindex>\n")


def finish(site_dir: str | Path, site_url: str, language_roots: list[str]) -> None:
    """Move the full sitemap aside and put the index at every language root."""
    site = Path(site_dir)
    full = site / "sitemap.xml"
    if full.is_file() and "<urlset" in full.read_text(encoding="utf-8")[:500]:
        os.replace(full, site / PAGES)
        if (site / "sitemap.xml.gz").is_file():
            os.replace(site / "sitemap.xml.gz", site / f"{PAGES}.gz")
    for root in language_roots:
        write_atomic(site / root / "sitemap.xml", index_xml(site_url))
    write_atomic(site / "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n")
