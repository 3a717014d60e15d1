"""Page cards: a page's 1200×630 link-preview image, drawn from its title and section.

A page with an infographic shares that infographic's 1200×630 image; any
other page gets a card. A card is not a special case: it is the `page-card`
template (infographics/templates/page-card.yml, kind: card) filled with the
page's title and section, resolved, cached and rendered like any other image
(same renderer, same cache, same fitting rules). `render_page_card` is the
one call the head template's og:image needs (issue #6).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ...problems import Problem, ProblemsFound
from .output import ImageCache, render_jobs
from .render import plan
from .resolve import Job, ShareKit, brand_colours, image_context, make_job, resolve_image
from ...data.content import Content

CARD_TEMPLATE = "page-card"
CARD_FORMAT = "1200x630"


def card_job(share_kit: ShareKit, ward, registries, title: str, section: Optional[str], language: str,
             url: str = "", template: str = CARD_TEMPLATE) -> Job:
    """The job that draws a card: the template's slots filled with the page's title and section."""
    card = share_kit.templates[template]
    content = Content.model_validate({"title": {"vi": title, "en": title},
                                      "kicker": {"vi": section, "en": section} if section else None})
    context = image_context(ward, registries, share_kit.site_url, content, language, None, url)
    data = resolve_image(card, card.formats[CARD_FORMAT], content, language, context, brand_colours(ward))
    return make_job(f"card-{language}", CARD_FORMAT, language, data, card.file)


def render_page_card(project, title: str, section: Optional[str], language: str, url: str = "",
                     file: str = "", cache: Optional[ImageCache] = None) -> Path:
    """The PNG of a page's card in the cache (rendered if missing); ProblemsFound if the title cannot fit."""
    share_kit: ShareKit = project.infographics
    job = card_job(share_kit, project.ward, project.registries, title, section, language, url)
    cache = cache or ImageCache()
    if not cache.has(job):
        _, problems = plan(job.data)
        if problems:
            raise ProblemsFound([Problem(file or job.file, "title", f"tiêu đề quá dài cho ảnh xem trước 1200×630 (tràn {p.excess} px)",
                                         "rút gọn tiêu đề") for p in problems])
        render_jobs([job], cache, progress=False)
    return cache.png(job.key)
