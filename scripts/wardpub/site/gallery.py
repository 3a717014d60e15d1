"""The infographics on the site: the share kit's gallery, the sections on content pages, the files.

Owns what readers and the communications team see:

- `page_section` (one of the plugin's PAGE_SECTIONS) adds, to the content
  page of each content point, a section showing its infographics: the WebP
  preview (lazy-loaded, with alt text and its size), then a text equivalent
  of every figure with its sources, so nothing is only in an image; each
  infographic sits at `#<id>`, the anchor its QR code points to;
- on the gallery page (front matter `gallery: true`) it adds every
  infographic grouped by content point: preview, a download button per
  format and language, the caption with a copy button, the sources and a
  link to its page. The copy button is added by a small self-hosted script
  (overrides/assets/javascripts/share-kit.js) to captions marked
  `data-ward-copy`; without the script the caption is plain, selectable text;
- `site_files` renders what is missing (wardpub.media.infographics.output) and
  returns the files MkDocs must copy, once per build whatever the number of
  languages.

Links are relative to each page's URL, so the site works under any sub-path.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .. import language as lang
from ..media import shortlinks
from .embedding import code_control
from ..data.pages import page_key
from ..language import LANGUAGES
from ..media.infographics.output import DISPLAY_FORMAT, kit_files
from ..media.infographics.resolve import Infographic, ShareKit, page_url, relative_url
from ..media.infographics.templates import FORMATS

GALLERY_PAGE = "infographics.md"
PREVIEW = DISPLAY_FORMAT



def site_files(project) -> list[tuple[str, Path]]:
    """(site path, file on disk) of every infographic image, the manifest and the short links their
    QR codes carry (wardpub.media.shortlinks), for the plugin's on_files."""
    share_kit = getattr(project, "infographics", None)
    if share_kit is None:
        return []
    return list(kit_files(share_kit).items()) + shortlinks.site_files(share_kit.short_links, share_kit.site_url)


def docs_path(src_uri: str) -> str:
    """The language-neutral name of the page ("a/b.en.md" -> "a/b.md"), as categories.yml writes it."""
    return page_key(src_uri)


def page_section(page, language: str, project, extras: tuple = ()) -> str:
    """The infographics of a content page, or the gallery; extras are functions (item, page URL,
    language, project) -> HTML that other outputs of the same spec add under each (its clip)."""
    share_kit: ShareKit | None = getattr(project, "infographics", None)
    if share_kit is None:
        return ""
    from . import social
    from ..data.articles import today
    from .posts.pages import item_panel

    more = lambda item: "".join(extra(item, page.url, language, project) + "\n" for extra in extras)
    # The communications team's "Đăng bài" panel (wardpub.site.posts), folded, after each infographic.
    post_kit = lambda item: item_panel(getattr(project, "posts", None), item.id, page.url, language, today())
    if (page.meta or {}).get("gallery"):
        def actions(item: Infographic) -> str:
            title = item.spec.title[language]
            return (more(item) + social.share_bar(item.urls[language], title, language, project.ward.zalo_id()) + "\n"
                    + code_control(project.site_url, "infographic", item.id, title, language) + "\n"
                    + post_kit(item) + "\n")

        return gallery_markdown(share_kit, page.url, language, actions)
    source = docs_path(page.file.src_uri)
    items = [item for item in share_kit.infographics if item.category.page == source]
    return content_markdown(items, page.url, language, lambda item: more(item) + post_kit(item)) if items else ""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def heading(text: str) -> str:
    """Heading text safe for Markdown (no inline markup, no attribute-list braces)."""
    return re.sub(r"([\\`*_{}\[\]<>#])", r"\\\1", text)


def image_tag(item: Infographic, page: str, language: str, css: str) -> str:
    job = item.job(PREVIEW, language)
    width, height = job.size
    src = relative_url(job.site_path(".webp"), page)
    return (f'<img class="{css}" src="{_e(src)}" alt="{_e(item.spec.alt[language])}" width="{width}" height="{height}" '
            f'loading="lazy" decoding="async">')


def cite(sources: list[int]) -> str:
    return f" [src:{','.join(str(n) for n in sources)}]" if sources else ""


def text_equivalent(item: Infographic, language: str) -> str:
    """Every figure and statement of an infographic as Markdown, each with its sources."""
    spec = item.spec
    lines = []
    if spec.kicker:
        lines.append(f"*{spec.kicker[language]}*\n")
    for figure in spec.figures:
        lines.append(f"- **{figure.value[language]}** {figure.label[language]}{cite(figure.sources)}")
    for n, point in enumerate(spec.points, start=1):
        lines.append(f"{n}. {point.text[language]}{cite(point.sources)}")
    for milestone in spec.milestones:
        lines.append(f"- **{milestone.year[language]}:** {milestone.text[language]}{cite(milestone.sources)}")
    if spec.myth is not None:
        lines.append(f"- **{lang.t('infographics.myth', language)}:** {spec.myth[language]}")
    if spec.fact is not None:
        lines.append(f"- **{lang.t('infographics.fact', language)}:** {spec.fact.text[language]}{cite(spec.fact.sources)}")
    if spec.quote is not None:
        attribution = f" ({spec.attribution[language]})" if spec.attribution else ""
        lines.append(f"> “{spec.quote.text[language]}”{attribution}{cite(spec.quote.sources)}")
    if spec.sources or spec.source_note is not None:
        note = f" ({spec.source_note[language]})" if spec.source_note is not None else ""
        lines.append(f"\n{lang.t('sources.heading', language)}:{cite(spec.sources)}{note}")
    return "\n".join(lines)


def item_markdown(item: Infographic, page: str, language: str) -> str:
    """One infographic as a page shows it: the image, then its figures in words with their sources."""
    return (f'<figure class="ward-infographic">\n{image_tag(item, page, language, "ward-infographic__image")}\n</figure>\n\n'
            f"{text_equivalent(item, language)}")


def content_markdown(items: list[Infographic], page: str, language: str, after=lambda item: "") -> str:
    """The section a content page ends with (before its sources): its infographics, in words too;
    after(item) adds HTML below each (the post kit's panel)."""
    gallery = page_url(GALLERY_PAGE, language)
    parts = [f"## {lang.t('infographics.heading', language)}"]
    for item in items:
        link = relative_url(gallery, page) + f"#{item.id}"
        parts.append(
            f"### {heading(item.spec.title[language])} {{ #{item.id} }}\n\n"
            f"{item_markdown(item, page, language)}\n\n"
            f'<p class="ward-infographic__share"><a href="{_e(link)}">{_e(lang.t("infographics.share_link", language))}</a></p>'
            + (f"\n\n{after(item)}" if after(item) else "")
        )
    return "\n\n".join(parts)


def downloads(item: Infographic, page: str, language: str, of_language: str) -> str:
    """The download buttons of one language's PNG files."""
    label = lang.t("infographics.downloads", language, which=lang.t(f"infographics.language.{of_language}", language))
    buttons = []
    for fmt in FORMATS:
        job = item.job(fmt, of_language)
        width, height = job.size
        size = f"{width}×{height}"
        name = lang.t(f"infographics.format.{fmt}", language)
        spoken = lang.t("infographics.download_label", language, title=item.spec.title[language],
                        which=lang.t(f"infographics.language.{of_language}", language))
        path = job.site_path(".png")
        buttons.append(
            f'<li><a class="md-button ward-share__file" href="{_e(relative_url(path, page))}" download="{_e(path.rsplit("/", 1)[-1])}" '
            f'aria-label="{_e(f"{name} {size}, {spoken}")}">{_e(name)} <span class="ward-share__size">{size}</span></a></li>'
        )
    return f'<p class="ward-share__label">{_e(label)}</p>\n<ul class="ward-share__files">\n' + "\n".join(buttons) + "\n</ul>"


def gallery_item(item: Infographic, page: str, language: str, actions: str = "") -> str:
    content_page = relative_url(item.pages[language], page) + f"#{item.id}"
    caption_id = f"caption-{item.id}"
    languages = [language] + [other for other in LANGUAGES if other != language]
    return (
        f"### {heading(item.spec.title[language])} {{ #{item.id} }}\n\n"
        f'<div class="ward-share">\n'
        f'{image_tag(item, page, language, "ward-share__image")}\n'
        f'<div class="ward-share__body">\n'
        f'<p class="ward-share__page"><a href="{_e(content_page)}">{_e(lang.t("infographics.page_link", language, page=item.category[language]))}</a></p>\n'
        + "\n".join(downloads(item, page, language, other) for other in languages) + "\n"
        f'<p class="ward-share__label" id="{caption_id}-label">{_e(lang.t("infographics.caption", language))}</p>\n'
        f'<p class="ward-share__caption" id="{caption_id}" data-ward-copy '
        f'data-ward-copy-label="{_e(lang.t("infographics.copy", language))}" '
        f'data-ward-copied="{_e(lang.t("infographics.copied", language))}" '
        f'data-ward-copy-failed="{_e(lang.t("infographics.copy_failed", language))}">{_e(item.caption(language))}</p>\n'
        f'<p class="ward-share__sources">{_e(lang.t("sources.heading", language))}:{cite(item.spec.source_ids())}</p>\n'
        f"{actions}</div>\n</div>"
    )


def gallery_markdown(share_kit: ShareKit, page: str, language: str, actions=lambda item: "") -> str:
    """Every infographic, grouped by content point in the order of categories.yml;
    actions(item) adds HTML to each (share buttons, embed code)."""
    parts = []
    current = None
    for item in share_kit.infographics:
        if item.spec.category != current:
            current = item.spec.category
            parts.append(f"## {heading(item.category[language])}")
        parts.append(gallery_item(item, page, language, actions(item)))
    return "\n\n".join(parts)
