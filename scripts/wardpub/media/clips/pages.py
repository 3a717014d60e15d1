"""The clips on the site: a video under each infographic, on its content page and in the gallery.

Owns the HTML of a clip where a reader meets it (`item_section`, one of the
infographics' per-item additions, wardpub.site.gallery): a `<video>`
with the cover as its poster, controls, no autoplay and `preload="none"`,
so nothing of the video is downloaded until the reader presses play, and
its WebVTT captions on by default (`<track kind="captions" default>`); then
links to download the MP4, the SRT subtitles and the cover image. A clip not
rendered yet (wardpub.media.clips.output) is not offered: no page links a file the
site does not have.

Links are relative to each page's URL, so the site works under any sub-path.
"""

from __future__ import annotations

import html

from ... import language as lang
from ..infographics.resolve import Infographic, relative_url
from .encode import HEIGHT, WIDTH
from .kit import ClipJob, ClipKit
from .output import published_jobs
from .store import ClipCache


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def megabytes(size: int, language: str) -> str:
    return f"{lang.number(size / 1_000_000, language, 1)} MB"


def clip_html(job: ClipJob, title: str, page: str, language: str, cache: ClipCache) -> str:
    """The clip of an infographic in the page's language, as the page shows it (one HTML block)."""
    t = lambda key, **values: _e(lang.t(key, language, **values))
    link = lambda suffix: _e(relative_url(job.site_path(suffix), page))
    name = lambda suffix: _e(job.site_path(suffix).rsplit("/", 1)[-1])
    seconds = round(cache.record(job.key)["seconds"])
    size = cache.path(job.key, ".mp4").stat().st_size
    return (
        f'<figure class="ward-clip">'
        f'<video class="ward-clip__video" controls preload="none" playsinline width="{WIDTH}" height="{HEIGHT}" '
        f'poster="{link(".webp")}" aria-label="{t("clips.video_label", seconds=seconds, title=title)}">'
        f'<source src="{link(".mp4")}" type="video/mp4">'
        f'<track kind="captions" src="{link(".vtt")}" srclang="{job.language}" label="{_e(lang.t("clips.captions", job.language))}" default>'
        f'{t("clips.no_video")}</video>'
        f'<figcaption class="ward-clip__caption"><span class="ward-clip__label">{t("clips.label", seconds=seconds)}</span> '
        f'{t("clips.for")}<br>'
        f'<a href="{link(".mp4")}" download="{name(".mp4")}">{t("clips.download", size=megabytes(size, language))}</a> · '
        f'<a href="{link(".srt")}" download="{name(".srt")}">{t("clips.subtitles")}</a> · '
        f'<a href="{link(".png")}" download="{name(".png")}">{t("clips.cover")}</a>'
        f"</figcaption></figure>"
    )


def item_section(item: Infographic, page: str, language: str, project) -> str:
    """The clip of one infographic in the page's language ("" when it has no clip rendered yet)."""
    kit: ClipKit | None = getattr(project, "clips", None)
    job = kit.get(item.id, language) if kit is not None else None
    if job is None or job not in published_jobs(kit):
        return ""
    return clip_html(job, item.spec.title[language], page, language, ClipCache())
