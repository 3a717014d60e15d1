"""The benchmark's infographic figures (`make bench`, wardpub.tools.bench.infographic_rows).

Owns what the rows measure and their baseline:

- `bare_pillow` is the baseline the issue names: for each image the engine
  makes, a canvas of the same size, one block of text drawn with Pillow
  (the spec's title, wrapped by Pillow itself), saved as PNG with Pillow's
  defaults. Nothing else: no fitting, no QR code, no WebP, no oxipng;
- `synthetic_kit` writes N specs (the project's, cycled under new ids, so
  every one is a new image) beside the project's templates, for the asset
  step at scale;
- `asset_step` is what a build does for infographics: check every spec and
  template, resolve every image, render what the cache lacks, list the
  files and write the manifest.
"""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

from ...cache import ContentCache
from .check import check_share_kit
from .layout import load_font
from .output import ImageCache, RenderReport, render_jobs, site_files
from .resolve import ShareKit


def bare_pillow(jobs: list, titles: dict[str, str]) -> float:
    """Seconds to draw one block of text on a canvas of each job's size and save it as PNG, one core."""
    start = time.perf_counter()
    for job in jobs:
        width, height = job.size
        image = Image.new("RGB", (width, height), "#a50e14")
        font = load_font("BeVietnamPro-Bold.ttf", 56)
        ImageDraw.Draw(image).multiline_text((64, 64), wrap_words(titles[job.name], 30), font=font, fill="#ffffff", spacing=12)
        image.save(io.BytesIO(), "PNG")
    return time.perf_counter() - start


def wrap_words(text: str, per_line: int) -> str:
    """The simplest wrapping a bare script would do: a fixed count of characters per line."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > per_line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


def synthetic_kit(project_root: Path, folder: Path, count: int) -> Path:
    """A project root whose infographics/ holds the project's templates and count specs."""
    source = Path(project_root) / "infographics"
    target = Path(folder) / "infographics"
    shutil.copytree(source / "templates", target / "templates")
    specs = sorted(source.glob("*.yml"))
    for n in range(count):
        data = yaml.safe_load(specs[n % len(specs)].read_text(encoding="utf-8"))
        data["id"] = f"{data['id']}-{n:03d}"
        (target / f"{data['id']}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Path(folder)


def asset_step(root: Path, project, site_url: str, cache: ImageCache) -> tuple[float, ShareKit, RenderReport]:
    """Seconds for check + render + files + manifest, as a build does them; the kit; what was rendered."""
    start = time.perf_counter()
    share_kit, problems = check_share_kit(root, project.ward, project.registries, project.pages, site_url, cache)
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    report = render_jobs(share_kit.jobs, cache, progress=False)
    site_files(share_kit, cache)
    return time.perf_counter() - start, share_kit, report


def empty_cache(folder: Path) -> ImageCache:
    return ImageCache(ContentCache("infographics", root=Path(folder)))
