"""Embeddable items: each infographic, each chart, the dashboard and the
latest news, as light pages the ward's own web page can frame.

Owns, per language, `embed/<kind>/<id>/` (English under `en/`): the item
alone in the site's fonts and colours, without the site's header or menu,
links opening outside the frame; a static oEmbed JSON beside it (with its
discovery link in the page). The embed code and its "copy" control, which
each item's normal page shows, are wardpub.site.embedding's. The host page's script (assets/javascripts/embed.js)
sizes the frame from the height the page posts (embed-frame.js); without it
the frame keeps the fixed height of the embed code. Framing is allowed only
to the ward's origins, by the server's `frame-ancestors` (wardpub.site.serving).
"""

from __future__ import annotations

import html
import json
from types import SimpleNamespace

import markdown as python_markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import RESOURCES_DIR
from .. import language as lang
from .embedding import HEIGHTS, Item, embed_code, embed_url
from .gallery import item_markdown
from ..media.infographics.resolve import absolute_url
from ..language import prefix
from ..data.pages import render

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
        from .chart_pages import figure_html
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
        env = Environment(loader=FileSystemLoader(RESOURCES_DIR), undefined=StrictUndefined, autoescape=True)
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
