"""The news section: listings, category pages, latest news on other pages,
article headers and the English page of an untranslated article.

Owns what readers see of `wardpub.data.articles`: which articles are published
(not drafts, dated today or earlier in the ward's time zone), the paginated
news index, one page per category, the latest articles on the home page and
on each content point's page, each article's header (date, category,
reading time, author, last update, cover) and the related articles it ends
with. Every listing shows cards: a picture (the article's cover, else its
link-preview card, resized by wardpub.site.pictures), the category, the headline,
the date and a one-line summary.

Listing pages beyond the first are generated: MkDocs builds them from
Markdown made here (`generated_pages`), added to the build after
mkdocs-static-i18n has sorted the files, so each language gets its own. Work
per page is constant: listings are computed once per language build, which
keeps a site with thousands of articles linear in its size.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, islice
from math import ceil

from mkdocs.utils import get_relative_url

from ..cache import digest
from ..data import dated
from .. import language as lang
from ..language import prefix
from ..data.articles import NEWS_DIR, NEWS_INDEX, Article, today
from .embedding import code_control
from .pictures import CARD_SIZES, COVER_SIZES, Picture
from ..data.registries import Registries

PER_PAGE = 30
LATEST = 5
RELATED = 3
NEWS_INDEX_URL = f"{NEWS_DIR}/"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. en/tin-tuc/trang-2.md
    url: str  # e.g. en/tin-tuc/trang-2/
    title: str
    markdown: str
    alternates: dict[str, str]  # language -> site-relative URL of the same listing



def _page_path(base: str, number: int) -> str:
    """Site-relative URL of page `number` of a listing whose first page is `base`."""
    return base if number == 1 else f"{base}trang-{number}/"


def category_url(key: str, language: str) -> str:
    return f"{prefix(language)}{NEWS_DIR}/chu-de/{key}/"


class News:
    """The published articles of one build, indexed for constant work per page."""

    def __init__(self, articles: list[Article], registries: Registries, on: dt.date | None = None, site_url: str = ""):
        self.registries = registries
        self.site_url = site_url
        self.today = on or today()
        self.articles = [a for a in articles if a.published(self.today)]
        self.by_src = {v.src: a for a in self.articles for v in (a.vi, a.en) if v}
        self.hidden = {v.src for a in articles if not a.published(self.today) for v in (a.vi, a.en) if v}
        self.pictures: dict[tuple[str, str], Picture] = {}  # (slug, language) -> the card's picture

    def listing_key(self, language: str) -> str:
        """A digest of what pages showing news show of this language's articles (front matter,
        reading time, card picture, in order) and of the day: a live preview renders those pages
        again only when it changes, not when a save edits an article's text alone."""
        shown = [(a.url(language), a.version(language).meta.model_dump_json(), a.version(language).minutes,
                  repr(self.pictures.get((a.slug, language)))) for a in self.articles]
        return digest(self.today.isoformat(), shown)

    def words(self, text: str, language: str) -> str:
        """A title or summary as readers get it: dated statements worded for today."""
        return dated.plain_words(text, language, self.today)

    # ── pictures ─────────────────────────────────────────────────────────────

    def picture_sources(self, language: str, card_of, docs_dir) -> dict[str, tuple]:
        """What each card shows in this language: the article's cover, else its link-preview card
        (card_of(url) -> (file, its digest) or None). Keys are the pictures' site paths without size."""
        wanted = {}
        for article in self.articles:
            version = article.version(language)
            if version.meta.cover:
                # One set of files per cover, whichever language shows it.
                wanted[f"{NEWS_DIR}/{article.year}/{article.slug}-cover-{_lang_of(version)}"] = (docs_dir / version.src).parent / version.meta.cover, None
            elif (card := card_of(article.url(language))) is not None:
                wanted[f"{prefix(language)}{NEWS_DIR}/{article.year}/{article.slug}"] = card
        return wanted

    def set_pictures(self, language: str, pictures: dict[str, Picture]) -> None:
        for article in self.articles:
            version = article.version(language)
            base = (f"{NEWS_DIR}/{article.year}/{article.slug}-cover-{_lang_of(version)}" if version.meta.cover
                    else f"{prefix(language)}{NEWS_DIR}/{article.year}/{article.slug}")
            if base in pictures:
                self.pictures[(article.slug, language)] = pictures[base]

    @cached_property
    def by_category(self) -> dict[str, list[Article]]:
        groups: dict[str, list[Article]] = {key: [] for key in self.registries.categories}
        for article in self.articles:
            groups[article.meta.category].append(article)
        return groups

    # ── pieces of HTML ───────────────────────────────────────────────────────

    def card(self, article: Article, language: str, from_url: str, first: bool = False, level: int = 3) -> str:
        """One article in a listing. The headline's link covers the whole card (one big target on
        a phone); the picture repeats the headline, so screen readers skip it unless it is a photo.
        level: the headline's heading level (2 straight under a page's title, 3 under a section's)."""
        version = article.version(language)
        meta = version.meta
        untranslated = language == "en" and article.en is None
        # An untranslated article is linked at its Vietnamese address, marked as such.
        target = article.url("vi" if untranslated else language)
        title_lang = ' lang="vi"' if untranslated else ""
        badge = f' <span class="ward-badge">{lang.t("news.vietnamese_only", language)}</span>' if untranslated else ""
        category = self.registries.categories[article.meta.category][language]
        picture = self.pictures.get((article.slug, language))
        figure = ""
        if picture is not None:
            alt = meta.cover_alt if meta.cover else ""
            figure = f'<div class="ward-card__picture">{picture.tag(from_url, alt or "", CARD_SIZES, first=first)}</div>\n'
        return (
            f'<article class="ward-card">\n{figure}<div class="ward-card__head">\n'
            f'<p class="ward-card__kicker">{html.escape(category)}</p>\n'
            f'<h{level} class="ward-card__title"><a href="{get_relative_url(target, from_url)}"{title_lang}>{html.escape(self.words(meta.title, language))}</a>{badge}</h{level}>\n'
            f'<p class="ward-card__meta"><time datetime="{article.meta.date.isoformat()}">{lang.date(article.meta.date, language)}</time></p>\n'
            f'</div>\n<p class="ward-card__summary"{title_lang}>{html.escape(self.words(meta.description, language))}</p>\n'
            f"</article>"
        )

    def cards(self, articles: list[Article], language: str, from_url: str, first_picture_eager: bool = False, level: int = 3) -> str:
        """A list of cards; first_picture_eager when the first card is what a reader sees first."""
        if not articles:
            return f'<p class="ward-news-empty">{lang.t("news.none", language)}</p>'
        inner = "\n".join(self.card(a, language, from_url, first=first_picture_eager and n == 0, level=level)
                           for n, a in enumerate(articles))
        return f'<div class="ward-news">\n{inner}\n</div>'

    def pagination(self, base: str, number: int, count: int, language: str, from_url: str) -> str:
        if count <= 1:
            return ""
        parts = []
        if number > 1:
            parts.append(f'<a rel="prev" href="{get_relative_url(_page_path(base, number - 1), from_url)}">{lang.t("pagination.previous", language)}</a>')
        parts.append(f'<span>{lang.t("pagination.position", language, number=number, count=count)}</span>')
        if number < count:
            parts.append(f'<a rel="next" href="{get_relative_url(_page_path(base, number + 1), from_url)}">{lang.t("pagination.next", language)}</a>')
        return f'<nav class="ward-pagination" aria-label="{lang.t("pagination.label", language)}">{" ".join(parts)}</nav>'

    def category_links(self, language: str, from_url: str) -> str:
        items = [
            f'<li><a href="{get_relative_url(category_url(key, language), from_url)}">{html.escape(category[language])}</a> ({len(self.by_category[key])})</li>'
            for key, category in self.registries.categories.items() if self.by_category[key]
        ]
        return f'## {lang.t("news.categories", language)}\n\n<ul class="ward-topics">\n' + "\n".join(items) + "\n</ul>" if items else ""

    # ── listing pages ────────────────────────────────────────────────────────

    def listing(self, articles: list[Article], base: str, number: int, language: str, from_url: str) -> str:
        count = max(1, ceil(len(articles) / PER_PAGE))
        chunk = articles[(number - 1) * PER_PAGE: number * PER_PAGE]
        # A listing's cards sit straight under its title: their headlines are second-level headings.
        return self.cards(chunk, language, from_url, first_picture_eager=True, level=2) + "\n\n" + self.pagination(base, number, count, language, from_url)

    def generated_pages(self, language: str) -> list[GeneratedPage]:
        """Index pages 2..n and every category's pages, for one language."""
        pages = []

        def add(base_vi: str, articles: list[Article], title: str, describe, first_page_is_file: bool):
            count = max(1, ceil(len(articles) / PER_PAGE))
            base = prefix(language) + base_vi
            for number in range(2 if first_page_is_file else 1, count + 1):
                url = _page_path(base, number)
                src = url.rstrip("/") + ".md"
                heading = title if number == 1 else f"{title} ({lang.t('pagination.position', language, number=number, count=count)})"
                body = self.listing(articles, base, number, language, url)
                markdown = (f"---\ntitle: {_yaml_string(heading)}\ndescription: {_yaml_string(describe(number))}\n"
                            f"search:\n  exclude: true\n---\n\n{body}\n")
                alternates = {other: prefix(other) + url[len(prefix(language)):] for other in lang.LANGUAGES}
                pages.append(GeneratedPage(src, url, heading, markdown, alternates))

        index_title = lang.t("news.title", language)
        add(NEWS_INDEX_URL, self.articles, index_title, lambda n: lang.t("news.description", language, number=n), True)
        for key, category in self.registries.categories.items():
            name = category[language]
            add(f"{NEWS_DIR}/chu-de/{key}/", self.by_category[key], lang.t("news.category_title", language, name=name),
                lambda n, name=name: lang.t("news.category_description", language, name=name), False)
        return pages

    # ── sections on existing pages ───────────────────────────────────────────

    def section(self, src_uri: str, meta: dict, url: str, language: str) -> str:
        """News for a page: the first index page, a content point's related news
        (the home page's latest news are laid out by wardpub.site.frontpage)."""
        if src_uri in NEWS_INDEX:
            listing = self.listing(self.articles, prefix(language) + NEWS_INDEX_URL, 1, language, url)
            return f"{listing}\n\n{self.category_links(language, url)}\n\n{self.embed_control(language)}"
        key = meta.get("category")
        if key and not src_uri.startswith(NEWS_DIR + "/") and self.by_category.get(key):
            name = self.registries.categories[key][language]
            more = f'<p><a href="{get_relative_url(category_url(key, language), url)}">{lang.t("news.all_in_category", language, name=html.escape(name))}</a></p>'
            return f'## {lang.t("news.related", language)}\n\n{self.cards(self.by_category[key][:LATEST], language, url)}\n\n{more}'
        return ""

    def related(self, article: Article, limit: int = RELATED) -> list[Article]:
        """Other articles on the same content point, newest first; then ones on another point sharing a tag.
        Stops at limit: every article asks, so a full scan each would make the build quadratic."""
        category, tags = article.meta.category, set(article.meta.tags)
        same = (a for a in self.by_category[category] if a is not article)
        sharing = (a for a in self.articles if a.meta.category != category and tags & set(a.meta.tags))
        return list(islice(chain(same, sharing), limit))

    def related_html(self, src_uri: str, url: str, language: str) -> str:
        """The cards an article ends with ("" for other pages and for an untranslated article's notice)."""
        article = self.by_src.get(src_uri)
        if article is None or (language == "en" and article.en is None):
            return ""
        others = self.related(article)
        if not others:
            return ""
        heading = html.escape(lang.t("news.more_reading", language))
        return (f'<section class="ward-related" aria-labelledby="ward-related-heading">\n'
                f'<h2 id="ward-related-heading">{heading}</h2>\n{self.cards(others, language, url)}\n</section>')

    def embed_control(self, language: str) -> str:
        """The latest news as an embed for the ward's own page."""

        return code_control(self.site_url, "news", "", lang.t("news.latest", language), language) if self.site_url else ""

    def article_markdown(self, markdown: str, src_uri: str, url: str, language: str) -> tuple[str, dict]:
        """An article's Markdown with its header; for an untranslated one on the English
        site, a notice linking the Vietnamese original. Returns (markdown, meta updates)."""
        article = self.by_src[src_uri]
        if language == "en" and article.en is None:
            return self._untranslated(article, url), {"search": {"exclude": True}, "canonical_path": article.url("vi")}
        version = article.version(language)
        meta = version.meta
        # The category is the kicker above the title (wardpub.site.layout); the line under it says when, how long, who.
        facts = [
            f'<time datetime="{meta.date.isoformat()}">{lang.date(meta.date, language)}</time>',
            lang.t("news.minutes", language, minutes=version.minutes),
            html.escape(lang.t("news.by", language, author=meta.author)),
        ]
        lines = [f"<h1>{html.escape(self.words(meta.title, language))}</h1>", f'<p class="ward-article-meta">{" · ".join(facts)}</p>']
        if meta.updated and meta.updated != meta.date:
            lines.append(f'<p class="ward-article-meta">{lang.t("page.updated", language, date=lang.date(meta.updated, language))}</p>')
        if meta.tags:
            names = ", ".join(html.escape(self.registries.tags[t][language]) for t in meta.tags)
            lines.append(f'<p class="ward-article-meta">{lang.t("news.tags", language, tags=names)}</p>')
        picture = self.pictures.get((article.slug, language)) if meta.cover else None
        if picture is not None:
            lines.append(f'<figure class="ward-cover">{picture.tag(url, meta.cover_alt or "", COVER_SIZES, first=True)}</figure>')
        return "\n".join(lines) + f"\n\n{markdown.lstrip()}", {}

    def _untranslated(self, article: Article, url: str) -> str:
        vi = article.vi.meta
        link = get_relative_url(article.url("vi"), url)
        return (
            f'<h1 lang="vi">{html.escape(vi.title)}</h1>\n\n'
            f'<div class="admonition info"><p class="admonition-title">{lang.t("news.fallback_title", "en")}</p>\n'
            f'<p>{lang.t("news.fallback_text", "en")} <a href="{link}" hreflang="vi">{lang.t("news.fallback_link", "en")}</a></p></div>\n\n'
            f'<p lang="vi">{html.escape(vi.description)}</p>\n'
        )


def _lang_of(version) -> str:
    return "en" if version.src.endswith(".en.md") else "vi"


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
