"""Drawing charts with matplotlib: one renderer for every chart type and size.

Owns how a resolved chart (`wardpub.media.charts.Resolved`: the words and numbers
of one language) becomes SVG or PNG bytes: the canvas of each format, the
layout (brand band, title, body, source footer), the three bodies (bars,
columns, timeline), measuring and wrapping text in Be Vietnam Pro, and the
settings that make the bytes deterministic (no dates, salted ids, no software
stamp; PNGs recompressed losslessly). A glyph the font lacks is an error
(`MissingGlyph`), never a box.

Everything is placed in inches on one axes that covers the figure, so the
same layout code serves a 5-inch-wide SVG and 1200×630 or 1080×1080 PNGs;
font sizes are points. The shared PNGs have their own layouts (labels beside
bars on 1200×630, above them on the square) and the infographics' floors:
no text under 26 px on 1200×630 nor 28 px on the square, the body's type
shrinking to fit but never below (`ChartOverflow` otherwise). Lines break
where Vietnamese allows (wardpub.media.infographics.linebreak); milestone dots
sit above their line; "≥" gets an outline to its letters' weight; the
sample-figures stamp appears once, in the band; `draw_with_texts` also
returns every text block drawn with its size in px, for the manifest. Text sits on computed baselines (not "top" alignment),
so a line with stacked Vietnamese marks does not shift its neighbours.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape, quoteattr

from ..fonts import LIGHT_SYMBOLS, font_file, symbol_deficit
from .infographics.layout import break_lines
from ..data.ward import contrast

# Bumped whenever drawing changes, so cached files are redrawn.
RENDERER_VERSION = "2"
REGULAR = "BeVietnamPro-Regular.ttf"
BOLD = "BeVietnamPro-Bold.ttf"
FONT_FILES = (REGULAR, BOLD)
SVG_SALT = "wardpub-charts"
WHITE = "#ffffff"
GREY = "#595959"  # secondary text: 7:1 on white
RULE = "#d9d4cc"
TRACK = "#efe9df"


@dataclass(frozen=True)
class Format:
    name: str
    width: float  # inches
    height: float | None  # None: as tall as the content (the site's SVG)
    dpi: int
    full: bool  # brand band, title and source footer (images shared on their own)
    scale: float  # the body's type size relative to its base sizes, at most
    floor_px: int = 0  # no text under this many pixels (shared images, read shrunk in a feed)

    @property
    def floor(self) -> float:
        """The floor in points."""
        return self.floor_px * 72 / self.dpi


# The shared images keep the infographics' floors (wardpub.media.infographics.templates.MIN_TEXT):
# 26 px on a 1200×630 link preview, 28 px on a 1080×1080 square.
FORMATS = {
    "svg": Format("svg", 5.0, None, 72, full=False, scale=1.1),
    "1200x630": Format("1200x630", 12.0, 6.3, 100, full=True, scale=2.2, floor_px=26),
    "1080x1080": Format("1080x1080", 10.8, 10.8, 100, full=True, scale=2.4, floor_px=28),
}


class ChartOverflow(Exception):
    """The chart does not fit its image even with every text at the format's floor."""

    def __init__(self, fmt: "Format", excess: float):
        self.format, self.excess = fmt.name, round(excess * fmt.dpi)
        super().__init__(f"{fmt.name}: {self.excess} px too tall at {fmt.floor_px} px text")


class MissingGlyph(Exception):
    """Raised with matplotlib's warning text when the font lacks a character."""


@cache
def _font_metrics() -> tuple[float, float]:
    """(ascent, descent) of Be Vietnam Pro as fractions of the font size."""
    from fontTools.ttLib import TTFont

    with TTFont(font_file(REGULAR), lazy=True) as font:
        em = font["head"].unitsPerEm
        return font["hhea"].ascent / em, -font["hhea"].descent / em


@cache
def font(weight: str, size: float):
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(font_file(BOLD if weight == "bold" else REGULAR)), size=size)


@cache
def _text_to_path():
    from matplotlib.textpath import TextToPath

    return TextToPath()


@cache
def _measure_width(text: str, weight: str) -> float:
    """Width in inches of text at 1 pt. Measured unhinted (matplotlib's TextToPath), so
    width grows exactly with size: one measurement serves every size the fitting tries."""
    width, _, _ = _text_to_path().get_text_width_height_descent(text, font(weight, 100.0), ismath=False)
    return width / 72 / 100


def text_width(text: str, weight: str, size: float) -> float:
    """Width in inches of one line of text."""
    return _measure_width(text, weight) * size if text else 0.0


def wrap(text: str, weight: str, size: float, width: float, language: str = "vi") -> list[str]:
    """Lines of at most width inches, broken where Vietnamese allows (wardpub.media.infographics.linebreak:
    never inside a word, a name, a number with its unit); a piece longer than the line stays whole."""
    return break_lines(text, lambda piece: text_width(piece, weight, size), width, language) or [""]


def readable_on_white(colour: str, minimum: float = 3.0) -> str:
    """colour, darkened just enough to reach `minimum` contrast on white (graphics: 3:1)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    factor = 1.0
    while factor > 0:
        candidate = "#{:02x}{:02x}{:02x}".format(int(r * factor), int(g * factor), int(b * factor))
        if contrast(candidate, WHITE) >= minimum:
            return candidate
        factor -= 0.02
    return "#000000"


class Canvas:
    """An axes spanning the figure, in inches, y pointing up; text on baselines."""

    def __init__(self, width: float, height: float, dpi: int):
        from matplotlib.figure import Figure

        self.width, self.height, self.dpi = width, height, dpi
        self.blocks: list[dict] = []  # what the image says: lines and their size in px, as drawn
        self.figure = Figure(figsize=(width, height), dpi=dpi, facecolor=WHITE)
        self.ax = self.figure.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(0, height)
        self.ax.set_axis_off()

    def rect(self, x: float, y: float, w: float, h: float, colour: str, **kwargs) -> None:
        from matplotlib.patches import FancyBboxPatch, Rectangle

        if kwargs.get("round"):
            radius = kwargs["round"]
            patch = FancyBboxPatch((x + radius, y + radius), max(w - 2 * radius, 0.001), max(h - 2 * radius, 0.001),
                                   boxstyle=f"round,pad={radius}", facecolor=colour, edgecolor="none", linewidth=0)
        else:
            patch = Rectangle((x, y), w, h, facecolor=colour, edgecolor="none", linewidth=0)
        self.ax.add_patch(patch)

    def circle(self, x: float, y: float, radius: float, colour: str, edge: str = WHITE) -> None:
        from matplotlib.patches import Circle

        # Above the lines it sits on (matplotlib draws lines over patches by default).
        self.ax.add_patch(Circle((x, y), radius, facecolor=colour, edgecolor=edge, linewidth=2, zorder=3))

    def line(self, x0: float, y0: float, x1: float, y1: float, colour: str, width_pt: float) -> None:
        self.ax.plot([x0, x1], [y0, y1], color=colour, linewidth=width_pt, solid_capstyle="butt")

    def text(self, x: float, baseline: float, text: str, size: float, weight: str = "regular",
             colour: str = "#1d1d1f", align: str = "left", record: bool = True) -> None:
        if record:
            self.blocks.append({"lines": [text], "size": round(size * self.dpi / 72)})
        if not LIGHT_SYMBOLS.intersection(text):
            self.ax.text(x, baseline, text, fontproperties=font(weight, size), color=colour,
                         ha=align, va="baseline", clip_on=False)
            return
        # "≥" is drawn lighter than the letters by the font: an outline brings it to their weight.
        from matplotlib.patheffects import withStroke

        start = x - {"left": 0, "center": 0.5, "right": 1}[align] * text_width(text, weight, size)
        stroke = 2 * symbol_deficit(BOLD if weight == "bold" else REGULAR) * size
        for part in re.findall(f"[{''.join(LIGHT_SYMBOLS)}]+|[^{''.join(LIGHT_SYMBOLS)}]+", text):
            effects = [withStroke(linewidth=stroke, foreground=colour)] if part[0] in LIGHT_SYMBOLS else []
            self.ax.text(start, baseline, part, fontproperties=font(weight, size), color=colour,
                         ha="left", va="baseline", clip_on=False, path_effects=effects)
            start += text_width(part, weight, size)

    def lines(self, x: float, top: float, lines: list[str], size: float, weight: str = "regular",
              colour: str = "#1d1d1f", align: str = "left", leading: float = 1.3, record: bool = True) -> float:
        """Draw lines from a top edge; return the y just below the last one."""
        ascent, _ = _font_metrics()
        step = size * leading / 72
        if record:
            self.blocks.append({"lines": list(lines), "size": round(size * self.dpi / 72)})
        for n, line in enumerate(lines):
            self.text(x, top - ascent * size / 72 - n * step, line, size, weight, colour, align, record=False)
        return top - block_height(len(lines), size, leading)


def block_height(count: int, size: float, leading: float = 1.3) -> float:
    """Height in inches of `count` lines of text at `size` points."""
    if count == 0:
        return 0.0
    ascent, descent = _font_metrics()
    return (ascent + descent) * size / 72 + (count - 1) * size * leading / 72


# ── bodies: each measures itself for a width and a scale, then draws ─────────

@dataclass(frozen=True)
class _BarRow:
    kind: str  # "group" heading or "row"
    top: float  # offset from the body's top, inches
    lines: tuple
    row: object = None
    x: float = 0.0  # indent of the label (and, with labels on top, of the bar)


def _lay_out_bars(chart, width: float, s: float, beside: bool) -> tuple[float, list[_BarRow], dict]:
    """Rows of a bar chart, labels above each bar (narrow images) or beside it (wide ones)."""
    sizes = {"label": 12.5 * s, "value": 13 * s, "group": 11.5 * s, "indent": 0.28 * s,
             "bar": (0.24 if beside else 0.28) * s, "gap": (0.09 if beside else 0.16) * s}
    sizes["value_room"] = max(text_width(row.text, "bold", sizes["value"]) for row in chart.rows) + 0.12 * s
    sizes["label_width"] = width * 0.36 if beside else width
    rows, height, group = [], 0.0, None
    for row in chart.rows:
        if row.group != group and row.group:
            lines = wrap(row.group, "bold", sizes["group"], width, chart.language)
            rows.append(_BarRow("group", height, tuple(lines)))
            height += block_height(len(lines), sizes["group"]) + 0.1 * s
        group = row.group
        x = sizes["indent"] * row.level
        lines = wrap(row.label, "regular", sizes["label"], sizes["label_width"] - x - (0.15 * s if beside else 0), chart.language)
        rows.append(_BarRow("row", height, tuple(lines), row, x))
        label = block_height(len(lines), sizes["label"])
        height += (max(label, sizes["bar"]) if beside else label + 0.07 * s + sizes["bar"]) + sizes["gap"]
    return height - sizes["gap"], rows, sizes


def draw_bars(canvas: Canvas, chart, left: float, top: float, width: float, s: float, beside: bool) -> None:
    _, rows, sizes = _lay_out_bars(chart, width, s, beside)
    scale = chart.scale_max or max(row.value for row in chart.rows) or 1
    colours = chart.colours
    ascent, _ = _font_metrics()
    for item in rows:
        y = top - item.top
        if item.kind == "group":
            canvas.lines(left, y, list(item.lines), sizes["group"], "bold", colours["primary_dark"])
            continue
        row, bar = item.row, sizes["bar"]
        label_height = block_height(len(item.lines), sizes["label"])
        if beside:
            height = max(label_height, bar)
            canvas.lines(left + item.x, y - (height - label_height) / 2, list(item.lines), sizes["label"], "regular", colours["text"])
            x0, bar_top = left + sizes["label_width"], y - (height - bar) / 2
        else:
            canvas.lines(left + item.x, y, list(item.lines), sizes["label"], "regular", colours["text"])
            x0, bar_top = left + item.x, y - label_height - 0.07 * s
        room = left + width - sizes["value_room"] - x0
        if chart.scale_max:
            canvas.rect(x0, bar_top - bar, room, bar, TRACK)
        length = max(room * row.value / scale, 0.02 if row.value else 0)
        canvas.rect(x0, bar_top - bar, length, bar, colours["primary_dark"] if row.tone == "dark" else colours["primary"])
        baseline = bar_top - bar / 2 - (ascent * 0.72 * sizes["value"] / 72) / 2
        canvas.text(x0 + length + 0.08 * s, baseline, row.text, sizes["value"], "bold", colours["text"])


def _size_columns(s: float) -> tuple[float, float, float]:
    return 11.5 * s, 11 * s, 11.5 * s  # legend, value, category


def _lay_out_legend(chart, width: float, s: float) -> tuple[float, list]:
    legend_size, _, _ = _size_columns(s)
    box, gap = 0.16 * s, 0.25 * s
    placed, x, y = [], 0.0, 0.0
    line_height = block_height(1, legend_size) + 0.08 * s
    for name in chart.series_names:
        w = box + 0.08 * s + text_width(name, "regular", legend_size)
        if x and x + w > width:
            x, y = 0.0, y + line_height
        placed.append((name, x, y))
        x += w + gap
    return y + line_height, placed


_MIN_PLOT = 1.4  # inches: columns stretch to the room there is, never lower than this


def _measure_columns(chart, width: float, s: float) -> float:
    legend_height, _ = _lay_out_legend(chart, width, s)
    return legend_height + 0.25 * s + _MIN_PLOT + _measure_categories(chart, width, s)


def _measure_categories(chart, width: float, s: float) -> float:
    _, _, category_size = _size_columns(s)
    slot = width / max(len(chart.categories), 1)
    most = max((len(wrap(c, "regular", category_size, slot * 0.95, chart.language)) for c in chart.categories), default=1)
    return 0.1 * s + block_height(most, category_size)


def draw_columns(canvas: Canvas, chart, left: float, top: float, width: float, height: float, s: float) -> None:
    legend_size, value_size, category_size = _size_columns(s)
    colours = chart.series_colours
    legend_height, placed = _lay_out_legend(chart, width, s)
    ascent, _ = _font_metrics()
    box = 0.16 * s
    for n, (name, x, y) in enumerate(placed):
        row_top = top - y
        canvas.rect(left + x, row_top - box - 0.02 * s, box, box, colours[n])
        canvas.text(left + x + box + 0.08 * s, row_top - ascent * legend_size / 72, name, legend_size, "regular", chart.colours["text"])
    base = top - height + _measure_categories(chart, width, s)
    plot_top = top - legend_height - 0.25 * s
    value_room = block_height(1, value_size) + 0.06 * s
    peak = max((v for series in chart.series_values for v in series), default=0) or 1
    slot = width / max(len(chart.categories), 1)
    bar = min(slot * 0.78 / max(len(chart.series_values), 1), 0.9 * s)
    for i, category in enumerate(chart.categories):
        centre = left + slot * (i + 0.5)
        first = centre - bar * len(chart.series_values) / 2
        for n, values in enumerate(chart.series_values):
            h = (plot_top - base - value_room) * values[i] / peak
            x = first + n * bar
            canvas.rect(x + bar * 0.06, base, bar * 0.88, max(h, 0.015 if values[i] else 0), colours[n])
            canvas.text(x + bar / 2, base + h + 0.06 * s, chart.series_texts[n][i], value_size, "bold", chart.colours["text"], "center")
        lines = wrap(category, "regular", category_size, slot * 0.95, chart.language)
        canvas.lines(centre, base - 0.1 * s, lines, category_size, "regular", chart.colours["text"], "center")
    canvas.line(left, base, left + width, base, GREY, 1.0 * s)


def _lay_out_timeline(chart, width: float, s: float) -> tuple[float, dict]:
    """Milestones one under another, year beside its points: read on phones, and the only
    arrangement whose long points still fit a shared image at the floor size."""
    sizes = {"year": 19 * s, "point": 13 * s, "bullet": 0.16 * s}
    sizes["year_width"] = max(text_width(year, "bold", sizes["year"]) for year, _ in chart.milestones) + 0.2 * s
    sizes["column"] = width - sizes["year_width"] - 0.3 * s
    blocks, heights = [], []
    for _, points in chart.milestones:
        wrapped = [wrap(point, "regular", sizes["point"], sizes["column"] - sizes["bullet"], chart.language) for point in points]
        blocks.append(wrapped)
        heights.append(sum(block_height(len(lines), sizes["point"]) + 0.1 * s for lines in wrapped) - 0.1 * s)
    sizes["blocks"] = blocks
    sizes["rows"] = [max(h, block_height(1, sizes["year"])) for h in heights]
    return sum(sizes["rows"]) + 0.3 * s * (len(heights) - 1), sizes


def _draw_points(canvas: Canvas, chart, x: float, y: float, blocks: list, sizes: dict, s: float) -> None:
    for lines in blocks:
        canvas.lines(x, y, ["•"], sizes["point"], "bold", chart.colours["primary"], record=False)
        y = canvas.lines(x + sizes["bullet"], y, lines, sizes["point"], "regular", chart.colours["text"]) - 0.1 * s


def draw_timeline(canvas: Canvas, chart, left: float, top: float, width: float, s: float) -> None:
    height, sizes = _lay_out_timeline(chart, width, s)
    colours = chart.colours
    axis = left + sizes["year_width"] + 0.1 * s
    canvas.line(axis, top - 0.12 * s, axis, top - height, colours["accent"], 4 * s)
    y = top
    for (year, _), blocks, row in zip(chart.milestones, sizes["blocks"], sizes["rows"]):
        canvas.lines(left, y, [year], sizes["year"], "bold", colours["primary"])
        canvas.circle(axis, y - block_height(1, sizes["year"]) / 2, 0.08 * s, colours["primary"])
        _draw_points(canvas, chart, axis + 0.2 * s, y - 0.02 * s, blocks, sizes, s)
        y -= row + 0.3 * s


def body_height(chart, width: float, s: float, mode: str = "stacked") -> float:
    """Height of the body at a type scale; mode is "stacked" (the site), "square" or "wide"."""
    if chart.type == "bars":
        return _lay_out_bars(chart, width, s, mode == "wide")[0]
    if chart.type == "timeline":
        return _lay_out_timeline(chart, width, s)[0]
    return _measure_columns(chart, width, s)


def draw_body(canvas: Canvas, chart, left: float, top: float, width: float, height: float, s: float,
              mode: str = "stacked") -> None:
    if chart.type == "bars":
        draw_bars(canvas, chart, left, top, width, s, mode == "wide")
    elif chart.type == "timeline":
        draw_timeline(canvas, chart, left, top, width, s)
    else:
        draw_columns(canvas, chart, left, top, width, height, s)


# ── the page around the body ────────────────────────────────────────────────

def _draw_stamp(canvas: Canvas, text: str, right: float, centre_y: float, size: float, colours: dict) -> None:
    """The sample-figures label: dark text on the brand gold, never mistaken for data."""
    pad = size / 72 * 0.6
    width = text_width(text, "bold", size) + 2 * pad
    height = block_height(1, size) + pad
    canvas.rect(right - width, centre_y - height / 2, width, height, colours["accent"], round=pad / 2)
    ascent, descent = _font_metrics()
    canvas.text(right - width / 2, centre_y - (ascent - descent) * size / 72 / 2 + 0.01, text, size, "bold", colours["text"], "center")


@dataclass(frozen=True)
class Drawn:
    data: bytes  # SVG or PNG
    texts: list  # text blocks as drawn: {"lines": [...], "size": px}


def draw(chart, fmt: Format) -> bytes:
    """The chart in one format: SVG bytes (with <title> and <desc>) or PNG bytes."""
    return draw_with_texts(chart, fmt).data


def draw_with_texts(chart, fmt: Format) -> Drawn:
    """The chart in one format, and what it says (every text block with its size in px).

    Raises MissingGlyph where matplotlib would only warn and draw a box, and
    ChartOverflow when a shared image cannot hold it with its text at the floor.
    """
    import matplotlib

    with warnings.catch_warnings(record=True) as caught, matplotlib.rc_context(_RC):
        warnings.simplefilter("always")
        canvas = _paint(chart, fmt, _measure(chart, fmt))
        data = _save(canvas, fmt)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise MissingGlyph(missing[0])
    if fmt.name == "svg":
        return Drawn(with_title_and_desc(data, chart), canvas.blocks)
    # Lossless recompression: about a quarter smaller for readers sharing on mobile data, ~35 ms an image.
    import oxipng

    return Drawn(oxipng.optimize_from_memory(data, level=0), canvas.blocks)


@dataclass(frozen=True)
class _Page:
    """Where everything goes on one image, in inches, measured before anything is drawn."""

    height: float
    margin: float
    width: float  # of the content
    mode: str  # "stacked" (the site's SVG), "square" or "wide"
    title: tuple
    note: tuple
    source: tuple
    footer: float
    body_top: float
    body_height: float
    body_scale: float
    title_size: float = 0.0  # pt


def _smallest_base(chart, mode: str) -> float:
    """The smallest base size (pt at scale 1) the body of this chart draws."""
    if chart.type == "bars":
        return min((11.5 if any(row.group for row in chart.rows) else 12.5), 12.5)
    if chart.type == "timeline":
        return 13
    return min(_size_columns(1))


def _header_sizes(chart, fmt: Format, width: float) -> tuple[float, tuple, tuple]:
    """Title size and lines (the largest from 1.75× the floor down to 1.25× that keeps it to two lines), note lines."""
    floor = fmt.floor
    size = floor * 1.75
    title = tuple(wrap(chart.title, "bold", size, width, chart.language))
    while len(title) > 2 and size > floor * 1.25:
        size -= floor * 0.05
        title = tuple(wrap(chart.title, "bold", size, width, chart.language))
    note = tuple(wrap(chart.note, "regular", floor, width, chart.language)) if chart.note else ()
    return size, title, note


def _measure(chart, fmt: Format) -> _Page:
    """The page of a chart. A shared image tries its own layout, then, if the body cannot
    fit at the floor: a square sets bar labels beside their bars, and the note is left to
    the chart's page (shown there beside the image); ChartOverflow if nothing fits."""
    mode = "stacked" if fmt.height is None else ("wide" if fmt.width / fmt.height > 1.5 else "square")
    tries = [(mode, True)]
    if fmt.full and chart.type == "bars" and mode == "square":
        tries.append(("wide", True))
    if fmt.full and chart.note:
        tries += [(m, False) for m, _ in list(tries)]
    for n, (mode, with_note) in enumerate(tries):
        try:
            return _measure_with(chart, fmt, mode, with_note)
        except ChartOverflow:
            if n == len(tries) - 1:
                raise


def _measure_with(chart, fmt: Format, mode: str, with_note: bool) -> _Page:
    """Shared images (fmt.full) carry the brand band, the title, the source and the
    site's address, every text at least at the format's floor (fmt.floor_px), and
    shrink the body's type until it fits, never below the floor (ChartOverflow if
    even then it does not); the site's SVG is the body alone (the page around it
    gives title, table and sources) and is as tall as it needs."""
    s = fmt.scale
    margin = 0.5 * fmt.floor / 72 * 2.6 if fmt.full else 0.05
    width = fmt.width - 2 * margin
    # mode: read on phones, labels over bars ("stacked", "square"); "wide": labels beside bars.
    title = note = source = ()
    title_size = 0.0
    if fmt.full:
        unit, floor = fmt.floor / 72, fmt.floor  # spacing follows the type
        title_size, title, note = _header_sizes(chart, fmt, width)
        note = note if with_note else ()
        header = (_band_height(fmt) + 0.9 * unit + block_height(len(title), title_size, 1.15)
                  + (0.35 * unit + block_height(len(note), floor, 1.25) if note else 0) + 0.9 * unit)
        address = text_width(chart.address, "bold", floor)
        # A long address takes a line of its own under the sources rather than squeeze them.
        beside = address <= width * 0.45
        source = tuple(wrap(chart.source_line, "regular", floor, width - address - unit if beside else width, chart.language))
        footer = 0.7 * unit + block_height(len(source) + (0 if beside else 1), floor, 1.2) + 0.9 * unit
    else:
        header, footer = (0.42 * s if chart.sample_stamp else 0.05), 0.05
    scale = s
    if fmt.height is None:
        natural = body_height(chart, width, scale, mode)
        height = header + natural + footer
        top = height - header
    else:
        height = fmt.height
        room = height - header - footer
        lowest = fmt.floor / _smallest_base(chart, mode)
        scale = max(s, lowest)
        while scale > lowest and body_height(chart, width, scale, mode) > room:
            scale = max(scale - 0.025 * s, lowest)
        natural = body_height(chart, width, scale, mode)
        if natural > room + 0.005:
            raise ChartOverflow(fmt, natural - room)
        top = height - header - max(room - natural, 0) / 2  # centred between header and footer
    return _Page(height, margin, width, mode, title, note, source, footer, top, natural, scale, title_size)


def _band_height(fmt: Format) -> float:
    return block_height(1, fmt.floor) + 0.24


def _paint(chart, fmt: Format, page: _Page) -> Canvas:
    s, colours = fmt.scale, chart.colours
    canvas = Canvas(fmt.width, page.height, fmt.dpi)
    ascent, descent = _font_metrics()
    right = fmt.width - page.margin
    if fmt.full:
        unit, floor = fmt.floor / 72, fmt.floor
        band = _band_height(fmt)
        canvas.rect(0, page.height - band, fmt.width, band, colours["primary"])
        canvas.rect(0, page.height - band - 0.05, fmt.width, 0.05, colours["accent"])
        centre = page.height - band / 2
        canvas.text(page.margin, centre - (ascent - descent) * floor / 72 / 2, chart.publisher.upper(), floor, "bold", WHITE)
        if chart.sample_stamp:
            _draw_stamp(canvas, chart.sample_stamp, right, centre, floor, colours)
        y = canvas.lines(page.margin, page.height - band - 0.9 * unit, list(page.title), page.title_size, "bold",
                         colours["text"], leading=1.15)
        if page.note:
            canvas.lines(page.margin, y - 0.35 * unit, list(page.note), floor, "regular", GREY, leading=1.25)
        rule = page.footer - 0.35 * unit
        canvas.line(page.margin, rule, right, rule, RULE, 1.0)
        below = canvas.lines(page.margin, rule - 0.35 * unit, list(page.source), floor, "regular", GREY, leading=1.2)
        beside = text_width(chart.address, "bold", floor) <= page.width * 0.45
        address_top = rule - 0.35 * unit if beside else below - (1.2 - 1) * floor / 72 - 0.02
        canvas.lines(right, address_top, [chart.address], floor, "bold", colours["primary"], "right")
    elif chart.sample_stamp:
        _draw_stamp(canvas, chart.sample_stamp, right, page.height - 0.2 * s, 9.5 * s, colours)
    draw_body(canvas, chart, page.margin, page.body_top, page.width, page.body_height, page.body_scale, page.mode)
    return canvas


def _save(canvas: Canvas, fmt: Format) -> bytes:
    out = io.BytesIO()
    if fmt.name == "svg":
        canvas.figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    else:
        canvas.figure.savefig(out, format="png", dpi=fmt.dpi, metadata={"Software": None})
    return out.getvalue()


_RC = {
    "svg.hashsalt": SVG_SALT,
    "svg.fonttype": "path",
    "svg.id": None,
    "path.simplify": False,
    "text.antialiased": True,
}

_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")


def with_title_and_desc(svg: bytes, chart) -> bytes:
    """Name the image for screen readers: <title> and <desc> first, role=img, language set."""
    ident = f"chart-{chart.id}-{chart.language}"
    match = _SVG_OPEN.search(svg)
    tag = match.group(0)[:-1].decode()
    tag += f' role="img" aria-labelledby={quoteattr(f"{ident}-title {ident}-desc")} xml:lang="{chart.language}" lang="{chart.language}">'
    inner = (f'\n <title id="{ident}-title">{escape(chart.title)}</title>'
             f'\n <desc id="{ident}-desc">{escape(chart.long_description)}</desc>')
    return svg[: match.start()] + (tag + inner).encode() + svg[match.end():]
