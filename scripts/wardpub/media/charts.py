"""Charts: data files drawn by one renderer, cached by content, listed in a manifest.

Owns the chart spec schema (docs/_data/charts/<id>.yml: type, words in
Vietnamese and English, the numbers, `source:` ids from sources.yml and the
content point in `category:`), loading and checking specs (unknown sources or
categories, characters Be Vietnam Pro cannot draw), resolving a chart into the
exact words and numbers of one language (`Resolved`: what the image shows,
what the table beside it lists, what screen readers hear), rendering every
chart in every language and format through the content-addressed cache
(.cache/charts/, keyed on the resolved chart, the fonts, matplotlib's version
and the renderer's), the site paths and charts/manifest.json. The figure a content page shows is
the site's (wardpub.site.chart_pages).

Drawing is `wardpub.media.chartdraw`; charts made from the units' reports are
defined in `wardpub.site.dashboard` and go through the same path.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, model_validator

from .. import DATA_DIR
from .. import language as lang
from ..cache import ContentCache, digest, generated, write_atomic
from .chartdraw import FONT_FILES, FORMATS, RENDERER_VERSION, ChartOverflow, MissingGlyph, draw_with_texts, readable_on_white
from ..data.datafiles import load_yaml, walk_strings
from ..fonts import codepoints, font_file
from ..data.pages import page_key
from ..problems import Problem, ProblemsFound, display_path, from_validation_error
from ..data.registries import Bilingual, Registries, Strict

CHARTS_DIR = DATA_DIR / "charts"
CHART_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MANIFEST = "charts/manifest.json"


# ── the spec ────────────────────────────────────────────────────────────────

class Bar(Strict):
    label: Bilingual
    value: float = Field(ge=0)
    qualifier: Literal["exact", "at-least", "about"] = "exact"
    group: Optional[Bilingual] = None  # consecutive bars of a group share a heading
    level: int = Field(default=0, ge=0, le=2)  # "of which": 1 is part of the bar above, 2 part of that


class Milestone(Strict):
    year: int = Field(ge=1900, le=2200)
    points: list[Bilingual] = Field(min_length=1)


class Series(Strict):
    name: Bilingual
    values: list[float]


class ChartSpec(Strict):
    type: Literal["bars", "timeline", "columns"]
    title: Bilingual
    description: Bilingual  # what a screen reader hears instead of the image
    note: Optional[Bilingual] = None
    category: Optional[str] = None  # the content point whose page shows it
    order: int = 0  # position among the charts of that page
    source: list[int] = []
    source_note: Optional[Bilingual] = None  # instead of source ids: where figures come from
    unit: Literal["number", "percent"] = "number"
    unit_label: Optional[Bilingual] = None  # "tỷ đồng" / "billion VND"
    scale_max: Optional[float] = Field(default=None, gt=0)  # bars: a full-scale track (100 for shares)
    item_label: Optional[Bilingual] = None  # the table's headings (default "Nội dung" / "Mức")
    value_label: Optional[Bilingual] = None
    sample: bool = False
    bars: list[Bar] = []
    milestones: list[Milestone] = []
    categories: list[Bilingual] = []
    series: list[Series] = []

    @model_validator(mode="after")
    def _complete(self) -> "ChartSpec":
        needs = {"bars": "bars", "timeline": "milestones", "columns": "series"}[self.type]
        if not getattr(self, needs):
            raise ValueError(f"biểu đồ loại {self.type} cần mục `{needs}` | thêm `{needs}:` với ít nhất một mục")
        if self.type == "columns":
            for series in self.series:
                if len(series.values) != len(self.categories):
                    raise ValueError(f"dãy “{series.name.vi}” có {len(series.values)} số nhưng có {len(self.categories)} nhóm | "
                                     "viết mỗi dãy đúng một số cho mỗi nhóm trong `categories`")
        if not self.source and self.source_note is None:
            raise ValueError("thiếu nguồn của số liệu | thêm `source: [số nguồn]` theo docs/_data/sources.yml")
        return self


@dataclass(frozen=True)
class Chart:
    id: str
    spec: ChartSpec
    file: str  # where it is defined, for messages


@dataclass
class ChartSet:
    charts: list[Chart] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def for_category(self, category: Optional[str]) -> list[Chart]:
        if not category:
            return []
        return sorted((c for c in self.charts if c.spec.category == category), key=lambda c: (c.spec.order, c.id))

    def get(self, ident: str) -> Optional[Chart]:
        return next((c for c in self.charts if c.id == ident), None)


# ── loading and checking ────────────────────────────────────────────────────

@cache
def _load_drawable() -> frozenset[int]:
    """Code points every face the charts use can draw."""
    return frozenset.intersection(*(codepoints(name) for name in FONT_FILES))


def glyph_problems(chart: Chart) -> list[Problem]:
    """One problem per field holding a character the font cannot draw (matplotlib would only warn)."""
    problems = []
    drawable = _load_drawable()
    for path, text in walk_strings(chart.spec.model_dump(exclude_none=True)):
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in drawable})
        if missing:
            shown = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in missing)
            problems.append(Problem(chart.file, path, f"phông Be Vietnam Pro không có chữ {shown} nên không vẽ được",
                                    "thay bằng chữ khác (ví dụ ≥, –, •) hoặc xóa"))
    return problems


def reference_problems(chart: Chart, registries: Registries) -> list[Problem]:
    problems = []
    for ident in chart.spec.source:
        if ident not in registries.sources:
            problems.append(Problem(chart.file, "source", f"không có nguồn số {ident} trong docs/_data/sources.yml",
                                    "sửa số nguồn hoặc thêm nguồn vào sources.yml"))
    category = chart.spec.category
    if category is not None and category not in registries.categories:
        problems.append(Problem(chart.file, "category", f"“{category}” không có trong docs/_data/categories.yml",
                                f"chọn một trong: {', '.join(registries.category_keys)}"))
    return problems


def load_chart(path: Path) -> tuple[Optional[Chart], list[Problem]]:
    file = display_path(path)
    data, problems = load_yaml(path)
    if problems:
        return None, problems
    if not CHART_ID.match(path.stem):
        return None, [Problem(file, "tên tệp", "tên tệp biểu đồ chỉ dùng chữ thường không dấu, số và dấu gạch ngang",
                              "đổi tên, ví dụ “Ngân sách.yml” thành “ngan-sach.yml”")]
    try:
        spec = ChartSpec.model_validate(data or {})
    except ValidationError as error:
        return None, from_validation_error(file, error)
    return Chart(path.stem, spec, file), []


def load_charts(charts_dir: Path = CHARTS_DIR, registries: Optional[Registries] = None,
                derived: list[Chart] = ()) -> ChartSet:
    """Every spec in docs/_data/charts/ plus charts made from data, all checked."""
    charts, problems = [], []
    for path in sorted(Path(charts_dir).glob("*.yml")):
        chart, chart_problems = load_chart(path)
        problems += chart_problems
        if chart:
            charts.append(chart)
    charts += list(derived)
    for chart in charts:
        problems += glyph_problems(chart)
        if registries is not None:
            problems += reference_problems(chart, registries)
    return ChartSet(charts, problems)


# ── one chart in one language ───────────────────────────────────────────────

@dataclass(frozen=True)
class Row:
    label: str
    value: float
    text: str  # on the chart: "≥ 20%"
    table_text: str  # in the table: "Tối thiểu 20%"
    group: str = ""
    level: int = 0
    tone: str = "primary"


@dataclass(frozen=True)
class Resolved:
    """Everything the image shows and the screen reader hears, in one language."""

    id: str
    language: str
    type: str
    title: str
    description: str
    long_description: str
    note: str
    source_line: str
    publisher: str
    address: str  # the site's address, printed on shared images
    sample_stamp: str
    colours: dict
    item_heading: str
    value_heading: str
    rows: tuple = ()
    scale_max: Optional[float] = None
    milestones: tuple = ()  # (year, (points...))
    categories: tuple = ()
    series_names: tuple = ()
    series_values: tuple = ()
    series_texts: tuple = ()
    series_colours: tuple = ()


def format_value(value: float, spec: ChartSpec, language: str) -> str:
    if spec.unit == "percent":
        digits = 0 if float(value).is_integer() else 1
        return lang.percent(value / 100, language, digits)
    digits = 0 if float(value).is_integer() else 1
    return lang.number(value, language, digits)


def _format_bar_value(bar: Bar, spec: ChartSpec, language: str) -> tuple[str, str]:
    """(on the chart, in the table): "≥ 20%" and "Tối thiểu 20%". The unit is in the table's heading."""
    number = format_value(bar.value, spec, language)
    if bar.qualifier == "at-least":
        return f"≥ {number}", lang.t("chart.at_least", language, value=number)
    if bar.qualifier == "about":
        return lang.t("chart.about", language, value=number), _capitalise(lang.t("chart.about", language, value=number))
    return number, number


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def source_line(spec: ChartSpec, registries: Registries, language: str) -> str:
    if spec.source_note is not None:
        names = [spec.source_note[language]]
    else:
        names = []
        for ident in spec.source:
            source = registries.sources[ident]
            names.append(f"{source.outlet} ({lang.date(source.date, language)})" if source.date else source.outlet)
    names = list(dict.fromkeys(names))
    return lang.t("chart.source_line", language, count=len(names), sources="; ".join(names))


def site_address(site_url: str, language: str) -> str:
    """example.gov.vn/nq71 (or .../nq71/en): where a shared image sends its readers."""
    address = re.sub(r"^https?://", "", site_url or "").rstrip("/")
    return f"{address}/{language}" if address and language != lang.DEFAULT_LANGUAGE else address


def resolve(chart: Chart, language: str, registries: Registries, ward, site_url: str = "") -> Resolved:
    spec = chart.spec
    colours = ward.colours.model_dump()
    rows, summary = [], []
    groups = list(dict.fromkeys(bar.group[language] for bar in spec.bars if bar.group))
    for bar in spec.bars:
        text, table_text = _format_bar_value(bar, spec, language)
        group = bar.group[language] if bar.group else ""
        dark = bar.level or (group and groups.index(group) % 2 == 1)
        rows.append(Row(bar.label[language], bar.value, text, table_text, group, bar.level, "dark" if dark else "primary"))
        unit_words = f" {spec.unit_label[language]}" if spec.unit_label else ""
        summary.append(f"{(group + ', ') if group else ''}{bar.label[language]}: {table_text}{unit_words}")
    milestones = tuple((str(m.year), tuple(p[language] for p in m.points)) for m in spec.milestones)
    for year, points in milestones:
        summary.append(f"{year}: {'; '.join(points)}")
    categories = tuple(c[language] for c in spec.categories)
    series_texts = tuple(tuple(format_value(v, spec, language) for v in s.values) for s in spec.series)
    for i, category in enumerate(categories):
        summary.append(f"{category}: " + ", ".join(f"{s.name[language]} {texts[i]}" for s, texts in zip(spec.series, series_texts)))
    palette = (colours["primary"], readable_on_white(colours["accent"]), "#595959")
    unit = spec.unit_label[language] if spec.unit_label else ""
    note = " ".join(filter(None, [spec.note[language] if spec.note else "", lang.t("chart.unit", language, unit=unit) if unit else ""]))
    description = spec.description[language]
    if spec.sample:
        description = f"{lang.t('chart.sample_sentence', language)} {description}"
    return Resolved(
        id=chart.id, language=language, type=spec.type,
        title=spec.title[language], description=description,
        long_description=f"{description} {'. '.join(summary)}.".replace("..", "."),
        note=note, source_line=source_line(spec, registries, language),
        publisher=ward.site_name(language), address=site_address(site_url, language),
        sample_stamp=lang.t("chart.sample_stamp", language) if spec.sample else "",
        colours=colours,
        item_heading=spec.item_label[language] if spec.item_label else lang.t("chart.item", language),
        value_heading=(spec.value_label[language] if spec.value_label else lang.t("chart.value", language)) + (f" ({unit})" if unit else ""),
        rows=tuple(rows), scale_max=spec.scale_max, milestones=milestones, categories=categories,
        series_names=tuple(s.name[language] for s in spec.series),
        series_values=tuple(tuple(s.values) for s in spec.series),
        series_texts=series_texts, series_colours=palette[: len(spec.series)],
    )


# ── rendering through the cache ─────────────────────────────────────────────

@dataclass(frozen=True)
class RenderedFile:
    chart: str
    language: str
    format: str
    site_path: str
    path: Path
    made: bool
    texts: tuple = ()  # the text blocks drawn: {"lines": [...], "size": px}


def site_path(ident: str, language: str, fmt: str) -> str:
    if fmt == "svg":
        return f"charts/{ident}/{ident}-{language}.svg"
    return f"charts/{ident}/{ident}-{fmt}-{language}.png"


@cache
def _digest_renderer() -> str:
    """The renderer's identity: fonts, matplotlib, and the drawing code itself (so no edit is missed)."""
    from . import chartdraw

    return digest(*(font_file(name) for name in FONT_FILES), metadata.version("matplotlib"), RENDERER_VERSION,
                  Path(chartdraw.__file__))


def render_key(resolved: Resolved, fmt: str) -> str:
    """Cache key of one file: everything that shapes its bytes."""
    return digest(asdict(resolved), asdict(FORMATS[fmt]), _digest_renderer())


def render(chart: Chart, language: str, fmt: str, registries: Registries, ward, site_url: str = "",
           cache: Optional[ContentCache] = None) -> Optional[RenderedFile]:
    """One file of a chart, from the cache or drawn now (only when its inputs changed).

    None for a shared image the chart cannot fill with its text at the format's floor
    (too many rows or words for 1200×630 at 26 px): that format is not offered for it;
    the page and its SVG always show the whole chart.
    """
    cache = cache or ContentCache("charts")
    # The site's SVG shows no address, so a new site_url does not redraw it.
    resolved = resolve(chart, language, registries, ward, site_url if fmt != "svg" else "")
    suffix = ".svg" if fmt == "svg" else ".png"
    key = render_key(resolved, fmt)
    texts_path = cache.path(key, ".json")
    if texts_path.is_file() and json.loads(texts_path.read_text(encoding="utf-8")) is None:
        return None
    drawn: dict = {}

    def make() -> bytes:
        try:
            result = draw_with_texts(resolved, FORMATS[fmt])
        except MissingGlyph as error:
            raise ProblemsFound([Problem(chart.file, f"biểu đồ {chart.id} ({language})", f"không vẽ được: {error}",
                                         "thay chữ mà phông Be Vietnam Pro không có")]) from None
        drawn["texts"] = result.texts
        return result.data

    try:
        path, made = cache.get_or_make(key, make, suffix)
    except ChartOverflow:
        write_atomic(texts_path, b"null")
        return None
    texts_path, _ = cache.get_or_make(key, lambda: json.dumps(drawn.get("texts") or draw_with_texts(resolved, FORMATS[fmt]).texts,
                                                               ensure_ascii=False).encode("utf-8"), ".json")
    texts = tuple(json.loads(texts_path.read_text(encoding="utf-8")))
    return RenderedFile(chart.id, language, fmt, site_path(chart.id, language, fmt), path, made, texts)


def render_all(charts: ChartSet, registries: Registries, ward, site_url: str = "",
               cache: Optional[ContentCache] = None) -> list[RenderedFile]:
    """Every chart in every language and format it fits; only files whose inputs changed are drawn."""
    cache = cache or ContentCache("charts")
    files = (render(chart, language, fmt, registries, ward, site_url, cache)
             for chart in charts.charts for language in lang.LANGUAGES for fmt in FORMATS)
    return [f for f in files if f is not None]


def manifest(charts: ChartSet, files: list[RenderedFile]) -> str:
    """charts/manifest.json: every chart, what it is about, and its files by language and format."""
    entries = []
    for chart in charts.charts:
        spec = chart.spec
        mine = [f for f in files if f.chart == chart.id]
        entries.append({
            "id": chart.id,
            "type": spec.type,
            "title": {language: spec.title[language] for language in lang.LANGUAGES},
            "description": {language: spec.description[language] for language in lang.LANGUAGES},
            "category": spec.category,
            "sources": list(spec.source),
            "sample": spec.sample,
            "files": {language: {f.format: f.site_path for f in mine if f.language == language} for language in lang.LANGUAGES},
            # What each shared image says: its text blocks as drawn, with their size in px.
            "text": {language: {f.format: list(f.texts) for f in mine if f.language == language and f.format != "svg"}
                     for language in lang.LANGUAGES},
        })
    return json.dumps({"version": 1, "charts": entries}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def site_files(project, site_url: str = "") -> list[tuple[str, Path]]:
    """(site path, file on disk) of every rendered chart and the manifest, rendering what is missing."""
    if project.results is None:
        return []
    files = render_all(project.results.charts, project.registries, project.ward, site_url)
    listed = [(f.site_path, f.path) for f in files]
    listed.append((MANIFEST, generated("charts-manifest.json", manifest(project.results.charts, files))))
    return listed


# ── the figure on a page ────────────────────────────────────────────────────

_SVG_SIZE = re.compile(rb'<svg\b[^>]*?\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"')


def svg_size(path: Path) -> tuple[int, int]:
    """CSS pixel size of a rendered SVG (matplotlib writes points)."""
    match = _SVG_SIZE.search(path.read_bytes()[:2000])
    width, height = (float(v) for v in match.groups())
    return round(width * 4 / 3), round(height * 4 / 3)


def relative_root(page_url: str) -> str:
    """'../' per folder level of a page's URL: raw HTML links are not rewritten by MkDocs."""
    return "../" * page_url.count("/")


# ── the `wardpub charts` command ────────────────────────────────────────────

def report_lines(files: list[RenderedFile], seconds: float) -> list[str]:
    """One line per chart and language, then the totals: what was drawn and what came from the cache."""
    lines = []
    for chart in dict.fromkeys(f.chart for f in files):
        for language in lang.LANGUAGES:
            mine = [f for f in files if f.chart == chart and f.language == language]
            made = sum(f.made for f in mine)
            state = f"vẽ mới {made}/{len(mine)}" if made else "có sẵn"
            lines.append(f"{chart} [{language}]: {', '.join(f.format for f in mine)} ({state})")
    made = sum(f.made for f in files)
    lines.append(f"Đã vẽ {made} tệp, lấy {len(files) - made} tệp có sẵn trong bộ nhớ đệm, trong {seconds:.2f} giây. "
                 f"({made} drawn, {len(files) - made} from the cache.)")
    return lines


def copy_files(files: list[RenderedFile], folder: Path) -> int:
    """Copy every chart file into folder under its site name (for sharing by hand)."""
    import shutil

    folder = Path(folder)
    for f in files:
        target = folder / Path(f.site_path).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f.path, target)
    return len(files)
