"""The PDF backend: laid-out pages (wardpub.media.infographics.scene) drawn as vector PDF with reportlab.

Owns what a print shop receives. A page laid out on a print format's grid
(`Page.px_per_unit` px per mm; type on whole quarter points) is drawn at its
trim size in points, with:

- vector text in Be Vietnam Pro, embedded as subsets; each run is spaced to
  the advance the layout measured (raqm applies kerning, reportlab does
  not), so lines end where the layout put them;
- colours as the page carries them: `cmyk(c,m,y,k)` in percent for print
  (the canvas refuses any RGB colour: `enforceColorSpace="cmyk"`), `#rrggbb`
  for slides shown on a screen;
- a bleed: fills that touch the trim edge run on into it, so no white
  hairline shows after cutting; crop marks outside the bleed in
  registration colour (and fold marks where the format folds), with a slug
  line naming the item; TrimBox and BleedBox set, the MediaBox large enough
  for the marks;
- QR codes as vector squares (one path), pictures as images: converted to
  CMYK (full grey-component replacement, so black stays black ink) for print
  pages, at the resolution they were drawn for.

Output is deterministic (`invariant=1`: no dates or random ids), so the same
pages give the same bytes. `pdf_document` draws a list of pages into one file
(a leaflet's two sides, a deck's slides).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from PIL import Image
from reportlab.lib.colors import CMYKColor, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ...fonts import font_file
from .layout import load_font
from .scene import Page, Picture, QrCode, Rect, Renderer, Strokes, TextRun, paint

MM = 72 / 25.4  # points per millimetre
MARKS_OFFSET_MM = 2  # from the bleed's edge to a crop mark
MARKS_LENGTH_MM = 5
SLUG_MM = 12  # room outside the trim for bleed, marks and the slug line
REGISTRATION = CMYKColor(1, 1, 1, 1)  # crop marks print on every plate
_CMYK = re.compile(r"^cmyk\((\d+),(\d+),(\d+),(\d+)\)$")


@dataclass(frozen=True)
class Sheet:
    """How a page is printed: colour space, bleed and marks (from its format), a slug line."""

    colours: str = "cmyk"  # or "rgb" (slides)
    bleed_mm: float = 0
    folds_mm: tuple = ()
    slug: str = ""  # printed outside the trim, beside the marks
    trim_mm: tuple = ()  # the finished size exactly (the layout's grid rounds it to a pixel)

    @property
    def marks(self) -> bool:
        return self.bleed_mm > 0


def sheet_of(data: dict, slug: str = "") -> Sheet:
    """The sheet settings a resolved print image carries (wardpub.media.infographics.resolve)."""
    return Sheet(data.get("colours", "rgb"), data.get("bleed", 0), tuple(data.get("folds", ())), slug, tuple(data.get("trim", ())))


def colour(value: str):
    """A page colour for reportlab: CMYK in percent, or hex."""
    found = _CMYK.match(value.replace(" ", ""))
    if found:
        return CMYKColor(*(int(v) / 100 for v in found.groups()))
    return HexColor(value)


def to_cmyk(image: Image.Image) -> Image.Image:
    """RGB pixels as CMYK with full grey-component replacement: black and greys on the black plate only."""
    import numpy as np  # here: every build imports this module, few draw a print file

    rgb = np.asarray(image.convert("RGB"), dtype=np.float32) / 255.0
    k = 1.0 - rgb.max(axis=2)
    room = np.where(k < 1.0, 1.0 - k, 1.0)
    cmy = (1.0 - rgb - k[..., None]) / room[..., None]
    cmyk = np.concatenate([cmy, k[..., None]], axis=2)
    return Image.fromarray(np.round(np.clip(cmyk, 0, 1) * 255).astype(np.uint8), "CMYK")


@lru_cache(maxsize=None)
def font_name(file: str) -> str:
    """Register a Be Vietnam Pro file with reportlab once (embedded as a subset when used)."""
    name = Path(file).stem
    pdfmetrics.registerFont(TTFont(name, str(font_file(file))))
    return name


class PdfRenderer(Renderer):
    """Draws one page on a shared canvas; `finish` closes the page."""

    def __init__(self, page: Page, canvas: Canvas, sheet: Sheet):
        super().__init__(page)
        self.canvas = canvas
        self.sheet = sheet
        self.pt = 1 / page.px_per_unit * (MM if page.unit == "mm" else 1)  # points per layout px
        self.margin = SLUG_MM * MM if sheet.marks else 0
        trim_w, trim_h = (sheet.trim_mm[0] * MM, sheet.trim_mm[1] * MM) if sheet.trim_mm else (page.width * self.pt, page.height * self.pt)
        self.trim_h = trim_h
        self.size = (trim_w + 2 * self.margin, trim_h + 2 * self.margin)
        canvas.setPageSize(self.size)
        m, b = self.margin, sheet.bleed_mm * MM
        canvas.setTrimBox((m, m, m + trim_w, m + trim_h))
        canvas.setBleedBox((m - b, m - b, m + trim_w + b, m + trim_h + b))
        canvas.setArtBox((m, m, m + trim_w, m + trim_h))
        canvas.setCropBox((0, 0, *self.size))
        self._bleed_px = round(sheet.bleed_mm * page.px_per_unit) if page.unit == "mm" else 0

    # Layout px (y down, from the trim's top left) to PDF points (y up, from the sheet's bottom left).
    def x(self, px: float) -> float:
        return self.margin + px * self.pt

    def y(self, px: float) -> float:
        return self.margin + self.trim_h - px * self.pt

    def _bled(self, box):
        """A fill touching the trim edge runs on into the bleed."""
        x0, y0, x1, y1 = box
        b = self._bleed_px
        w, h = self.page.width, self.page.height
        return (x0 - b if x0 <= 0 else x0, y0 - b if y0 <= 0 else y0, x1 + b if x1 >= w else x1, y1 + b if y1 >= h else y1)

    def rect(self, rect: Rect) -> None:
        c = self.canvas
        box = self._bled(rect.box) if rect.fill and rect.radius <= 0 else rect.box
        x0, y0, x1, y1 = box
        args = (self.x(x0), self.y(y1), (x1 - x0) * self.pt, (y1 - y0) * self.pt)
        if rect.fill:
            c.setFillColor(colour(rect.fill))
            if rect.radius > 0:
                c.roundRect(*args, rect.radius * self.pt, stroke=0, fill=1)
            else:
                c.rect(*args, stroke=0, fill=1)
        if rect.outline and rect.width:
            # Pillow draws an outline inside the box: so does this.
            inset = rect.width / 2
            ox0, oy0, ox1, oy1 = rect.box[0] + inset, rect.box[1] + inset, rect.box[2] - inset, rect.box[3] - inset
            c.setStrokeColor(colour(rect.outline))
            c.setLineWidth(rect.width * self.pt)
            inner = (self.x(ox0), self.y(oy1), (ox1 - ox0) * self.pt, (oy1 - oy0) * self.pt)
            if rect.radius > 0:
                c.roundRect(*inner, max(rect.radius - inset, 0) * self.pt, stroke=1, fill=0)
            else:
                c.rect(*inner, stroke=1, fill=0)

    def text(self, run: TextRun) -> None:
        name = font_name(run.font)
        size = run.size * self.pt
        # The layout's advance (raqm, with kerning) spread over the run, so the line ends where it was measured.
        measured = load_font(run.font, run.size).getlength(run.text) * self.pt
        natural = pdfmetrics.stringWidth(run.text, name, size)
        spacing = (measured - natural) / len(run.text) if run.text else 0
        text = self.canvas.beginText(self.x(run.x), self.y(run.baseline))
        text.setFont(name, size)
        text.setCharSpace(spacing)
        text.setFillColor(colour(run.colour))
        stroke = getattr(run, "stroke", 0)
        if stroke:  # light symbols drawn with an outline to the letters' weight (wardpub.media.infographics.render)
            text.setTextRenderMode(2)
            self.canvas.setStrokeColor(colour(run.colour))
            self.canvas.setLineWidth(2 * stroke * self.pt)
        text.textOut(run.text)
        if stroke:  # the render mode is text state and outlives this text object: back to fill only
            text.setTextRenderMode(0)
        self.canvas.drawText(text)

    def qr(self, code: QrCode) -> None:
        c = self.canvas
        x0, y0, x1, y1 = code.box
        c.setFillColor(colour(code.light))
        c.rect(self.x(x0), self.y(y1), (x1 - x0) * self.pt, (y1 - y0) * self.pt, stroke=0, fill=1)
        origin_x = x0 + code.quiet * code.module
        origin_y = y0 + code.quiet * code.module
        path = c.beginPath()
        for r, row in enumerate(code.rows):
            start = None
            for col, dark in enumerate(list(row) + [False]):  # one rectangle per run of dark modules
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    left = origin_x + start * code.module
                    top = origin_y + r * code.module
                    path.rect(self.x(left), self.y(top + code.module), (col - start) * code.module * self.pt, code.module * self.pt)
                    start = None
        c.setFillColor(colour(code.dark))
        c.drawPath(path, stroke=0, fill=1, fillMode=1)

    def strokes(self, strokes: Strokes) -> None:
        c = self.canvas
        c.setStrokeColor(colour(strokes.colour))
        c.setLineWidth(strokes.width * self.pt)
        c.setLineCap(1)
        c.setLineJoin(1)
        path = c.beginPath()
        for line in strokes.paths:
            path.moveTo(self.x(line[0][0]), self.y(line[0][1]))
            for px, py in line[1:]:
                path.lineTo(self.x(px), self.y(py))
        c.drawPath(path, stroke=1, fill=0)

    def picture(self, picture: Picture) -> None:
        x0, y0, x1, y1 = picture.box
        with Image.open(picture.path) as source:
            image = to_cmyk(source) if self.sheet.colours == "cmyk" else source.convert("RGB")
        self.canvas.drawImage(ImageReader(image), self.x(x0), self.y(y1), (x1 - x0) * self.pt, (y1 - y0) * self.pt)

    def _marks(self) -> None:
        """Crop marks outside the bleed at each corner, fold marks at the folds, the slug line."""
        c = self.canvas
        m = self.margin
        w, h = self.size[0] - 2 * m, self.size[1] - 2 * m
        start = (self.sheet.bleed_mm + MARKS_OFFSET_MM) * MM
        length = MARKS_LENGTH_MM * MM
        c.setStrokeColor(REGISTRATION)
        c.setLineWidth(0.25)
        c.setDash()
        for cx in (m, m + w):
            for cy in (m, m + h):
                out_x = -1 if cx == m else 1
                out_y = -1 if cy == m else 1
                c.line(cx + out_x * start, cy, cx + out_x * (start + length), cy)
                c.line(cx, cy + out_y * start, cx, cy + out_y * (start + length))
        c.setDash(2, 2)
        for fold in self.sheet.folds_mm:
            fx = m + fold * MM
            c.line(fx, m + h + start, fx, m + h + start + length)
            c.line(fx, m - start, fx, m - start - length)
        c.setDash()
        if self.sheet.slug:
            c.setFillColor(CMYKColor(0, 0, 0, 1))
            c.setFont(font_name("BeVietnamPro-Regular.ttf"), 6)
            c.drawString(m + start + length + 2 * MM, m - start - 6, self.sheet.slug)

    def finish(self) -> None:
        if self.sheet.marks:
            self._marks()
        self.canvas.showPage()


def pdf_document(pages: Sequence[tuple[Page, Sheet]], title: str = "", author: str = "") -> bytes:
    """Every page drawn into one PDF (same pages, same bytes)."""
    out = io.BytesIO()
    colours = {sheet.colours for _, sheet in pages}
    if len(colours) != 1:
        raise ValueError("one document, one colour space")
    canvas = Canvas(out, invariant=1, pageCompression=1, enforceColorSpace=colours.pop(),
                    initialFontName=font_name("BeVietnamPro-Regular.ttf"), initialFontSize=10)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("wardpub")
    canvas.setProducer("wardpub (reportlab)")
    for page, sheet in pages:
        paint(page, PdfRenderer(page, canvas, sheet))
    canvas.save()
    return out.getvalue()


def pdf_page(page: Page, sheet: Optional[Sheet] = None, title: str = "", author: str = "") -> bytes:
    return pdf_document([(page, sheet or Sheet())], title, author)
