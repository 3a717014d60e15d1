"""The PowerPoint backend: laid-out slides (wardpub.media.infographics.scene) as an editable PPTX.

Owns the deck a chi bộ secretary edits. Each page becomes a slide of the
page's size; each text layer one native text box at the box the layout
fitted it in, with its words as one paragraph that PowerPoint or
LibreOffice re-wraps as they are edited, its size, weight, colour and
alignment; rectangles become shapes, the QR code one freeform shape (vector,
its quiet zone a white square), icons freeform lines, charts pictures.
Speaker notes go in each slide's notes.

The font. Be Vietnam Pro is not on office machines, and python-pptx cannot
embed fonts. Text is set in Arial: Windows and macOS ship it with every
Vietnamese letter; LibreOffice on Linux substitutes Liberation Sans
(metric-compatible), and for the Vietnamese letters Debian's Liberation Sans
lacks (Ư, ệ, Ỗ...) falls back to DejaVu Sans: nothing is missing, but a
Linux machine mixes the two faces. Arial is narrower than Be
Vietnam Pro, so text laid out for Be Vietnam Pro fits its box in Arial too.
The PDF of the same deck (wardpub.media.infographics.pdf) keeps the brand font.

Output is deterministic: fixed document properties and zip entry dates.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from .scene import Page, Picture, QrCode, Rect, Renderer, Strokes, TextBlock, TextRun, paint

OFFICE_FONT = "Arial"
EMU_PER_MM = 36000
FIXED_DATE = dt.datetime(2025, 8, 22)  # the Resolution's date: documents carry no build time
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
_BOLD_FONTS = ("Bold", "ExtraBold", "Black", "SemiBold")


def rgb(value: str) -> RGBColor:
    return RGBColor.from_string(value.lstrip("#").upper())


class PptxRenderer(Renderer):
    """Draws one page onto one slide."""

    def __init__(self, page: Page, slide, notes: str = ""):
        super().__init__(page)
        self.slide = slide
        self.notes = notes
        mm_per_px = 1 / page.px_per_unit if page.unit == "mm" else 25.4 / 96
        self.emu_per_px = mm_per_px * EMU_PER_MM
        self.pt_per_px = mm_per_px * 72 / 25.4

    def emu(self, px: float) -> Emu:
        return Emu(round(px * self.emu_per_px))

    def _box(self, box):
        x0, y0, x1, y1 = box
        return self.emu(x0), self.emu(y0), self.emu(x1 - x0), self.emu(y1 - y0)

    def rect(self, rect: Rect) -> None:
        x, y, w, h = self._box(rect.box)
        if w <= 0 or h <= 0:
            return
        shape = self.slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE if rect.radius > 0 else MSO_SHAPE.RECTANGLE, x, y, w, h)
        if rect.radius > 0:
            shape.adjustments[0] = min(0.5, rect.radius / max(min(rect.box[2] - rect.box[0], rect.box[3] - rect.box[1]), 1))
        if rect.fill:
            shape.fill.solid()
            shape.fill.fore_color.rgb = rgb(rect.fill)
        else:
            shape.fill.background()
        if rect.outline and rect.width:
            shape.line.color.rgb = rgb(rect.outline)
            shape.line.width = self.emu(rect.width)
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False

    def text(self, run: TextRun) -> None:  # text is set block by block
        raise NotImplementedError

    def text_block(self, block: TextBlock) -> None:
        if not block.runs:
            return
        x, y, w, h = self._box(block.frame or block.box)
        box = self.slide.shapes.add_textbox(x, y, w, h)
        frame = box.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = _ANCHOR.get(block.valign, MSO_ANCHOR.TOP)
        paragraph = frame.paragraphs[0]
        paragraph.alignment = _ALIGN.get(block.align, PP_ALIGN.LEFT)
        size = block.size * self.pt_per_px
        paragraph.line_spacing = Pt(round(size * block.line_height, 1))
        first = block.runs[0]
        run = paragraph.add_run()
        run.text = " ".join(line for line in _lines(block))
        run.font.name = OFFICE_FONT
        run.font.size = Pt(round(size, 1))
        run.font.bold = any(weight in first.font for weight in _BOLD_FONTS)
        run.font.color.rgb = rgb(first.colour)

    def qr(self, code: QrCode) -> None:
        x0, y0, x1, y1 = code.box
        self.rect(Rect(code.box, fill=code.light))
        builder = None
        for r, row in enumerate(code.rows):
            start = None
            for col, dark in enumerate(list(row) + [False]):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    left = x0 + (code.quiet + start) * code.module
                    top = y0 + (code.quiet + r) * code.module
                    right, bottom = left + (col - start) * code.module, top + code.module
                    points = [(right, top), (right, bottom), (left, bottom)]
                    if builder is None:
                        builder = self.slide.shapes.build_freeform(self.emu(left), self.emu(top), scale=1.0)
                    else:
                        builder.move_to(self.emu(left), self.emu(top))
                    builder.add_line_segments([(self.emu(px), self.emu(py)) for px, py in points], close=True)
                    start = None
        if builder is not None:
            shape = builder.convert_to_shape()
            shape.fill.solid()
            shape.fill.fore_color.rgb = rgb(code.dark)
            shape.line.fill.background()
            shape.shadow.inherit = False

    def strokes(self, strokes: Strokes) -> None:
        for line in strokes.paths:
            builder = self.slide.shapes.build_freeform(self.emu(line[0][0]), self.emu(line[0][1]), scale=1.0)
            builder.add_line_segments([(self.emu(px), self.emu(py)) for px, py in line[1:]], close=False)
            shape = builder.convert_to_shape()
            shape.fill.background()
            shape.line.color.rgb = rgb(strokes.colour)
            shape.line.width = self.emu(strokes.width)

    def picture(self, picture: Picture) -> None:
        self.slide.shapes.add_picture(picture.path, *self._box(picture.box))

    def finish(self):
        if self.notes:
            self.slide.notes_slide.notes_text_frame.text = self.notes
        return self.slide


def _lines(block: TextBlock) -> list[str]:
    """The block's words line by line, runs of one line joined (symbols drawn apart rejoin their line)."""
    lines: list[list[str]] = []
    baseline = None
    for run in block.runs:
        if run.baseline != baseline:
            lines.append([])
            baseline = run.baseline
        lines[-1].append(run.text)
    return ["".join(parts) for parts in lines]


def pptx_document(pages: Sequence[tuple], notes: Sequence[str] = (), title: str = "", author: str = "wardpub") -> bytes:
    """Every page (and its sheet, unused here) as one slide, with its notes; deterministic bytes."""
    presentation = Presentation()
    first = pages[0][0]
    renderer_scale = PptxRenderer(first, None)
    presentation.slide_width = renderer_scale.emu(first.width)
    presentation.slide_height = renderer_scale.emu(first.height)
    blank = presentation.slide_layouts[6]
    for n, (page, _sheet) in enumerate(pages):
        slide = presentation.slides.add_slide(blank)
        paint(page, PptxRenderer(page, slide, notes[n] if n < len(notes) else ""))
    properties = presentation.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.created = properties.modified = properties.last_printed = FIXED_DATE
    properties.revision = 1
    out = io.BytesIO()
    presentation.save(out)
    return fixed_zip(out.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated ZIP_DATE, in the same order: no build time in the bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
