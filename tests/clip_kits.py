"""Clips for tests: a small project with one infographic whose 15-second clip is really rendered,
and readers of what an MP4 holds (PyAV: real FFmpeg libraries, not our own parsing of the file).

The rendered clip is the one `make bench` times: the project's templates and one key figure
(wardpub.media.clips.measure.BENCH_SPEC), whose clip is stretched to the shortest length, 15 s.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from mkdocs.config import load_config

from infographic_kits import TEMPLATES, content_pages, dump
from sites import SiteMaker
from wardpub.media.clips.kit import ClipJob
from wardpub.media.clips.measure import BENCH_SPEC
from wardpub.media.clips.output import render_clips
from wardpub.project import Project, check_project


@dataclass
class ClipProject:
    root: Path
    project: Project
    job: ClipJob  # the Vietnamese clip, rendered into the project's clip cache


def write_project(root: Path, specs: dict[str, dict] | None = None) -> Path:
    """A small project (see sites.py) with the project's templates and these specs; its mkdocs.yml."""
    files = {**content_pages(), **{f"infographics/{name}.yml": dump(data) for name, data in (specs or {"ngan-sach": BENCH_SPEC}).items()}}
    SiteMaker(root)(files)
    shutil.copytree(TEMPLATES, root / "infographics" / "templates", dirs_exist_ok=True)
    return root / "mkdocs.yml"


def load_project(config_file: Path) -> Project:
    config = load_config(config_file=str(config_file))
    return check_project(dict(config.extra), config.docs_dir, config.site_url)


def rendered_clip_project(root: Path) -> ClipProject:
    project = load_project(write_project(root))
    assert project.problems == []
    job = project.clips.get("ngan-sach", "vi")
    render_clips([job], progress=False)
    return ClipProject(root, project, job)


def psnr(a, b) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    mse = ((a - b) ** 2).mean()
    return float("inf") if mse == 0 else float(10 * np.log10(255 ** 2 / mse))


def decoded_frames(path: Path, numbers: list[int]) -> dict:
    """The decoded frames (RGB images) with these numbers."""
    found = {}
    with av.open(str(path)) as container:
        for n, frame in enumerate(container.decode(video=0)):
            if n in numbers:
                found[n] = frame.to_image()
    return found


def boxes(data: bytes) -> list[str]:
    """The top-level MP4 boxes, in order (their four-letter types)."""
    kinds, offset = [], 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset:offset + 4], "big")
        kinds.append(data[offset + 4:offset + 8].decode("latin-1"))
        if size == 1:
            size = int.from_bytes(data[offset + 8:offset + 16], "big")
        offset += size if size else len(data)
    return kinds


def audio_level(path: Path) -> float:
    """Root mean square of every decoded audio sample (0 for silence)."""
    total, count = 0.0, 0
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            samples = frame.to_ndarray().astype(np.float64)
            total += float((samples ** 2).sum())
            count += samples.size
    return (total / count) ** 0.5 if count else 0.0
