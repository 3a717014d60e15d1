"""A project's clips: one per infographic and language, resolved, scheduled, checked and keyed.

Owns `check_clips`, run by wardpub.project after the infographics are
checked. For every infographic and language it resolves the clip's three
cards with the engine's own resolver (wardpub.media.infographics.resolve): the
title card (`clip-title`), the infographic's template and the closing card
(`clip-end`), all in the clip format, with the same context as its images
(the ward, the site address, the sources, the short link its QR code
carries). It schedules them with their timelines (wardpub.media.clips.timeline)
and keys the result: the cards as resolved, the schedule, the encoder's
settings and the music's bytes. Nothing here draws.

Refused with one line each, before anything is built: a template without a
clip layout or a timeline, a timeline naming a layer its template lacks, a
clip outside 15–45 s, music that is missing or unreadable, and (for clips
not rendered yet) a text that does not fit a card of the clip, worded as
for images ("không vừa khung ở khổ clip …").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...cache import digest
from ...language import LANGUAGES
from ...problems import Problem
from ...data.registries import Registries
from ...data.ward import Ward
from ..infographics.check import FOLDER as INFOGRAPHICS, as_problem
from ..infographics.render import LayoutProblem, plan
from ..infographics.resolve import Infographic, ShareKit, brand_colours, image_context, resolve_image
from ..infographics.specs import MUSIC_FOLDER, Music
from ..infographics.templates import CLIP_FORMAT
from .encode import readable_audio, settings
from .store import ClipCache
from .timeline import CLOSING_CARD, FOLDER, FPS, TITLE_CARD, Card, Schedule, Timeline, length_problem, load_timelines, schedule, timeline_inputs

# Bump when clips are drawn or timed differently: every clip's key changes.
CLIP_RENDERER = "wardpub clips 2"
SITE_FOLDER = "clips"
TITLE, BODY, END = "t:", "b:", "e:"  # key prefixes of the three cards' groups


@dataclass(frozen=True)
class ClipJob:
    """One clip to render: an infographic in one language."""

    key: str
    id: str
    language: str
    data: dict  # what the worker draws, and what the key digests
    file: str  # the spec editors would fix
    music: Optional[Music] = None
    music_path: Optional[Path] = None

    @property
    def schedule(self) -> Schedule:
        return Schedule.from_data(self.data["schedule"])

    @property
    def seconds(self) -> float:
        return self.data["schedule"]["frames"] / self.data["fps"]

    def site_path(self, suffix: str) -> str:
        """clips/<id>/<id>-<lang>.mp4 (.srt, .vtt), and the cover: …-<lang>-cover.png (.webp)."""
        name = f"{self.id}-{self.language}" + ("-cover" if suffix in (".png", ".webp") else "")
        return f"{SITE_FOLDER}/{self.id}/{name}{suffix}"


@dataclass
class ClipKit:
    site_url: str
    jobs: list[ClipJob] = field(default_factory=list)

    def get(self, ident: str, language: str) -> Optional[ClipJob]:
        return next((job for job in self.jobs if job.id == ident and job.language == language), None)


def templates_folder(project_root: Path) -> Path:
    return Path(project_root) / INFOGRAPHICS / "templates"


def clip_inputs(project_root: Path) -> list[Path]:
    """Files whose change must re-run the check: the timelines and the music."""
    music = Path(project_root) / INFOGRAPHICS / MUSIC_FOLDER
    return timeline_inputs(templates_folder(project_root)) + (sorted(p for p in music.iterdir() if p.is_file()) if music.is_dir() else [])


@lru_cache(maxsize=64)
def _music_readable(path: Path, fingerprint: tuple) -> bool:
    return readable_audio(path)


def music_problems(item: Infographic, root: Path) -> tuple[Optional[Path], list[Problem]]:
    music = item.spec.music
    if music is None:
        return None, []
    path = Path(root) / INFOGRAPHICS / music.file
    if not path.is_file():
        return None, [Problem(item.file, "music.file", f"không có tệp infographics/{music.file}",
                              f"chép tệp nhạc vào infographics/{MUSIC_FOLDER}/ hoặc xóa music")]
    stat = path.stat()
    if not _music_readable(path, (stat.st_size, stat.st_mtime_ns)):
        return None, [Problem(item.file, "music.file", f"không đọc được âm thanh trong infographics/{music.file}",
                              "xuất lại tệp nhạc dạng .m4a hoặc .mp3")]
    return path, []


def card_problems(share_kit: ShareKit, timelines: dict[str, Timeline]) -> list[Problem]:
    """The cards and templates a clip needs, each with its clip layout and timeline."""
    folder = f"{INFOGRAPHICS}/templates"
    problems = []
    needed = [TITLE_CARD, CLOSING_CARD] + sorted({item.spec.template for item in share_kit.infographics})
    for name in needed:
        template = share_kit.templates.get(name)
        if template is None:  # an infographic's unknown template is the spec check's line already
            if name in (TITLE_CARD, CLOSING_CARD):
                problems.append(Problem(f"{folder}/{name}.yml", "(tệp)", "clip cần mẫu này", "khôi phục tệp từ kho mã của dự án"))
            continue
        if CLIP_FORMAT not in template.formats:
            problems.append(Problem(template.file, "formats", f"mẫu chưa có khổ {CLIP_FORMAT} cho clip",
                                    f"thêm khổ {CLIP_FORMAT} vào khung hoặc vào mẫu, và vị trí các lớp (at: {{{CLIP_FORMAT}: ...}})"))
        elif name not in timelines:
            problems.append(Problem(template.file, "(clip)", "chưa có chuyển động cho clip của mẫu này",
                                    f"thêm tệp {folder}/{FOLDER}/{name}.yml"))
    return problems


def resolve_clip(item: Infographic, language: str, share_kit: ShareKit, timelines: dict[str, Timeline], ward: Ward,
                 registries: Registries, music: Optional[Path]) -> ClipJob:
    """The clip of an infographic in one language: its three cards resolved and scheduled."""
    spec = item.spec
    context = image_context(ward, registries, share_kit.site_url, spec, language, item.category,
                            item.short[language].url(share_kit.site_url))
    brand = brand_colours(ward)
    cards, data_cards = [], []
    for prefix, name, overrides in ((TITLE, TITLE_CARD, None), (BODY, spec.template, spec.colours), (END, CLOSING_CARD, None)):
        template = share_kit.templates[name]
        data = resolve_image(template, template.formats[CLIP_FORMAT], spec, language, context, brand, overrides)
        data_cards.append([prefix, data])
        cards.append(Card(prefix, data["layers"], timelines[name], language, data["size"]))
    timing = schedule(cards)
    data = {
        "renderer": CLIP_RENDERER, "fps": FPS, "language": language,
        "cards": data_cards, "schedule": timing.as_data(), "encoder": settings(),
        "music": None if music is None else {"file": spec.music.file, "bytes": digest(music), "licence": spec.music.licence},
    }
    return ClipJob(digest(data), spec.id, language, data, item.file, spec.music, music)


def layout_problems(jobs: list[ClipJob], cache: ClipCache) -> list[Problem]:
    """Lay out the cards of every clip not rendered yet (once per card: fits are remembered)."""
    found: dict[tuple[str, str, str], list[tuple[str, LayoutProblem]]] = {}
    for job in jobs:
        if cache.has(job.key):
            continue
        for _, data in job.data["cards"]:
            card_key = digest("card fits", data)
            if cache.fitted(card_key):
                continue
            _, problems = plan(data)
            for problem in problems:
                found.setdefault((job.file, problem.field, problem.kind), []).append((CLIP_FORMAT, problem))
            if not problems:
                cache.mark_fitted(card_key)
    return [as_problem(file, where, kind, hits) for (file, where, kind), hits in found.items()]


def check_clips(project_root: Path, share_kit: Optional[ShareKit], ward: Optional[Ward], registries: Registries,
                site_url: Optional[str], cache: Optional[ClipCache] = None) -> tuple[Optional[ClipKit], list[Problem]]:
    """Every infographic's clips, resolved and checked (fits only with the real site_url, as for images)."""
    if share_kit is None or ward is None:
        return None, []
    timelines, problems = load_timelines(templates_folder(project_root), share_kit.templates)
    problems += card_problems(share_kit, timelines)
    if problems:
        return None, problems
    kit = ClipKit(share_kit.site_url)
    for item in share_kit.infographics:
        music, more = music_problems(item, project_root)
        problems += more
        for language in LANGUAGES:
            job = resolve_clip(item, language, share_kit, timelines, ward, registries, music)
            too = length_problem(job.schedule, item.file, language)
            if too is not None:
                problems.append(too)
                continue
            kit.jobs.append(job)
    if site_url:
        problems += layout_problems(kit.jobs, cache or ClipCache())
    return kit, problems
