"""From print specs to documents: every printed file resolved, laid out and checked by the one engine.

Owns the step from the checked print specs (wardpub.media.printkit.specs) to
`Document`s: one PDF each, a list of pages as the image engine's resolved
descriptions (wardpub.media.infographics.resolve.resolve_image, in the print
format's millimetres and points). A poster gives one document per format and
language; a leaflet one per language with both sides; a banner one per
language. The words come from the item's infographic, its own content or
its slogan; the context adds the ward's contacts, the board's number and
the "DỰ THẢO" mark of a slogan not yet approved.

`layout_problems` lays every page out (wardpub.media.infographics.render.plan)
and turns what does not fit into one line naming file, field and format:

    print/an-pham/bang-ron-x.yml: slogan (khau-hieu.yml: quoc-sach-hang-dau.vi):
    không vừa khổ bang-ron (tràn 120 mm theo chiều ngang ở cỡ chữ nhỏ nhất 250 pt)…

A document's key digests its pages and the PDF backend's version: the cache
(wardpub.media.printkit.output) draws only documents whose key is new.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Optional

from ... import language as lang
from ...cache import digest
from ...problems import Problem
from ...data.registries import Bilingual, Registries
from ...data.ward import Ward
from ...data.content import Content
from ..infographics.render import LayoutProblem, plan
from ..infographics.resolve import PX_PER_MM, PX_PER_PT, absolute_url, image_context, page_url, resolve_image
from ..infographics.templates import Format, Template
from .specs import Item, PrintSpecs, slogan_words

# Bump when the PDF backend draws differently: every document's key changes.
PDF_VERSION = "2"
BACKEND = f"wardpub pdf {PDF_VERSION}; reportlab {version('reportlab')}"
SITE_FOLDER = "print"


@dataclass(frozen=True)
class Document:
    """One file to hand over: its pages (resolved images) and what the kit page says about it."""

    name: str  # file name without suffix, unique in the kit
    item: str  # the item's id
    kind: str
    format: str
    language: str
    pages: tuple  # resolved page descriptions, in order
    file: str  # the spec editors would fix
    size_mm: tuple[int, int]
    bleed_mm: int
    colours: str
    slug: str  # printed beside the crop marks
    words_file: str = ""  # where the printed words are written (the item, its infographic, the slogans)
    words_prefix: str = ""  # the path of the words in that file ("content.", "slogans.2.")
    title: str = ""  # the PDF's title
    outputs: tuple = (".pdf", ".png")  # files made: the PDF, its preview, and a PPTX for slide decks
    notes: tuple = ()  # speaker notes, one per page (slide decks)
    formats: tuple = ()  # each page's format, when they differ (a leaflet's two sides)

    @property
    def key(self) -> str:
        return digest(list(self.pages), BACKEND, self.slug)

    def site_path(self, suffix: str) -> str:
        return f"{SITE_FOLDER}/{self.item}/{self.name}{suffix}"


@dataclass
class PrintItem:
    """An item of the kit with its documents (a print spec's, or the meeting kit's)."""

    item: Optional[Item]
    file: str
    title: Bilingual
    documents: list[Document] = field(default_factory=list)
    note: Optional[Bilingual] = None  # what the kit page adds (a slogan's status and origin)
    ident: str = ""
    kind: str = ""

    def __post_init__(self):
        if self.item is not None:
            self.ident, self.kind = self.item.id, self.item.kind

    @property
    def id(self) -> str:
        return self.ident


def item_content(item: Item, specs: PrintSpecs, infographics: dict) -> Content:
    """The words an item prints: its infographic's, its own, or its slogan as the title."""
    if item.infographic is not None:
        return infographics[item.infographic]
    if item.content is not None:
        return item.content
    slogan = specs.slogans[item.slogan]
    return Content(title={language: slogan_words(slogan.text[language]) for language in lang.LANGUAGES}, sources=slogan.sources)


def item_category(item: Item, infographics: dict) -> Optional[str]:
    if item.category is not None:
        return item.category
    if item.infographic is not None:
        return infographics[item.infographic].category
    return None


def print_context(ward: Ward, registries: Registries, site_url: str, content: Content, language: str,
                  category_key: Optional[str], anchor: str = "", number: Optional[int] = None, total: int = 0,
                  draft: bool = False) -> dict:
    """What a print template's {placeholders} and QR code resolve to."""
    category = registries.categories.get(category_key) if category_key else None
    page = page_url(category.page, language) if category else page_url("index.md", language)
    url = absolute_url(site_url, page) + (f"#{anchor}" if anchor and category else "")
    context = image_context(ward, registries, site_url, content, language, category, url)
    context |= {"address": ward.address[language], "phone": ward.phone, "email": ward.email,
                "number": str(number) if number else "", "total": str(total) if number else "",
                "draft": lang.t("print.draft_mark", language) if draft else ""}
    return context


def brand_for(fmt: Format, ward: Ward) -> dict[str, str]:
    """Brand colour names as the format's colour space writes them."""
    if fmt.colours == "cmyk":
        if ward.colours_cmyk is None:
            raise ValueError("extra.ward.colours_cmyk is missing")
        return {name: ward.colours_cmyk.css(name) for name in type(ward.colours_cmyk).model_fields}
    return dict(ward.colours.model_dump())


def slug_line(ward: Ward, title: str, fmt: Format, language: str) -> str:
    width, height = fmt.width, fmt.height
    return lang.t("print.slug", language, ward=ward.name[language], title=title, width=f"{width / 10:g}", height=f"{height / 10:g}",
                  bleed=fmt.bleed)


def make_document(name: str, item: Item, file: str, template: Template, fmts: list[str], content: Content,
                  context: dict, language: str, brand_of, slug: str, words: tuple[str, str]) -> Document:
    pages = tuple(resolve_image(template, template.formats[f], content, language, context, brand_of(template.formats[f]))
                  for f in fmts)
    first = template.formats[fmts[0]]
    return Document(name, item.id, item.kind, "+".join(fmts), language, pages, file, (first.width, first.height),
                    first.bleed, first.colours, slug, *words, title=slug.split(" · ")[1] if " · " in slug else name,
                    formats=tuple(fmts))


def words_of(item: Item, file: str, specs: PrintSpecs, infographic_files: dict) -> tuple[str, str]:
    if item.infographic is not None:
        return infographic_files[item.infographic], ""
    if item.slogan is not None:
        return specs.slogan_file, f"slogans.{list(specs.slogans).index(item.slogan)}."
    return file, "content."


def resolve_items(specs: PrintSpecs, infographics: dict, ward: Ward, registries: Registries, site_url: str,
                  infographic_files: Optional[dict] = None) -> list[PrintItem]:
    """Every item with its documents, boards first in their order, then by kind and order."""
    boards_total = sum(1 for item in specs.items.values() if item.kind == "board")
    order = {kind: n for n, kind in enumerate(("board", "poster", "rollup", "pano", "banner", "leaflet"))}
    items = []
    for item_id in sorted(specs.items, key=lambda i: (order[specs.items[i].kind], specs.items[i].number or 0,
                                                       specs.items[i].order, i)):
        item = specs.items[item_id]
        file = specs.files[item_id]
        template = specs.templates[item.template]
        content = item_content(item, specs, infographics)
        slogan = specs.slogans.get(item.slogan) if item.slogan else None
        draft = slogan is not None and slogan.status != "approved"
        title = item.title or content.title
        note = None
        if slogan is not None:
            status = {language: lang.t(f"print.slogan.{slogan.status}", language, origin=slogan.origin[language])
                      for language in lang.LANGUAGES}
            note = Bilingual(**status)
        entry = PrintItem(item, file, title, note=note)
        fmts = item.formats or list(template.formats)
        category = item_category(item, infographics)
        for language in item.languages:
            context = print_context(ward, registries, site_url, content, language, category, item.infographic or "",
                                    item.number, boards_total, draft)
            brand_of = lambda fmt: brand_for(fmt, ward)
            if item.kind == "leaflet":
                groups = [fmts]  # both sides in one file
            else:
                groups = [[f] for f in fmts]
            for group in groups:
                fmt = template.formats[group[0]]
                suffix = f"-{group[0]}" if len(groups) > 1 else ""
                name = f"{item.id}{suffix}-{language}"
                slug = slug_line(ward, title[language], fmt, language)
                entry.documents.append(make_document(name, item, file, template, group, content, context, language, brand_of, slug,
                                                     words_of(item, file, specs, infographic_files or {})))
        items.append(entry)
    return items


# ── text that does not fit ──────────────────────────────────────────────────

def layout_problems(documents: list[Document], has) -> list[Problem]:
    """Lay out every page of every document not yet drawn; one line per field that does not fit, naming its formats."""
    found: dict[tuple[str, str, str], list[tuple[str, LayoutProblem, float]]] = {}
    for document in documents:
        if has(document):
            continue
        for data in document.pages:
            _, problems = plan(data)
            fmt_name = document.formats[list(document.pages).index(data)] if document.formats else document.format
            for problem in problems:
                if problem.field == "(mẫu)" or not document.words_file:
                    file, where = document.file, problem.field
                else:
                    where = document.words_prefix + problem.field
                    if document.words_prefix.startswith("slogans."):
                        where = where.replace(".title.", ".text.")
                    file = document.words_file
                    if file != document.file:
                        where = f"{where} ({document.file})"
                found.setdefault((file, where, problem.kind), []).append((fmt_name, problem, data.get("px_per_unit", 1.0)))
    return [as_problem(file, where, kind, hits) for (file, where, kind), hits in found.items()]


def as_problem(file: str, where: str, kind: str, hits: list[tuple[str, LayoutProblem, float]]) -> Problem:
    """One line: the field, the formats it overflows and by how many millimetres, at which smallest size."""
    first = hits[0][1]
    if where == "(mẫu)":
        where = "(chữ của mẫu)"
    formats = list(dict.fromkeys(fmt for fmt, _, _ in hits))
    if kind == "glyph":
        return Problem(file, where, f"phông chữ không có ký tự {first.detail}",
                       "thay bằng ký tự khác (ví dụ “→” bằng “-”) hoặc xóa")
    if kind == "qr":
        return Problem(file, where, f"mã QR quá dày cho khung ở khổ {', '.join(formats)}", "rút ngắn địa chỉ trang (site_url)")
    worst = max(hits, key=lambda hit: hit[1].excess / hit[2])
    _, problem, px_per_mm = worst
    axis = "chiều cao" if problem.axis == "height" else "chiều ngang"
    excess_mm = math.ceil(problem.excess / px_per_mm)
    size_pt = problem.size / PX_PER_PT if px_per_mm != 1.0 else problem.size
    share = problem.excess / (problem.room + problem.excess) if problem.room > 0 else 0.2
    cut = max(1, math.ceil(problem.length * share))
    return Problem(file, where, f"không vừa khổ {', '.join(formats)} ở cỡ chữ nhỏ nhất {size_pt:g} pt "
                                f"(tràn {excess_mm} mm theo {axis})",
                   f"rút gọn khoảng {cut} ký tự, hoặc chọn khổ lớn hơn")


__all__ = ["Document", "PrintItem", "PX_PER_MM", "layout_problems", "resolve_items"]
