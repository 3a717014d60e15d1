"""The one generic layout: a resolved image (wardpub.media.infographics.resolve) in, a laid-out page out.

Owns planning: `plan` lays out every layer of an image once: boxes in
pixels, every text fitted (wardpub.media.infographics.layout), stacks of items
arranged in their grid with shared type sizes, QR codes encoded. It never
draws; it returns a `Page` of drawing primitives grouped by template layer
(wardpub.media.infographics.scene) and the problems it found (text that does not
fit, a character the font lacks, a QR code too dense for its box), so
validation can run it without rendering anything, and every backend (the
raster one, `wardpub.media.infographics.raster`; a PDF or video one) draws the
same layout.

Five layer types make every template: `rect`, `text`, `qr`, `icon` and
`stack` (a list slot laid out as a grid of cells, each drawn from the same
item layers). With `debug` set, every layer's box and the safe area are
outlined (`wardpub infographics --debug`). `render` is plan, then the raster
backend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

import qrcode
from PIL import Image

from ...language import scaled_numbers
from .layout import LIGHT_SYMBOLS, Overflow, fit_text, load_font, measure, missing_characters, symbol_stroke
from .raster import rasterise
from .scene import Group, Page, Picture, QrCode, Rect, Strokes, TextBlock, TextRun

MIN_QR_MODULE = 3  # px; smaller modules do not scan reliably from a screen or print
# Icons as polylines in their box (0..1 on each axis), drawn with round caps and joins.
ICONS = {
    "check": (((0.08, 0.55), (0.38, 0.84), (0.92, 0.18)),),
    "cross": (((0.14, 0.14), (0.86, 0.86)), ((0.86, 0.14), (0.14, 0.86))),
}


@dataclass(frozen=True)
class LayoutProblem:
    field: str  # e.g. "title.vi" or "points.vi"
    kind: str  # overflow | glyph | qr
    excess: int = 0  # px
    size: int = 0  # px, the smallest size tried
    axis: str = "height"
    detail: str = ""  # the missing characters, or the QR module size
    length: int = 0  # characters of the text concerned
    room: int = 0  # px the box offers along the overflowing axis


# ── planning ────────────────────────────────────────────────────────────────

def cell_dim(value, total: int, offset: int) -> int:
    if isinstance(value, int):
        return value
    if value == "fill":
        return max(total - offset, 0)
    return round(total * int(value[:-1]) / 100)


def cell_box(box: list, width: int, height: int) -> tuple[int, int, int, int]:
    """(x, y, w, h) of a box given in px, % or fill, inside a cell of width × height."""
    x, y = cell_dim(box[0], width, 0), cell_dim(box[1], height, 0)
    return x, y, cell_dim(box[2], width, x), cell_dim(box[3], height, y)


def _glyph_problems(layer: dict) -> list[LayoutProblem]:
    missing = missing_characters(layer["text"], layer["font"])
    if not missing:
        return []
    shown = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in missing)
    return [LayoutProblem(layer["field"], "glyph", detail=shown)]


def _fit(layer: dict, w: int, h: int, size: Optional[int] = None, min_size: Optional[int] = None):
    return fit_text(layer["text"], layer["font"], w, h, size or layer["size"], min_size or layer["min_size"],
                    layer["line_height"], layer["align"], layer["valign"], layer["max_lines"], layer["trim"],
                    layer["language"], layer["balance"])


def _overflow_problem(layer: dict, error: Overflow, w: int, h: int) -> LayoutProblem:
    return LayoutProblem(layer["field"], "overflow", error.excess, error.size, error.axis, length=len(layer["text"]),
                         room=h if error.axis == "height" else w)


def _text_block(layer: dict, x: int, y: int, fit) -> TextBlock:
    """A fitted text as runs: one per line, and one per light symbol ("≥") drawn with an outline to the letters' weight."""
    runs = []
    stroke = symbol_stroke(layer["font"], fit.size)
    for line in fit.lines:
        ink = (x + line.ink[0], y + line.ink[1], x + line.ink[2], y + line.ink[3])
        if not stroke or not LIGHT_SYMBOLS.intersection(line.text):
            runs.append(TextRun(x + line.x, y + line.baseline, line.text, layer["font"], fit.size, layer["colour"], ink))
            continue
        font = load_font(layer["font"], fit.size)
        for start, end in _segments(line.text):
            part = line.text[start:end]
            width = round(font.getlength(part))
            left = x + line.x + round(font.getlength(line.text[:start]))
            thick = stroke if part[0] in LIGHT_SYMBOLS else 0
            runs.append(TextRun(left, y + line.baseline, part, layer["font"], fit.size, layer["colour"],
                                (max(left - thick, ink[0]), ink[1], min(left + width + thick, ink[2]), ink[3]), thick))
    return TextBlock(layer["field"], fit.size, tuple(runs), struck=bool(layer.get("strike")), language=layer["language"],
                     align=layer["align"])


def counted(block: TextBlock, share: float) -> TextBlock:
    """The block with every number drawn at share of its value, in its language's style (a figure
    counting up in a clip): the same lines, each kept to the block's alignment as its width changes."""
    if share >= 1:
        return block
    runs: list[TextRun] = []
    for baseline in dict.fromkeys(run.baseline for run in block.runs):
        line = [run for run in block.runs if run.baseline == baseline]
        font = load_font(line[0].font, line[0].size)
        old = "".join(run.text for run in line)
        parts = [scaled_numbers(run.text, share, block.language) for run in line]
        new = "".join(parts)
        shift = {"left": 0, "center": 0.5, "right": 1}.get(block.align, 0) * (font.getlength(old) - font.getlength(new))
        start = line[0].x + round(shift)
        done = ""
        for run, part in zip(line, parts):
            x = start + round(font.getlength(done))
            left, top, right, bottom = font.getbbox(part, anchor="ls")
            ink = (x + left - run.stroke, baseline + top - run.stroke, x + right + run.stroke, baseline + bottom + run.stroke)
            runs.append(TextRun(x, baseline, part, run.font, run.size, run.colour, ink, run.stroke))
            done += part
    return replace(block, runs=tuple(runs))


def _segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of light symbols and of everything else in a line."""
    edges = [0] + [n for n in range(1, len(text)) if (text[n] in LIGHT_SYMBOLS) != (text[n - 1] in LIGHT_SYMBOLS)] + [len(text)]
    return list(zip(edges, edges[1:]))


def _framed(block: TextBlock, layer: dict, x: int, y: int, w: int, h: int) -> TextBlock:
    """The block with the box it was fitted in and how, for backends that set text themselves (slides)."""
    return replace(block, frame=(x, y, x + w, y + h), align=layer["align"], valign=layer["valign"],
                   line_height=layer["line_height"])


def plan_text(layer: dict, x: int, y: int, w: int, h: int, items: list, problems: list[LayoutProblem],
              key: str = "") -> None:
    glyphs = _glyph_problems(layer)
    if glyphs:
        problems += glyphs
        return
    try:
        fit = _fit(layer, w, h)
    except Overflow as error:
        problems.append(_overflow_problem(layer, error, w, h))
        return
    items.append(_framed(_text_block(layer, x, y, fit), layer, x, y, w, h))
    bars = _strikes(layer, items[-1])
    if bars:  # a group of their own: a clip draws the claim first, then strikes it out
        items.append(Group(f"{key}.strike", tuple(bars)))


def _strikes(layer: dict, block: TextBlock) -> list[Rect]:
    """A bar through the middle of the lower-case letters of every line, from its first ink to its last."""
    if not layer.get("strike"):
        return []
    thickness = max(3, round(block.size * 0.09))
    bars = []
    for baseline in sorted({run.baseline for run in block.runs}):
        runs = [run for run in block.runs if run.baseline == baseline]
        left, right = min(r.ink[0] for r in runs), max(r.ink[2] for r in runs)
        middle = baseline - round(block.size * 0.27)
        top = middle - thickness // 2
        bars.append(Rect((left - thickness, top, right + thickness, top + thickness), layer["strike"]))
    return bars


@lru_cache(maxsize=256)
def qr_rows(data: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of data (error correction M, the mask qrcode judges best), as rows of dark modules."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())


def plan_qr(layer: dict, x: int, y: int, w: int, h: int, items: list, problems: list[LayoutProblem]) -> None:
    rows = qr_rows(layer["data"])
    modules = len(rows) + 2 * layer["quiet"]
    module = min(w, h) // modules
    if module < layer.get("min_module", MIN_QR_MODULE):
        problems.append(LayoutProblem("(mã QR)", "qr", detail=f"{module}", length=len(layer["data"])))
        return
    side = module * modules
    qx, qy = x + (w - side) // 2, y + (h - side) // 2
    items.append(QrCode(qx, qy, rows, module, layer["quiet"], layer["dark"], layer["light"]))


def plan_layer(layer: dict, x: int, y: int, w: int, h: int, items: list, problems: list[LayoutProblem],
               key: str = "") -> None:
    kind = layer["type"]
    if kind == "rect":
        items.append(Rect((x, y, x + w, y + h), layer["fill"], layer["outline"], layer["width"], layer["radius"]))
    elif kind == "text":
        plan_text(layer, x, y, w, h, items, problems, key)
    elif kind == "qr":
        plan_qr(layer, x, y, w, h, items, problems)
    elif kind == "icon":
        paths = tuple(tuple((x + px * w, y + py * h) for px, py in path) for path in ICONS[layer["shape"]])
        items.append(Strokes((x, y, x + w, y + h), paths, layer["stroke"], layer["colour"]))
    elif kind == "stack":
        plan_stack(layer, x, y, w, h, items, problems, key)
    elif kind == "image":
        items.append(plan_picture(layer, x, y, w, h))


def plan_picture(layer: dict, x: int, y: int, w: int, h: int) -> Picture:
    """A picture as large as its box allows, keeping its proportions, centred."""
    pw, ph = layer["pixels"]
    scale = min(w / pw, h / ph)
    dw, dh = round(pw * scale), round(ph * scale)
    left, top = x + (w - dw) // 2, y + (h - dh) // 2
    return Picture((left, top, left + dw, top + dh), layer["path"], tuple(layer["pixels"]))


def _shared_sizes(cells: list[list[dict]], cell_sizes: list[tuple[int, int]], problems: list[LayoutProblem],
                  skip: Optional[int] = None) -> dict[int, int]:
    """For each text layer of the items (by its place in the item), the largest size at which every item's text fits."""
    shared: dict[int, int] = {}
    for cell, (cw, ch) in zip(cells, cell_sizes):
        for index, sub in enumerate(cell):
            if sub["type"] != "text" or index == skip:
                continue
            glyphs = _glyph_problems(sub)
            if glyphs:
                problems += glyphs
                continue
            _, _, w, h = cell_box(sub["box"], cw, ch)
            try:
                size = _fit(sub, w, h).size
            except Overflow as error:
                problems.append(_overflow_problem(sub, error, w, h))
                continue
            shared[index] = min(shared.get(index, size), size)
    return shared


def _fit_at(sub: dict, w: int, h: int, size: Optional[int]):
    """Fit at the shared size when it fits, else at the item's own best size (the fit is nearly monotonic)."""
    try:
        return _fit(sub, w, h, size, size) if size else _fit(sub, w, h)
    except Overflow:
        return _fit(sub, w, h)


def plan_stack(layer: dict, x: int, y: int, w: int, h: int, items: list, problems: list[LayoutProblem],
               key: str = "") -> None:
    """One group per item (key `<layer>.<item>`), placed in the stack's grid (or, overlaid, each in the whole box)."""
    cells = layer["items"]
    count = len(cells)
    if not count:
        return
    overlay = bool(layer.get("overlay"))
    columns = 1 if overlay else min(layer["columns"], count, math.ceil(count / layer["rows"]) if layer.get("rows") else count)
    rows = math.ceil(count / columns)
    gap, column_gap = layer["gap"], layer["column_gap"]
    cell_w = (w - column_gap * (columns - 1)) // columns
    flexible = _flexible_index(cells[0]) if layer["sizing"] == "content" and not overlay else None
    if overlay:  # a clip shows the items one at a time, each in the whole box
        heights, starts, flex_size = [h] * count, [y] * count, None
    elif flexible is None:
        cell_h = (h - gap * (rows - 1)) // rows
        heights = [cell_h] * count
        starts = [y + (n % rows) * (cell_h + gap) for n in range(count)]
        flex_size = None
    else:
        found = _content_rows(layer, cells, flexible, cell_w, h, rows, problems)
        if found is None:
            return
        heights, starts, flex_size = found
        starts = [y + s for s in starts]
    lefts = [x + (0 if overlay else (n // rows) * (cell_w + column_gap)) for n in range(count)]
    shared = _shared_sizes(cells, [(cell_w, hh) for hh in heights], problems, skip=flexible)
    local: list[Group] = []
    for n, cell in enumerate(cells):
        cx, cy, ch = lefts[n], starts[n], heights[n]
        drawn: list = []
        following = n + 1 if n + 1 < count else None
        for index, sub in enumerate(cell):
            sx, sy, sw, sh = cell_box(sub["box"], cell_w, ch)
            if sub["type"] == "rect" and sub.get("to_next"):
                if following is None or overlay:
                    continue
                if sub["to_next"] == "down" and n // rows == following // rows:
                    sh = starts[following] - cy
                elif sub["to_next"] == "right" and n % rows == following % rows:
                    sw = lefts[following] - cx
                else:
                    continue
            if sub["type"] == "text":
                if _glyph_problems(sub):
                    continue
                size = flex_size if index == flexible else shared.get(index)
                if size is None and index != flexible:
                    continue
                try:
                    fit = _fit_at(sub, sw, sh, size)
                except Overflow:
                    continue  # already reported
                drawn.append(_framed(_text_block(sub, cx + sx, cy + sy, fit), sub, cx + sx, cy + sy, sw, sh))
            else:
                plan_layer(sub, cx + sx, cy + sy, sw, sh, drawn, problems)
        if drawn:
            local.append(Group(f"{key}.{n}", tuple(drawn)))
    if flexible is None and local and not overlay:
        # Equal cells: what was drawn, as a block, goes to the top (or middle) of the stack's box.
        top = min(group.box[1] for group in local)
        bottom = max(group.box[3] for group in local)
        target = y + (h - (bottom - top)) // 2 if layer["justify"] == "center" else y
        local = [group.moved(0, target - top) if target != top else group for group in local]
    items += local


def _flexible_index(cell: list[dict]) -> Optional[int]:
    for index, sub in enumerate(cell):
        if sub["type"] == "text" and sub["box"][3] == "fill":
            return index
    return None


def _content_rows(layer: dict, cells: list[list[dict]], flexible: int, cell_w: int, h: int, rows: int,
                  problems: list[LayoutProblem]):
    """Cell heights and tops (relative to the stack) when each cell is as tall as its text at one shared size."""
    flex = [cell[flexible] for cell in cells]
    glyphs = [p for sub in flex for p in _glyph_problems(sub)]
    if glyphs:
        problems += glyphs
        return None
    gap = layer["gap"]
    fixed = [max([cell_box(s["box"], cell_w, 0)[1] + cell_box(s["box"], cell_w, 0)[3]
                  for i, s in enumerate(cell) if i != flexible and s["box"][3] != "fill"] or [0]) for cell in cells]

    def heights_at(size: int):
        heights, too_wide = [], 0
        for sub, floor in zip(flex, fixed):
            sx, sy, sw, _ = cell_box(sub["box"], cell_w, 0)
            lines, block = measure(sub["text"], sub["font"], size, sw, sub["line_height"], sub["align"], sub["trim"], False,
                                   sub["language"])
            too_wide = max(too_wide, max((l.ink[2] - l.ink[0] - sw for l in lines), default=0))
            heights.append(max(floor, sy + block))
        tallest = max(sum(heights[c * rows:(c + 1) * rows]) + gap * (len(heights[c * rows:(c + 1) * rows]) - 1)
                      for c in range(math.ceil(len(heights) / rows)))
        return heights, tallest, too_wide

    top, bottom = flex[0]["size"], flex[0]["min_size"]
    heights, tallest, too_wide = heights_at(top)
    size = top
    if tallest > h or too_wide > 0:
        heights, tallest, too_wide = heights_at(bottom)
        if tallest > h or too_wide > 0:
            axis, excess = ("width", too_wide) if too_wide > 0 and tallest <= h else ("height", tallest - h)
            problems.append(LayoutProblem(layer["field"], "overflow", excess, bottom, axis,
                                          length=sum(len(s["text"]) for s in flex), room=h))
            return None
        size, lo, hi = bottom, bottom + 1, top - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            _, t, wide = heights_at(mid)
            if t <= h and wide <= 0:
                size, lo = mid, mid + 1
            else:
                hi = mid - 1
        heights, tallest, _ = heights_at(size)
    starts = []
    for c in range(math.ceil(len(heights) / rows)):
        column = heights[c * rows:(c + 1) * rows]
        used = sum(column) + gap * (len(column) - 1)
        spare = h - used
        if layer["justify"] == "center":
            cursor, extra = spare // 2, 0
        elif layer["justify"] == "spread" and len(column) > 1:
            # Air between items, but never more than twice the gap: a short list stays a list.
            cursor, extra = 0, min(spare / (len(column) - 1), 2 * gap)
        else:
            cursor, extra = 0, 0
        for n, height in enumerate(column):
            starts.append(round(cursor))
            cursor += height + gap + extra
    return heights, starts, size


def plan(data: dict) -> tuple[Page, list[LayoutProblem]]:
    """The laid-out page of an image (one group per layer), and every problem that stops it being drawn."""
    groups: list[Group] = []
    problems: list[LayoutProblem] = []
    for index, layer in enumerate(data["layers"]):
        x, y, w, h = layer["box"]
        items: list = []
        plan_layer(layer, x, y, w, h, items, problems, str(index))
        if data.get("debug"):
            items.append(Rect((x, y, x + w, y + h), outline="#ff00ff", width=2))
        groups.append(Group(str(index), tuple(items)))
    width, height = data["size"]
    if data.get("debug"):
        top, right, bottom, left = data["safe"]
        groups.append(Group("safe", (Rect((left, top, width - right, height - bottom), outline="#00c8ff", width=2),)))
    return Page(width, height, tuple(groups), unit=data.get("unit", "px"), px_per_unit=data.get("px_per_unit", 1.0)), problems


class RenderError(Exception):
    def __init__(self, problems: list[LayoutProblem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.kind} {p.excess or p.detail}" for p in problems))


def render(data: dict) -> Image.Image:
    """The image a resolved description stands for, drawn by the raster backend; RenderError if any text does not fit."""
    page, problems = plan(data)
    if problems:
        raise RenderError(problems)
    return rasterise(page)
