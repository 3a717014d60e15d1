"""The one generic renderer: a resolved image (wardpub.infographics.resolve) in, pixels out.

Owns drawing, in two steps so that checking and drawing share one layout:

- `plan` lays out every layer of an image: boxes in pixels, every text
  fitted (wardpub.infographics.layout), stacks of items arranged in their
  grid with shared type sizes, QR codes encoded. It never draws; it returns
  drawing operations and the problems it found (text that does not fit, a
  character the font lacks, a QR code too dense for its box), so validation
  can run it without rendering anything;
- `draw` paints the operations on a canvas. Shapes with rounded corners and
  icons are drawn four times larger and reduced, so their edges are smooth
  like the text's.

Five primitives make every template: `rect`, `text`, `qr`, `icon` and
`stack` (a list slot laid out as a grid of cells, each drawn from the same
item layers). With `debug` set, every layer's box and the safe area are
outlined (`wardpub infographics --debug`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import qrcode
from PIL import Image, ImageDraw

from .layout import Overflow, fit_text, load_font, measure, missing_characters

SUPERSAMPLE = 4
MIN_QR_MODULE = 3  # px; smaller modules do not scan reliably from a screen or print


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


@dataclass(frozen=True)
class Op:
    kind: str
    box: tuple[int, int, int, int]  # x0, y0, x1, y1
    args: tuple = ()


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
                    layer["line_height"], layer["align"], layer["valign"], layer["max_lines"], layer.get("trim", False))


def _overflow_problem(layer: dict, error: Overflow, w: int, h: int) -> LayoutProblem:
    return LayoutProblem(layer["field"], "overflow", error.excess, error.size, error.axis, length=len(layer["text"]),
                         room=h if error.axis == "height" else w)


def _text_op(layer: dict, x: int, y: int, fit) -> Op:
    return Op("text", (x, y, x, y), (fit.lines, layer["font"], fit.size, layer["colour"]))


def plan_text(layer: dict, x: int, y: int, w: int, h: int, ops: list[Op], problems: list[LayoutProblem]) -> None:
    glyphs = _glyph_problems(layer)
    if glyphs:
        problems += glyphs
        return
    try:
        fit = _fit(layer, w, h)
    except Overflow as error:
        problems.append(_overflow_problem(layer, error, w, h))
        return
    ops.append(_text_op(layer, x, y, fit))


@lru_cache(maxsize=256)
def qr_rows(data: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of data (error correction M, the mask qrcode judges best), as rows of dark modules."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())


def plan_qr(layer: dict, x: int, y: int, w: int, h: int, ops: list[Op], problems: list[LayoutProblem]) -> None:
    rows = qr_rows(layer["data"])
    modules = len(rows) + 2 * layer["quiet"]
    module = min(w, h) // modules
    if module < MIN_QR_MODULE:
        problems.append(LayoutProblem("(mã QR)", "qr", detail=f"{module}", length=len(layer["data"])))
        return
    side = module * modules
    qx, qy = x + (w - side) // 2, y + (h - side) // 2
    ops.append(Op("qr", (qx, qy, qx + side, qy + side), (rows, module, layer["quiet"], layer["dark"], layer["light"])))


def plan_layer(layer: dict, x: int, y: int, w: int, h: int, ops: list[Op], problems: list[LayoutProblem]) -> None:
    kind = layer["type"]
    if kind == "rect":
        ops.append(Op("rect", (x, y, x + w, y + h), (layer["fill"], layer["outline"], layer["width"], layer["radius"])))
    elif kind == "text":
        plan_text(layer, x, y, w, h, ops, problems)
    elif kind == "qr":
        plan_qr(layer, x, y, w, h, ops, problems)
    elif kind == "icon":
        ops.append(Op("icon", (x, y, x + w, y + h), (layer["shape"], layer["colour"], layer["stroke"])))
    elif kind == "stack":
        plan_stack(layer, x, y, w, h, ops, problems)


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


def plan_stack(layer: dict, x: int, y: int, w: int, h: int, ops: list[Op], problems: list[LayoutProblem]) -> None:
    cells = layer["items"]
    count = len(cells)
    if not count:
        return
    columns = min(layer["columns"], count, math.ceil(count / layer["rows"]) if layer.get("rows") else count)
    rows = math.ceil(count / columns)
    gap, column_gap = layer["gap"], layer["column_gap"]
    cell_w = (w - column_gap * (columns - 1)) // columns
    flexible = _flexible_index(cells[0]) if layer["sizing"] == "content" else None
    if flexible is None:
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
    lefts = [x + (n // rows) * (cell_w + column_gap) for n in range(count)]
    shared = _shared_sizes(cells, [(cell_w, hh) for hh in heights], problems, skip=flexible)
    local: list[Op] = []
    for n, cell in enumerate(cells):
        cx, cy, ch = lefts[n], starts[n], heights[n]
        following = n + 1 if n + 1 < count else None
        for index, sub in enumerate(cell):
            sx, sy, sw, sh = cell_box(sub["box"], cell_w, ch)
            if sub["type"] == "rect" and sub.get("to_next"):
                if following is None:
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
                local.append(_text_op(sub, cx + sx, cy + sy, fit))
            else:
                plan_layer(sub, cx + sx, cy + sy, sw, sh, local, problems)
    if flexible is None and local:
        # Equal cells: what was drawn, as a block, goes to the top (or middle) of the stack's box.
        top = min(_extent(op)[0] for op in local)
        bottom = max(_extent(op)[1] for op in local)
        target = y + (h - (bottom - top)) // 2 if layer["justify"] == "center" else y
        local = [_shifted(op, target - top) for op in local]
    ops += local


def _extent(op: Op) -> tuple[int, int]:
    """Top and bottom of what an operation paints (the ink, for text)."""
    if op.kind == "text":
        lines = op.args[0]
        return op.box[1] + min(l.ink[1] for l in lines), op.box[1] + max(l.ink[3] for l in lines)
    return op.box[1], op.box[3]


def _shifted(op: Op, dy: int) -> Op:
    if not dy:
        return op
    x0, y0, x1, y1 = op.box
    return Op(op.kind, (x0, y0 + dy, x1, y1 + dy), op.args)


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
            lines, block = measure(sub["text"], sub["font"], size, sw, sub["line_height"], sub["align"], sub.get("trim", False), exact=False)
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


def plan(data: dict) -> tuple[list[Op], list[LayoutProblem]]:
    """Every drawing operation of an image, and every problem that stops it being drawn."""
    ops: list[Op] = []
    problems: list[LayoutProblem] = []
    for layer in data["layers"]:
        x, y, w, h = layer["box"]
        plan_layer(layer, x, y, w, h, ops, problems)
        if data.get("debug"):
            ops.append(Op("debug", (x, y, x + w, y + h), ("#ff00ff",)))
    if data.get("debug"):
        top, right, bottom, left = data["safe"]
        width, height = data["size"]
        ops.append(Op("debug", (left, top, width - right, height - bottom), ("#00c8ff",)))
    return ops, problems


# ── drawing ─────────────────────────────────────────────────────────────────

def _smooth(image: Image.Image, box: tuple[int, int, int, int], colour: str, paint) -> None:
    """Paint a shape drawn SUPERSAMPLE times larger into a mask, reduced for smooth edges."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if w <= 0 or h <= 0:
        return
    mask = Image.new("L", (w * SUPERSAMPLE, h * SUPERSAMPLE), 0)
    paint(ImageDraw.Draw(mask), w * SUPERSAMPLE, h * SUPERSAMPLE)
    mask = mask.resize((w, h), Image.Resampling.BOX)
    image.paste(colour, (x0, y0, x1, y1), mask)


def draw_rect(image: Image.Image, draw: ImageDraw.ImageDraw, op: Op) -> None:
    fill, outline, width, radius = op.args
    x0, y0, x1, y1 = op.box
    if radius <= 0:
        if fill:
            draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=fill)
        if outline and width:
            draw.rectangle((x0, y0, x1 - 1, y1 - 1), outline=outline, width=width)
        return
    s = SUPERSAMPLE
    if fill:
        _smooth(image, op.box, fill, lambda d, w, h: d.rounded_rectangle((0, 0, w - 1, h - 1), radius * s, fill=255))
    if outline and width:
        _smooth(image, op.box, outline,
                lambda d, w, h: d.rounded_rectangle((0, 0, w - 1, h - 1), radius * s, outline=255, width=width * s))


def draw_icon(image: Image.Image, op: Op) -> None:
    shape, colour, stroke = op.args
    s = SUPERSAMPLE
    strokes = {
        "check": [[(0.08, 0.55), (0.38, 0.84), (0.92, 0.18)]],
        "cross": [[(0.14, 0.14), (0.86, 0.86)], [(0.86, 0.14), (0.14, 0.86)]],
    }[shape]

    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        for line in strokes:
            points = [(px * w, py * h) for px, py in line]
            d.line(points, fill=255, width=stroke * s, joint="curve")
            r = stroke * s / 2
            for px, py in points[:: len(points) - 1]:
                d.ellipse((px - r, py - r, px + r, py + r), fill=255)

    _smooth(image, op.box, colour, paint)


def draw_qr(image: Image.Image, draw: ImageDraw.ImageDraw, op: Op) -> None:
    rows, module, quiet, dark, light = op.args
    x0, y0, x1, y1 = op.box
    draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=light)
    n = len(rows)
    bits = Image.new("L", (n, n), 0)
    bits.putdata([255 if v else 0 for row in rows for v in row])
    mask = bits.resize((n * module, n * module), Image.Resampling.NEAREST)
    origin = (x0 + quiet * module, y0 + quiet * module)
    image.paste(dark, (*origin, origin[0] + n * module, origin[1] + n * module), mask)


def draw(data: dict, ops: list[Op]) -> Image.Image:
    width, height = data["size"]
    image = Image.new("RGB", (width, height), "#ffffff")
    canvas = ImageDraw.Draw(image)
    for op in ops:
        if op.kind == "rect":
            draw_rect(image, canvas, op)
        elif op.kind == "text":
            lines, font_name, size, colour = op.args
            font = load_font(font_name, size)
            x, y = op.box[:2]
            for line in lines:
                canvas.text((x + line.x, y + line.baseline), line.text, font=font, fill=colour, anchor="ls")
        elif op.kind == "qr":
            draw_qr(image, canvas, op)
        elif op.kind == "icon":
            draw_icon(image, op)
        elif op.kind == "debug":
            canvas.rectangle((op.box[0], op.box[1], op.box[2] - 1, op.box[3] - 1), outline=op.args[0], width=2)
    return image


class RenderError(Exception):
    def __init__(self, problems: list[LayoutProblem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.kind} {p.excess or p.detail}" for p in problems))


def render(data: dict) -> Image.Image:
    """The image a resolved description stands for; RenderError if any text does not fit."""
    ops, problems = plan(data)
    if problems:
        raise RenderError(problems)
    return draw(data, ops)
