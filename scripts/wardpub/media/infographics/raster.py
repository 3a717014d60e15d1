"""The raster backend: a laid-out page (wardpub.media.infographics.scene) drawn with Pillow.

Owns pixels: an RGB canvas in the page's background colour, one pixel per
layout pixel. Text is drawn by FreeType through raqm at the run's baseline;
shapes with rounded corners and icons are drawn SUPERSAMPLE times larger into
a mask and reduced, so their edges are as smooth as the text's; QR modules
are whole pixels (nearest-neighbour), never smoothed. A group with an effect
(a video frame) is drawn on a transparent layer of its own, revealed from
the left (or the top), moved and blended at its opacity; still groups are
drawn straight on the canvas, so a still image costs nothing extra. A
`transparent` renderer starts from a clear RGBA canvas instead of the page's
background: a clip draws each group once that way and lays the pieces over
one another (wardpub.media.clips.frames).
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from .layout import load_font
from .scene import Effect, Group, Page, Picture, QrCode, Rect, Renderer, Strokes, TextRun, paint

SUPERSAMPLE = 4


class RasterRenderer(Renderer):
    def __init__(self, page: Page, transparent: bool = False):
        super().__init__(page)
        size = (page.width, page.height)
        self.image = Image.new("RGBA", size, (0, 0, 0, 0)) if transparent else Image.new("RGB", size, page.background)
        self.canvas = ImageDraw.Draw(self.image)
        self._under: list[tuple[Image.Image, ImageDraw.ImageDraw]] = []

    # ── primitives ──────────────────────────────────────────────────────────

    def rect(self, rect: Rect) -> None:
        x0, y0, x1, y1 = rect.box
        if rect.radius <= 0:
            if rect.fill:
                self.canvas.rectangle((x0, y0, x1 - 1, y1 - 1), fill=rect.fill)
            if rect.outline and rect.width:
                self.canvas.rectangle((x0, y0, x1 - 1, y1 - 1), outline=rect.outline, width=rect.width)
            return
        s = SUPERSAMPLE
        if rect.fill:
            self._smooth(rect.box, rect.fill,
                         lambda d, w, h: d.rounded_rectangle((0, 0, w - 1, h - 1), rect.radius * s, fill=255))
        if rect.outline and rect.width:
            self._smooth(rect.box, rect.outline,
                         lambda d, w, h: d.rounded_rectangle((0, 0, w - 1, h - 1), rect.radius * s, outline=255,
                                                             width=rect.width * s))

    def text(self, run: TextRun) -> None:
        self.canvas.text((run.x, run.baseline), run.text, font=load_font(run.font, run.size), fill=run.colour, anchor="ls",
                         stroke_width=run.stroke, stroke_fill=run.colour if run.stroke else None)

    def qr(self, code: QrCode) -> None:
        x0, y0, x1, y1 = code.box
        self.canvas.rectangle((x0, y0, x1 - 1, y1 - 1), fill=code.light)
        n = len(code.rows)
        bits = Image.new("L", (n, n), 0)
        bits.putdata([255 if v else 0 for row in code.rows for v in row])
        mask = bits.resize((n * code.module, n * code.module), Image.Resampling.NEAREST)
        origin = (x0 + code.quiet * code.module, y0 + code.quiet * code.module)
        self.image.paste(code.dark, (*origin, origin[0] + n * code.module, origin[1] + n * code.module), mask)

    def strokes(self, strokes: Strokes) -> None:
        s = SUPERSAMPLE
        x0, y0 = strokes.box[:2]

        def paint_mask(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
            r = strokes.width * s / 2
            for path in strokes.paths:
                points = [((px - x0) * s, (py - y0) * s) for px, py in path]
                d.line(points, fill=255, width=round(strokes.width * s), joint="curve")
                for px, py in points[:: len(points) - 1]:  # round caps at both ends
                    d.ellipse((px - r, py - r, px + r, py + r), fill=255)

        self._smooth(strokes.box, strokes.colour, paint_mask)

    def picture(self, picture: Picture) -> None:
        x0, y0, x1, y1 = picture.box
        with Image.open(picture.path) as source:
            self.image.paste(source.convert("RGB").resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS), (x0, y0))

    def _smooth(self, box, colour: str, paint_mask) -> None:
        """Paint a shape drawn SUPERSAMPLE times larger into a mask, reduced for smooth edges."""
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        if w <= 0 or h <= 0:
            return
        mask = Image.new("L", (w * SUPERSAMPLE, h * SUPERSAMPLE), 0)
        paint_mask(ImageDraw.Draw(mask), w * SUPERSAMPLE, h * SUPERSAMPLE)
        mask = mask.resize((w, h), Image.Resampling.BOX)
        self.image.paste(colour, (x0, y0, x1, y1), mask)

    # ── groups with an effect (video frames) ────────────────────────────────

    def open_group(self, group: Group, effect: Effect) -> None:
        if effect.still:
            return
        self._under.append((self.image, self.canvas))
        self.image = Image.new("RGBA", self.image.size, (0, 0, 0, 0))
        self.canvas = ImageDraw.Draw(self.image)

    def close_group(self, group: Group, effect: Effect) -> None:
        if effect.still:
            return
        layer = self.image
        self.image, self.canvas = self._under.pop()
        alpha = layer.getchannel("A")
        if effect.reveal < 1.0:
            x0, y0, x1, y1 = group.box
            share = max(effect.reveal, 0.0)
            if effect.direction == "down":
                edge = y0 + round(share * (y1 - y0))
                ImageDraw.Draw(alpha).rectangle((0, edge, alpha.width, alpha.height), fill=0)
            else:
                edge = x0 + round(share * (x1 - x0))
                ImageDraw.Draw(alpha).rectangle((edge, 0, alpha.width, alpha.height), fill=0)
        if effect.opacity < 1.0:
            alpha = alpha.point(lambda v: round(v * max(effect.opacity, 0.0)))
        layer.putalpha(alpha)
        over(self.image, layer, effect.offset)

    def finish(self) -> Image.Image:
        return self.image


def over(canvas: Image.Image, layer: Image.Image, offset: tuple[int, int]) -> None:
    """Lay an RGBA layer over the canvas at offset: blended by its alpha on an opaque canvas,
    composited (alpha over alpha) on a transparent one."""
    if canvas.mode != "RGBA":
        canvas.paste(layer, offset, layer)
        return
    dx, dy = offset
    left, top = max(dx, 0), max(dy, 0)
    right, bottom = min(dx + layer.width, canvas.width), min(dy + layer.height, canvas.height)
    if right > left and bottom > top:
        canvas.alpha_composite(layer, (left, top), (left - dx, top - dy, right - dx, bottom - dy))


def rasterise(page: Page, effects=None) -> Image.Image:
    """The page as an RGB image (a still, or one frame of a clip with an effect per group key)."""
    return paint(page, RasterRenderer(page), effects)
