"""`wardpub infographics`: check, render what changed, and report, without building the site.

Owns the command the communications team and editors run to see their
images straight away: it checks the whole project as the build does (one
line per mistake, exit status 1), renders the missing images on every core
with a progress bar, prints what it rendered and the file sizes per format,
and can copy the finished files into a folder (`--out`), in the layout of
the site (`infographics/<id>/<id>-<format>-<lang>.png`). `--debug` renders
copies with every layer's box and the safe area outlined.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from ...problems import ProblemsFound
from .output import ImageCache, kit_files, render_jobs, shown, site_files
from .resolve import ShareKit, make_job


def size_lines(share_kit: ShareKit, cache: ImageCache) -> list[str]:
    """Largest and mean file size per format: the figures to watch (PNG under 300 KB)."""
    lines = []
    for fmt in dict.fromkeys(job.format for job in share_kit.jobs):
        jobs = [job for job in share_kit.jobs if job.format == fmt]
        png = [cache.png(job.key).stat().st_size for job in jobs]
        webp = [cache.webp(job.key).stat().st_size for job in jobs if shown(job)]
        line = f"  {fmt:>9}: PNG tối đa {max(png) / 1000:.0f} KB, trung bình {sum(png) / len(png) / 1000:.0f} KB"
        lines.append(line + (f"; WebP (trên trang) trung bình {sum(webp) / len(webp) / 1000:.0f} KB" if webp else ""))
    return lines


def debug_kit(share_kit: ShareKit) -> ShareKit:
    """The same kit drawn with the debug overlay (its own cache keys, never published)."""
    for item in share_kit.infographics:
        item.jobs = [make_job(j.name, j.format, j.language, j.data, j.file, debug=True) for j in item.jobs]
    return share_kit


def copy_out(files: dict[str, Path], out: Path) -> int:
    for site_path, source in files.items():
        target = Path(out) / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return len(files)


def unknown_ids(only: list[str], known: set[str]) -> bool:
    """Say which asked-for infographics do not exist (for `--only`); True when any does not."""
    unknown = sorted(set(only) - known)
    if unknown:
        print(f"Không có infographic: {', '.join(unknown)}", file=sys.stderr)
    return bool(unknown)


def run(project, only: list[str], debug: bool, out: Path | None, progress: bool | None = None) -> int:
    """Render and report; returns the exit status."""
    try:
        if project.problems:
            raise ProblemsFound(project.problems)
    except ProblemsFound as error:
        print(error, file=sys.stderr)
        print("Chưa vẽ ảnh nào: hãy sửa các lỗi trên. (Nothing rendered: fix the lines above.)", file=sys.stderr)
        return 1
    share_kit: ShareKit | None = project.infographics
    if share_kit is None:
        print("Không có thư mục infographics/. (No infographics folder.)")
        return 0
    if only:
        if unknown_ids(only, {item.id for item in share_kit.infographics}):
            return 1
        share_kit = ShareKit(share_kit.kit, share_kit.site_url, [i for i in share_kit.infographics if i.id in only], share_kit.templates)
    if debug:
        share_kit = debug_kit(share_kit)
    cache = ImageCache()
    start = time.perf_counter()
    report = render_jobs(share_kit.jobs, cache, progress=progress)
    elapsed = time.perf_counter() - start
    print(f"{len(share_kit.infographics)} infographic, {len(share_kit.jobs)} ảnh: vẽ mới {len(report.rendered)}, "
          f"dùng lại {report.cached} từ bộ nhớ đệm, {elapsed:.2f} s")
    print("\n".join(size_lines(share_kit, cache)))
    if out:
        files = site_files(share_kit, cache) if (only or debug) else kit_files(share_kit, cache)
        print(f"Đã chép {copy_out(files, out)} tệp vào {out}")
    return 0
