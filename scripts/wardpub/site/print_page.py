"""The print-kit page ("Tài liệu in"): every printed item with its preview, size and downloads.

Owns `page_section` (one of the plugin's PAGE_SECTIONS): on the page whose
front matter says `print_kit: true` it adds, grouped by kind (exhibition
boards, posters, roll-up, panel, banners, leaflet, study session), each item
with the preview of its first page, its finished size and bleed, a note
where one applies (a slogan still a draft), and a download link per file:
PDF for the print shop (per format and language), PPTX and PDF of the
slides. Links are relative to the page, so the site works under any sub-path.
"""

from __future__ import annotations

import html

from .. import language as lang
from ..media.infographics.resolve import relative_url
from .gallery import heading
from ..media.printkit.items import Document, PrintItem

KINDS = ("board", "poster", "rollup", "pano", "banner", "leaflet", "deck", "outline")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def size_text(document: Document, language: str) -> str:
    width, height = document.size_mm
    if document.kind in ("deck",):
        return lang.t("print.size.slides", language, count=len(document.pages))
    size = f"{lang.number(width / 10, language)} × {lang.number(height / 10, language)} cm"
    if document.bleed_mm:
        return lang.t("print.size.bleed", language, size=size, bleed=document.bleed_mm)
    return lang.t("print.size.plain", language, size=size, pages=len(document.pages))


def download(document: Document, suffix: str, page: str, language: str, bytes_: int) -> str:
    path = document.site_path(suffix)
    label = lang.t(f"print.file{suffix}", language, format=document.format, which=lang.t(f"infographics.language.{document.language}", language))
    size = f"{lang.number(round(bytes_ / 1000), language)} KB"
    return (f'<li><a class="md-button ward-share__file" href="{_e(relative_url(path, page))}" download="{_e(path.rsplit("/", 1)[-1])}">'
            f'{_e(label)} <span class="ward-share__size">{_e(size)}</span></a></li>')


def item_html(item: PrintItem, page: str, language: str, sizes) -> str:
    first = item.documents[0]
    preview = relative_url(first.site_path(".png"), page)
    alt = lang.t("print.preview_alt", language, title=item.title[language])
    width, height = first.size_mm
    ratio = f"{width} / {height}"
    parts = [f'<div class="ward-share ward-print">',
             f'<img class="ward-share__image ward-print__preview" src="{_e(preview)}" alt="{_e(alt)}" loading="lazy" decoding="async" style="aspect-ratio: {ratio}">',
             '<div class="ward-share__body">']
    formats = list(dict.fromkeys(size_text(d, language) for d in item.documents))
    parts.append(f'<p class="ward-print__size">{_e("; ".join(formats))}</p>')
    if item.note is not None:
        parts.append(f'<p class="ward-print__note">{_e(item.note[language])}</p>')
    links = [download(d, suffix, page, language, sizes(d, suffix)) for d in item.documents for suffix in d.outputs if suffix != ".png"]
    parts.append('<ul class="ward-share__files">\n' + "\n".join(links) + "\n</ul>")
    parts.append("</div>\n</div>")
    return "\n".join(parts)


def kit_markdown(kit, page: str, language: str, sizes) -> str:
    from ..media.printkit.output import MANIFEST

    parts = [f'<p class="ward-print__manifest">{_e(lang.t("print.manifest", language))} '
             f'<a href="{_e(relative_url(MANIFEST, page))}">{_e(MANIFEST)}</a></p>']
    for kind in KINDS:
        items = [item for item in kit.items if item.kind == kind]
        if not items:
            continue
        parts.append(f"## {lang.t(f'print.kind.{kind}', language)}")
        parts.append(lang.t(f"print.kind.{kind}.about", language))
        for item in items:
            parts.append(f"### {heading(item.title[language])} {{ #{item.id} }}\n\n{item_html(item, page, language, sizes)}")
    return "\n\n".join(parts)


def page_section(page, language: str, project) -> str:
    kit = getattr(project, "printkit", None)
    if kit is None or not (page.meta or {}).get("print_kit"):
        return ""
    from ..media.printkit.kit import kit_files

    files = kit_files(kit, author=project.ward.committee["vi"])
    return kit_markdown(kit, page.url, language, lambda document, suffix: files[document.site_path(suffix)].stat().st_size)
