"""Embeddable items: each infographic, each chart, the dashboard and the
latest news, as light pages the ward's own web page can frame.

Owns, per language, `embed/<kind>/<id>/` (English under `en/`): the item
alone in the site's fonts and colours, without the site's header or menu,
links opening outside the frame; a static oEmbed JSON beside it (with its
discovery link in the page); and the "copy embed code" control the item's
normal page shows. The host page's script (assets/javascripts/embed.js)
sizes the frame from the height the page posts (embed-frame.js); without it
the frame keeps the fixed height of the embed code. Framing is allowed only
to the ward's origins, by the server's `frame-ancestors` (wardpub.serving).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Callable

import markdown as python_markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import PACKAGE_DIR
from . import language as lang
from .infographics.gallery import item_markdown
from .infographics.resolve import absolute_url
from .news import prefix
from .pages import render

# The frame's height before the host's script (if any) adjusts it.
HEIGHTS = {"infographic": 1300, "chart": 900, "dashboard": 1600, "news": 900}
EMBED_SCRIPT = "assets/javascripts/embed.js"
SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"


@dataclass(frozen=True)
class Item:
    kind: str
    ident: str  # "" for the dashboard and the news list
    title: str
    description: str
    page: str  # site-relative URL of the item on its normal page (may carry #anchor)
    markdown: Callable[[str], str]  # embed page URL -> the item's Markdown


def embed_url(kind: str, ident: str, language: str) -> str:
    return f"{prefix(language)}embed/{kind}/" + (f"{ident}/" if ident else "")


def embed_code(site_url: str, kind: str, ident: str, title: str, language: str) -> str:
    """The HTML a web editor pastes into the ward's page: the frame and the sizing script."""
    src = absolute_url(site_url, embed_url(kind, ident, language))
    script = absolute_url(site_url, EMBED_SCRIPT)
    return (f'<iframe src="{src}" title="{html.escape(title)}" width="100%" height="{HEIGHTS[kind]}" '
            f'loading="lazy" style="border:0;max-width:100%" sandbox="{SANDBOX}" data-ward-embed></iframe>\n'
            f'<script src="{script}" async></script>')


def code_control(site_url: str, kind: str, ident: str, title: str, language: str) -> str:
    """The "copy embed code" control shown beside an embeddable item (share-kit.js adds the button)."""
    t = lambda key: html.escape(lang.t(key, language))
    code_id = f"embed-{kind}-{ident or 'all'}"
    code = html.escape(embed_code(site_url, kind, ident, title, language))
    return (f'<details class="ward-embed-code"><summary>{t("embed.summary")}</summary>\n'
            f'<p>{t("embed.help")}</p>\n'
            f'<pre><code id="{code_id}" data-ward-copy data-ward-copy-label="{t("embed.copy")}" '
            f'data-ward-copied="{t("embed.copied")}" data-ward-copy-failed="{t("embed.copy_failed")}">{code}</code></pre>\n'
            f"</details>")


def items(project, news, language: str) -> list[Item]:
    """Every embeddable item of the site, in one language."""
    found: list[Item] = []
    kit = project.infographics
    for item in kit.infographics if kit is not None else []:
        found.append(Item("infographic", item.id, item.spec.title[language], item.spec.alt[language],
                          f"{item.pages[language]}#{item.id}",
                          lambda url, item=item: item_markdown(item, url, language)))
    results = project.results
    if results is not None:
        from .charts import figure_html
        from .dashboard import page_section as dashboard_section

        for chart in results.charts.charts:
            if chart.spec.category:
                page = project.registries.categories[chart.spec.category].page
                found.append(Item("chart", chart.id, chart.spec.title[language], chart.spec.description[language],
                                  f"{prefix(language)}{page[:-3]}/#bieu-do-{chart.id}",
                                  lambda url, chart=chart: figure_html(chart, language, url, project)))
        found.append(Item("dashboard", "", lang.t("embed.dashboard_title", language), lang.t("embed.dashboard_title", language),
                          f"{prefix(language)}thong-ke/",
                          lambda url: dashboard_section(SimpleNamespace(url=url, meta={"dashboard": True}), language, project)))
    found.append(Item("news", "", lang.t("news.latest", language), lang.t("feed.description", language),
                      f"{prefix(language)}tin-tuc/",
                      lambda url: news.cards(news.articles[:10], language, url, level=2) + "\n\n" + search_form(language)))
    return found


def search_form(language: str) -> str:
    """A search box inside the news embed, answered by the site's own search worker."""
    t = lambda key: html.escape(lang.t(key, language))
    return (f'<form class="ward-embed-search" role="search" data-ward-embed-search data-language="{language}" '
            f'data-none="{t("embed.search_none")}">\n'
            f'<label for="ward-embed-q">{t("embed.search_label")}</label>\n'
            f'<input id="ward-embed-q" type="search" autocomplete="off">\n'
            f'<ol class="ward-embed-search__results" aria-live="polite"></ol>\n</form>')


class Writer:
    """Renders embed pages and their oEmbed files for one language build."""

    def __init__(self, config, project, news, language: str, stylesheets: list[str]):
        self.config = config
        self.project = project
        self.news = news
        self.language = language
        self.stylesheets = stylesheets
        self.markdown = python_markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        env = Environment(loader=FileSystemLoader(PACKAGE_DIR / "data"), undefined=StrictUndefined, autoescape=True)
        self.template = env.get_template("embed.html.j2")

    def _html(self, item: Item, url: str) -> str:
        markdown = render(item.markdown(url), {}, self.language, self.project.ward.values(self.language), self.project.registries)
        self.markdown.reset()
        return self.markdown.convert(markdown)

    def files(self) -> dict[str, bytes]:
        site_url = self.config.site_url
        site_name = self.config.site_name
        out = {}
        for item in items(self.project, self.news, self.language):
            url = embed_url(item.kind, item.ident, self.language)
            root = "../" * url.count("/")
            page_address = absolute_url(site_url, item.page)
            oembed = absolute_url(site_url, url + "oembed.json")
            out[url + "index.html"] = self.template.render(
                language=self.language, title=item.title, description=item.description, site_name=site_name,
                page_address=page_address, oembed_address=oembed, root=root, stylesheets=self.stylesheets,
                content=Markup(self._html(item, url)), credit=lang.t("embed.credit", self.language, site=site_name),
            ).encode("utf-8")
            out[url + "oembed.json"] = json.dumps({
                "version": "1.0", "type": "rich", "title": item.title,
                "provider_name": site_name, "provider_url": absolute_url(site_url, prefix(self.language)),
                "html": embed_code(site_url, item.kind, item.ident, item.title, self.language),
                "width": 640, "height": HEIGHTS[item.kind],
            }, ensure_ascii=False, indent=1).encode("utf-8")
        return out
