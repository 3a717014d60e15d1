"""How every page looks when shared: Open Graph and Twitter card metadata, the
1200×630 image each page names as og:image, and the share buttons.

Owns the choice of that image: a content page with infographics shares its
first infographic's link-preview format; any other page gets a card drawn by
the infographics engine from its title and section (wardpub.media.infographics.cards,
the `page-card` template). Material's social plugin is not an option: it
downloads fonts at build time. Cards for one language are rendered together
on every core before the pages are written, through the engine's cache, so an
unchanged page costs nothing on the next build.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from .. import language as lang
from ..cache import digest, kept_results, listing_json
from ..media.infographics.cards import card_job
from ..media.infographics.output import ImageCache, render_jobs
from ..media.infographics.resolve import absolute_url

WIDTH, HEIGHT = 1200, 630
LINK_PREVIEW = f"{WIDTH}x{HEIGHT}"
LOCALES = {"vi": "vi_VN", "en": "en_US"}


@dataclass(frozen=True)
class Preview:
    path: str  # site-relative path of the PNG
    alt: str
    source: Path | None = None  # a card's file in the cache (None: an infographic already in the site)


def page_key(url: str) -> str:
    """MkDocs names the home page "./" in its files and "" in its pages: one key for both."""
    return "" if url in ("./", ".") else url


def card_path(url: str) -> str:
    """Site path of a page's card: "tin-tuc/2025/x/" -> "og/tin-tuc/2025/x.png", "" -> "og/index.png"."""
    return f"og/{url.rstrip('/') or 'index'}.png"


@dataclass(frozen=True)
class PageFacts:
    """What a page's card says: its URL, title and section (category or publication)."""

    url: str
    title: str
    section: str
    category: str | None = None


def page_facts(pages, project, news, generated: dict, language: str) -> list[PageFacts]:
    """Title and section of every page of this language build (MkDocs Files after i18n)."""
    categories = project.registries.categories
    publication = project.ward.publication[language]
    facts = []
    for file in pages:
        src = file.src_uri
        if src in generated:
            facts.append(PageFacts(page_key(file.url), generated[src].title, lang.t("news.title", language)))
            continue
        if src in news.by_src:
            meta = news.by_src[src].version(language).meta
        elif src in project.pages:
            meta = project.pages[src]
        else:
            continue
        category = getattr(meta, "category", None)
        section = categories[category][language] if category in categories else publication
        # A dated statement in a title is drawn as worded today (wardpub.data.dated).
        facts.append(PageFacts(page_key(file.url), news.words(meta.title, language), section, category if src in project.pages else None))
    return facts


def card_job_for(project, facts: PageFacts, language: str):
    """The render job of a page's card (the post kit attaches the same image to an article's posts)."""
    kit = project.infographics
    return card_job(kit, project.ward, project.registries, facts.title, facts.section, language,
                    absolute_url(kit.site_url, facts.url))


def card_keys(project, wanted: list[tuple[PageFacts, str]], cache: ImageCache) -> list[str]:
    """The image-cache key of the card of each (page, language), the missing cards rendered at once.
    Working a key out resolves the card's template, a third of a millisecond that every article
    costs twice a build (its preview and its posts), so keys are kept across builds for the same
    title, section, address and shared inputs (Project.inputs_key)."""
    store = kept_results("card-keys")
    keys, missing = [], {}
    for facts, language in wanted:
        inputs = digest(project.inputs_key, facts.title, facts.section or "", language, facts.url)
        key = store.get_or_make(inputs, lambda: card_job_for(project, facts, language).key)
        if not (cache.png(key).is_file() and cache.texts(key).is_file()):
            job = card_job_for(project, facts, language)
            key = missing.setdefault(job.key, job).key
        keys.append(key)
    render_jobs(list(missing.values()), cache)
    store.save()
    return keys


@lru_cache(maxsize=None)
def _drawn_texts(blocks: Path) -> list:
    """A card's text blocks as drawn, read once a process: the cache never changes a file in place,
    and a live preview lists every card again on every save."""
    return json.loads(blocks.read_text(encoding="utf-8"))


class Previews:
    """The link-preview image of every page of one language build."""

    def __init__(self, project, language: str):
        self.project = project
        self.language = language
        self.by_url: dict[str, Preview] = {}
        self.cards: dict[str, Path] = {}  # site path of each drawn card -> its text blocks in the cache

    def _infographic(self, category: str | None) -> Preview | None:
        kit = self.project.infographics
        items = kit.by_category(category) if kit is not None and category else []
        if not items:
            return None
        first = items[0]
        return Preview(first.job(LINK_PREVIEW, self.language).site_path(".png"), first.spec.alt[self.language])

    def prepare(self, pages: list[PageFacts], cache: ImageCache | None = None) -> list[tuple[str, Path]]:
        """Choose every page's image, render the missing cards at once; return (site path, file) to publish."""
        cache = cache or ImageCache()
        shared = {facts.url: self._infographic(facts.category) for facts in pages}
        carded = [facts for facts in pages if shared[facts.url] is None] if self.project.infographics is not None else []
        keys = dict(zip((facts.url for facts in carded), card_keys(self.project, [(f, self.language) for f in carded], cache)))
        for facts in pages:
            preview = shared[facts.url]
            if facts.url in keys:
                preview = Preview(card_path(facts.url), lang.t("social.card_alt", self.language, title=facts.title),
                                  cache.png(keys[facts.url]))
                self.cards[preview.path] = cache.texts(keys[facts.url])
            if preview is not None:
                self.by_url[facts.url] = preview
        return [(p.path, p.source) for p in self.by_url.values() if p.source is not None]

    def manifest(self) -> tuple[str, str]:
        """(site path, JSON) listing this language's cards and what each says, as the infographics'
        manifest does for theirs: og/manifest.json, og/en/manifest.json."""
        path = "og/" + (f"{self.language}/" if self.language != lang.DEFAULT_LANGUAGE else "") + "manifest.json"
        # The engine records every card's text blocks as drawn, as it does for the infographics.
        cards = [{"path": card, "text": _drawn_texts(self.cards[card])} for card in sorted(self.cards)]
        return path, listing_json({"language": self.language}, "cards", cards)

    def card_file(self, url: str) -> tuple[Path, str] | None:
        """A page's rendered card in the cache and a key naming its content (its file name is a
        digest), for pictures made from it (wardpub.site.pictures); None when the page shares an infographic."""
        preview = self.by_url.get(page_key(url))
        if preview is None or preview.source is None:
            return None
        return preview.source, preview.source.name

    def meta(self, url: str, site_url: str) -> dict[str, str] | None:
        preview = self.by_url.get(page_key(url))
        if preview is None:
            return None
        return {"image": absolute_url(site_url, preview.path), "alt": preview.alt,
                "width": str(WIDTH), "height": str(HEIGHT)}


def locales(language: str) -> tuple[str, list[str]]:
    """og:locale of the page and og:locale:alternate of the other languages."""
    return LOCALES[language], [LOCALES[other] for other in lang.LANGUAGES if other != language]


def share_bar(url: str, title: str, language: str, zalo_oa_id: str) -> str:
    """The share buttons under an article, a content page or an infographic.

    Nothing contacts another site until the reader clicks: Facebook is a plain
    link; the Zalo, copy-link and native-share buttons are switched on by
    share-kit.js, which loads Zalo's own script only when its button is pressed.
    """
    t = lambda key: html.escape(lang.t(key, language))
    facebook = "https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe="")
    return (
        f'<div class="ward-share-bar" data-ward-share data-url="{html.escape(url)}" data-title="{html.escape(title)}" '
        f'data-oaid="{html.escape(zalo_oa_id)}" data-copied="{t("share.copied")}">'
        f'<span class="ward-share-bar__label">{t("share.label")}</span> '
        f'<a class="ward-share-bar__action" href="{html.escape(facebook)}" target="_blank" rel="noopener noreferrer">{t("share.facebook")}</a> '
        f'<button type="button" class="ward-share-bar__action" data-share="zalo" hidden>{t("share.zalo")}</button> '
        f'<button type="button" class="ward-share-bar__action" data-share="copy" hidden>{t("share.copy")}</button> '
        f'<button type="button" class="ward-share-bar__action" data-share="native" hidden>{t("share.native")}</button>'
        f'<span class="ward-share-bar__status" role="status" aria-live="polite"></span></div>'
    )
