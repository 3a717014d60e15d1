"""The benchmark's clip figures (`make bench`, wardpub.tools.bench.clip_rows).

Owns what the rows measure and their baseline:

- the clip timed is BENCH_SPEC's Vietnamese clip, a key figure whose clip
  lasts exactly 15 s (the shortest a clip may be), rendered into an empty
  cache on one process, as a build renders each clip: wall time and CPU time
  (this process and its ffmpeg), each divided by the clip's length;
- the baseline, measured in the same run, is bare ffmpeg: the clip's cover
  (one still frame) piped raw as many times as the clip has frames into the
  same ffmpeg command with the same settings: what encoding alone costs,
  with no drawing at all;
- then the same render again, which must find the clip in the cache and
  render nothing.

Timings vary on a shared machine: read the ratios (the CPU-time rows are the
steadiest), and never put them in a test.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ...cache import ContentCache
from ..infographics.check import FOLDER
from ..infographics.resolve import resolve_kit
from ..infographics.specs import load_kit
from .encode import command
from .kit import ClipKit, check_clips
from .output import render_clips
from .store import ClipCache

# A key figure with one short figure: its clip is stretched to exactly 15 s in both languages.
BENCH_SPEC = {
    "id": "ngan-sach",
    "category": "diem-moi-dot-pha",
    "template": "key-figure",
    "title": {"vi": "Ngân sách cho giáo dục", "en": "The education budget"},
    "figures": [{"value": "≥ 20%", "label": {"vi": "tổng chi ngân sách", "en": "of state spending"}, "sources": [6]}],
    "alt": {"vi": "Tối thiểu 20% tổng chi ngân sách cho giáo dục.", "en": "At least 20% of total spending for education."},
    "caption": {"vi": "Tối thiểu 20% tổng chi ngân sách nhà nước dành cho giáo dục.", "en": "At least 20% of state spending goes to education."},
    "hashtags": {"vi": ["NghiQuyet71"], "en": ["Resolution71"]},
}


@dataclass
class ClipTimes:
    seconds: float  # the clip's length
    wall: float
    cpu: float  # this process and its children
    bare_wall: float
    bare_cpu: float
    again_rendered: int  # clips a second, unchanged run rendered


def bench_kit(project_root: Path, folder: Path, project) -> ClipKit:
    """BENCH_SPEC beside the project's templates in folder, resolved with the project's ward and tables."""
    import yaml

    target = Path(folder) / FOLDER
    shutil.copytree(Path(project_root) / FOLDER / "templates", target / "templates")
    (target / f"{BENCH_SPEC['id']}.yml").write_text(yaml.safe_dump(BENCH_SPEC, allow_unicode=True), encoding="utf-8")
    kit, problems = load_kit(target, project.registries)
    share_kit = resolve_kit(kit, project.ward, project.registries, project.site_url)
    clips, more = check_clips(folder, share_kit, project.ward, project.registries, project.site_url,
                              ClipCache(ContentCache("clips", Path(folder) / "cache")))
    if problems or more:
        raise ValueError("\n".join(str(p) for p in problems + more))
    return clips


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_ffmpeg(still: bytes, frames: int, target: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for ffmpeg to encode the same still frame frames times, same settings."""
    start, cpu = time.perf_counter(), _cpu()
    process = subprocess.Popen(command(target, frames), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(frames):
        process.stdin.write(still)
    process.stdin.close()
    process.wait()
    return time.perf_counter() - start, _cpu() - cpu


def clip_times(project_root: Path, work: Path, project) -> ClipTimes:
    from PIL import Image

    kit = bench_kit(project_root, work, project)
    job = kit.get(BENCH_SPEC["id"], "vi")
    cache = ClipCache(ContentCache("clips", Path(work) / "cold"))
    start, cpu = time.perf_counter(), _cpu()
    render_clips([job], cache, workers=1, progress=False)
    wall, cpu = time.perf_counter() - start, _cpu() - cpu
    with Image.open(cache.path(job.key, ".png")) as cover:
        still = cover.convert("RGB").tobytes()
    frames = job.schedule.frames
    bare_wall, bare_cpu = bare_ffmpeg(still, frames, Path(work) / "bare.mp4")
    again = render_clips([job], cache, progress=False)
    return ClipTimes(job.seconds, wall, cpu, bare_wall, bare_cpu, len(again.rendered))
