"""Motion as data: a clip's timeline per template, its checks, easing, and the schedule of a clip.

Owns `infographics/templates/clips/<template>.yml`, one file per template a
clip shows (the infographic templates, the title card `clip-title` and the
closing card `clip-end`). A timeline says which of the template's named
layers (`name:` in the template) enter when, and how:

    steps:
      - show: figures      # a layer name, or a list of names entering together
        each: true         # a stack: its items one after another
        motion: count      # fade | slide | reveal | draw | count | strike
        count: value       # (count, stack) the item field whose numbers count up
        duration: 1.2      # seconds the motion takes, eased
        hold: 0.5          # at least this long before the next step (reading time may ask more)

`fade` brings a layer in; `slide` brings it in from `from:` (below, above,
left, right) by `distance` px; `reveal` wipes it in from the left and `draw`
from the top (a timeline drawn along); `count` fades a figure in while its
numbers count up from zero; `strike` draws the bars through a struck-out
claim. With `each`, `replace: true` lets each item leave as the next one comes
(items shown one at a time, in one place). `with: previous` starts a step
with the one before. Layers no step names are there as soon as their card
shows: the title card's title is readable from the clip's first frame.

A clip is three cards in a row: the title card, the infographic's own layout
in the clip format, the closing card; each card after the first comes in over
the one before (TRANSITION): its background first, then its words, while
what it draws exactly as the card before (the ward's name, the sources)
stays put. `schedule` turns the timelines and the texts into
frames: when each group of the laid-out clip (wardpub.media.clips.frames) enters
and how, the subtitles' cues, the cover frame and the length. Every step then
holds long enough to read what it brought (READING), and the whole clip is
stretched or tightened into 15–45 s (MIN_SECONDS, MAX_SECONDS); a clip that
would still be too long is refused with one line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import Field, model_validator

from ...data.datafiles import load_model
from ...problems import Problem, display_path
from ...data.registries import Strict
from ..infographics.templates import CLIP_FORMAT, StackLayer, Template, TextLayer

FOLDER = "clips"  # under infographics/templates/
TITLE_CARD = "clip-title"
CLOSING_CARD = "clip-end"
FPS = 30
MIN_SECONDS, MAX_SECONDS = 15, 45  # what Reels, TikTok and Zalo put first; both ends inclusive
TRANSITION = 0.7  # s: a card coming in over the one before (its background first, then its words)
# Reading on a moving screen: a second to find the words, then about four Vietnamese syllables
# or three English words a second (subtitle guidance is 160–180 English words a minute).
READING = {"vi": (1.0, 4.0), "en": (1.0, 3.0)}
LEAST_SHARE = 0.5  # a clip too long may hold each step this share of its reading time, no less
REPLACE_LEAD = 0.3  # share of a replacing item's motion during which only the item before moves (leaving)
EASINGS = ("in-out", "out", "in", "linear")
MOTIONS = ("fade", "slide", "reveal", "draw", "count", "strike")
DIRECTIONS = {"below": (0, 1), "above": (0, -1), "left": (-1, 0), "right": (1, 0)}
Name = str


class Step(Strict):
    show: Union[Name, list[Name]]
    motion: Literal["fade", "slide", "reveal", "draw", "count", "strike"] = "fade"
    from_: Literal["below", "above", "left", "right"] = Field(default="below", alias="from")
    distance: int = Field(default=80, ge=0, le=600)
    each: bool = False
    replace: bool = False
    count: Optional[str] = None
    duration: float = Field(default=0.6, ge=0.1, le=3.0)
    hold: float = Field(default=0.0, ge=0.0, le=10.0)
    with_: Optional[Literal["previous"]] = Field(default=None, alias="with")
    delay: float = Field(default=0.0, ge=0.0, le=3.0)  # seconds after it would start
    easing: Optional[Literal["in-out", "out", "in", "linear"]] = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.replace and not self.each:
            raise ValueError("replace chỉ dùng với each: true | thêm each: true hoặc bỏ replace")
        if self.count is not None and self.motion != "count":
            raise ValueError("count chỉ dùng với motion: count | bỏ count, hoặc đặt motion: count")
        return self

    @property
    def names(self) -> list[str]:
        return [self.show] if isinstance(self.show, str) else list(self.show)


class TimelineFile(Strict):
    description: str = Field(min_length=1)
    steps: list[Step] = []
    hold: float = Field(default=0.0, ge=0.0, le=10.0)  # at least this long on the finished card


@dataclass(frozen=True)
class Timeline:
    name: str  # the template's
    file: str
    steps: tuple[Step, ...]
    hold: float


def timeline_inputs(templates_folder: Path) -> list[Path]:
    return sorted((Path(templates_folder) / FOLDER).glob("*.yml"))


def load_timelines(templates_folder: Path, templates: dict[str, Template]) -> tuple[dict[str, Timeline], list[Problem]]:
    """Every timeline of infographics/templates/clips/, checked against the template of its name."""
    timelines: dict[str, Timeline] = {}
    problems: list[Problem] = []
    for path in timeline_inputs(templates_folder):
        file = display_path(path)
        model, more = load_model(path, TimelineFile, ("tệp phải là một nhóm trường", f"xem các tệp có sẵn trong infographics/templates/{FOLDER}/"))
        problems += more
        if model is None:
            continue
        template = templates.get(path.stem)
        if template is None or template.kind == "frame":
            usable = sorted(n for n, t in templates.items() if CLIP_FORMAT in t.formats)
            problems.append(Problem(file, "(tên tệp)", f"không có mẫu “{path.stem}” trong infographics/templates/",
                                    f"đặt tên tệp theo mẫu nó dùng cho: {', '.join(usable)}"))
            continue
        more = step_problems(model.steps, template, file)
        problems += more
        if not more:
            timelines[path.stem] = Timeline(path.stem, file, tuple(model.steps), model.hold)
    return timelines, problems


def _clip_layers(template: Template) -> dict[str, object]:
    """The named layers a template draws in the clip format, by name."""
    fmt = template.formats.get(CLIP_FORMAT)
    if fmt is None:
        return {}
    return {layer.name: layer for layer in fmt.layers if layer.name and layer.box is not None}


def step_problems(steps, template: Template, file: str) -> list[Problem]:
    layers = _clip_layers(template)
    known = ", ".join(layers) or "(mẫu chưa đặt tên lớp nào có khổ clip)"
    problems = []
    for n, step in enumerate(steps):
        where = f"steps.{n}"
        if n == 0 and step.with_:
            problems.append(Problem(file, f"{where}.with", "bước đầu tiên không có bước nào trước nó", "xóa with: previous"))
        if step.each and len(step.names) != 1:
            problems.append(Problem(file, f"{where}.show", "each chỉ dùng với một lớp danh sách", "tách thành nhiều bước"))
            continue
        for name in step.names:
            layer = layers.get(name)
            if layer is None:
                problems.append(Problem(file, f"{where}.show", f"mẫu “{template.name}” không có lớp tên “{name}” ở khổ clip",
                                        f"dùng một trong: {known}"))
                continue
            if step.each and not isinstance(layer, StackLayer):
                problems.append(Problem(file, f"{where}.each", f"lớp “{name}” không phải danh sách (stack)",
                                        "bỏ each, hoặc dùng cho lớp danh sách"))
            if step.motion == "strike" and not (isinstance(layer, TextLayer) and layer.strike):
                problems.append(Problem(file, f"{where}.motion", f"lớp “{name}” không có gạch ngang (strike) để vẽ",
                                        "dùng motion khác, hoặc thêm strike cho lớp chữ trong mẫu"))
            if step.count and isinstance(layer, StackLayer) and not any(getattr(sub, "field", None) == step.count for sub in layer.item):
                fields = [sub.field for sub in layer.item if getattr(sub, "field", None)]
                problems.append(Problem(file, f"{where}.count", f"mục của “{name}” không có trường “{step.count}”",
                                        f"dùng một trong: {', '.join(fields)}"))
    return problems


# ── easing ──────────────────────────────────────────────────────────────────

def ease(kind: str, p: float) -> float:
    """Progress p (0..1) through a motion, eased: in-out (cubic), out, in, linear."""
    p = min(max(p, 0.0), 1.0)
    if kind == "out":
        return 1 - (1 - p) ** 3
    if kind == "in":
        return p ** 3
    if kind == "linear":
        return p
    return 4 * p ** 3 if p < 0.5 else 1 - (-2 * p + 2) ** 3 / 2


# ── the schedule of one clip ────────────────────────────────────────────────

@dataclass(frozen=True)
class Motion:
    """One group's change: from `start` for `frames` frames (an entrance, unless `leave`)."""

    key: str  # the group's key in the clip's page (wardpub.media.clips.frames)
    kind: str  # fade | slide | reveal | draw | count | strike | leave
    start: int
    frames: int
    easing: str = "in-out"
    offset: tuple[int, int] = (0, 0)  # where a slide starts (or a leave ends), relative to the layout
    count: Optional[str] = None  # the item field whose numbers count ("" for every number)


@dataclass(frozen=True)
class Cue:
    start: int  # frame
    end: int
    text: str


@dataclass
class Schedule:
    motions: list[Motion]
    cues: list[Cue]
    frames: int  # the clip's length in frames
    cover: int  # the frame shown as the clip's cover: the finished title card
    nominal: float = 0.0  # seconds the steps asked for, before fitting into 15–45 s

    @property
    def seconds(self) -> float:
        return self.frames / FPS

    def as_data(self) -> dict:
        """What a render needs and its cache key digests."""
        return {"frames": self.frames, "cover": self.cover,
                "motions": [[m.key, m.kind, m.start, m.frames, m.easing, list(m.offset), m.count] for m in self.motions],
                "cues": [[c.start, c.end, c.text] for c in self.cues]}

    @classmethod
    def from_data(cls, data: dict) -> "Schedule":
        motions = [Motion(k, kind, s, f, e, tuple(o), c) for k, kind, s, f, e, o, c in data["motions"]]
        return cls(motions, [Cue(*c) for c in data["cues"]], data["frames"], data["cover"])


@dataclass
class Card:
    """One card of a clip as the schedule sees it: its key prefix, resolved layers and timeline."""

    prefix: str
    layers: list[dict]  # the resolved image's layers (wardpub.media.infographics.resolve), in drawing order
    timeline: Timeline
    language: str
    size: list[int] = field(default_factory=lambda: [1080, 1920])


@dataclass
class _Block:
    """A span of the clip before fitting: its motions (relative start), its length, its hold, its cue."""

    motions: list[Motion]
    frames: int  # motion frames
    hold: float  # seconds to hold after the motion (reading time)
    least: float  # seconds it may hold at the least
    texts: list[str] = field(default_factory=list)
    joins_previous: bool = False


def reading_time(texts: list[str], language: str) -> float:
    base, rate = READING.get(language, READING["en"])
    words = len(" ".join(texts).split())
    return base + words / rate if words else 0.0


def _frames(seconds: float) -> int:
    return max(1, round(seconds * FPS))


def layer_texts(layer: dict) -> list[str]:
    """The words a resolved layer draws, in order (a stack's items one after another)."""
    if layer["type"] == "text":
        return [layer["text"]]
    if layer["type"] == "stack":
        return [text for cell in layer["items"] for text in item_texts(cell)]
    return []


def item_texts(cell: list[dict]) -> list[str]:
    return [sub["text"] for sub in cell if sub["type"] == "text"]


def cue_text(texts: list[str]) -> str:
    """Texts shown together as one subtitle: "1. …" after a lone number, a space after a colon, else " — "."""
    out = ""
    for text in (re.sub(r"[ \t\n]+", " ", t).strip() for t in texts):  # no-break spaces stay: they tie words
        if not text:
            continue
        if not out:
            out = text
        elif re.fullmatch(r"\d+", out.split()[-1]) and len(out.split()) == 1:
            out = f"{out}. {text}"
        elif out.endswith(":"):
            out = f"{out} {text}"
        else:
            out = f"{out} — {text}"
    return out


def _entrance(card: Card, implicit: list[tuple[int, dict]], before: Optional[Card]) -> tuple[list[Motion], int]:
    """How a card comes in over the card before: its full-canvas backgrounds fade in first, then its
    other layers, so the two cards' words hardly ever stand over each other; a layer drawn exactly
    as on the card before (the ward's name, the band, the sources) simply stays."""
    if before is None:
        return [], 0
    frames = _frames(TRANSITION)
    first = round(frames * 0.55)
    late = frames - first
    same = [{k: v for k, v in layer.items() if k != "name"} for layer in before.layers]
    motions = []
    for index, layer in implicit:
        key = f"{card.prefix}{index}"
        cover = layer["type"] == "rect" and layer["box"][:2] == [0, 0] and layer.get("fill") and layer["box"][2:] == before.size
        if cover:
            motions.append(Motion(key, "fade", 0, first))
        elif {k: v for k, v in layer.items() if k != "name"} in same:
            motions.append(Motion(key, "fade", 0, 1))  # there at once, over the same pixels of the card before
        else:
            motions.append(Motion(key, "fade", first - round(frames * 0.1), late + round(frames * 0.1)))
    return motions, frames


def _least(step: Step, read: float) -> float:
    """The shortest hold a step may get when a clip is tightened: its timeline's own hold stands."""
    return max(step.hold, read * LEAST_SHARE)


def _card_blocks(card: Card, before: Optional[Card], shown: set[str]) -> list[_Block]:
    """The card's blocks in order: its entrance (the layers no step names), then its steps.
    The entrance's words are read while the steps run: their reading time is held after the last step."""
    by_name = {layer["name"]: (index, layer) for index, layer in enumerate(card.layers) if layer.get("name")}
    named = {name for step in card.timeline.steps for name in step.names}
    language = card.language
    implicit = [(index, layer) for index, layer in enumerate(card.layers) if layer.get("name") not in named]
    motions, entrance = _entrance(card, implicit, before)
    fresh = [t for _, layer in implicit if _is_slot(layer) for t in layer_texts(layer) if t not in shown]
    shown.update(fresh)
    blocks = [_Block(motions, entrance, 0.0, 0.0, fresh)]
    for step in card.timeline.steps:
        easing = step.easing or ("out" if step.motion == "count" else "in-out")
        frames = _frames(step.duration)
        delay = round(step.delay * FPS)
        dx, dy = DIRECTIONS[step.from_]
        offset = (dx * step.distance, dy * step.distance) if step.motion == "slide" else (0, 0)
        count = (step.count or "") if step.motion == "count" else None
        if step.each:
            index, layer = by_name[step.names[0]]
            for n, cell in enumerate(layer["items"]):
                moves = [Motion(f"{card.prefix}{index}.{n}", step.motion, 0, frames, easing, offset, count)]
                if step.replace and n > 0:
                    # The item before leaves the way the new one came, mostly before the new one is in:
                    # two texts in one place never stand over each other for long.
                    late = round(frames * REPLACE_LEAD)
                    moves = [Motion(f"{card.prefix}{index}.{n - 1}", "leave", 0, max(1, round(frames * 0.45)), "in",
                                    (-offset[0], -offset[1])),
                             Motion(f"{card.prefix}{index}.{n}", step.motion, late, frames - late, easing, offset, count)]
                texts = item_texts(cell)
                read = max(step.hold, reading_time(texts, language))
                wait = delay if n == 0 else 0
                blocks.append(_Block([replace(m, start=m.start + wait) for m in moves], frames + wait, read, _least(step, read),
                                     texts, joins_previous=bool(step.with_) and n == 0))
            continue
        moves, texts = [], []
        for name in step.names:
            index, layer = by_name[name]
            key = f"{card.prefix}{index}" + (".strike" if step.motion == "strike" else "")
            moves.append(Motion(key, step.motion, delay, frames, easing, offset, count))
            if step.motion != "strike":
                texts += [t for t in layer_texts(layer) if t not in shown]
        shown.update(texts)
        read = max(step.hold, reading_time(texts, language))
        blocks.append(_Block(moves, frames + delay, read, _least(step, read), texts, joins_previous=bool(step.with_)))
    reading = reading_time(fresh, language)
    blocks[-1].hold = max(blocks[-1].hold, reading, card.timeline.hold)
    blocks[-1].least = max(blocks[-1].least, reading * LEAST_SHARE, card.timeline.hold)
    return blocks


def _is_slot(layer: dict) -> bool:
    """A layer showing the spec's own words (not the template's): its field names a slot."""
    return layer["type"] in ("text", "stack") and layer.get("field", "(mẫu)") != "(mẫu)"


def _held(block: _Block, scale: float) -> int:
    """Frames a block holds at a scale of its reading time (never under its least, when tightened)."""
    return math.floor(max(block.hold * scale, block.least) * FPS) if scale < 1 else round(block.hold * scale * FPS)


def _placed(blocks: list[_Block], scale: float) -> tuple[list[int], int]:
    """Where each block starts, and where the last one ends, holding at scale. A block that joins
    the one before starts with it, and the next block waits for whichever of the two ends later."""
    starts, t, previous = [], 0, (0, 0)
    for block in blocks:
        start = previous[0] if block.joins_previous else t
        end = start + block.frames + _held(block, scale)
        if block.joins_previous:
            end = max(previous[1], end)
        starts.append(start)
        previous, t = (start, end), end
    return starts, t


def schedule(cards: list[Card]) -> Schedule:
    """When every group of the clip enters and how, its cues, cover and length, fitted into 15–45 s."""
    shown: set[str] = set()
    owned = [(n, block) for n, card in enumerate(cards) for block in _card_blocks(card, cards[n - 1] if n else None, shown)]
    blocks = [block for _, block in owned]
    _, natural = _placed(blocks, 1.0)
    if natural < MIN_SECONDS * FPS and any(block.hold for block in blocks):
        low, high = 1.0, 64.0
    elif natural > MAX_SECONDS * FPS:
        low, high = 0.0, 1.0
    else:
        low = high = 1.0
    for _ in range(40 if low != high else 0):  # the scale whose length is nearest the bound: length grows with it
        scale = (low + high) / 2
        fits = _placed(blocks, scale)[1] <= (MAX_SECONDS if natural > MAX_SECONDS * FPS else MIN_SECONDS) * FPS
        low, high = (scale, high) if fits else (low, scale)
    starts, total = _placed(blocks, low)
    total = max(total, MIN_SECONDS * FPS) if natural < MIN_SECONDS * FPS else total  # the last card holds the rest
    motions: list[Motion] = []
    marks: list[tuple[int, list[str]]] = []
    cover = 0
    for (card, block), start in zip(owned, starts):
        motions += [replace(m, start=start + m.start) for m in block.motions]
        if block.texts:  # a step running beside the one before adds its words to that subtitle
            if marks and (marks[-1][0] == start or block.joins_previous):
                marks[-1][1].extend(block.texts)
            else:
                marks.append((start, list(block.texts)))
        if card == 0:
            cover = max(cover, start + block.frames)  # the title card once its opening motion is over
    cues = [Cue(start, marks[n + 1][0] if n + 1 < len(marks) else total, cue_text(texts))
            for n, (start, texts) in enumerate(marks)]
    return Schedule(motions, [cue for cue in cues if cue.text and cue.end > cue.start], total, min(cover, total - 1),
                    natural / FPS)


def length_problem(schedule: Schedule, file: str, language: str) -> Optional[Problem]:
    """A clip outside 15–45 s even after fitting: one line for the spec's editor."""
    seconds = schedule.seconds
    if seconds > MAX_SECONDS + 1e-9:
        return Problem(file, f"(clip {language})", f"clip dài {math.ceil(seconds)} giây kể cả khi rút thời gian đọc, tối đa {MAX_SECONDS} giây",
                       "bớt ý hoặc rút gọn chữ")
    if seconds < MIN_SECONDS - 1e-9:
        return Problem(file, f"(clip {language})", f"clip chỉ dài {seconds:.0f} giây, tối thiểu {MIN_SECONDS} giây",
                       "thêm nội dung cho infographic")
    return None
