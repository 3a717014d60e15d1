"""What shape each page takes: a publication's pages, not a manual's.

Owns the kinds of page (the home page, listings, articles, content pages and
the tools: the gallery, the dashboard, the quiz, the editors' guide) and for each:

- which of Material's sidebars it keeps: none on the home page, listings and
  articles (the menu stays one tap away in the header); on a content page the
  section's menu only inside a section of several pages, and the table of
  contents only where it helps (a page of TOC_MIN sections or more); an
  editor's own `hide:` in front matter wins;
- the kicker above its title (an article's category, a content page's
  section), as a newspaper sets it;
- whether it can be listened to ("Nghe bài": articles and content pages, not
  the tools) and in which language;
- valid, named markup where Material's templates write otherwise in this
  layout (`valid_markup`), so the W3C validator finds only its two known errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import language as lang
from ..data.articles import NEWS_INDEX
from .news import News, category_url
from ..language import prefix

TOC_MIN = 3
LISTEN_RATES = (0.75, 1, 1.25, 1.5)
HOME = ("index.vi.md", "index.en.md")


@dataclass(frozen=True)
class PageShape:
    kind: str  # home | listing | article | content | tool
    hide: tuple[str, ...]
    kicker: dict | None  # {"text", "url"}: url site-relative, or None
    listen: dict | None  # {"lang", "rates"} where the page can be listened to

    def context(self) -> dict:
        return {"kind": self.kind, "kicker": self.kicker, "listen": self.listen}


def kind_of(src_uri: str, meta: dict, news: News, generated: set[str]) -> str:
    if src_uri in HOME:
        return "home"
    if src_uri in NEWS_INDEX or src_uri in generated:
        return "listing"
    if src_uri in news.by_src:
        return "article"
    # The gallery, the dashboard, the quiz and pages not for citizens: things to use, not to be read aloud.
    if meta.get("gallery") or meta.get("dashboard") or meta.get("quiz") or meta.get("share") is False:
        return "tool"
    return "content"


def sections_in(toc) -> int:
    """How many second-level headings a page's table of contents lists."""
    count = 0
    for item in toc or []:
        count += item.level == 2
        count += sections_in(item.children)
    return count


def hidden_parts(kind: str, toc, in_section: bool, editor_hide) -> tuple[str, ...]:
    if editor_hide:
        return tuple(editor_hide)
    if kind in ("home", "listing", "article"):
        return ("navigation", "toc")
    hide = [] if in_section else ["navigation"]
    if sections_in(toc) < TOC_MIN:
        hide.append("toc")
    return tuple(hide)


def kicker(kind: str, page, language: str, news: News, project) -> dict | None:
    src_uri = page.file.src_uri
    if kind == "article":
        key = news.by_src[src_uri].meta.category
        return {"text": project.registries.categories[key][language], "url": category_url(key, language)}
    if kind == "listing" and src_uri not in NEWS_INDEX:
        return {"text": lang.t("news.title", language), "url": f"{prefix(language)}tin-tuc/"}
    if kind not in ("content", "tool"):
        return None
    section = page.parent
    if section is not None and section.children:
        first = next((p for p in section.children if getattr(p, "url", None) is not None), None)
        text = section.title
        category = project.registries.categories.get(page.meta.get("category") or "")
        if category is not None and category.point:
            text = lang.t("layout.point", language, point=category.point, section=section.title)
        return {"text": text, "url": first.url if first is not None and first is not page else None}
    return {"text": project.ward.publication[language], "url": prefix(language) or "./"}


def shape(page, language: str, project, news: News, generated: set[str]) -> PageShape:
    meta = page.meta or {}
    kind = kind_of(page.file.src_uri, meta, news, generated)
    in_section = page.parent is not None and len(page.parent.children) > 1
    hide = hidden_parts(kind, page.toc, in_section, meta.get("hide"))
    listen = None
    untranslated = kind == "article" and language == "en" and news.by_src[page.file.src_uri].en is None
    if kind in ("article", "content") and not untranslated:
        # 0,75× on Vietnamese pages, 0.75× on English ones.
        rates = [{"value": str(rate), "label": lang.number(rate, language, 2).rstrip("0").rstrip(",.") + "×",
                  "selected": rate == 1} for rate in LISTEN_RATES]
        listen = {"lang": language, "rates": rates}
    return PageShape(kind, hide, kicker(kind, page, language, news, project), listen)


_EMPTY_TABINDEX = re.compile(r' tabindex=""')
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def valid_markup(output: str, language: str) -> str:
    """What Material writes that is not valid or not accessible HTML in this layout: `tabindex=""`
    on the label of the menu's active section when sections are tabs (it means "not focusable",
    which leaving it out also means); a table of contents' title labelling a checkbox the page
    does not have (pages outside the menu, section index pages); a search dialog without a name."""
    output = _EMPTY_TABINDEX.sub("", output)
    if _TOC_TITLE in output and 'id="__toc"' not in output:
        output = output.replace(_TOC_TITLE, '<label class="md-nav__title">')
    label = lang.t("search.dialog", language)
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)
