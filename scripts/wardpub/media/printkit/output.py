"""Finished print files: drawing, the content-addressed cache, previews, the manifest.

Owns what reaches disk. Each `Document` (wardpub.media.printkit.items) becomes, in
`.cache/print/`, files named by its key: the PDF (the PDF backend,
wardpub.media.infographics.pdf), the PPTX for slide decks (the PowerPoint backend,
wardpub.media.infographics.powerpoint) and a PNG preview of its first page, cut
to the trim, for the kit page (rendered from the PDF itself with pdfium, so
the preview is what the print shop gets). A document whose files exist is
never drawn again, so a build with nothing changed draws nothing; drawing
is deterministic (same document, same bytes).

The site gets `print/<item>/<name>.pdf` (and `.pptx`, `.png`) and
`print/manifest.json`, which lists every item and every file with its
size in millimetres, bleed, colour space, pages and bytes.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import oxipng
from PIL import Image

from ...cache import ContentCache, digest
from ...language import LANGUAGES
from ..infographics.pdf import MM, SLUG_MM, pdf_document, sheet_of
from ..infographics.render import RenderError, plan
from .items import SITE_FOLDER, Document, PrintItem

MANIFEST = f"{SITE_FOLDER}/manifest.json"
PREVIEW_LONG_SIDE = 720  # px
MEDIA_TYPES = {".pdf": "application/pdf", ".png": "image/png",
               ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def laid_out(document: Document) -> list:
    """Every page of a document planned by the engine; RenderError if any text does not fit."""
    pages = []
    for data in document.pages:
        page, problems = plan(data)
        if problems:
            raise RenderError(problems)
        pages.append((page, sheet_of(data, document.slug)))
    return pages


def draw_pdf(document: Document, author: str = "") -> bytes:
    return pdf_document(laid_out(document), title=document.title or document.name, author=author)


def preview_png(pdf: bytes, marked: bool) -> bytes:
    """The first page cut to its trim, PREVIEW_LONG_SIDE px on its longer side."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()
        margin = SLUG_MM * MM if marked else 0
        scale = PREVIEW_LONG_SIDE / max(width - 2 * margin, height - 2 * margin)
        image = page.render(scale=scale, crop=(margin, margin, margin, margin)).to_pil().convert("RGB")
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return oxipng.optimize_from_memory(out.getvalue(), level=2)


class PrintCache:
    """Each document's files under its key in .cache/print/."""

    def __init__(self, store: Optional[ContentCache] = None):
        self.store = store or ContentCache("print")

    def path(self, document: Document, suffix: str) -> Path:
        return self.store.path(digest(document.key, suffix), suffix)

    def has(self, document: Document) -> bool:
        return all(self.path(document, suffix).is_file() for suffix in document.outputs)


@dataclass
class Report:
    drawn: list[Document] = field(default_factory=list)
    cached: int = 0


def render_documents(documents: list[Document], cache: Optional[PrintCache] = None, author: str = "") -> Report:
    """Draw every document whose files are not in the cache yet."""
    from ...cache import write_atomic

    cache = cache or PrintCache()
    report = Report()
    for document in documents:
        if cache.has(document):
            report.cached += 1
            continue
        pdf = draw_pdf(document, author)
        if ".pptx" in document.outputs:
            from ..infographics.powerpoint import pptx_document

            write_atomic(cache.path(document, ".pptx"), pptx_document(laid_out(document), document.notes, document.title))
        write_atomic(cache.path(document, ".png"), preview_png(pdf, document.bleed_mm > 0))
        write_atomic(cache.path(document, ".pdf"), pdf)
        report.drawn.append(document)
    return report


def site_files(items: list[PrintItem], site_url: str, cache: Optional[PrintCache] = None) -> dict[str, Path]:
    """Site path -> cached file for every document's files and the manifest (documents must be drawn)."""
    cache = cache or PrintCache()
    files: dict[str, Path] = {}
    for item in items:
        for document in item.documents:
            for suffix in document.outputs:
                files[document.site_path(suffix)] = cache.path(document, suffix)
    text = json.dumps(manifest(items, site_url, cache), ensure_ascii=False, indent=1) + "\n"
    path, _ = cache.store.get_or_make(digest(text), lambda: text.encode("utf-8"), ".json")
    files[MANIFEST] = path
    return files


def manifest(items: list[PrintItem], site_url: str, cache: Optional[PrintCache] = None) -> dict:
    """Every item of the kit and every file of it, for the communications team and the print shop."""
    cache = cache or PrintCache()
    base = site_url if site_url.endswith("/") else site_url + "/"
    entries = []
    for item in items:
        files = []
        for document in item.documents:
            for suffix in document.outputs:
                path = cache.path(document, suffix)
                files.append({
                    "name": document.name, "format": document.format, "language": document.language,
                    "width_mm": document.size_mm[0], "height_mm": document.size_mm[1], "bleed_mm": document.bleed_mm,
                    "colours": document.colours, "pages": len(document.pages), "type": MEDIA_TYPES[suffix],
                    "bytes": path.stat().st_size, "path": document.site_path(suffix), "url": base + document.site_path(suffix),
                })
        entries.append({
            "id": item.id, "kind": item.kind, "file": item.file,
            "title": {language: item.title[language] for language in LANGUAGES},
            "note": {language: item.note[language] for language in LANGUAGES} if item.note else None,
            "files": files,
        })
    return {"site": site_url, "count": len(entries), "items": entries}
