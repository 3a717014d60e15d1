"""Finished files: encoding, the content-addressed cache, rendering on every core, the manifest.

Owns what reaches disk. Each job (one spec in one format and language)
becomes files in `.cache/infographics/`, named by the job's key:

- a PNG for posting, optimised losslessly by oxipng (row filter "none" and
  libdeflate: on these flat graphics within 10% of oxipng's `-o2` size at a
  tenth of its time, and a quarter smaller than Pillow's own PNG);
- a lossless WebP for display on the site, for the square format the site
  shows (DISPLAY_FORMAT) only: the others are for posting.

Both are deterministic (same job, same bytes: no timestamps, fixed encoder
settings) and written atomically (wardpub.cache.write_atomic). A job whose
files exist is never rendered again; missing ones are rendered in
parallel on every core (a process pool), with a progress bar on a terminal.

Beside them, a JSON file records the image's text blocks as drawn (field,
lines in order, size in px, struck through or not), read back for the manifest.

The site gets them as `infographics/<id>/<id>-<format>-<lang>.png` (and `.webp`),
plus `infographics/manifest.json`, which lists every infographic (id,
titles, alt texts, captions, page addresses, the short link its QR code
carries) and every file (format, language, width, height, bytes, path, and
for each PNG its text blocks), so tools and tests can read what an image says.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Callable

import oxipng
from PIL import Image

from ...cache import ContentCache, digest, write_atomic
from ...language import LANGUAGES
from .raster import rasterise
from .render import RenderError, plan
from .scene import Page
from .resolve import SITE_FOLDER, Job, ShareKit, absolute_url

# Measured on this kit's images (make bench prints the sizes): Pillow's own PNG 88 KB in 21 ms;
# oxipng -o2 62 KB in 300 ms; row filter "none" + libdeflate 8: 68 KB in 31 ms; libdeflate 6:
# 5% larger in two thirds of the time, the setting used (cost per image counts). Lossless WebP
# method 1, quality 50: 31 KB in 27 ms, as small as method 4 and faster (quality 10: 44 KB in 15 ms).
PNG_OPTIONS = {"level": 2, "filter": [oxipng.RowFilter.NoOp], "deflate": oxipng.Deflaters.libdeflater(6)}
WEBP_OPTIONS = {"lossless": True, "quality": 50, "method": 1, "exact": False}
# Part of every cached file's name: new encoder settings or versions make new files.
ENCODING = f"Pillow PNG level 1, then oxipng {version('pyoxipng')} level 2 filter none libdeflate 6; webp {WEBP_OPTIONS}"
MANIFEST = f"{SITE_FOLDER}/manifest.json"
# Rendering in the main process is faster than starting workers for a handful of images.
INLINE_UP_TO = 3


def encode_png(image: Image.Image) -> bytes:
    # Pillow's fastest PNG, then oxipng recompresses it: quicker than handing oxipng raw pixels
    # (oxipng.RawImage costs about 25 ms more per 1080×1080 image here), same bytes out.
    quick = io.BytesIO()
    image.save(quick, "PNG", compress_level=1)
    return oxipng.optimize_from_memory(quick.getvalue(), **PNG_OPTIONS)


def encode_webp(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", **WEBP_OPTIONS)
    return out.getvalue()


# WebP is for display on the site, which shows the square format; the other
# formats are for posting and need only their PNG (each WebP costs as much as the PNG).
DISPLAY_FORMAT = "1080x1080"


def shown(job: Job) -> bool:
    return job.format == DISPLAY_FORMAT


class ImageCache:
    """The rendered PNG and WebP of each job, under its key in .cache/infographics/."""

    def __init__(self, store: ContentCache | None = None):
        self.store = store or ContentCache("infographics")

    def name(self, key: str) -> str:
        """A job's files are named after its key (what is drawn) and the encoders (how it is stored)."""
        return digest(key, ENCODING)

    def png(self, key: str) -> Path:
        return self.store.path(self.name(key), ".png")

    def webp(self, key: str) -> Path:
        return self.store.path(self.name(key), ".webp")

    def texts(self, key: str) -> Path:
        return self.store.path(self.name(key), ".json")

    def has(self, job: Job) -> bool:
        return (self.png(job.key).is_file() and self.texts(job.key).is_file()
                and (not shown(job) or self.webp(job.key).is_file()))

    def paths(self, job: Job) -> tuple[str, str | None, str]:
        return str(self.png(job.key)), str(self.webp(job.key)) if shown(job) else None, str(self.texts(job.key))


def text_blocks(page: Page) -> list[dict]:
    """What an image says, block by block: the field, its lines as drawn, their size."""
    return [{"field": block.field, "size": block.size, "lines": block.lines, **({"struck": True} if block.struck else {})}
            for block in page.text_blocks()]


def render_to(data: dict, png_path: str, webp_path: str | None, texts_path: str) -> tuple[int, int]:
    """Draw, encode and store one image and its text blocks (runs in a worker process); returns the files' sizes."""
    page, problems = plan(data)
    if problems:
        raise RenderError(problems)
    image = rasterise(page)
    write_atomic(Path(texts_path), json.dumps(text_blocks(page), ensure_ascii=False).encode("utf-8"))
    webp = encode_webp(image) if webp_path else b""
    if webp_path:
        write_atomic(Path(webp_path), webp)
    png = encode_png(image)
    write_atomic(Path(png_path), png)
    return len(png), len(webp)


@dataclass
class RenderReport:
    rendered: list[Job] = field(default_factory=list)
    cached: int = 0


def process_pool(workers: int, preload: str = "wardpub.media.infographics.output") -> ProcessPoolExecutor:
    """Worker processes forked from this one when it runs no other thread (quickest); else from
    a clean single-threaded server (`mkdocs serve` and test servers run threads: forking them is unsafe)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        context = multiprocessing.get_context("fork")
    elif "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([preload])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def progress_bar(total: int, show: bool | None, unit: str = "ảnh", desc: str = "Infographic"):
    """A progress bar on stderr, shown on a terminal (show=None) or as asked."""
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit=unit, desc=desc, disable=None if show is None else not show,
                leave=False)


def run_missing(jobs: list, done: Callable[[object], bool], task: Callable, arguments: Callable[[object], tuple],
                workers: int | None = None, progress: bool | None = None, inline_up_to: int = INLINE_UP_TO,
                unit: str = "ảnh", desc: str = "Infographic", preload: str = "wardpub.media.infographics.output") -> tuple[list, int]:
    """task(*arguments(job)) for every job (one per key) not done yet: in this process for a few, else on
    every core, with a progress bar. Returns (the jobs run, how many were done already)."""
    missing: dict[str, object] = {}
    cached = 0
    for job in jobs:
        if job.key in missing or done(job):
            cached += 1
        else:
            missing[job.key] = job
    todo = list(missing.values())
    if not todo:
        return todo, cached
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    with progress_bar(len(todo), progress, unit, desc) as bar:
        if workers == 1 or len(todo) <= inline_up_to:
            for job in todo:
                task(*arguments(job))
                bar.update()
        else:
            with process_pool(workers, preload) as pool:
                for future in as_completed([pool.submit(task, *arguments(job)) for job in todo]):
                    future.result()
                    bar.update()
    return todo, cached


def render_jobs(jobs: list[Job], cache: ImageCache | None = None, workers: int | None = None,
                progress: bool | None = None) -> RenderReport:
    """Render every job whose files are not in the cache yet; return what was rendered."""
    cache = cache or ImageCache()
    rendered, cached = run_missing(jobs, cache.has, render_to, lambda job: (job.data, *cache.paths(job)), workers, progress)
    return RenderReport(rendered, cached)


# ── what the site gets ──────────────────────────────────────────────────────

MEDIA_TYPES = {".png": "image/png", ".webp": "image/webp"}


def site_files(share_kit: ShareKit, cache: ImageCache | None = None) -> dict[str, Path]:
    """Site path -> cached file, for every image and the manifest (images must be rendered)."""
    cache = cache or ImageCache()
    files: dict[str, Path] = {}
    for job in share_kit.jobs:
        files[job.site_path(".png")] = cache.png(job.key)
        if shown(job):
            files[job.site_path(".webp")] = cache.webp(job.key)
    text = json.dumps(manifest(share_kit, cache), ensure_ascii=False, indent=2) + "\n"
    path, _ = cache.store.get_or_make(digest(text), lambda: text.encode("utf-8"), ".json")
    files[MANIFEST] = path
    return files


def manifest(share_kit: ShareKit, cache: ImageCache | None = None) -> dict:
    """Every infographic and every file of it, for the communications team's tools."""
    cache = cache or ImageCache()
    entries = []
    for item in share_kit.infographics:
        spec = item.spec
        files = []
        for job in item.jobs:
            width, height = job.size
            outputs = [(".png", cache.png(job.key))] + ([(".webp", cache.webp(job.key))] if shown(job) else [])
            for suffix, path in outputs:
                files.append({
                    "format": job.format, "language": job.language, "width": width, "height": height,
                    "type": MEDIA_TYPES[suffix], "bytes": path.stat().st_size, "path": job.site_path(suffix),
                    "url": absolute_url(share_kit.site_url, job.site_path(suffix)),
                    **({"text": json.loads(cache.texts(job.key).read_text(encoding="utf-8"))} if suffix == ".png" else {}),
                })
        entries.append({
            "id": spec.id,
            "category": spec.category,
            "template": spec.template,
            "title": {lang: spec.title[lang] for lang in LANGUAGES},
            "alt": {lang: spec.alt[lang] for lang in LANGUAGES},
            "caption": {lang: item.caption(lang) for lang in LANGUAGES},
            "page": dict(item.urls),
            "short_link": {lang: item.short[lang].url(share_kit.site_url) for lang in LANGUAGES},
            "sources": spec.source_ids(),
            "files": files,
        })
    return {"site": share_kit.site_url, "count": len(entries), "infographics": entries}


# The last kit rendered and its files: MkDocs asks once per language.
_rendered: list = [None, {}]


def kit_files(share_kit: ShareKit, cache: ImageCache | None = None, progress: bool | None = None) -> dict[str, Path]:
    """Site path -> file for every image and the manifest, rendering what the cache lacks (once per kit)."""
    if _rendered[0] is not share_kit:
        cache = cache or ImageCache()
        render_jobs(share_kit.jobs, cache, progress=progress)
        _rendered[:] = [share_kit, site_files(share_kit, cache)]
    return _rendered[1]
