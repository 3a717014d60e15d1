"""One layout, many outputs: a laid-out image as data, and the interface every backend implements.

Owns the seam between layout and drawing, in the spirit of matplotlib's
renderers. `wardpub.media.infographics.render.plan` lays an image out once and
returns a `Page`: its size, its unit, and its template layers in drawing
order as `Group`s of a few primitives:

- `Rect`     a box: fill and/or outline, optional rounded corners;
- `TextRun`  a run of text: font file, size, colour, pen position on the
             baseline, an optional outline stroke (and the ink box the layout
             measured), grouped into a
             `TextBlock` per text layer (its lines in order, for the manifest);
- `QrCode`   a QR code as its matrix of modules, module size and quiet zone;
- `Strokes`  an icon as polylines with round caps and joins;
- `Picture`  an image file fitted in a box (a chart drawn by matplotlib).

A backend is a `Renderer`: one method per primitive, `open_group` /
`close_group` around each group, `finish` for its result. `paint` walks the
page and calls it; nothing above a renderer knows how it draws. The raster
backend (Pillow) is `wardpub.media.infographics.raster`; a PDF backend (vector, CMYK)
and video frames (the raster backend once per time step) sit beside it.

Units. Coordinates and type sizes are in the layout's pixels: for screen
formats these are the image's pixels. A print format may declare another
unit at a resolution (`Page.unit`, `Page.px_per_unit`, e.g. "mm" at 300 dpi
is 11.811 px per mm): the layout still measures text at whole pixel sizes on
that grid, and a vector backend converts back with `Page.to_unit` (and from
the unit to points itself).

Time. A page is still; a video frame is the same page painted with an
`Effect` per group key (opacity, offset in layout pixels, and a reveal share
from the left edge, or from the top for lines drawn downwards), so a clip
animates the template's layers without laying anything out again. Group keys
are the layer's index in the resolved image ("3"), "3.1" for item 1 of a
stack layer 3, and "3.strike" for the bars striking out text layer 3. A
figure counting up is the same block with its numbers drawn at a share of
their value (`wardpub.media.infographics.render.counted`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from typing import Iterator, Mapping, Optional, Union

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (x1, y1 exclusive)


@dataclass(frozen=True)
class Rect:
    box: Box
    fill: Optional[str] = None  # "#rrggbb"
    outline: Optional[str] = None
    width: int = 0  # of the outline
    radius: int = 0

    def moved(self, dx: int, dy: int) -> "Rect":
        return replace(self, box=_moved(self.box, dx, dy))


@dataclass(frozen=True)
class TextRun:
    x: int  # pen origin: left end of the baseline
    baseline: int
    text: str  # NFC
    font: str  # a file of the Be Vietnam Pro family (wardpub.fonts.font_file)
    size: int  # px
    colour: str
    ink: Box  # the ink as measured by the layout
    stroke: int = 0  # px of outline in the same colour round each glyph (symbols brought to the letters' weight)

    @property
    def box(self) -> Box:
        return self.ink

    def moved(self, dx: int, dy: int) -> "TextRun":
        return replace(self, x=self.x + dx, baseline=self.baseline + dy, ink=_moved(self.ink, dx, dy))


@dataclass(frozen=True)
class TextBlock:
    """One text layer as drawn: its lines in order, all at one size."""

    field: str  # the spec field it shows ("title.vi"), "(mẫu)" for a template's own words
    size: int
    runs: tuple[TextRun, ...]
    struck: bool = False  # every line crossed out (the strokes are Rects of the group "<layer>.strike" beside it)
    # The box the text was fitted in, and how: for backends that set text themselves (slides).
    frame: Optional[Box] = None
    align: str = "left"  # a changed line (a count-up) keeps it too
    valign: str = "top"
    line_height: float = 1.2
    language: str = ""  # of the words: how its numbers are written (a count-up), a PDF's /Lang

    @property
    def lines(self) -> list[str]:
        """The lines as read: runs on one baseline (a line split round a symbol) joined."""
        lines: list[str] = []
        baseline = None
        for run in self.runs:
            if run.baseline == baseline:
                lines[-1] += run.text
            else:
                lines.append(run.text)
                baseline = run.baseline
        return lines

    @property
    def box(self) -> Box:
        return _union(run.ink for run in self.runs)

    def moved(self, dx: int, dy: int) -> "TextBlock":
        frame = _moved(self.frame, dx, dy) if self.frame else None
        return replace(self, runs=tuple(run.moved(dx, dy) for run in self.runs), frame=frame)


@dataclass(frozen=True)
class QrCode:
    x: int  # top-left corner of the quiet zone
    y: int
    rows: tuple[tuple[bool, ...], ...]  # dark modules
    module: int  # px per module
    quiet: int  # modules of light margin on each side
    dark: str
    light: str

    @property
    def box(self) -> Box:
        side = self.module * (len(self.rows) + 2 * self.quiet)
        return (self.x, self.y, self.x + side, self.y + side)

    def moved(self, dx: int, dy: int) -> "QrCode":
        return replace(self, x=self.x + dx, y=self.y + dy)


@dataclass(frozen=True)
class Strokes:
    """Polylines drawn with round caps and joins (icons)."""

    box: Box  # the icon's box; points lie inside it
    paths: tuple[tuple[tuple[float, float], ...], ...]
    width: float
    colour: str

    def moved(self, dx: int, dy: int) -> "Strokes":
        paths = tuple(tuple((x + dx, y + dy) for x, y in path) for path in self.paths)
        return replace(self, box=_moved(self.box, dx, dy), paths=paths)


@dataclass(frozen=True)
class Picture:
    box: Box  # where it is drawn, its proportions kept
    path: str  # an image file (PNG)
    pixels: tuple[int, int]  # its size in pixels

    def moved(self, dx: int, dy: int) -> "Picture":
        return replace(self, box=_moved(self.box, dx, dy))


Primitive = Union[Rect, TextBlock, QrCode, Strokes, Picture]


@dataclass(frozen=True)
class Group:
    key: str  # "3": layer 3 of the image; "3.1": item 1 of the stack that layer 3 is
    items: tuple[Union[Primitive, "Group"], ...]

    @property
    def box(self) -> Box:
        return _union(item.box for item in self.items)

    def moved(self, dx: int, dy: int) -> "Group":
        return replace(self, items=tuple(item.moved(dx, dy) for item in self.items))


@dataclass(frozen=True)
class Page:
    width: int
    height: int
    groups: tuple[Group, ...]
    background: str = "#ffffff"
    unit: str = "px"  # what the format's numbers mean; see the module's docstring
    px_per_unit: float = 1.0

    def to_unit(self, value: float) -> float:
        return value / self.px_per_unit

    def primitives(self) -> Iterator[Primitive]:
        """Every primitive, in drawing order."""
        def walk(items):
            for item in items:
                if isinstance(item, Group):
                    yield from walk(item.items)
                else:
                    yield item
        return walk(self.groups)

    def text_blocks(self) -> list[TextBlock]:
        return [item for item in self.primitives() if isinstance(item, TextBlock)]


@dataclass(frozen=True)
class Effect:
    """How a group shows at one moment of a clip; the default is the still image."""

    opacity: float = 1.0  # 0 transparent .. 1 opaque
    offset: tuple[int, int] = (0, 0)  # layout pixels
    reveal: float = 1.0  # share of the group's box shown, from its left edge (or its top)
    direction: str = "right"  # where a reveal moves: "right" (from the left edge) or "down" (from the top)

    @property
    def still(self) -> bool:
        return self.opacity >= 1.0 and self.offset == (0, 0) and self.reveal >= 1.0


STILL = Effect()


class Renderer(ABC):
    """A backend: draws primitives in the order given, returns its output from `finish`."""

    def __init__(self, page: Page):
        self.page = page

    @abstractmethod
    def rect(self, rect: Rect) -> None: ...

    @abstractmethod
    def text(self, run: TextRun) -> None: ...

    @abstractmethod
    def qr(self, code: QrCode) -> None: ...

    @abstractmethod
    def strokes(self, strokes: Strokes) -> None: ...

    def picture(self, picture: Picture) -> None:
        raise NotImplementedError(f"{type(self).__name__} draws no pictures")

    def text_block(self, block: TextBlock) -> None:
        """A text layer; most backends draw it run by run, a slide backend as one editable text box."""
        for run in block.runs:
            self.text(run)

    def open_group(self, group: Group, effect: Effect) -> None:
        """Called before a group's items; a backend that cannot animate refuses anything but the still."""
        if not effect.still:
            raise NotImplementedError(f"{type(self).__name__} draws still images only")

    def close_group(self, group: Group, effect: Effect) -> None:
        pass

    @abstractmethod
    def finish(self):
        """The output: an image, a PDF page, a frame."""


def paint(page: Page, renderer: Renderer, effects: Optional[Mapping[str, Effect]] = None):
    """Draw a page with a renderer, each group with its effect (still by default); return the output."""
    effects = effects or {}

    def draw(item) -> None:
        if isinstance(item, Group):
            effect = effects.get(item.key, STILL)
            renderer.open_group(item, effect)
            for sub in item.items:
                draw(sub)
            renderer.close_group(item, effect)
        elif isinstance(item, Rect):
            renderer.rect(item)
        elif isinstance(item, TextBlock):
            renderer.text_block(item)
        elif isinstance(item, Picture):
            renderer.picture(item)
        elif isinstance(item, QrCode):
            renderer.qr(item)
        elif isinstance(item, Strokes):
            renderer.strokes(item)
        else:
            raise TypeError(f"not a drawing primitive: {item!r}")

    for group in page.groups:
        draw(group)
    return renderer.finish()


def _moved(box: Box, dx: int, dy: int) -> Box:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def _union(boxes) -> Box:
    boxes = list(boxes)
    if not boxes:
        return (0, 0, 0, 0)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
