"""A clip's frames: the laid-out cards painted by the raster backend once per time step.

Owns drawing. A clip is one `Page` (wardpub.media.infographics.scene): the title
card's groups, then the infographic's, then the closing card's, each card
laid out once by the engine in the clip format and its group keys prefixed
("t:", "b:", "e:") so the timeline can name them. At every frame the schedule
(wardpub.media.clips.timeline) gives each group an `Effect` (hidden before it
enters, then fading, sliding, revealed, drawn downwards, struck out) and a
count-up share for figures (`wardpub.media.infographics.render.counted`).

Drawing only what changes (`FramePainter`):

- the groups at the bottom of the stack that are still (or hidden) make a
  background, painted once and reused while they stay so;
- every other still group is painted once onto a transparent sprite the
  size of its box and laid over the background; a group whose own effect is
  still but whose children move is taken apart the same way, child by child;
- only a moving group is painted again, by the raster backend with its
  effects, into a sprite the size of its box;
- a frame whose every group is as it was in the frame before is not drawn
  at all: `frames` hands the same bytes on.

`reference_frame` draws a frame the plain way (the whole page through the
raster backend): tests compare the two.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Iterator, Mapping, Optional

from PIL import Image

from ..infographics.raster import RasterRenderer, rasterise
from ..infographics.render import counted
from ..infographics.scene import STILL, Effect, Group, Page, TextBlock, paint
from .timeline import FPS, Motion, Schedule, ease

MARGIN = 6  # px of air round a group's sprite: antialiased edges stay inside it
ENTRANCES = {"fade", "slide", "reveal", "draw", "count", "strike"}


# ── the clip as one page ────────────────────────────────────────────────────

def rekeyed(group: Group, prefix: str) -> Group:
    return Group(prefix + group.key, tuple(rekeyed(item, prefix) if isinstance(item, Group) else item for item in group.items))


def clip_page(cards: list[tuple[str, Page]]) -> Page:
    """The cards' groups in one page, in order, each key prefixed by its card's prefix."""
    first = cards[0][1]
    groups = tuple(rekeyed(group, prefix) for prefix, page in cards for group in page.groups)
    return Page(first.width, first.height, groups, first.background)


# ── what each group looks like at a frame ───────────────────────────────────

class States:
    """The effect and count-up share of every moving group at any frame of a schedule."""

    def __init__(self, schedule: Schedule):
        self.by_key: dict[str, list[Motion]] = {}
        for motion in sorted(schedule.motions, key=lambda m: m.start):
            self.by_key.setdefault(motion.key, []).append(motion)

    def at(self, frame: int) -> tuple[dict[str, Effect], dict[str, tuple[str, float]]]:
        """(effects by group key, counts by group key: (field, share)) at a frame."""
        effects: dict[str, Effect] = {}
        counts: dict[str, tuple[str, float]] = {}
        for key, motions in self.by_key.items():
            effect, count = _state(motions, frame)
            if not effect.still:
                effects[key] = effect
            if count is not None:
                counts[key] = count
        return effects, counts


def _state(motions: list[Motion], frame: int) -> tuple[Effect, Optional[tuple[str, float]]]:
    opacity, offset, reveal, direction, count = 1.0, (0.0, 0.0), 1.0, "right", None
    for motion in motions:
        p = (frame - motion.start) / motion.frames if motion.frames else 1.0
        if motion.kind in ENTRANCES:
            if frame < motion.start:
                return Effect(opacity=0.0), None
            e = ease(motion.easing, p)
            if motion.kind == "fade":
                opacity *= e
            elif motion.kind == "slide":
                opacity *= min(1.0, max(p, 0.0) * 2)  # in quickly, while it moves
                offset = (offset[0] + (1 - e) * motion.offset[0], offset[1] + (1 - e) * motion.offset[1])
            elif motion.kind in ("reveal", "strike"):
                reveal = e
            elif motion.kind == "draw":
                reveal, direction = e, "down"
            elif motion.kind == "count":
                opacity *= min(1.0, max(p, 0.0) * 4)
                if e < 1:
                    count = (motion.count or "", e)
        elif motion.kind == "leave" and frame >= motion.start:
            if p >= 1:
                return Effect(opacity=0.0), None
            e = ease(motion.easing, p)
            opacity *= 1 - e
            offset = (offset[0] + e * motion.offset[0], offset[1] + e * motion.offset[1])
    # Quantised as drawn: alpha in 255ths, whole pixels, reveals in thousandths.
    effect = Effect(opacity=min(1.0, round(opacity * 255) / 255), offset=(round(offset[0]), round(offset[1])),
                    reveal=min(1.0, round(reveal, 3)), direction=direction if reveal < 1 else "right")
    return effect, count


def counted_group(group: Group, field: str, share: float) -> Group:
    """The group with the numbers of its text blocks (those of an item field, or all) at share of their value."""
    def count(item):
        if isinstance(item, Group):
            return counted_group(item, field, share)
        if isinstance(item, TextBlock) and (not field or field in item.field.split(".")):
            return counted(item, share)
        return item
    return replace(group, items=tuple(count(item) for item in group.items))


# ── drawing ─────────────────────────────────────────────────────────────────

def _sprite(group: Group, width: int, height: int, effects: Mapping[str, Effect]) -> tuple[Image.Image, tuple[int, int]]:
    """The group painted by the raster backend, with its effects, on a transparent canvas the size of its box."""
    x0, y0, x1, y1 = group.box
    dx, dy = effects.get(group.key, STILL).offset
    left, top = min(x0, x0 + dx) - MARGIN, min(y0, y0 + dy) - MARGIN
    right, bottom = max(x1, x1 + dx) + MARGIN, max(y1, y1 + dy) + MARGIN
    left, top, right, bottom = max(left, -MARGIN), max(top, -MARGIN), min(right, width + MARGIN), min(bottom, height + MARGIN)
    local = Page(max(1, right - left), max(1, bottom - top), (group.moved(-left, -top),))
    # Offsets are relative, and a reveal is measured on the moved group's own box: both hold in the small page.
    image = paint(local, RasterRenderer(local, transparent=True), effects)
    return image, (left, top)


class FramePainter:
    """A clip's frames, drawing only what changes (see the module's docstring)."""

    def __init__(self, page: Page):
        self.page = page
        self._still: dict[str, tuple[Image.Image, tuple[int, int]]] = {}
        self._bases: OrderedDict = OrderedDict()
        self._moving: OrderedDict = OrderedDict()

    def frame(self, effects: Mapping[str, Effect], counts: Mapping[str, tuple[str, float]]) -> Image.Image:
        groups = self.page.groups
        prefix: list[tuple[str, bool]] = []
        for group in groups:
            if effects.get(group.key, STILL).opacity <= 0:
                prefix.append((group.key, False))
            elif self.signature(group, effects, counts) is None:
                prefix.append((group.key, True))
            else:
                break
        canvas = self._base(tuple(prefix)).copy()
        for group in groups[len(prefix):]:
            self._compose(canvas, group, effects, counts)
        return canvas

    def signature(self, group: Group, effects, counts) -> Optional[tuple]:
        """What distinguishes the group's look from its still look (None: it looks as laid out)."""
        parts: list = []
        effect = effects.get(group.key, STILL)
        if effect.opacity <= 0:
            return ("hidden",)
        if not effect.still:
            parts.append(effect)
        if group.key in counts:
            parts.append(counts[group.key])
        for item in group.items:
            if isinstance(item, Group):
                inner = self.signature(item, effects, counts)
                if inner is not None:
                    parts.append((item.key, inner))
        return tuple(parts) or None

    def _base(self, prefix: tuple) -> Image.Image:
        if prefix not in self._bases:
            shown = {key for key, visible in prefix if visible}
            page = Page(self.page.width, self.page.height, tuple(g for g in self.page.groups if g.key in shown), self.page.background)
            self._bases[prefix] = rasterise(page)
            while len(self._bases) > 3:  # time only moves on: the last few are enough
                self._bases.popitem(last=False)
        return self._bases[prefix]

    def _compose(self, canvas: Image.Image, group: Group, effects, counts) -> None:
        effect = effects.get(group.key, STILL)
        if effect.opacity <= 0:
            return
        signature = self.signature(group, effects, counts)
        if signature is None:
            self._paste(canvas, *self._still_sprite(group))
        elif effect.still and group.key not in counts:
            # Only some children move: lay the group's own primitives and its children one by one.
            run: list = []
            for n, item in enumerate(group.items):
                if isinstance(item, Group):
                    self._flush(canvas, group, run, n)
                    run = []
                    self._compose(canvas, item, effects, counts)
                else:
                    run.append(item)
            self._flush(canvas, group, run, len(group.items))
        else:
            key = (group.key, signature)
            if key not in self._moving:
                self._moving[key] = _sprite(self._counted(group, counts), self.page.width, self.page.height, effects)
                while len(self._moving) > 64:
                    self._moving.popitem(last=False)
            self._paste(canvas, *self._moving[key])

    def _counted(self, group: Group, counts) -> Group:
        """The group with every count-up inside it applied."""
        if group.key in counts:
            group = counted_group(group, *counts[group.key])
        items = tuple(self._counted(item, counts) if isinstance(item, Group) else item for item in group.items)
        return replace(group, items=items)

    def _flush(self, canvas: Image.Image, group: Group, run: list, end: int) -> None:
        if run:
            self._paste(canvas, *self._still_sprite(Group(f"{group.key}#{end}", tuple(run))))

    def _still_sprite(self, group: Group) -> tuple[Image.Image, tuple[int, int]]:
        if group.key not in self._still:
            self._still[group.key] = _sprite(group, self.page.width, self.page.height, {})
        return self._still[group.key]

    @staticmethod
    def _paste(canvas: Image.Image, sprite: Image.Image, origin: tuple[int, int]) -> None:
        canvas.paste(sprite, origin, sprite)


def reference_frame(page: Page, effects: Mapping[str, Effect], counts: Mapping[str, tuple[str, float]]) -> Image.Image:
    """A frame drawn the plain way: every group through the raster backend, nothing reused."""
    def apply(group: Group) -> Group:
        if group.key in counts:
            group = counted_group(group, *counts[group.key])
        return replace(group, items=tuple(apply(i) if isinstance(i, Group) else i for i in group.items))
    return rasterise(replace(page, groups=tuple(apply(g) for g in page.groups)), effects)


def frames(page: Page, schedule: Schedule, first: int = 0, last: Optional[int] = None) -> Iterator[tuple[int, bytes]]:
    """(frame number, RGB bytes) of every frame; a frame that looks like the one before is the same bytes, not redrawn."""
    painter = FramePainter(page)
    states = States(schedule)
    previous: Optional[tuple] = None
    data = b""
    for number in range(first, schedule.frames if last is None else last):
        effects, counts = states.at(number)
        look = tuple(sorted(effects.items())), tuple(sorted(counts.items()))
        if look != previous:
            data = painter.frame(effects, counts).tobytes()
            previous = look
        yield number, data


def frame_image(page: Page, schedule: Schedule, number: int) -> Image.Image:
    """One frame as an image (the cover, a test's reference)."""
    effects, counts = States(schedule).at(number)
    return FramePainter(page).frame(effects, counts)


def seconds(frame: int) -> float:
    return frame / FPS
