"""`make bench`: speed and size figures, each beside a baseline measured in
the same run on the same machine, printed as ratios.

Owns the benchmark table. Baselines are the same Markdown built as a plain
Material site with default settings (wardpub.baseline). Builds run as
separate processes, as `make site` does; "cold" means an empty cache.
Timings vary on a shared machine: read ratios, not seconds, and never put
them in a test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import DOCS_DIR, PROJECT_ROOT
from .baseline import prepare_baseline, tree_bytes
from .synthetic import write_pages

BIN = Path(sys.executable).parent


@dataclass
class Row:
    figure: str
    ours: float
    baseline: float
    unit: str
    baseline_name: str

    def cells(self) -> list[str]:
        ratio = f"{self.ours / self.baseline:.2f}×" if self.baseline else "–"
        fmt = (lambda v: f"{v:,.2f}") if self.unit == "s" else (lambda v: f"{v:,.0f}")
        return [self.figure, f"{fmt(self.ours)} {self.unit}", f"{fmt(self.baseline)} {self.unit}", ratio, self.baseline_name]


def print_table(rows: list[Row]) -> None:
    header = ["Figure", "This site", "Baseline", "Ratio", "Baseline is"]
    table = [header] + [row.cells() for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for n, row in enumerate(table):
        print("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def copy_project(work: Path, extra_pages: int = 0) -> Path:
    """A copy of this project (config, theme, docs) with extra synthetic pages kept out of the nav."""
    shutil.copytree(PROJECT_ROOT / "overrides", work / "overrides")
    shutil.copytree(DOCS_DIR, work / "docs")
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if extra_pages:
        write_pages(work / "docs" / "bench", extra_pages)
        config += "\nnot_in_nav: |\n  /bench/\n"
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    return work / "mkdocs.yml"


@dataclass
class Sites:
    ours: Path
    baseline: Path
    rows: list[Row]


def build_both(work: Path, label: str, extra_pages: int = 0) -> Sites:
    """Build a project copy with wardpub and its Markdown with plain Material, cold then unchanged."""
    ours_config = copy_project(work / "ours-project", extra_pages)
    base_config = prepare_baseline(work / "ours-project" / "docs", work / "baseline-project")
    ours_site, base_site = work / "ours-site", work / "baseline-site"
    ours_cmd = [str(BIN / "wardpub"), "build", "--config", str(ours_config), "--site-dir", str(ours_site)]
    base_cmd = [str(BIN / "mkdocs"), "build", "-q", "-f", str(base_config), "-d", str(base_site)]
    cache = {"WARDPUB_CACHE_DIR": str(work / "cache")}
    rows = [
        Row(f"{label}: cold build", timed(ours_cmd, cache), timed(base_cmd), "s", "plain Material, same Markdown"),
        Row(f"{label}: no-change rebuild", timed(ours_cmd, cache), timed(base_cmd), "s", "plain Material rebuild"),
    ]
    return Sites(ours_site, base_site, rows)


def first_visit_bytes(browser, url: str) -> int:
    from .browser import PageRecorder

    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    recorder = PageRecorder(page)
    page.goto(url, wait_until="networkidle")
    context.close()
    return recorder.encoded_bytes


def search_answer_ms(browser, url: str, query: str = "phuong") -> float:
    """From the keystroke that completes the query to its results, on a phone-sized
    page that has not searched before (nothing of the index loaded yet)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.locator("label.md-header__button[for=__search]").click()
    field = page.locator("input[data-md-component=search-query]")
    field.fill(query[:-1])
    start = time.perf_counter()
    field.press(query[-1])
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    elapsed = (time.perf_counter() - start) * 1000
    context.close()
    return elapsed


def page_rows(sites: Sites, label: str, content_ours: str, content_base: str, search: bool) -> list[Row]:
    from .browser import launch
    from .devserver import serve_site

    rows = []
    with serve_site(sites.ours) as ours, serve_site(sites.baseline) as base, launch() as browser:
        rows.append(Row(f"{label}: home page, first visit", first_visit_bytes(browser, ours) / 1000,
                        first_visit_bytes(browser, base) / 1000, "KB", "plain Material page, compressed, all requests"))
        rows.append(Row(f"{label}: content page, first visit", first_visit_bytes(browser, ours + content_ours) / 1000,
                        first_visit_bytes(browser, base + content_base) / 1000, "KB", "plain Material page, compressed, all requests"))
        if search:
            # Material cannot fold "phuong", so it gets the query with its diacritics.
            rows.append(Row(f"{label}: search answers (first keystroke → results)", search_answer_ms(browser, ours + content_ours, "phuong"),
                            search_answer_ms(browser, base + content_base, "phường"), "ms", "Material's search (index preloaded at page load), query “phường”"))
    index_ours = tree_bytes(sites.ours / "search") - (sites.ours / "search" / "search_index.json").stat().st_size
    index_base = (sites.baseline / "search" / "search_index.json").stat().st_size
    rows.append(Row(f"{label}: search index, all files", index_ours / 1000, index_base / 1000, "KB", "Material's search_index.json"))
    rows.append(Row(f"{label}: search bytes loaded by a first visit", (sites.ours / "search" / "search_index.json").stat().st_size,
                    index_base, "B", "Material downloads its whole index"))
    return rows


def main(args) -> int:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="wardpub-bench-") as tmp:
        work = Path(tmp)
        print("Building this site and its plain-Material baseline…", file=sys.stderr)
        real = build_both(work / "real", "Site")
        rows += real.rows + page_rows(real, "Site", "nghi-quyet-71/diem-moi-dot-pha/", "nghi-quyet-71/diem-moi-dot-pha/", search=True)
        pages = args.pages // 2
        print(f"Building a synthetic site with {pages} pages per language…", file=sys.stderr)
        large = build_both(work / "large", f"{args.pages:,} pages", extra_pages=pages)
        sample = f"bench/bai-{min(pages, 500):04d}/"
        rows += large.rows + page_rows(large, f"{args.pages:,} pages", sample, sample, search=True)
    print_table(rows)
    print("\nRatios are this site ÷ baseline, measured in this run. Bytes are encoded (gzip) as the browser received them.")
    return 0
