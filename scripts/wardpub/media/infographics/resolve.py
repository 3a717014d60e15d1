"""From specs to render jobs: everything an image depends on, resolved to plain data.

Owns the step between the checked kit and the renderer. For each spec,
format and language it resolves the template's layers into a JSON-able
dict: boxes in pixels for that format, colours as hex from the ward's brand
(extra.ward.colours), font files, sizes in pixels from the type scale, the
texts in that language (NFC, upper-cased where the template says so), the
ward's name, the site address, the source line and the QR code's address.

That dict is all a worker process needs to draw the image, and its digest
(with the renderer's version and the font files' digests) is the image's
cache key: an unchanged spec gives an unchanged key, a changed spec changes
only its own keys (and only in the languages whose text changed), and a
template, frame, font or brand-colour change changes the keys of every image
that uses it. Alt text and captions are not in the key: editing them
re-renders nothing.

Also owns the addresses: an infographic's page is the content page of its
content point (categories.yml), at anchor `#<id>`, under `en/` in English; its
QR code carries the short link to it (wardpub.media.shortlinks, `q/<code>/`), which
stays scannable however long the ward's address.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

import PIL
from mkdocs.utils import get_relative_url

from ... import language as lang
from .. import shortlinks
from ...cache import digest
from ...fonts import font_file
from ...language import LANGUAGES
from ...data.registries import Category, Registries
from ...data.ward import Ward
from . import linebreak
from ...data.content import LIST_SLOTS, STATEMENT_SLOTS, TEXT_SLOTS, Content
from .specs import Kit, Spec
from .templates import CMYK, FORMATS, HEX, Format, Template

# Bump when the renderer draws differently: every key changes. Pillow's version is part of it
# (it brings FreeType and raqm), and so are the segmenter's and the held words' (they move line
# breaks); the encoders' settings are part of the cached files' names.
RENDERER_VERSION = "3"
RENDERER = (f"wardpub {RENDERER_VERSION}; Pillow {PIL.__version__}; underthesea {version('underthesea')}; "
            f"line breaking {digest(linebreak.DATA_FILE)[:12]}")
SITE_FOLDER = "infographics"
SKIP = {"type": "skip", "box": [0, 0, 0, 0]}
# Print formats are laid out on a grid of quarter points (288 dpi): type sizes in whole
# points are whole pixels, and a millimetre is 11.34 px. The PDF backend draws at px / 4 pt.
PX_PER_PT = 4
PX_PER_MM = PX_PER_PT * 72 / 25.4
# The smallest QR module a print format may draw: 0.5 mm scans from arm's length.
PRINT_QR_MODULE_MM = 0.5


@dataclass(frozen=True)
class Job:
    """One image to render: a spec (or card) in one format and one language."""

    key: str
    name: str
    format: str
    language: str
    data: dict
    file: str  # the spec (or template) editors would fix

    @property
    def size(self) -> tuple[int, int]:
        return FORMATS[self.format]

    def site_path(self, suffix: str) -> str:
        return f"{SITE_FOLDER}/{self.name}/{self.name}-{self.format}-{self.language}{suffix}"


@dataclass
class Infographic:
    spec: Spec
    file: str
    category: Category
    pages: dict[str, str]  # language -> site-relative URL of the content page (no anchor)
    urls: dict[str, str]  # language -> absolute URL of the infographic on its page
    source_lines: dict[str, str]
    short: dict[str, shortlinks.ShortLink] = field(default_factory=dict)  # language -> what its QR code carries
    jobs: list[Job] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.spec.id

    def caption(self, language: str) -> str:
        """The caption as posted: the editor's text, the link to the page, the hashtags."""
        link = lang.t("infographics.read_more", language, url=self.urls[language])
        tags = " ".join(f"#{tag}" for tag in self.spec.hashtags[language])
        return f"{self.spec.caption[language].strip()}\n\n{link}\n\n{tags}"

    def job(self, fmt: str, language: str) -> Job:
        return next(j for j in self.jobs if j.format == fmt and j.language == language)


@dataclass
class ShareKit:
    """The checked kit with every image resolved: what the plugin, the gallery and the CLI use."""

    kit: Kit
    site_url: str
    infographics: list[Infographic]
    templates: dict[str, Template]

    @property
    def short_links(self) -> list[shortlinks.ShortLink]:
        return [item.short[language] for item in self.infographics for language in LANGUAGES]

    @property
    def jobs(self) -> list[Job]:
        return [job for item in self.infographics for job in item.jobs]

    def by_category(self, category: str) -> list[Infographic]:
        return [item for item in self.infographics if item.spec.category == category]


# ── addresses ───────────────────────────────────────────────────────────────

def page_url(docs_path: str, language: str) -> str:
    """Site-relative URL of a docs page ("a/b.md" -> "a/b/", "a/index.md" -> "a/"), "en/" first in English."""
    path = docs_path[:-3] if docs_path.endswith(".md") else docs_path
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    prefix = "" if language == lang.DEFAULT_LANGUAGE else f"{language}/"
    return (prefix + path).lstrip("/") if path != "/" else prefix


def absolute_url(site_url: str, path: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + path


def relative_url(target: str, page: str) -> str:
    """A link from the page at site-relative URL page (ending in / or empty) to a site-relative target."""
    return get_relative_url(target, page)


def site_address(site_url: str) -> str:
    """The address printed on images: host and path, no scheme, no trailing slash."""
    parts = urlsplit(site_url)
    return (parts.netloc + parts.path).rstrip("/")


def source_line(content: Content, registries: Registries, language: str) -> str:
    outlets: list[str] = []
    for number in content.source_ids():
        outlet = registries.sources[number].outlet
        if outlet not in outlets:
            outlets.append(outlet)
    if content.source_note is not None:
        outlets.append(content.source_note[language])
    return lang.t("infographics.sources", language, count=len(outlets), outlets="; ".join(outlets)) if outlets else ""


# ── layers ──────────────────────────────────────────────────────────────────

def colour(token: Optional[str], palette: dict[str, str], brand: dict[str, str]) -> Optional[str]:
    """A colour token (palette role, brand name or hex) as #rrggbb."""
    seen = set()
    while token is not None and token in palette and token not in seen:
        seen.add(token)
        token = palette[token]
    if token is None:
        return None
    if token in brand:
        return brand[token]
    if HEX.match(token):
        return token.lower()
    found = CMYK.match(token)
    if found:
        return "cmyk({},{},{},{})".format(*(int(v) for v in found.groups()))
    raise ValueError(f"unknown colour {token!r}")


def _length(value, fmt: Format):
    """A template length (box, gap, stroke) in layout px: as written on screen, mm converted in print."""
    if fmt.unit == "px" or not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    return round(value * PX_PER_MM)


def _box(box, fmt: Format) -> list:
    return [_length(v, fmt) for v in box]


def content_values(content: Content, language: str) -> dict[str, Any]:
    """Slot -> text (or list of item dicts) in one language, with each text's field path for messages."""
    values: dict[str, Any] = {}
    for name in TEXT_SLOTS:
        value = getattr(content, name)
        if value is not None:
            values[name] = (value[language], f"{name}.{language}")
    for name in STATEMENT_SLOTS:
        value = getattr(content, name)
        if value is not None:
            values[name] = (value.text[language], f"{name}.text.{language}")
    for name, fields in LIST_SLOTS.items():
        items = getattr(content, name)
        if items:
            values[name] = [{f: (getattr(item, f)[language], f"{name}.{n}.{f}.{language}") for f in fields}
                            for n, item in enumerate(items)]
    return values


def _size(value, fmt: Format) -> int:
    """A type size in layout px (points times PX_PER_PT in print formats)."""
    size = fmt.type_scale[value] if isinstance(value, str) else value
    return size * PX_PER_PT if fmt.printed else size


def _text(raw: str, case: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    return text.upper() if case == "upper" else text


def _resolve_layer(layer, fmt: Format, values: dict, context: dict, template: Template, palette: dict,
                   brand: dict, language: str, item: Optional[dict] = None) -> Optional[dict]:
    if layer.box is None:
        return None
    if layer.when is not None and not (item or {}).get(layer.when, values.get(layer.when) or context.get(layer.when)):
        return None
    paint = lambda token: colour(token, palette, brand)
    base = {"type": layer.type, "box": _box(layer.box, fmt), **({"name": layer.name} if layer.name else {})}
    if layer.type == "rect":
        return {**base, "fill": paint(layer.fill), "outline": paint(layer.outline), "width": _length(layer.width, fmt),
                "radius": _length(layer.radius, fmt), "to_next": layer.to_next}
    if layer.type == "qr":
        qr = {**base, "data": context["url"], "dark": paint(layer.dark), "light": paint(layer.light), "quiet": layer.quiet}
        return {**qr, "min_module": math.ceil(PRINT_QR_MODULE_MM * PX_PER_MM)} if fmt.printed else qr
    if layer.type == "icon":
        return {**base, "shape": layer.shape, "colour": paint(layer.colour), "stroke": _length(layer.stroke, fmt)}
    if layer.type == "image":
        picture = context.get(layer.source)
        return {**base, **picture} if picture else None
    if layer.type == "text":
        if layer.slot is not None:
            found = values.get(layer.slot)
            if not found:
                return None
            text, where = found
        elif layer.field is not None:
            text, where = item[layer.field]
        else:
            literal = layer.text if isinstance(layer.text, str) else layer.text[language]
            text, where = literal.format_map(context), "(mẫu)"
            if not text.strip():
                return None
        size = _size(layer.size, fmt)
        return {**base, "text": _text(text, layer.case), "field": where, "font": template.fonts[layer.font],
                "size": size, "min_size": min(size, _size(layer.min_size, fmt)) if layer.min_size is not None else size,
                "line_height": layer.line_height, "colour": paint(layer.colour), "align": layer.align,
                "valign": layer.valign, "max_lines": layer.max_lines, "trim": layer.trim,
                "language": language, "balance": layer.wrap == "balance", "strike": paint(layer.strike)}
    if layer.type == "stack":
        items = values.get(layer.slot) or []
        cells = []
        for n, entry in enumerate(items, start=1):
            cell_context = {**context, "n": str(n)}
            # Absent layers keep their place: items share type sizes layer by layer.
            cells.append([_resolve_layer(sub, fmt, values, cell_context, template, palette, brand, language, entry) or SKIP
                          for sub in layer.item])
        return {**base, "field": f"{layer.slot}.{language}", "columns": layer.columns, "rows": layer.rows,
                "gap": _length(layer.gap, fmt), "column_gap": _length(layer.column_gap, fmt), "sizing": layer.sizing, "justify": layer.justify, "items": cells,
                **({"overlay": True} if layer.overlay else {})}
    raise ValueError(f"unknown layer type {layer.type!r}")


@lru_cache(maxsize=64)
def font_digest(name: str) -> str:
    return digest(font_file(name))[:16]


def resolve_image(template: Template, fmt: Format, content: Content, language: str, context: dict,
                  brand: dict[str, str], overrides: Optional[dict[str, str]] = None) -> dict:
    """The JSON-able description of one image: what the renderer draws and what its key digests."""
    palette = {**template.palette, **(overrides or {})}
    values = content_values(content, language)
    layers = [resolved for layer in fmt.layers
              if (resolved := _resolve_layer(layer, fmt, values, context, template, palette, brand, language))]
    fonts = sorted({f for f in template.fonts.values()})
    data = {
        "renderer": RENDERER,
        "size": _box([fmt.width, fmt.height], fmt),
        "safe": _box(fmt.safe, fmt),
        "fonts": {name: font_digest(name) for name in fonts},
        "layers": layers,
    }
    if fmt.printed:  # what the PDF backend needs besides the layout
        data |= {"unit": fmt.unit, "px_per_unit": PX_PER_MM, "trim": [fmt.width, fmt.height], "bleed": fmt.bleed,
                 "colours": fmt.colours, "folds": list(fmt.folds)}
    return data


def make_job(name: str, fmt: str, language: str, data: dict, file: str, debug: bool = False) -> Job:
    if debug:
        data = {**data, "debug": True}
    return Job(digest(data), name, fmt, language, data, file)


def brand_colours(ward: Ward) -> dict[str, str]:
    return dict(ward.colours.model_dump())


def image_context(ward: Ward, registries: Registries, site_url: str, content: Content, language: str,
                  category: Optional[Category], url: str) -> dict:
    return {
        "ward": ward.name[language],
        "committee": ward.committee[language],
        "publication": ward.publication[language],
        "site": site_address(site_url),
        "sources": source_line(content, registries, language),
        "category": category[language] if category else "",
        "url": url,
        "n": "",
    }


def resolve_kit(kit: Kit, ward: Ward, registries: Registries, site_url: str, debug: bool = False) -> ShareKit:
    """Every spec of a checked kit as infographics with their jobs, in the order of categories.yml."""
    order = {key: n for n, key in enumerate(registries.categories)}
    brand = brand_colours(ward)
    infographics = []
    for spec_id in sorted(kit.specs, key=lambda i: (order.get(kit.specs[i].category, 99), kit.specs[i].order, i)):
        spec = kit.specs[spec_id]
        category = registries.categories[spec.category]
        pages = {language: page_url(category.page, language) for language in LANGUAGES}
        urls = {language: absolute_url(site_url, pages[language]) + f"#{spec.id}" for language in LANGUAGES}
        lines = {language: source_line(spec, registries, language) for language in LANGUAGES}
        infographics.append(Infographic(spec, kit.files[spec_id], category, pages, urls, lines))
    short = shortlinks.links([(item.id, language, f"{item.pages[language]}#{item.id}", item.spec.title[language])
                              for item in infographics for language in LANGUAGES])
    links = iter(short)
    for item in infographics:
        item.short = {language: next(links) for language in LANGUAGES}
    for item in infographics:
        spec, category = item.spec, item.category
        template = kit.templates[spec.template]
        for fmt_name, fmt in template.formats.items():
            if fmt_name not in FORMATS:  # the clip format makes a clip (wardpub.media.clips), not an image
                continue
            for language in LANGUAGES:
                context = image_context(ward, registries, site_url, spec, language, category, item.short[language].url(site_url))
                data = resolve_image(template, fmt, spec, language, context, brand, spec.colours)
                item.jobs.append(make_job(spec.id, fmt_name, language, data, item.file, debug))
    return ShareKit(kit, site_url, infographics, kit.templates)


def example_jobs(template: Template, ward: Ward, registries: Registries, site_url: str,
                 formats: Optional[list[str]] = None) -> list[Job]:
    """Jobs for a template's named examples (golden tests, docs, the bench)."""
    brand = brand_colours(ward)
    jobs = []
    for example, content in template.examples.items():
        name = f"{template.name}--{example}"
        for fmt_name, fmt in template.formats.items():
            if (formats and fmt_name not in formats) or fmt_name not in FORMATS:
                continue
            for language in LANGUAGES:
                target = page_url("nghi-quyet-71/index.md", language) + f"#{name}"
                url = shortlinks.links([(name, language, target, name)])[0].url(site_url)
                context = image_context(ward, registries, site_url, content, language, None, url)
                jobs.append(make_job(name, fmt_name, language, resolve_image(template, fmt, content, language, context, brand),
                                     template.file))
    return jobs


def file_path(folder: Path, name: str) -> Path:
    return Path(folder) / f"{name}.yml"
