"""Templates: how an infographic is drawn, as data.

Owns the schema, loading and checks of `infographics/templates/<name>.yml`.
A template names the slots it fills (wardpub.data.content), its fonts,
its palette (brand colour names from extra.ward.colours, or hex), its type
scale, and an ordered list of layers drawn by the one renderer
(wardpub.media.infographics.render): rect, text, qr, icon, and stack (a list slot as
a grid of cells drawn from the same item layers). A text layer may ask for
`wrap: greedy` instead of balanced lines, and `strike: <colour>` to cross
out every line (a false claim). A layer is written once with
its style; `at:` gives its box, and anything else that differs, per format,
so every format is laid out, not scaled. A template may draw over a *frame*
(kind: frame): the chrome every infographic shares (background, the ward's
name, site address, source line, QR code) and each format's safe area.
A *card* (kind: card) is a template filled from a title (and a kicker): pages'
link previews, a clip's title and closing cards.

Besides the four image formats, a template is laid out in the `clip` format:
1080×1920 video frames with the clip's own safe area (out of the bottom third
and the right-hand column the apps draw their buttons in), checked like the
others. A layer may carry a `name`, which a clip's timeline uses to say when
it enters (wardpub.media.clips.timeline); a stack may be `overlay` there, its items
one over another, shown one at a time.

Print (kind: print) templates lay out the print kit (posters, boards,
banners, slides): their formats are not the four screen formats but named
ones that say their own size, in millimetres (`size: [297, 420]`, `unit: mm`),
their bleed, colour space (`cmyk` for the print shop, `rgb` for slides), the
smallest type they allow (`min_text`, pt) and where they fold. In them, boxes,
gaps and strokes are millimetres and type sizes points; a format may be laid
out `like:` another of the same template, scaled to its own size (A2 and A1
posters are the A3 layout enlarged). Colours in a `cmyk` format are brand
names (extra.ward.colours_cmyk) or `cmyk(c, m, y, k)` in percent, never hex.

Checks name file, field and format: colours, fonts and sizes that exist,
slots the template declares, no text smaller than its format's floor
(MIN_TEXT: what a phone reader can read once a feed shrinks the image), boxes
inside the canvas, text and QR codes inside the safe area, and nothing drawn
over a text or the QR code. Named
`examples:` in a template document it and feed its golden-image tests.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Optional, Union

from pydantic import Field, StringConstraints, TypeAdapter, ValidationError, field_validator, model_validator

from ...data.datafiles import load_model
from ...fonts import font_file
from ...problems import Problem, display_path, from_validation_error
from ...data.registries import Bilingual, Strict
from ...data.ward import Colours
from ...data.content import LIST_SLOTS, SLOTS, STATEMENT_SLOTS, TEXT_SLOTS, Content

FORMATS: dict[str, tuple[int, int]] = {
    "1080x1080": (1080, 1080),  # feed, square
    "1080x1350": (1080, 1350),  # feed, portrait
    "1200x630": (1200, 630),  # link preview
    "1080x1920": (1080, 1920),  # stories
}
# A clip's frames (wardpub.media.clips): a story-sized canvas laid out for video, with the safe area
# its frame declares (the apps' buttons cover the bottom third and a right-hand column).
CLIP_FORMAT = "clip"
CANVASES: dict[str, tuple[int, int]] = {**FORMATS, CLIP_FORMAT: (1080, 1920)}
FormatName = Literal["1080x1080", "1080x1350", "1200x630", "1080x1920", "clip"]
# The smallest text each format may draw, px. A feed shows a 1080-wide image about 360 px wide
# (a third): 28 px becomes about 9 CSS px, the least a phone reader can still read; a link
# preview shows 1200×630 about 500 px wide, where 26 px becomes about 11 px. A clip fills a
# phone's screen (about 390 px wide) and moves on before a second look: 36 px, about 13 px.
MIN_TEXT = {"1080x1080": 28, "1080x1350": 28, "1080x1920": 28, "1200x630": 26, CLIP_FORMAT: 36}
# Print formats are named by the template that declares them (a3, bang-ron, slide...).
PrintFormatName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
CMYK = re.compile(r"^cmyk\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$")
BRAND_COLOURS = tuple(Colours.model_fields)
# Values a template's literal text may use, filled in per image by wardpub.media.infographics.resolve.
# The print kit adds the ward's contacts, an item's number in its set ("3", of "7") and the
# draft mark of a slogan not yet approved ("DỰ THẢO", empty once approved).
PLACEHOLDERS = frozenset({"ward", "committee", "publication", "site", "sources", "category", "n",
                          "address", "phone", "email", "number", "total", "draft"})

Dim = Union[int, Annotated[str, StringConstraints(pattern=r"^(100|[1-9]?[0-9])%$|^fill$")]]
Box = tuple[Dim, Dim, Dim, Dim]
# px on screen; points in print formats (a 5 m banner's slogan is over 1,000 pt).
Size = Union[Annotated[int, Field(ge=6, le=2400)], Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]]


class _Layer(Strict):
    # What a clip's timeline calls the layer (wardpub.media.clips.timeline): unique in its template and frame.
    name: Optional[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]] = None
    # No box in a format: the layer is not drawn in that format.
    box: Optional[Box] = None
    # Draw only when this slot (or, inside a stack, this item field) has a value.
    when: Optional[str] = None


class RectLayer(_Layer):
    type: Literal["rect"]
    fill: Optional[str] = None
    outline: Optional[str] = None
    width: int = Field(default=0, ge=0, le=40)
    radius: int = Field(default=0, ge=0, le=1000)
    # Inside a stack: stretch to the same point of the next item (timeline spines).
    to_next: Optional[Literal["down", "right"]] = None


class TextLayer(_Layer):
    type: Literal["text"]
    slot: Optional[str] = None  # a spec slot (title, kicker, quote...)
    field: Optional[str] = None  # inside a stack: a field of the item (value, label, text, year)
    text: Optional[Union[str, Bilingual]] = None  # literal, with {placeholders}
    font: str
    size: Size
    min_size: Optional[Size] = None
    line_height: float = Field(default=1.2, ge=0.8, le=2.5)
    colour: str
    align: Literal["left", "center", "right"] = "left"
    valign: Literal["top", "middle", "bottom"] = "top"
    max_lines: Optional[int] = Field(default=None, ge=1, le=20)
    case: Literal["as-written", "upper"] = "as-written"
    # Fit the ink, not the line box: for a lone glyph (a quotation mark) or a big number.
    trim: bool = False
    # balance: lines of even length (the narrowest measure that keeps the number of lines);
    # greedy: each line as full as it goes. Either way no lone syllable ends the text.
    wrap: Literal["balance", "greedy"] = "balance"
    # A colour: a line struck through every line of the text (a false claim that reads as false however cropped).
    strike: Optional[str] = None

    @model_validator(mode="after")
    def _one_source(self):
        if sum(x is not None for x in (self.slot, self.field, self.text)) != 1:
            raise ValueError("lớp chữ cần đúng một trong slot, field, text | giữ lại một trong ba trường")
        return self


class QrLayer(_Layer):
    type: Literal["qr"]
    dark: str = "text"
    light: str = "#ffffff"
    quiet: int = Field(default=2, ge=1, le=4)  # quiet zone, in modules


class IconLayer(_Layer):
    type: Literal["icon"]
    shape: Literal["check", "cross"]
    colour: str
    stroke: int = Field(default=10, ge=1, le=80)


class ImageLayer(_Layer):
    """A picture from outside the engine, fitted inside its box (a chart drawn by matplotlib)."""

    type: Literal["image"]
    source: Literal["chart"] = "chart"


ItemLayer = Annotated[Union[RectLayer, TextLayer, IconLayer], Field(discriminator="type")]


class StackLayer(_Layer):
    """One cell per item of a list slot, in a grid filled column by column."""

    type: Literal["stack"]
    slot: Literal["figures", "points", "milestones"]
    columns: int = Field(default=1, ge=1, le=4)  # at most
    rows: Optional[int] = Field(default=None, ge=1, le=12)  # at most, per column: more items open another column
    gap: int = Field(default=24, ge=0, le=400)
    column_gap: int = Field(default=32, ge=0, le=400)
    # equal: cells share the box evenly; content: each cell as tall as its text (columns only).
    sizing: Literal["equal", "content"] = "equal"
    justify: Literal["start", "center", "spread"] = "start"
    # Every item in the whole box, over one another: a clip shows them one at a time (clip format only).
    overlay: bool = False
    item: list[ItemLayer]


Layer = Annotated[Union[RectLayer, TextLayer, QrLayer, IconLayer, StackLayer, ImageLayer], Field(discriminator="type")]
LAYERS = TypeAdapter(list[Layer])


class SlotRule(Strict):
    required: bool = True
    min: int = Field(default=1, ge=0, le=12)
    max: int = Field(default=8, ge=1, le=12)


class FormatSettings(Strict):
    # Text, QR codes and stacks stay inside: top, right, bottom, left margins in px (mm in print).
    safe: tuple[int, int, int, int] = (0, 0, 0, 0)
    type_scale: dict[str, int] = {}
    # Print formats only (see the module's docstring).
    size: Optional[tuple[Annotated[int, Field(ge=20, le=5080)], Annotated[int, Field(ge=20, le=5080)]]] = None
    unit: Literal["px", "mm"] = "px"
    bleed: int = Field(default=0, ge=0, le=10)  # mm beyond the trim on every side
    colours: Literal["rgb", "cmyk"] = "rgb"
    min_text: Optional[int] = Field(default=None, ge=4, le=400)  # pt
    folds: list[int] = []  # mm from the left edge (a tri-fold leaflet)
    like: Optional[str] = None


class TemplateFile(Strict):
    kind: Literal["infographic", "card", "frame", "print"]
    name: Bilingual
    description: str = Field(min_length=1)
    frame: Optional[str] = None
    slots: dict[str, SlotRule] = {}
    fonts: dict[str, str] = {}
    palette: dict[str, str] = {}
    type_scale: dict[str, int] = {}
    # Formats drawn, with their safe areas; a template over a frame has the frame's unless it says otherwise.
    formats: dict[Union[FormatName, PrintFormatName], FormatSettings] = {}
    layers: list[dict] = []
    examples: dict[str, dict] = {}

    @field_validator("slots")
    @classmethod
    def _known_slots(cls, value: dict) -> dict:
        unknown = [name for name in value if name not in SLOTS]
        if unknown:
            raise ValueError(f"không có trường nội dung “{unknown[0]}” | dùng một trong: {', '.join(SLOTS)}")
        return value


@dataclass(frozen=True)
class Format:
    name: str
    width: int
    height: int
    safe: tuple[int, int, int, int]
    type_scale: dict[str, int]
    layers: tuple  # of layer models, frame layers first
    origins: tuple  # (file, index in that file) of each layer, for messages
    unit: str = "px"  # of width, height, safe and boxes; type sizes are pt when it is mm
    bleed: int = 0
    colours: str = "rgb"
    min_text: int = 0  # pt, print formats
    folds: tuple = ()

    @property
    def printed(self) -> bool:
        return self.unit != "px"


@dataclass
class Template:
    name: str
    kind: str
    title: Bilingual
    file: str
    slots: dict[str, SlotRule]
    fonts: dict[str, str]
    palette: dict[str, str]
    formats: dict[str, Format]
    examples: dict[str, Content]


def merge_for_format(layer: dict, fmt: str) -> dict:
    """A layer as drawn in one format: its `at[fmt]` values over its own, items likewise."""
    merged = {k: v for k, v in layer.items() if k != "at"}
    overrides = (layer.get("at") or {}).get(fmt) or {}
    if isinstance(overrides, dict):
        merged.update(overrides)
    if isinstance(merged.get("item"), list):
        merged["item"] = [merge_for_format(sub, fmt) if isinstance(sub, dict) else sub for sub in merged["item"]]
    return merged


def _format_problems(file: str, raw_layers: list, formats: list[str]) -> tuple[dict[str, tuple], list[Problem]]:
    """Validate the layers once per format; a problem in only some formats names them."""
    per_format: dict[str, tuple] = {}
    seen: dict[Problem, list[str]] = {}
    for fmt in formats:
        bad_at = [i for i, layer in enumerate(raw_layers) if isinstance(layer, dict) and not isinstance(layer.get("at") or {}, dict)]
        for i in bad_at:
            seen.setdefault(Problem(file, f"layers.{i}.at", "phải là một nhóm theo khổ ảnh", "viết ví dụ at: {1080x1080: {box: [0, 0, 100, 100]}}"), []).append(fmt)
        merged = [merge_for_format(layer, fmt) if isinstance(layer, dict) else layer for layer in raw_layers]
        try:
            per_format[fmt] = tuple(LAYERS.validate_python(merged))
        except ValidationError as error:
            for problem in from_validation_error(file, error, prefix="layers"):
                seen.setdefault(problem, []).append(fmt)
    problems = []
    for problem, where in seen.items():
        if len(where) < len(formats):
            problem = Problem(problem.file, problem.field, f"{problem.message} (khổ {', '.join(where)})", problem.fix)
        problems.append(problem)
    return per_format, problems


def _read_template(path: Path) -> tuple[Optional[TemplateFile], list[Problem]]:
    return load_model(path, TemplateFile, ("mẫu phải là một nhóm trường", "xem các mẫu có sẵn trong infographics/templates/"))


def load_templates(folder: Path) -> tuple[dict[str, Template], list[Problem]]:
    """Every template under folder/templates, merged with its frame and checked layer by layer."""
    raw: dict[str, tuple[TemplateFile, Path]] = {}
    problems: list[Problem] = []
    for path in sorted((Path(folder) / "templates").glob("*.yml")):
        model, more = _read_template(path)
        problems += more
        if model is not None:
            raw[path.stem] = (model, path)
    templates = {}
    for name, (model, path) in raw.items():
        if model.kind == "frame":
            continue
        template, more = _build_template(name, model, path, raw)
        problems += more
        if template is not None:
            templates[name] = template
    for name, (model, path) in raw.items():  # frames are checked through their users; unused ones alone
        if model.kind == "frame" and not any(t.kind != "frame" and t.frame == name for t, _ in raw.values()):
            _, more = _build_template(name, model, path, raw)
            problems += more
    return templates, list(dict.fromkeys(problems))  # a frame's problem shows once, not once per user


def _build_template(name: str, model: TemplateFile, path: Path,
                    raw: dict) -> tuple[Optional[Template], list[Problem]]:
    file = display_path(path)
    frame: Optional[TemplateFile] = None
    problems: list[Problem] = []
    if model.frame is not None:
        found = raw.get(model.frame)
        if found is None or found[0].kind != "frame":
            frames = sorted(n for n, (m, _) in raw.items() if m.kind == "frame")
            return None, [Problem(file, "frame", f"không có khung (kind: frame) tên “{model.frame}” trong {display_path(path.parent)}/",
                                  f"dùng một trong: {', '.join(frames) or '(chưa có khung nào)'}")]
        frame = found[0]
        if not model.formats:
            model = model.model_copy(update={"formats": {f: FormatSettings() for f in frame.formats}})
    if not model.formats:
        return None, [Problem(file, "formats", "mẫu không có khổ ảnh nào", "thêm formats, ví dụ 1200x630: {safe: [20, 48, 12, 48]}")]
    if model.kind == "infographic" and not set(FORMATS) <= set(model.formats):
        missing = [f for f in FORMATS if f not in model.formats]
        problems.append(Problem(file, "formats", f"mẫu infographic phải có đủ bốn khổ, còn thiếu {', '.join(missing)}",
                                "thêm khổ còn thiếu, kèm vùng an toàn (safe) và vị trí từng lớp"))
    fonts = {**(frame.fonts if frame else {}), **model.fonts}
    palette = {**(frame.palette if frame else {}), **model.palette}
    formats: dict[str, Format] = {}
    problems += print_format_problems(file, model, frame)
    if problems:
        return None, problems
    laid_out = [f for f, settings in model.formats.items() if not _declared(settings, frame, f).like]
    frame_layers, more = _format_problems(display_path(raw[model.frame][1]) if frame else file,
                                          frame.layers if frame else [], laid_out)
    problems += more
    own_layers, more = _format_problems(file, model.layers, laid_out)
    problems += more
    # Formats laid out like another come after it: their layers are its layers, scaled.
    for fmt, settings in sorted(model.formats.items(), key=lambda item: bool(_declared(item[1], frame, item[0]).like)):
        frame_settings = frame.formats.get(fmt) if frame else None
        if frame is not None and frame_settings is None:
            problems.append(Problem(file, f"formats.{fmt}", f"khung “{model.frame}” không có khổ {fmt}", "thêm khổ này vào khung hoặc bỏ khổ khỏi mẫu"))
            continue
        declared = _declared(settings, frame, fmt)
        width, height = CANVASES[fmt] if fmt in CANVASES else declared.size
        safe = settings.safe if settings.safe != (0, 0, 0, 0) or frame_settings is None else frame_settings.safe
        scale = {**(frame.type_scale if frame else {}), **(frame_settings.type_scale if frame_settings else {}),
                 **model.type_scale, **settings.type_scale}
        physical = dict(unit=declared.unit, bleed=declared.bleed, colours=declared.colours,
                        min_text=declared.min_text or 0, folds=tuple(declared.folds))
        if declared.like:
            base = formats.get(declared.like)
            if base is not None:
                formats[fmt] = scaled_format(base, fmt, width, height, physical)
        elif fmt in frame_layers and fmt in own_layers:
            frame_file = display_path(raw[model.frame][1]) if frame else file
            origins = tuple((frame_file, n) for n in range(len(frame_layers[fmt]))) + tuple((file, n) for n in range(len(own_layers[fmt])))
            formats[fmt] = Format(fmt, width, height, safe, scale, frame_layers[fmt] + own_layers[fmt], origins, **physical)
    examples: dict[str, Content] = {}
    for example, content in model.examples.items():
        try:
            examples[example] = Content.model_validate(content)
        except ValidationError as error:
            problems += from_validation_error(file, error, prefix=f"examples.{example}")
    template = Template(name, model.kind, model.name, file, model.slots, fonts, palette, formats, examples)
    problems += template_problems(template)
    return (None if problems else template), problems


def _declared(settings: FormatSettings, frame: Optional[TemplateFile], fmt: str) -> FormatSettings:
    """Where a print format's size, unit and bleed are written: the template's own entry, else its frame's."""
    if settings.size is not None or frame is None or fmt not in frame.formats:
        return settings
    return frame.formats[fmt]


def print_format_problems(file: str, model: TemplateFile, frame: Optional[TemplateFile]) -> list[Problem]:
    """Screen formats have their fixed sizes; any other format says its size in mm; print templates use only those."""
    problems = []
    for fmt, settings in model.formats.items():
        declared = _declared(settings, frame, fmt)
        if fmt in CANVASES:
            if model.kind == "print":
                problems.append(Problem(file, f"formats.{fmt}", "mẫu in không dùng khổ ảnh màn hình",
                                        "đặt tên khổ in (ví dụ a3) kèm size: [297, 420] và unit: mm"))
            elif declared.size is not None or declared.unit != "px":
                problems.append(Problem(file, f"formats.{fmt}", "khổ ảnh màn hình có kích thước cố định", "xóa size và unit"))
            continue
        if declared.size is None or declared.unit != "mm":
            problems.append(Problem(file, f"formats.{fmt}", "khổ in phải ghi kích thước bằng mm",
                                    "viết ví dụ size: [297, 420] và unit: mm"))
        if declared.like is not None:
            base = model.formats.get(declared.like)
            if base is None or declared.like == fmt or _declared(base, frame, declared.like).like:
                problems.append(Problem(file, f"formats.{fmt}.like", f"không có khổ “{declared.like}” được dàn trang riêng trong mẫu",
                                        f"dùng một trong: {', '.join(f for f, s in model.formats.items() if not _declared(s, frame, f).like)}"))
        if any(not 0 < x < declared.size[0] for x in declared.folds) if declared.size else False:
            problems.append(Problem(file, f"formats.{fmt}.folds", "đường gấp nằm ngoài khổ", "ghi khoảng cách từ mép trái, tính bằng mm"))
    return problems


def _scaled_box(box, fx: float, fy: float):
    if box is None:
        return None
    x, y, w, h = box
    def along(start, length, f):
        if not isinstance(start, int):
            return start, (round(length * f) if isinstance(length, int) else length)
        end = round((start + length) * f) if isinstance(length, int) else length
        return round(start * f), (end - round(start * f) if isinstance(length, int) else end)
    x, w = along(x, w, fx)
    y, h = along(y, h, fy)
    return (x, y, w, h)


def scaled_layer(layer, fx: float, fy: float):
    """A layer model with its lengths scaled (boxes by axis, sizes and strokes by the smaller factor)."""
    f = min(fx, fy)
    update: dict = {"box": _scaled_box(layer.box, fx, fy)}
    if isinstance(layer, RectLayer):
        update |= {"width": round(layer.width * f) if layer.width else 0, "radius": round(layer.radius * f)}
    elif isinstance(layer, TextLayer):
        update |= {name: round(getattr(layer, name) * f) for name in ("size", "min_size") if isinstance(getattr(layer, name), int)}
    elif isinstance(layer, IconLayer):
        update["stroke"] = max(1, round(layer.stroke * f))
    elif isinstance(layer, StackLayer):
        update |= {"gap": round(layer.gap * fy), "column_gap": round(layer.column_gap * fx),
                   "item": [scaled_layer(sub, fx, fy) for sub in layer.item]}
    return layer.model_copy(update=update)


def scaled_format(base: Format, name: str, width: int, height: int, physical: dict) -> Format:
    """A print format laid out like another (A2 like A3): every length scaled to its size."""
    fx, fy = width / base.width, height / base.height
    f = min(fx, fy)
    top, right, bottom, left = base.safe
    safe = (round(top * fy), round(right * fx), round(bottom * fy), round(left * fx))
    physical = {**physical, "min_text": physical["min_text"] or round(base.min_text * f)}
    return Format(name, width, height, safe, {k: round(v * f) for k, v in base.type_scale.items()},
                  tuple(scaled_layer(layer, fx, fy) for layer in base.layers), base.origins, **physical)


def template_problems(template: Template) -> list[Problem]:
    """Rules across a template's fields: colours, fonts, sizes, slots, boxes inside the canvas and safe area."""
    file = template.file
    found: dict[Problem, list[str]] = {}

    def report(problem: Problem, fmt: str):
        found.setdefault(problem, []).append(fmt)

    for role, value in template.palette.items():
        if not colour_known(value, {k: v for k, v in template.palette.items() if k != role}):
            report(Problem(file, f"palette.{role}", f"“{value}” không phải tên màu thương hiệu hay mã #rrggbb",
                           f"dùng một trong: {', '.join(BRAND_COLOURS)}, hoặc mã dạng \"#a50e14\""), "*")
    for role, name in template.fonts.items():
        if not font_file(name).is_file():
            report(Problem(file, f"fonts.{role}", f"không có tệp phông “{name}” trong bộ Be Vietnam Pro",
                           "viết tên tệp, ví dụ BeVietnamPro-Bold.ttf"), "*")
    for fmt in template.formats.values():
        for layer, (origin, index) in zip(fmt.layers, fmt.origins):
            for problem in layer_problems(template, fmt, layer, f"layers.{index}"):
                report(Problem(origin, problem.field, problem.message, problem.fix), fmt.name)
        for problem in overlap_problems(template, fmt):
            report(problem, fmt.name)
        for problem in name_problems(fmt):
            report(problem, "*")
        if fmt.printed:
            for problem in print_problems(template, fmt):
                report(problem, fmt.name)
    problems = []
    for problem, where in found.items():
        named = [w for w in where if w != "*"]
        if named and len(set(named)) < len(template.formats):
            problem = Problem(problem.file, problem.field, f"{problem.message} (khổ {', '.join(sorted(set(named)))})", problem.fix)
        problems.append(problem)
    return problems


def _intersect(a: tuple, b: tuple) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def overlap_problems(template: Template, fmt: Format) -> list[Problem]:
    """Nothing may cover a text or the QR code: their boxes overlap no other text, stack, icon or
    QR box, and no rectangle of the template drawn after the QR code (the frame's background and
    bands, and a template's own background drawn first, lie under it)."""
    placed = [(layer, origin) for layer, origin in zip(fmt.layers, fmt.origins)
              if layer.box is not None and all(isinstance(v, int) for v in layer.box)]
    guarded = (TextLayer, QrLayer, StackLayer, IconLayer, ImageLayer)
    problems = []
    for n, (layer, (file, index)) in enumerate(placed):
        for other, (other_file, other_index) in placed[:n]:
            both_guarded = isinstance(layer, guarded) and isinstance(other, guarded)
            # A template's rectangle drawn after the QR code covers it; one drawn before lies under it.
            panel_on_qr = isinstance(layer, RectLayer) and file == template.file and isinstance(other, QrLayer)
            if (both_guarded or panel_on_qr) and _intersect(layer.box, other.box):
                where = f"lớp {other_index}" + ("" if other_file == file else f" của {other_file}")
                problems.append(Problem(file, f"layers.{index}.box", f"hộp {list(layer.box)} chồng lên {where} {list(other.box)}",
                                        "dời hoặc thu nhỏ một trong hai hộp"))
    return problems


def name_problems(fmt: Format) -> list[Problem]:
    """Layer names are what a clip's timeline calls layers: one layer each, across a template and its frame."""
    seen: dict[str, tuple[str, int]] = {}
    problems = []
    for layer, (file, index) in zip(fmt.layers, fmt.origins):
        if layer.name is None:
            continue
        if layer.name in seen:
            other_file, other = seen[layer.name]
            where = f"lớp {other}" + ("" if other_file == file else f" của {other_file}")
            problems.append(Problem(file, f"layers.{index}.name", f"tên “{layer.name}” đã dùng cho {where}",
                                    "đặt cho mỗi lớp một tên riêng"))
        seen[layer.name] = (file, index)
    return problems


def colour_known(token: str, palette: dict[str, str]) -> bool:
    return token in palette or token in BRAND_COLOURS or bool(HEX.match(token)) or bool(CMYK.match(token))


def _layers_deep(layers):
    for layer in layers:
        yield layer
        if isinstance(layer, StackLayer):
            yield from layer.item


def print_problems(template: Template, fmt: Format) -> list[Problem]:
    """A print format's colours are all in its colour space, and no text may shrink below its smallest size."""
    problems = []
    wrong, example = (HEX, "cmyk(0, 0, 0, 100)") if fmt.colours == "cmyk" else (CMYK, "#1d1d1f")
    for role, value in template.palette.items():
        seen = {role}
        while value in template.palette and value not in seen:
            seen.add(value)
            value = template.palette[value]
        if wrong.match(value):
            problems.append(Problem(template.file, f"palette.{role}", f"“{value}” không dùng được ở khổ {fmt.name} (hệ màu {fmt.colours})",
                                    f"dùng tên màu thương hiệu hoặc mã dạng {example}"))
    for layer, (origin, index) in zip(fmt.layers, fmt.origins):
        for sub in _layers_deep([layer]):
            for attribute in ("fill", "outline", "colour", "dark", "light"):
                token = getattr(sub, attribute, None)
                if token is not None and wrong.match(token):
                    problems.append(Problem(origin, f"layers.{index}.{attribute}", f"“{token}” không dùng được ở khổ {fmt.name} (hệ màu {fmt.colours})",
                                            f"dùng tên màu thương hiệu hoặc mã dạng {example}"))
            if isinstance(sub, TextLayer) and fmt.min_text:
                smallest = sub.min_size if sub.min_size is not None else sub.size
                pt = fmt.type_scale.get(smallest) if isinstance(smallest, str) else smallest
                if pt is not None and pt < fmt.min_text:
                    problems.append(Problem(origin, f"layers.{index}.{'min_size' if sub.min_size is not None else 'size'}",
                                            f"cỡ chữ nhỏ nhất {pt} pt dưới mức đọc được khi in ({fmt.min_text} pt ở khổ {fmt.name})",
                                            f"dùng cỡ từ {fmt.min_text} pt trở lên"))
    return problems


def layer_problems(template: Template, fmt: Format, layer, where: str, in_stack: Optional[str] = None) -> list[Problem]:
    file = template.file
    problems = []
    for attribute in ("fill", "outline", "colour", "dark", "light", "strike"):
        token = getattr(layer, attribute, None)
        if token is not None and not colour_known(token, template.palette):
            problems.append(Problem(file, f"{where}.{attribute}", f"“{token}” không phải màu trong bảng màu (palette) hay tên màu thương hiệu",
                                    f"dùng một trong: {', '.join([*template.palette, *BRAND_COLOURS])}, hoặc mã dạng \"#a50e14\""))
    if isinstance(layer, TextLayer):
        if layer.font not in template.fonts:
            problems.append(Problem(file, f"{where}.font", f"không có phông “{layer.font}” trong fonts của mẫu",
                                    f"dùng một trong: {', '.join(template.fonts)}"))
        for attribute in ("size", "min_size"):
            value = getattr(layer, attribute)
            if isinstance(value, str) and value not in fmt.type_scale:
                problems.append(Problem(file, f"{where}.{attribute}", f"không có cỡ chữ “{value}” trong type_scale",
                                        f"dùng một trong: {', '.join(fmt.type_scale)}, hoặc một số px"))
        floor = MIN_TEXT.get(fmt.name, 0)
        smallest = layer.min_size if layer.min_size is not None else layer.size
        px = fmt.type_scale.get(smallest) if isinstance(smallest, str) else smallest
        if px is not None and px < floor:
            attribute = "min_size" if layer.min_size is not None else "size"
            problems.append(Problem(file, f"{where}.{attribute}", f"cỡ chữ nhỏ nhất {px} px dưới mức đọc được trên điện thoại ({floor} px)", f"dùng cỡ từ {floor} px trở lên, hoặc bớt chữ của lớp này"))
        if layer.slot is not None and (layer.slot not in template.slots and template.kind != "frame" and layer.slot != "title"):
            problems.append(Problem(file, f"{where}.slot", f"mẫu không khai báo trường “{layer.slot}” trong slots",
                                    "thêm trường vào slots hoặc sửa tên"))
        if layer.slot is not None and layer.slot not in (*TEXT_SLOTS, *STATEMENT_SLOTS):
            problems.append(Problem(file, f"{where}.slot", f"“{layer.slot}” không phải trường chữ",
                                    f"dùng một trong: {', '.join((*TEXT_SLOTS, *STATEMENT_SLOTS))}"))
        if layer.field is not None and (in_stack is None or layer.field not in LIST_SLOTS[in_stack]):
            allowed = ", ".join(LIST_SLOTS[in_stack]) if in_stack else "(chỉ dùng trong một stack)"
            problems.append(Problem(file, f"{where}.field", f"“{layer.field}” không phải trường của mục", f"dùng một trong: {allowed}"))
        if layer.text is not None:
            for text in ([layer.text] if isinstance(layer.text, str) else [layer.text.vi, layer.text.en]):
                for _, name, _, _ in string.Formatter().parse(text):
                    if name is not None and name not in PLACEHOLDERS:
                        problems.append(Problem(file, f"{where}.text", f"không có giá trị {{{name}}}",
                                                f"dùng một trong: {', '.join('{' + p + '}' for p in sorted(PLACEHOLDERS))}"))
    if isinstance(layer, StackLayer):
        if layer.overlay and fmt.name != CLIP_FORMAT and layer.box is not None:
            problems.append(Problem(file, f"{where}.overlay", "chỉ clip mới xếp các mục chồng lên nhau (mỗi lúc một mục)",
                                    f"chỉ viết overlay: true trong at: {{{CLIP_FORMAT}: ...}}"))
        if layer.slot not in template.slots:
            problems.append(Problem(file, f"{where}.slot", f"mẫu không khai báo trường “{layer.slot}” trong slots", "thêm trường vào slots"))
        for n, sub in enumerate(layer.item):
            problems += layer_problems(template, fmt, sub, f"{where}.item.{n}", in_stack=layer.slot)
    if layer.box is not None and in_stack is None:
        problems += box_problems(file, fmt, layer, where)
    return problems


def box_problems(file: str, fmt: Format, layer, where: str) -> list[Problem]:
    box = layer.box
    if not all(isinstance(v, int) for v in box):
        return [Problem(file, f"{where}.box", "hộp của lớp ngoài cùng phải là bốn số px [x, y, rộng, cao]",
                        "chỉ dùng % và fill cho các lớp trong một stack")]
    x, y, w, h = box
    if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > fmt.width or y + h > fmt.height:
        return [Problem(file, f"{where}.box", f"hộp {list(box)} nằm ngoài khung {fmt.width}×{fmt.height}", "sửa vị trí hoặc kích thước")]
    if isinstance(layer, (TextLayer, QrLayer, IconLayer, StackLayer, ImageLayer)):
        top, right, bottom, left = fmt.safe
        if x < left or y < top or x + w > fmt.width - right or y + h > fmt.height - bottom:
            return [Problem(file, f"{where}.box", f"hộp {list(box)} ra ngoài vùng an toàn (cách mép trên {top}, phải {right}, dưới {bottom}, trái {left} px)",
                            "dời lớp vào trong vùng an toàn")]
    return []
