"""`wardpub clips` (`make clips`): check, render the clips that changed, and copy them out.

Owns the command the communications team runs to get the clips without
building the site: it checks the whole project as the build does (one line
per mistake, exit status 1), renders the missing clips on every core with a
progress bar, prints what it rendered, how long the clips run and how much
they weigh, and with `--out` copies every clip, its subtitles and cover and
the manifest into a folder, in the site's layout (`clips/<id>/<id>-<lang>.mp4`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

from ..infographics.command import copy_out, unknown_ids
from ...problems import ProblemsFound
from .kit import ClipKit
from .output import kit_files, render_clips
from .store import ClipCache


def summary(kit: ClipKit, cache: ClipCache) -> list[str]:
    records = [cache.record(job.key) for job in kit.jobs if cache.has(job.key)]
    if not records:
        return []
    seconds = [r["seconds"] for r in records]
    sizes = [r["bytes"] for r in records]
    return [f"  dài {min(seconds):.0f}–{max(seconds):.0f} giây; nặng tối đa {max(sizes) / 1e6:.1f} MB, "
            f"trung bình {sum(sizes) / len(sizes) / 1e6:.1f} MB"]


def run(project, only: list[str], out: Optional[Path], progress: Optional[bool] = None) -> int:
    """Render and report; returns the exit status."""
    if project.problems:
        print(ProblemsFound(project.problems), file=sys.stderr)
        print("Chưa làm clip nào: hãy sửa các lỗi trên. (No clip rendered: fix the lines above.)", file=sys.stderr)
        return 1
    kit: Optional[ClipKit] = project.clips
    if kit is None:
        print("Không có infographic nào để làm clip. (No infographics, no clips.)")
        return 0
    if only:
        if unknown_ids(only, {job.id for job in kit.jobs}):
            return 1
        kit = ClipKit(kit.site_url, [job for job in kit.jobs if job.id in only])
    cache = ClipCache()
    start = time.perf_counter()
    report = render_clips(kit.jobs, cache, progress=progress)
    elapsed = time.perf_counter() - start
    print(f"{len(kit.jobs)} clip: làm mới {len(report.rendered)}, dùng lại {report.cached} từ bộ nhớ đệm, {elapsed:.1f} s")
    print("\n".join(summary(kit, cache)))
    if out:
        print(f"Đã chép {copy_out(kit_files(kit, project.infographics, cache), out)} tệp vào {out}")
    return 0
