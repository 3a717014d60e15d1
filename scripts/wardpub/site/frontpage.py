"""The front page, made for a phone: what a citizen sees first.

Owns how the home page (docs/index.vi.md, docs/index.en.md) is composed
around what editors wrote. The first screen holds the lead (the page's first
paragraph: what Resolution 71 is and why it matters to a family) beside the
lead infographic (front matter `lead_infographic: <id>`, loaded first, never
lazily); then come the rest of the page (the headline figures), the latest
news as cards with pictures, the seven content points as a visual index, and
the ways in: the infographics, the quiz once its page exists, the ward's plan,
the documents and the results.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import material
from mkdocs.utils import get_relative_url

from .. import language as lang
from ..media.infographics.output import DISPLAY_FORMAT
from ..media.infographics.resolve import page_url
from .news import NEWS_INDEX_URL
from ..language import prefix
from .pictures import existing
from ..problems import Problem

LATEST = 6  # two rows of three on a desktop, a short scroll on a phone
LEAD_SIZES = "(min-width: 60em) 22rem, (min-width: 30em) 26rem, 100vw"
ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"
# The seven content points of the plan, each with an emblem (Material's icon set, shipped with the theme).
POINT_ICONS = {1: "bullseye-arrow", 2: "star-shooting-outline", 3: "account-group-outline", 4: "file-document-multiple-outline",
               5: "lightbulb-on-outline", 6: "laptop", 7: "shield-check-outline"}
# The ways in: (docs page, icon, interface string of its one-line invitation). The quiz shows once its page exists.
WAYS = (
    ("infographics.md", "image-multiple-outline", "home.way.infographics"),
    ("thi-tim-hieu/index.md", "help-circle-outline", "home.way.quiz"),
    ("ke-hoach-tuyen-truyen.md", "clipboard-text-outline", "home.way.plan"),
    ("tai-lieu.md", "book-open-variant-outline", "home.way.documents"),
    ("thong-ke.md", "chart-bar", "home.way.results"),
)
HOME = ("index.vi.md", "index.en.md")
# A line that opens something other than a paragraph: heading, HTML, admonition, quote, table, list.
_BLOCK_START = re.compile(r"^(#|<|!!!|\?\?\?|>|\||[-*+]\s|\d+[.)]\s|\s)")


@cache
def icon(name: str) -> str:
    """An icon as inline SVG, hidden from screen readers (the text beside it says what it is)."""
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def lead_problems(project) -> list[Problem]:
    """A lead infographic named on the home page must exist (a project without any infographics,
    such as a small test site, shows its lead alone)."""
    problems = []
    known = {item.id for item in project.infographics.infographics} if project.infographics else set()
    if not known:
        return []
    for src in HOME:
        meta = project.pages.get(src)
        ident = getattr(meta, "lead_infographic", None)
        if ident and ident not in known:
            problems.append(Problem(f"docs/{src}", "lead_infographic", f"không có infographic “{ident}” trong infographics/",
                                    f"chọn một trong: {', '.join(sorted(known))}"))
    return problems


def _lead_figure(project, meta: dict, language: str, url: str) -> str:
    kit = project.infographics
    ident = meta.get("lead_infographic")
    item = next((i for i in kit.infographics if i.id == ident), None) if kit and ident else None
    if item is None:
        return ""
    job = item.job(DISPLAY_FORMAT, language)
    width, height = job.size
    picture = existing(job.site_path(".webp"), job.site_path(".png"), width, height)
    target = get_relative_url(item.pages[language], url) + f"#{item.id}"
    return (f'<figure class="ward-hero__figure"><a href="{html.escape(target)}">'
            f'{picture.tag(url, item.spec.alt[language], LEAD_SIZES, first=True)}</a></figure>')


def _split_lead(markdown: str) -> tuple[str, str]:
    """The page's first paragraph (the lead) and the rest; no lead when the page opens otherwise."""
    text = markdown.lstrip("\n")
    lines = text.split("\n")
    if not lines or not lines[0].strip() or _BLOCK_START.match(lines[0]):
        return "", markdown
    end = next((n for n, line in enumerate(lines) if not line.strip()), len(lines))
    return "\n".join(lines[:end]).strip(), "\n".join(lines[end:])


def _tile(href: str, emblem: str, title: str, line: str = "", number: str = "") -> str:
    n = f'<span class="ward-tile__n">{number}</span>' if number else ""
    text = f'<span class="ward-tile__line">{html.escape(line)}</span>' if line else ""
    return (f'<li><a class="ward-tile" href="{html.escape(href)}">{n}<span class="ward-tile__icon">{emblem}</span>'
            f'<span class="ward-tile__title">{html.escape(title)}</span>{text}</a></li>')


def points_section(project, language: str, url: str) -> str:
    tiles = []
    for category in project.registries.categories.values():
        if category.point is None or not category.page:
            continue
        target = get_relative_url(page_url(category.page, language), url)
        tiles.append(_tile(target, icon(POINT_ICONS.get(category.point, "book-open-variant-outline")), category[language],
                           number=str(category.point)))
    if not tiles:
        return ""
    return f'## {lang.t("home.points", language)}\n\n<ul class="ward-tiles ward-tiles--points">\n' + "\n".join(tiles) + "\n</ul>"


def ways_section(project, language: str, url: str, existing_pages: set[str]) -> str:
    tiles = []
    for docs_page, emblem, key in WAYS:
        target = page_url(docs_page, language)
        if target in existing_pages:
            tiles.append(_tile(get_relative_url(target, url), icon(emblem), lang.t(f"{key}.title", language),
                               lang.t(f"{key}.line", language)))
    return f'## {lang.t("home.ways", language)}\n\n<ul class="ward-tiles ward-tiles--ways">\n' + "\n".join(tiles) + "\n</ul>" if tiles else ""


def compose(markdown: str, page, language: str, project, news, existing_pages: set[str]) -> str:
    """The home page's Markdown: the lead beside its infographic, what editors wrote,
    the latest news, the seven points and the ways in."""
    url = page.url
    lead, rest = _split_lead(markdown)
    figure = _lead_figure(project, page.meta, language, url)
    hero = (f'<div class="ward-hero" markdown>\n<div class="ward-hero__text" markdown>\n\n{lead}\n{{: .ward-lead }}\n\n</div>\n'
            f"{figure}\n</div>") if lead else ""
    latest = news.articles[:LATEST]
    more = f'<p class="ward-more"><a href="{get_relative_url(prefix(language) + NEWS_INDEX_URL, url)}">{lang.t("news.all", language)}</a></p>'
    latest_section = f'## {lang.t("news.latest", language)}\n\n{news.cards(latest, language, url)}\n\n{more}'
    parts = [hero, rest.strip(), latest_section, points_section(project, language, url),
             ways_section(project, language, url, existing_pages)]
    return "\n\n".join(part for part in parts if part) + "\n"
