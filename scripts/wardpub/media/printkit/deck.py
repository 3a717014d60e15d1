"""The chi bộ study session: a 16:9 slide deck (PDF and PPTX) and an A4 outline, from one data file.

Owns `print/sinh-hoat-chi-bo.yml`: the slides in order, each the words of
an infographic (drawn with the slide template of its kind), one of the
site's charts (drawn by matplotlib at the slide's size,
wardpub.media.chartdraw) or the session's own words (agenda, discussion
questions, the ward plan's tasks), with speaker notes taken from a section
of a content page (`notes: {page, heading}`: its paragraphs and list items,
citations turned into the outlets' names) or written out (`notes_text`).

Slides are laid out by the one engine (print templates `slide-*`) and drawn
by the PDF backend and by the PowerPoint backend (wardpub.media.infographics.
powerpoint); the outline (`de-cuong`) lists the same slides' words as
numbered sections on A4 pages, paginated by laying out as many sections as
fit each page.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, model_validator

from ... import PROJECT_ROOT
from ... import language as lang
from ...cache import ContentCache, digest
from ...data.datafiles import load_yaml
from ...problems import Problem, display_path, from_validation_error
from ...data.registries import Bilingual, Registries, Strict
from ...data.ward import Ward
from ...data.content import Content, Milestone, Point, Statement
from ..infographics.render import plan
from ..infographics.resolve import PX_PER_MM, resolve_image
from ..infographics.templates import Template
from .items import Document, PrintItem, brand_for, print_context, slug_line

DECK_FILE = "sinh-hoat-chi-bo.yml"
LANGUAGE = "vi"  # the session is held in Vietnamese
# The slide template for an infographic, by the template it is drawn with on screen.
SLIDE_FOR = {"key-figure": "slide-figures", "points": "slide-points", "myth-fact": "slide-myth-fact"}
OUTLINE_TEMPLATE = "de-cuong"
CHART_DPI = 200  # a projector shows about 100 px per inch of slide: twice that is sharp
_CITATION = re.compile(r"\s*\[src:([\d,\s]+)\]")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


class NotesFrom(Strict):
    page: str
    heading: str


class Slide(Strict):
    template: Optional[str] = None
    infographic: Optional[str] = None
    chart: Optional[str] = None
    title: Optional[str] = None
    kicker: Optional[str] = None
    attribution: Optional[str] = None
    points: list[str] = []
    categories: bool = False  # the points are the plan's seven content points
    source_note: Optional[str] = None
    notes: Optional[NotesFrom] = None
    notes_text: Optional[str] = None

    @model_validator(mode="after")
    def _one_kind(self):
        if sum(x is not None for x in (self.infographic, self.chart, self.template)) != 1:
            raise ValueError("mỗi trang chiếu là đúng một trong: infographic, chart, template | giữ lại một trường")
        return self


class Session(Strict):
    title: str
    kicker: str
    outline_title: str
    slides: list[Slide] = Field(min_length=15, max_length=25)


def both(text: str) -> Bilingual:
    """Words of the Vietnamese session in the shape content takes (both languages alike)."""
    return Bilingual(vi=text, en=text)


# ── speaker notes from the pages ────────────────────────────────────────────

def section_text(docs_dir: Path, page: str, heading: str, registries: Registries) -> Optional[str]:
    """The paragraphs and list items under a heading of a page, as plain text, citations as outlets."""
    path = Path(docs_dir) / page.replace(".md", f".{LANGUAGE}.md")
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        start = next(n for n, line in enumerate(lines) if re.fullmatch(r"#{2,3} " + re.escape(heading) + r"( \{.*\})?", line.strip()))
    except StopIteration:
        return None
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    body = []
    for line in lines[start + 1:]:
        if re.match(r"#{1,%d} " % level, line):
            break
        if line.strip().startswith(("<", "{", "!", "|", ":::")):
            continue
        body.append(line)
    text = "\n".join(body).strip()

    def outlets(match: re.Match) -> str:
        names = []
        for number in re.split(r"[,\s]+", match.group(1).strip()):
            source = registries.sources.get(int(number)) if number.isdigit() else None
            if source is not None and source.outlet not in names:
                names.append(source.outlet)
        return f" (theo {', '.join(names)})" if names else ""

    text = _CITATION.sub(outlets, text)
    text = _LINK.sub(r"\1", text).replace("**", "").replace("*", "")
    return re.sub(r"\n{3,}", "\n\n", text)


# ── slides ──────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class SlideWords:
    """A slide resolved: its template, content, category and notes."""

    template: str
    content: Content
    category: Optional[str]
    notes: str
    chart: Optional[str] = None


def load_session(folder: Path) -> tuple[Optional[Session], str, list[Problem]]:
    path = Path(folder) / DECK_FILE
    file = display_path(path)
    if not path.is_file():
        return None, file, []
    data, problems = load_yaml(path)
    if problems:
        return None, file, problems
    try:
        return Session.model_validate(data), file, []
    except ValidationError as error:
        return None, file, from_validation_error(file, error)


def slide_words(session: Session, file: str, templates: dict[str, Template], infographics: dict, charts,
                registries: Registries, docs_dir: Path, values: dict) -> tuple[list[SlideWords], list[Problem]]:
    """Every slide's template and words, or the problems that stop the deck."""
    slides, problems = [], []
    points = [key for key, c in registries.categories.items() if c.page]
    for n, slide in enumerate(session.slides):
        where = f"slides.{n}"
        category = None
        chart = None
        if slide.infographic is not None:
            spec = infographics.get(slide.infographic)
            if spec is None:
                problems.append(Problem(file, f"{where}.infographic", f"không có infographic “{slide.infographic}”", "sửa mã infographic"))
                continue
            template = SLIDE_FOR.get(spec.template)
            if template is None:
                problems.append(Problem(file, f"{where}.infographic", f"chưa có mẫu trang chiếu cho infographic mẫu “{spec.template}”",
                                        f"chọn infographic có mẫu: {', '.join(SLIDE_FOR)}"))
                continue
            content, category = spec, spec.category
        elif slide.chart is not None:
            found = charts.get(slide.chart) if charts is not None else None
            if found is None:
                problems.append(Problem(file, f"{where}.chart", f"không có biểu đồ “{slide.chart}” trong docs/_data/charts/", "sửa mã biểu đồ"))
                continue
            template, chart, category = "slide-chart", slide.chart, found.spec.category
            content = Content(title=found.spec.title, sources=list(found.spec.source))
        else:
            template = slide.template
            words = [v.format_map(values) if v else v for v in (slide.title, slide.kicker, slide.attribution)]
            items = [registries.categories[key][LANGUAGE] for key in points] if slide.categories else slide.points
            content = Content(title=both(words[0] or ""), kicker=both(words[1]) if words[1] else None,
                              attribution=both(words[2]) if words[2] else None,
                              points=[Point(text=both(p)) for p in items],
                              source_note=both(slide.source_note) if slide.source_note else None)
        if template not in templates or templates[template].kind != "print":
            problems.append(Problem(file, f"{where}.template", f"không có mẫu trang chiếu “{template}” trong print/templates/",
                                    "dùng slide-title, slide-points, slide-figures, slide-myth-fact hoặc slide-chart"))
            continue
        notes = slide.notes_text or ""
        if slide.notes is not None:
            found = section_text(docs_dir, slide.notes.page, slide.notes.heading, registries)
            if found is None:
                problems.append(Problem(file, f"{where}.notes", f"không tìm thấy mục “{slide.notes.heading}” trong docs/{slide.notes.page}",
                                        "sửa tên trang hoặc tên mục (đúng như tiêu đề ## trên trang)"))
                continue
            notes = found
        slides.append(SlideWords(template, content, category, notes, chart))
    return slides, problems


def chart_picture(chart, registries: Registries, ward: Ward, box_mm: tuple[int, int]) -> dict:
    """A chart drawn by matplotlib at a picture box's size, as the image layer's data (cached)."""
    from ..chartdraw import Format, draw
    from ..charts import _digest_renderer, resolve

    resolved = resolve(chart, LANGUAGE, registries, ward)
    width_in, height_in = box_mm[0] / 25.4, box_mm[1] / 25.4
    fmt = Format("slide", width_in, height_in, CHART_DPI, full=False, scale=1.5)
    key = digest(asdict(resolved), asdict(fmt), _digest_renderer())
    path, _ = ContentCache("print").get_or_make(key, lambda: draw(resolved, fmt), ".png")
    return {"path": str(path), "pixels": [round(width_in * CHART_DPI), round(height_in * CHART_DPI)], "digest": key[:16]}


def _picture_box(template: Template) -> tuple[int, int]:
    fmt = next(iter(template.formats.values()))
    box = next(layer.box for layer in fmt.layers if layer.type == "image")
    return box[2], box[3]


def deck_item(slides: list[SlideWords], session: Session, file: str, templates: dict[str, Template], charts,
              ward: Ward, registries: Registries, site_url: str) -> PrintItem:
    total = len(slides)
    pages, notes = [], []
    for n, slide in enumerate(slides, start=1):
        template = templates[slide.template]
        fmt = next(iter(template.formats.values()))
        context = print_context(ward, registries, site_url, slide.content, LANGUAGE, slide.category, number=n, total=total)
        context["category"] = registries.categories[slide.category][LANGUAGE] if slide.category else ""
        if slide.chart is not None:
            context["chart"] = chart_picture(charts.get(slide.chart), registries, ward, _picture_box(template))
        pages.append(resolve_image(template, fmt, slide.content, LANGUAGE, context, brand_for(fmt, ward)))
        notes.append(slide.notes)
    slide_fmt = next(iter(templates[slides[0].template].formats.values()))
    title = f"{session.kicker}: {session.title}"
    document = Document("bai-trinh-chieu-vi", "sinh-hoat-chi-bo", "deck", "slide", LANGUAGE, tuple(pages), file,
                        (slide_fmt.width, slide_fmt.height), 0, "rgb", "", file, "", title=title,
                        outputs=(".pdf", ".pptx", ".png"), notes=tuple(notes))
    return PrintItem(None, file, both(title), [document], ident="sinh-hoat-chi-bo", kind="deck")


# ── the outline ─────────────────────────────────────────────────────────────

def outline_sections(slides: list[SlideWords], registries: Registries) -> list[tuple[str, str]]:
    """(number, text) per slide after the first: its title, then its points, figures or claim and fact."""
    sections = []
    for slide in slides[1:]:
        content = slide.content
        lines = [content.title[LANGUAGE]]
        lines += [f"– {figure.value[LANGUAGE]}: {figure.label[LANGUAGE]}" for figure in content.figures]
        lines += [f"– {point.text[LANGUAGE]}" for point in content.points]
        lines += [f"– {m.year[LANGUAGE]}: {m.text[LANGUAGE]}" for m in content.milestones]
        if content.myth is not None:
            lines.append(f"– Thông tin sai: {content.myth[LANGUAGE]}")
        if content.fact is not None:
            lines.append(f"– Sự thật: {content.fact.text[LANGUAGE]}")
        if slide.chart is not None:
            lines.append("– Xem biểu đồ trên trang chiếu và trên trang web.")
        sections.append(("", "\n".join(lines)))
    return [(f"{n}.", text) for n, (_, text) in enumerate(sections, start=1)]


def outline_item(slides: list[SlideWords], session: Session, file: str, templates: dict[str, Template], ward: Ward,
                 registries: Registries, site_url: str) -> tuple[Optional[PrintItem], list[Problem]]:
    """The A4 outline: as many sections per page as fit, laid out by the engine."""
    template = templates.get(OUTLINE_TEMPLATE)
    if template is None:
        return None, [Problem(file, "(tệp)", f"thiếu mẫu print/templates/{OUTLINE_TEMPLATE}.yml", "khôi phục mẫu đề cương")]
    fmt = next(iter(template.formats.values()))
    sections = outline_sections(slides, registries)
    sources = sorted({s for slide in slides for s in slide.content.source_ids()}, key=lambda s: s)
    brand = brand_for(fmt, ward)

    def page_for(chunk: list[tuple[str, str]], number: int, first: bool, total: int = 99) -> dict:
        content = Content(title=both(session.outline_title if first else f"{session.outline_title} (tiếp theo)"),
                          kicker=both(session.title) if first else None,
                          milestones=[Milestone(year=both(num), text=both(text), sources=sources[:1] or [1]) for num, text in chunk],
                          sources=sources)
        context = print_context(ward, registries, site_url, content, LANGUAGE, None, number=number, total=total)
        return resolve_image(template, fmt, content, LANGUAGE, context, brand)

    pages, problems = [], []
    rest = sections
    while rest:
        count = 0
        for size in range(1, len(rest) + 1):
            _, found = plan(page_for(rest[:size], len(pages) + 1, not pages))
            if found:
                break
            count = size
        if count == 0:
            problems.append(Problem(file, f"slides.{len(sections) - len(rest) + 1}",
                                    "phần đề cương của trang chiếu này dài hơn một trang A4", "bớt ý của trang chiếu"))
            break
        pages.append(rest[:count])
        rest = rest[count:]
    total = len(pages)
    # Paginated with room for a two-digit count; resolved again with the real one.
    resolved = [page_for(chunk, n, n == 1, total) for n, chunk in enumerate(pages, start=1)]
    title = f"{session.outline_title}: {session.title}"
    document = Document("de-cuong-vi", "de-cuong", "outline", fmt.name, LANGUAGE, tuple(resolved), file,
                        (fmt.width, fmt.height), 0, fmt.colours, "", file, "", title=title)
    return PrintItem(None, file, both(title), [document], ident="de-cuong", kind="outline"), problems


def meeting_items(folder: Path, templates: dict[str, Template], infographics: dict, charts, ward: Ward,
                  registries: Registries, site_url: str, docs_dir: Path = PROJECT_ROOT / "docs") -> tuple[list[PrintItem], list[Problem]]:
    """The deck and the outline, or the problems that stop them."""
    session, file, problems = load_session(folder)
    if session is None:
        return [], problems
    values = {"committee": ward.committee[LANGUAGE], "ward": ward.name[LANGUAGE],
              "site": site_url.split("://", 1)[-1].rstrip("/")}
    slides, problems = slide_words(session, file, templates, infographics, charts, registries, docs_dir, values)
    if problems:
        return [], problems
    deck = deck_item(slides, session, file, templates, charts, ward, registries, site_url)
    outline, more = outline_item(slides, session, file, templates, ward, registries, site_url)
    return [deck] + ([outline] if outline else []), more


__all__ = ["DECK_FILE", "meeting_items", "section_text"]
