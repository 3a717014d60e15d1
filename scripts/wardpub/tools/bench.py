"""`make bench`: speed and size figures, each beside a baseline measured in
the same run on the same machine, printed as ratios.

Owns the benchmark table. Baselines are the same Markdown built as a plain
Material site with default settings (wardpub.tools.baseline). Builds run as
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

from .. import DOCS_DIR, PROJECT_ROOT
from .baseline import prepare_baseline, tree_bytes
from .synthetic import write_articles, write_pages

BIN = Path(sys.executable).parent


@dataclass
class Row:
    figure: str
    ours: float
    baseline: float
    unit: str
    baseline_name: str
    spread: float | None = None  # of a repeated timing: (slowest − fastest) ÷ fastest, this site's runs

    def cells(self) -> list[str]:
        ratio = f"{self.ours / self.baseline:.2f}×" if self.baseline else "–"
        fmt = (lambda v: f"{v:,.2f}") if self.unit in ("s", "×") else (lambda v: f"{v:,.0f}")
        spread = f"{self.spread * 100:.0f}%" if self.spread is not None else "–"
        return [self.figure, f"{fmt(self.ours)} {self.unit}", f"{fmt(self.baseline)} {self.unit}", ratio, spread, self.baseline_name]


def print_table(rows: list, header: tuple[str, ...] = ("Figure", "This site", "Baseline", "Ratio", "Spread", "Baseline is")) -> None:
    """Rows (anything with cells()) as a Markdown table under header."""
    table = [list(header)] + [row.cells() for row in rows]
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
    """A copy of this project (config, theme, docs, infographics) with extra synthetic pages kept out of the nav."""
    shutil.copytree(PROJECT_ROOT / "overrides", work / "overrides")
    shutil.copytree(PROJECT_ROOT / "infographics", work / "infographics")
    shutil.copytree(DOCS_DIR, work / "docs")
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if extra_pages:
        write_pages(work / "docs" / "bench", extra_pages)
        assert "\nnot_in_nav: |\n" in config, "mkdocs.yml keeps a not_in_nav block"
        config = config.replace("\nnot_in_nav: |\n", "\nnot_in_nav: |\n  /bench/\n", 1)
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
    cold = Row(f"{label}: cold build", timed(ours_cmd, cache), timed(base_cmd), "s", "plain Material, same Markdown")
    ours, base = repeated(RUNS, ours_cmd, cache), repeated(RUNS, base_cmd)
    rows = [cold, Row(f"{label}: no-change rebuild", min(ours), min(base), "s", "plain Material rebuild", spread(ours))]
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


RUNS = 3  # each repeated timing, and its baseline, runs this many times


def repeated(runs: int, command: list[str], env: dict | None = None) -> list[float]:
    """A timing run several times: its fastest is the least disturbed by other work on a shared
    machine (the figure printed), its spread says how much the neighbours moved it."""
    return [timed(command, env) for _ in range(runs)]


def spread(times: list[float]) -> float:
    return (max(times) - min(times)) / min(times)


def news_scale_rows(work: Path, cache: Path) -> list[Row]:
    """Build time with 1,000 and 2,000 synthetic bilingual articles: against the same
    Markdown as plain Material pages (articles kept out of the nav, as here), and
    2,000 against 1,000 (a linear build doubles)."""
    times = {}
    rows = []
    for count in (1000, 2000):
        folder = work / f"articles-{count}"
        config = copy_project(folder / "ours-project")
        write_articles(folder / "ours-project" / "docs", count)
        base_config = prepare_baseline(folder / "ours-project" / "docs", folder / "baseline-project", not_in_nav="/tin-tuc/*/")
        ours_cmd = [str(BIN / "wardpub"), "build", "--config", str(config), "--site-dir", str(folder / "ours-site")]
        base_cmd = [str(BIN / "mkdocs"), "build", "-q", "-f", str(base_config), "-d", str(folder / "baseline-site")]
        # A first, untimed build renders the new articles' cards and pictures: the timed runs are no-change builds.
        timed(ours_cmd, {"WARDPUB_CACHE_DIR": str(cache)})
        times[count] = repeated(RUNS, ours_cmd, {"WARDPUB_CACHE_DIR": str(cache)})
        if count == 1000:
            rows.append(Row("1,000 bilingual articles: build", min(times[count]), min(repeated(RUNS, base_cmd)), "s",
                            "plain Material pages, same Markdown (goal ≤ 1.30×)", spread(times[count])))
    rows.append(Row("2,000 bilingual articles: build", min(times[2000]), min(times[1000]), "s",
                    "this site with 1,000 articles (goal ≤ 2.20×)", spread(times[2000])))
    return rows


def save_to_serve(command: list[str], page: Path, url: str, env: dict, saves: int = 3, start_limit: float = 900) -> list[float]:
    """A live preview (command, serving url) on a copy of the project: once it serves, save page
    with a new word `saves` times; each time, the seconds from the save until url carries the word."""
    import urllib.request

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_for(word: str, limit: float) -> float:
        start = time.perf_counter()
        while word not in fetch():
            if time.perf_counter() - start > limit or server.poll() is not None:
                raise RuntimeError(f"the preview did not serve {word!r} at {url} within {limit:.0f} s")
            time.sleep(0.05)
        return time.perf_counter() - start

    original = page.read_text(encoding="utf-8")
    server = subprocess.Popen(command, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for("<html", start_limit)
        times = []
        for n in range(saves):
            word = f"benchsave{n}x{int(time.time())}"
            page.write_text(original + f"\n\n{word}\n", encoding="utf-8")
            times.append(wait_for(word, 300))
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)
        page.write_text(original, encoding="utf-8")


def preview_rows(work: Path, cache: Path) -> list[Row]:
    """Saving an article until `make serve` (mkdocs serve --livereload) serves it changed, on this site
    and on it with 1,000 synthetic bilingual articles, against plain Material serving the same Markdown."""
    from ..site.serving import free_port

    rows = []
    for label, count, goal in (("Site", 0, 2.0), ("1,000 bilingual articles", 1000, 5.0)):
        folder = work / f"preview-{count}"
        config = copy_project(folder / "ours-project")
        docs = folder / "ours-project" / "docs"
        if count:
            write_articles(docs, count)
            page = docs / "tin-tuc" / "2020" / "tin-thu-00001.vi.md"
        else:
            page = sorted((docs / "tin-tuc").glob("*/*.vi.md"))[0]
        base_config = prepare_baseline(docs, folder / "baseline-project", not_in_nav="/tin-tuc/*/")
        relative = page.relative_to(docs)
        ours_url = str(relative.with_name(relative.name.removesuffix(".vi.md"))) + "/"
        base_url = str(relative.with_suffix("")) + "/"
        env = {"WARDPUB_CACHE_DIR": str(cache)}
        # A build first fills the cache (a preview starts from an editor's usual state: a built site).
        timed([str(BIN / "wardpub"), "build", "--config", str(config), "--site-dir", str(folder / "warm")], env)
        # As `make serve` runs it: a dirty preview (MkDocs renders what changed), for Material too.
        serve = lambda config_file, port: [str(BIN / "mkdocs"), "serve", "-q", "--livereload", "--dirty", "-f", str(config_file),
                                           "-a", f"127.0.0.1:{port}"]
        port = free_port()
        ours = save_to_serve(serve(config, port), page, f"http://127.0.0.1:{port}/nq71/{ours_url}", env)
        port = free_port()
        base = save_to_serve(serve(base_config, port), folder / "baseline-project" / "docs" / relative,
                             f"http://127.0.0.1:{port}/nq71/{base_url}", {})
        rows.append(Row(f"{label}: save → preview serves the change", min(ours), min(base), "s",
                        f"plain Material preview, same Markdown (goal ≤ {goal:.0f} s)", spread(ours)))
    return rows


def bare_figure(fmt, height: float) -> bytes:
    """The charts' baseline: an empty matplotlib figure of the same size, saved the same way."""
    import io

    from matplotlib.figure import Figure

    figure = Figure(figsize=(fmt.width, height), dpi=fmt.dpi)
    figure.add_axes((0, 0, 1, 1)).set_axis_off()
    out = io.BytesIO()
    if fmt.name == "svg":
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    else:
        figure.savefig(out, format="png", dpi=fmt.dpi, metadata={"Software": None})
    return out.getvalue()


def chart_rows(work: Path) -> list[Row]:
    """Every chart in every language and format drawn into an empty cache, against bare
    figures of the same sizes saved the same way; then a run with nothing changed."""
    from mkdocs.config import load_config

    from ..cache import ContentCache
    from ..media.chartdraw import FORMATS
    from ..media.charts import render_all, svg_size
    from ..project import check_project

    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    project = check_project(dict(config.extra), config.docs_dir)
    charts, cache = project.results.charts, ContentCache("charts", work / "chart-cache")
    bare_figure(FORMATS["svg"], 1.0)  # import matplotlib and its backends before either side is timed

    def render() -> tuple[float, list]:
        start = time.perf_counter()
        files = render_all(charts, project.registries, project.ward, config.site_url, cache)
        return time.perf_counter() - start, files

    cold, files = render()
    unchanged, again = render()
    start = time.perf_counter()
    for file in files:
        fmt = FORMATS[file.format]
        bare_figure(fmt, svg_size(file.path)[1] / 96 if fmt.height is None else fmt.height)
    bare = time.perf_counter() - start
    label = f"Charts ({len(charts.charts)} charts × 2 languages × {len(FORMATS)} formats = {len(files)} files)"
    return [
        Row(f"{label}: cold render", cold, bare, "s", "bare matplotlib figures, same sizes, saved the same way"),
        Row("Charts: no-change run", unchanged, cold, "s", "the cold render above"),
        Row("Charts: files drawn by a no-change run", sum(f.made for f in again), len(files), "files", "files drawn cold"),
    ]


def infographic_rows(work: Path, synthetic_specs: int = 100) -> list[Row]:
    """Every infographic image rendered into an empty cache (all cores, then one core) against a
    bare-Pillow baseline in this run (same canvas sizes, one block of text, PNG save); a run with
    nothing changed; the asset step for 100 synthetic specs; the files' sizes."""
    import io
    import os

    from mkdocs.config import load_config
    from PIL import Image

    from ..media.infographics import measure
    from ..media.infographics.output import render_jobs, shown
    from ..project import check_project

    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    project = check_project(dict(config.extra), config.docs_dir, config.site_url)
    jobs = project.infographics.jobs
    titles = {(item.id, lang): item.spec.title[lang] for item in project.infographics.infographics for lang in ("vi", "en")}
    titled = {job.name: titles[(job.name, job.language)] for job in jobs}
    measure.bare_pillow(jobs[:4], titled)  # fonts and encoders loaded before either side is timed
    bare = measure.bare_pillow(jobs, titled) / len(jobs) * 1000
    timings = {}
    for label, workers in (("all", None), ("one", 1)):
        cache = measure.empty_cache(work / f"cold-{label}")
        start = time.perf_counter()
        render_jobs(jobs, cache, workers=workers, progress=False)
        timings[label] = (time.perf_counter() - start) / len(jobs) * 1000
    again = render_jobs(jobs, cache, progress=False)
    shown_jobs = [job for job in jobs if shown(job)]  # WebP exists only for the format the site shows
    png = [cache.png(job.key).stat().st_size for job in shown_jobs]
    webp = [cache.webp(job.key).stat().st_size for job in shown_jobs]
    square = max(cache.png(job.key).stat().st_size for job in jobs if job.format == "1080x1080")
    pillow_png = []
    for job in jobs[::4]:
        out = io.BytesIO()
        with Image.open(cache.png(job.key)) as image:
            image.save(out, "PNG")
        pillow_png.append((len(out.getvalue()), cache.png(job.key).stat().st_size))
    root = measure.synthetic_kit(PROJECT_ROOT, work / "synthetic", synthetic_specs)
    big_cache = measure.empty_cache(work / "synthetic-cache")
    cold_step, big_kit, _ = measure.asset_step(root, project, config.site_url, big_cache)
    warm_step, _, warm = measure.asset_step(root, project, config.site_url, big_cache)
    label = f"Infographics ({len(project.infographics.infographics)} specs × 4 formats × 2 languages = {len(jobs)} images)"
    return [
        Row(f"{label}: cold render, {os.cpu_count()} cores, per image", timings["all"], bare, "ms",
            "bare Pillow, same canvas, one text block, PNG save, one core (goal ≤ 1.5×)"),
        Row("Infographics: cold render, one core, per image", timings["one"], bare, "ms", "the same bare Pillow baseline"),
        Row("Infographics: images drawn by a no-change run", len(again.rendered), len(jobs), "images", "images drawn cold"),
        Row(f"Infographics, {synthetic_specs} specs ({len(big_kit.jobs)} images): asset step, nothing changed",
            warm_step, cold_step, "s", f"the same step into an empty cache (goal < 1 s; drew {len(warm.rendered)})"),
        Row("Infographics: largest 1080×1080 PNG", square / 1000, 300, "KB", "the goal: under 300 KB"),
        Row("Infographics: mean PNG (oxipng)", sum(o for _, o in pillow_png) / len(pillow_png) / 1000,
            sum(p for p, _ in pillow_png) / len(pillow_png) / 1000, "KB", "the same images saved by Pillow's default PNG"),
        Row("Infographics: mean WebP shown on the site", sum(webp) / len(webp) / 1000, sum(png) / len(png) / 1000, "KB",
            "the PNG of the same image"),
    ]


def clip_rows(work: Path) -> list[Row]:
    """A 15 s clip rendered into an empty cache against bare ffmpeg encoding as many still frames with the
    same settings (same run); time and CPU time ÷ the clip's length (goal ≤ 1.0); a second, unchanged run."""
    from mkdocs.config import load_config

    from ..media.clips.measure import clip_times
    from ..project import check_project

    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    project = check_project(dict(config.extra), config.docs_dir, config.site_url)
    times = clip_times(PROJECT_ROOT, work, project)
    length = times.seconds
    label = f"Clip of {length:.0f} s (1080×1920, 30 fps)"
    return [
        Row(f"{label}: render time ÷ duration", times.wall / length, times.bare_wall / length, "×",
            "bare ffmpeg: one still frame piped as often, same settings (goal ≤ 1.00 on 2 cores)"),
        Row(f"{label}: CPU time ÷ duration", times.cpu / length, times.bare_cpu / length, "×",
            "the same bare ffmpeg (CPU of both processes; steadier on a busy machine)"),
        Row("Clips: clips rendered by a no-change run", times.again_rendered, 1, "clips", "clips rendered cold"),
    ]


def print_rows(work: Path) -> list[Row]:
    """The whole print kit drawn into an empty cache (PDFs, PPTX, previews) against the same documents' layout
    alone (the engine's share), a run with nothing changed, and the files' sizes."""
    from mkdocs.config import load_config

    from ..cache import ContentCache
    from ..media.printkit.output import PrintCache, laid_out, render_documents
    from ..project import check_project

    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    project = check_project(dict(config.extra), config.docs_dir, config.site_url)
    documents = project.printkit.documents
    start = time.perf_counter()
    for document in documents:
        laid_out(document)
    layout = time.perf_counter() - start
    cache = PrintCache(ContentCache("print", root=work / "cache"))
    start = time.perf_counter()
    render_documents(documents, cache)
    cold = time.perf_counter() - start
    again = render_documents(documents, cache)
    pdfs = [cache.path(d, ".pdf").stat().st_size for d in documents]
    return [
        Row(f"Print kit ({len(project.printkit.items)} items, {len(documents)} documents): cold render", cold, layout, "s",
            "laying the same pages out, nothing drawn"),
        Row("Print kit: documents drawn by a no-change run", len(again.drawn), len(documents), "files", "documents drawn cold"),
        Row("Print kit: largest PDF", max(pdfs) / 1000, sum(pdfs) / len(pdfs) / 1000, "KB", "the mean PDF"),
    ]
@dataclass
class ReadingRow:
    """One page as a phone reader gets it: Lighthouse's four scores and layout shift, and the first visit's bytes."""

    page: str
    language: str
    scores: object  # wardpub.tools.audits.Scores
    first_visit: int  # bytes, compressed, every request

    def cells(self) -> list[str]:
        c = self.scores.categories
        return [self.page, self.language, str(c["performance"]), str(c["accessibility"]), str(c["best-practices"]),
                str(c["seo"]), f"{self.scores.layout_shift:.3f}", f"{self.first_visit / 1000:,.0f} KB"]


def reading_rows(site: Path, site_url: str) -> list[ReadingRow]:
    """Lighthouse 12, mobile settings, on the four kinds of page in both languages, served
    compressed by the shipped nginx configuration; and what a first visit downloads."""
    from .audits import PAGES, lighthouse
    from .browser import launch
    from ..site.serving import run_nginx

    rows = []
    with run_nginx(site, site_url, []) as base, launch() as browser:
        for name, vi, en in PAGES:
            for language, path in (("vi", vi), ("en", en)):
                rows.append(ReadingRow(name, language, lighthouse(base + path), first_visit_bytes(browser, base + path)))
    return rows


def print_reading_table(rows: list[ReadingRow]) -> None:
    print_table(rows, ("Page (Lighthouse 12, mobile)", "Lang", "Performance", "Accessibility", "Best practices", "SEO", "CLS", "First visit"))
    print("\nGoal: 95 or more in every category, CLS under 0.1, a first visit under 250 KB. Performance is a timing:"
          " read it on a quiet machine; the tests assert only the other three and CLS.")


def main(args) -> int:
    rows: list[Row] = []
    reading: list[ReadingRow] = []
    only = set(args.only)  # the sections to run (wardpub.cli lists them; all by default)
    with tempfile.TemporaryDirectory(prefix="wardpub-bench-") as tmp:
        work = Path(tmp)
        ours_site = None
        if "site" in only:
            print("Building this site and its plain-Material baseline…", file=sys.stderr)
            real = build_both(work / "real", "Site")
            rows += real.rows + page_rows(real, "Site", "nghi-quyet-71/diem-moi-dot-pha/", "nghi-quyet-71/diem-moi-dot-pha/", search=True)
            ours_site = real.ours
        if "reading" in only:
            if ours_site is None:
                print("Building this site…", file=sys.stderr)
                ours_site = work / "reading-site"
                timed([str(BIN / "wardpub"), "build", "--config", str(copy_project(work / "reading-project")), "--site-dir", str(ours_site)])
            print("Lighthouse on the front page, the news list, an article and a content page…", file=sys.stderr)
            from mkdocs.config import load_config

            reading = reading_rows(ours_site, load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml")).site_url)
        if "large" in only:
            pages = args.pages // 2
            print(f"Building a synthetic site with {pages} pages per language…", file=sys.stderr)
            large = build_both(work / "large", f"{args.pages:,} pages", extra_pages=pages)
            sample = f"bench/bai-{min(pages, 500):04d}/"
            rows += large.rows + page_rows(large, f"{args.pages:,} pages", sample, sample, search=True)
        # The sections that need nothing but a folder of their own: (name, what it does, its rows).
        for name, doing, section_rows in (
            ("news", "Building 1,000 and 2,000 synthetic bilingual articles", lambda: news_scale_rows(work / "news", work / "real" / "cache")),
            ("preview", "Saving an article under a live preview, on this site and with 1,000 articles",
             lambda: preview_rows(work / "preview", work / "preview-cache")),
            ("charts", "Rendering every chart into an empty cache", lambda: chart_rows(work / "charts")),
            ("infographics", "Rendering every infographic into an empty cache", lambda: infographic_rows(work / "infographics")),
            ("clips", "Rendering a 15-second clip into an empty cache", lambda: clip_rows(work / "clips")),
            ("print", "Rendering the print kit into an empty cache", lambda: print_rows(work / "print")),
        ):
            if name in only:
                print(f"{doing}…", file=sys.stderr)
                rows += section_rows()
    if rows:
        print_table(rows)
        print("\nRatios are this site ÷ baseline, measured in this run. Bytes are encoded (gzip) as the browser received them.")
    if reading:
        print()
        print_reading_table(reading)
    return 0
