"""Finished clips: rendering what the cache lacks, on every core, and what the site gets.

Owns `render_clips` and the site's files. A clip job (wardpub.media.clips.kit)
whose files are in the cache (wardpub.media.clips.store) is never rendered again;
the others are rendered in parallel, a process per clip (each drawing its
frames while its own ffmpeg encodes them), with a progress bar on a
terminal. A render lays the three cards out (wardpub.media.infographics.render),
pipes the frames (wardpub.media.clips.frames) into ffmpeg (wardpub.media.clips.encode),
draws the cover (the finished title card) as a PNG to post (the images'
encoder) and a small WebP for the site's poster, writes the subtitles and last a record of what was made, each file
atomically: a clip is in the cache only once all of it is.

The site gets, for every clip in the cache, `clips/<id>/<id>-<lang>.mp4`,
`.srt`, `.vtt`, `-cover.png` (1080×1920) and `-cover.webp` (540×960), and
`clips/manifest.json` listing them. Whether a build renders the missing clips is the caller's
choice (`enabled`: WARDPUB_CLIPS=1, `make clips`): a clip not rendered is
simply not offered, so no page links a file that is not there.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from PIL import Image

from ...cache import ContentCache, digest, write_atomic
from ..infographics.output import encode_png, run_missing
from ..infographics.render import RenderError, plan
from ..infographics.resolve import absolute_url
from .encode import HEIGHT, SETTINGS, WIDTH, encode
from .frames import clip_page, frame_image, frames
from .kit import SITE_FOLDER, ClipJob, ClipKit
from .store import ClipCache
from .subtitles import srt_text, vtt_text
from .timeline import FPS, Schedule

MANIFEST = f"{SITE_FOLDER}/manifest.json"
SWITCH = "WARDPUB_CLIPS"  # set to 1: a build renders the clips it lacks (a deploy does; tests and `make site` need not)
MEDIA_TYPES = {".mp4": "video/mp4", ".srt": "application/x-subrip", ".vtt": "text/vtt", ".png": "image/png", ".webp": "image/webp"}


def enabled() -> bool:
    return os.environ.get(SWITCH, "") not in ("", "0")


def render_clip(data: dict, key: str, music: Optional[str], folder: str) -> dict:
    """Lay out, draw, encode and store one clip and its side files in the cache folder (runs in a worker process)."""
    cache = ClipCache(ContentCache(Path(folder).name, Path(folder).parent))
    cards = []
    for prefix, card in data["cards"]:
        page, problems = plan(card)
        if problems:
            raise RenderError(problems)
        cards.append((prefix, page))
    page = clip_page(cards)
    schedule = Schedule.from_data(data["schedule"])
    target = cache.path(key, ".mp4")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        encode(Path(temporary), (data for _, data in frames(page, schedule)), schedule.frames, Path(music) if music else None)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    cover = frame_image(page, schedule, schedule.cover)
    write_atomic(cache.path(key, ".png"), encode_png(cover))
    write_atomic(cache.path(key, ".webp"), poster_webp(cover))
    write_atomic(cache.path(key, ".srt"), srt_text(schedule.cues))
    write_atomic(cache.path(key, ".vtt"), vtt_text(schedule.cues))
    record = {"frames": schedule.frames, "seconds": round(schedule.frames / FPS, 3), "cover_frame": schedule.cover,
              "bytes": target.stat().st_size, "cues": len(schedule.cues)}
    write_atomic(cache.path(key, ".json"), json.dumps(record))
    return record


def poster_webp(cover: Image.Image) -> bytes:
    """The site's poster: the cover at half size in a few colours, lossless WebP (encode.SETTINGS["cover"])."""
    settings = SETTINGS["cover"]
    small = cover.resize(tuple(settings["poster"]), Image.Resampling.LANCZOS)
    few = small.quantize(settings["colours"], method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).convert("RGB")
    out = io.BytesIO()
    few.save(out, "WEBP", **settings["poster_webp"])
    return out.getvalue()


@dataclass
class ClipReport:
    rendered: list[ClipJob] = field(default_factory=list)
    cached: int = 0


def render_clips(jobs: list[ClipJob], cache: Optional[ClipCache] = None, workers: Optional[int] = None,
                 progress: Optional[bool] = None) -> ClipReport:
    """Render every clip whose files are not in the cache yet, a process per clip; return what was rendered."""
    cache = cache or ClipCache()
    arguments = lambda job: (job.data, job.key, str(job.music_path) if job.music_path else None, str(cache.store.dir))
    rendered, cached = run_missing(jobs, lambda job: cache.has(job.key), render_clip, arguments, workers, progress,
                                   inline_up_to=1, unit="clip", desc="Clip", preload="wardpub.media.clips.output")
    return ClipReport(rendered, cached)


# ── what the site gets ──────────────────────────────────────────────────────

SIDE_FILES = (".mp4", ".srt", ".vtt", ".png", ".webp")


def present(kit: ClipKit, cache: Optional[ClipCache] = None) -> list[ClipJob]:
    """The clips whose files are all in the cache: the ones a page may offer."""
    cache = cache or ClipCache()
    return [job for job in kit.jobs if cache.has(job.key)]


def manifest(kit: ClipKit, share_kit, cache: Optional[ClipCache] = None) -> dict:
    """Every published clip, for the communications team's tools."""
    cache = cache or ClipCache()
    items = {item.id: item for item in share_kit.infographics}
    url = lambda path: absolute_url(kit.site_url, path)
    entry = lambda job, suffix: {"path": job.site_path(suffix), "url": url(job.site_path(suffix)), "type": MEDIA_TYPES[suffix],
                                 "bytes": cache.path(job.key, suffix).stat().st_size}
    clips = []
    for job in present(kit, cache):
        item = items[job.id]
        record = cache.record(job.key)
        clips.append({
            "id": job.id, "language": job.language, "title": item.spec.title[job.language],
            "duration": record["seconds"], "frames": record["frames"], "fps": FPS, "width": WIDTH, "height": HEIGHT,
            **entry(job, ".mp4"),
            "subtitles": {"srt": entry(job, ".srt"), "vtt": entry(job, ".vtt")},
            "cover": {"png": entry(job, ".png"), "webp": entry(job, ".webp")},
            "page": item.urls[job.language], "short_link": item.short[job.language].url(kit.site_url),
            "music": None if job.music is None else {"file": job.music.file, "licence": job.music.licence, "holder": job.music.holder},
        })
    rendered = {(clip["id"], clip["language"]) for clip in clips}
    waiting = [{"id": job.id, "language": job.language} for job in kit.jobs if (job.id, job.language) not in rendered]
    return {"site": kit.site_url, "count": len(clips), "of": len(kit.jobs), "clips": clips, "not_rendered": waiting}


def kit_files(kit: ClipKit, share_kit, cache: Optional[ClipCache] = None) -> dict[str, Path]:
    """Site path -> cached file of every clip in the cache, and the manifest."""
    cache = cache or ClipCache()
    files = {job.site_path(suffix): cache.path(job.key, suffix) for job in present(kit, cache) for suffix in SIDE_FILES}
    text = json.dumps(manifest(kit, share_kit, cache), ensure_ascii=False, indent=2) + "\n"
    files[MANIFEST], _ = cache.store.get_or_make(digest(text), lambda: text.encode("utf-8"), ".json")
    return files


# The last kit published and its files: MkDocs asks once per language.
_published: list = [None, {}]


def published_jobs(kit: ClipKit) -> list[ClipJob]:
    """The clips a build publishes, so that pages and the post kit offer exactly the files it copies:
    chosen once per build by site_files (a clip another process adds to the cache meanwhile waits
    for the next build); outside a build, the clips in the cache now."""
    if _published[0] is not kit:
        return present(kit)
    return [job for job in kit.jobs if job.site_path(".mp4") in _published[1]]


def site_files(project) -> list[tuple[str, Path]]:
    """(site path, file) of every clip a build publishes, rendering the missing ones first when enabled()."""
    kit: Optional[ClipKit] = getattr(project, "clips", None)
    if kit is None:
        return []
    if _published[0] is not kit:
        if enabled():
            render_clips(kit.jobs)
        _published[:] = [kit, kit_files(kit, project.infographics)]
    return sorted(_published[1].items())
