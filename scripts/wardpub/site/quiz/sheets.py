"""Paper quizzes: A4 question sheets and their separate answer keys, as PDF.

Owns which questions a sheet holds (`select`: a chosen list of ids, or a
seeded draw spread evenly over the content points or from one of them), the
ready-made sets built with the site (docs/_data/quiz/sheets.yml, so a new set
needs no Python), and the two PDFs of a set in one language, drawn with
reportlab:

- the question sheet: the ward's name and the site's address, a title, lines
  for a name, a unit and the score (filled in on paper; the site collects
  nothing), how to answer, then numbered questions with lettered choices kept
  together on a page, and a footer saying the answers are on a separate
  sheet, with page numbers;
- the answer key: a grid of letters for quick marking, then each answer with
  its explanation, its sources and the page that explains it, for the chi bộ
  secretary or the teacher who leads the discussion.

A chi bộ session or a classroom prints them on an office printer: plain A4,
RGB, Be Vietnam Pro embedded and subset (`initialFontName` is set so no
unembedded Helvetica slips in). `invariant=1` and a fixed choice order
(`Question.ordered_choices` with the set's seed) make the files
byte-identical for the same input, so they are cached by content like every
other generated file and a set's sheet and key always agree.

These are documents that flow over pages, not laid-out images, so they use
reportlab's page layout (platypus) rather than the infographics engine.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from string import ascii_uppercase
from typing import Callable, Optional
from xml.sax.saxutils import escape

from pydantic import Field, ValidationError, model_validator

from ... import language as lang
from ...cache import ContentCache, digest
from ...data.datafiles import load_yaml
from ...fonts import font_file
from ...problems import Problem, display_path, from_validation_error
from ...data.registries import Bilingual, Registries, Strict
from .bank import QUIZ_DIR, Bank, Entry
from .exports import DOWNLOADS, Resolved, absolute, resolve

SETS_FILE = QUIZ_DIR / "sheets.yml"
SET_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FONT = "BeVietnamPro"
FONT_BOLD = "BeVietnamPro-Bold"
SHEET_VERSION = "1"  # bump when the layout changes, so cached sheets are redrawn


# ── which questions ─────────────────────────────────────────────────────────

def select(bank: Bank, count: int, point: Optional[str] = None, seed: int | str = 1,
           ids: Optional[list[str]] = None) -> list[Entry]:
    """The questions of a sheet, deterministic for the same bank and arguments.

    Chosen `ids` are taken in the order given. Otherwise the draw shuffles each
    content point's questions with the seed, then deals them out one point
    after another, so a mixed sheet covers every point evenly; the result is
    ordered by point so the sheet reads topic by topic.
    """
    if ids:
        return [bank.by_id[ident] for ident in ids]
    rng = random.Random(f"sheet:{seed}")
    keys = [point] if point else bank.point_keys
    pools = []
    for key in keys:
        pool = sorted(bank.for_point(key), key=lambda e: e.id)
        rng.shuffle(pool)
        pools.append(pool)
    dealt: list[Entry] = []
    while len(dealt) < count and any(pools):
        for pool in pools:
            if pool and len(dealt) < count:
                dealt.append(pool.pop())
    order = {key: n for n, key in enumerate(bank.point_keys)}
    return sorted(dealt, key=lambda e: order[e.question.point])


class SheetSet(Strict):
    """A ready-made set in docs/_data/quiz/sheets.yml."""

    id: str = Field(pattern=SET_ID.pattern)
    title: Bilingual
    count: Optional[int] = Field(default=None, ge=1, le=100)
    point: Optional[str] = None
    seed: int = 1
    questions: list[str] = []

    @model_validator(mode="after")
    def _one_way(self) -> "SheetSet":
        if bool(self.questions) == bool(self.count):
            raise ValueError("ghi count (số câu rút ngẫu nhiên) hoặc questions (danh sách mã câu hỏi), không ghi cả hai | xem các bộ đề mẫu trong tệp")
        return self


@dataclass(frozen=True)
class Sheet:
    """A set of questions ready to print: its id, title and questions."""

    id: str
    title: Bilingual
    seed: str
    entries: tuple


def load_sets(bank: Bank, registries: Registries, path: Path = SETS_FILE) -> tuple[list[Sheet], list[Problem]]:
    file = display_path(path)
    if not Path(path).is_file():
        return [], []
    data, problems = load_yaml(Path(path))
    if problems or data is None:
        return [], problems
    if not isinstance(data, list):
        return [], [Problem(file, "(tệp)", "tệp phải là một danh sách bộ đề, mỗi bộ bắt đầu bằng “- id:”", "xem các bộ đề mẫu trong tệp")]
    sheets = []
    for number, item in enumerate(data, start=1):
        where = f"bộ đề {item.get('id')}" if isinstance(item, dict) and item.get("id") else f"bộ đề thứ {number}"
        try:
            spec = SheetSet.model_validate(item)
        except ValidationError as error:
            problems += [Problem(file, f"{where} ({p.field})", p.message, p.fix) for p in from_validation_error(file, error)]
            continue
        unknown = [ident for ident in spec.questions if ident not in bank.by_id]
        if unknown:
            problems.append(Problem(file, f"{where} (questions)", f"không có câu hỏi mã {', '.join(unknown)}", "sửa mã theo ngân hàng câu hỏi"))
            continue
        if spec.point is not None and spec.point not in bank.point_keys:
            problems.append(Problem(file, f"{where} (point)", f"“{spec.point}” không phải nội dung có câu hỏi",
                                    f"chọn một trong: {', '.join(bank.point_keys)}"))
            continue
        available = len(bank.for_point(spec.point))
        if spec.count and spec.count > available:
            problems.append(Problem(file, f"{where} (count)", f"chỉ có {available} câu hỏi để rút, bộ đề cần {spec.count}",
                                    f"giảm count xuống tối đa {available}"))
            continue
        entries = select(bank, spec.count or 0, spec.point, spec.seed, spec.questions)
        sheets.append(Sheet(spec.id, spec.title, f"{spec.id}:{spec.seed}", tuple(entries)))
    return sheets, problems


# ── drawing ─────────────────────────────────────────────────────────────────

@cache
def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(font_file("BeVietnamPro-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_file("BeVietnamPro-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@dataclass(frozen=True)
class Page:
    """What every page of a sheet prints besides the questions."""

    language: str
    publisher: str
    address: str
    title: str
    subtitle: str
    footer: str
    primary: str  # brand colour (hex)


def _styles(primary: str):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    _register_fonts()  # paragraphs resolve their font when made, before the document is built
    base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=14.5)
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=16, leading=21, textColor=colors.HexColor(primary)),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, leading=15, spaceAfter=6),
        "note": ParagraphStyle("note", base, fontSize=9.5, leading=13, textColor=colors.HexColor("#333333")),
        "question": ParagraphStyle("question", base, fontName=FONT_BOLD, spaceBefore=8, spaceAfter=3, leftIndent=18, firstLineIndent=-18),
        "choice": ParagraphStyle("choice", base, leftIndent=36, firstLineIndent=-16, spaceAfter=1),
        "answer": ParagraphStyle("answer", base, fontSize=10, leading=13.5, spaceBefore=6, leftIndent=18, firstLineIndent=-18),
        "grid": ParagraphStyle("grid", base, fontSize=10.5),
    }


def _decorate(canvas, page: Page, total: int) -> None:
    """Header (publisher, address, a rule in the brand colour) and footer (note, page x of y) of every page."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#333333"))
    canvas.setFont(FONT, 8.5)
    canvas.drawString(18 * mm, height - 12 * mm, page.publisher)
    canvas.drawRightString(width - 18 * mm, height - 12 * mm, page.address)
    canvas.setStrokeColor(colors.HexColor(page.primary))
    canvas.setLineWidth(1.2)
    canvas.line(18 * mm, height - 14 * mm, width - 18 * mm, height - 14 * mm)
    canvas.drawString(18 * mm, 10 * mm, page.footer)
    canvas.drawRightString(width - 18 * mm, 10 * mm, lang.t("quiz.sheet_page", page.language, number=canvas.getPageNumber(), total=total))
    canvas.restoreState()


def _document(page: Page, title: str, story: Callable[[], list]) -> bytes:
    """The PDF of a story; built twice, the first time only to count its pages for "page x of y"."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    total = 0
    for _ in range(2):
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm,
                                bottomMargin=18 * mm, title=title, author=page.publisher, subject=page.subtitle,
                                creator="wardpub", producer="wardpub", lang=page.language, invariant=1,
                                initialFontName=FONT, initialFontSize=10.5)
        decorate = lambda canvas, _doc, total=total: _decorate(canvas, page, total)
        doc.build(story(), onFirstPage=decorate, onLaterPages=decorate)
        if doc.page == total:
            break
        total = doc.page
    return out.getvalue()


def _printed(url: str) -> str:
    """An address as printed on paper: no scheme, no anchor (readers type it, they do not click it)."""
    return re.sub(r"^https?://", "", url).split("#", 1)[0]


def _p(text: str, style) -> object:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def question_sheet(questions: list[Resolved], page: Page) -> bytes:
    """The question sheet of a set, as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    s = _styles(page.primary)
    t = lambda key, **values: lang.t(key, page.language, **values)
    blank = "." * 40

    def story() -> list:
        fields = Table([[Paragraph(f"{escape(t('quiz.sheet_name'))}: {blank}", s["base"]),
                         Paragraph(f"{escape(t('quiz.sheet_unit'))}: {blank}", s["base"])],
                        [Paragraph(f"{escape(t('quiz.sheet_score'))}: ....... / {len(questions)}", s["base"]), ""]],
                       colWidths=[87 * mm, 87 * mm])
        fields.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#999999")),
                                    ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        flowables = [_p(page.title, s["title"]), _p(page.subtitle, s["subtitle"]), fields, Spacer(1, 4 * mm),
                     _p(t("quiz.sheet_how"), s["note"])]
        for number, q in enumerate(questions, start=1):
            hint = f" ({t('quiz.sheet_true_false')})" if q.type == "true_false" else ""
            block = [Paragraph(f"{number}.&nbsp;&nbsp;{escape(q.prompt)}{escape(hint)}", s["question"])]
            block += [Paragraph(f"<b>{ascii_uppercase[n]}.</b>&nbsp;&nbsp;{escape(text)}", s["choice"])
                      for n, (text, _) in enumerate(q.choices)]
            flowables.append(KeepTogether(block))
        return flowables

    return _document(page, page.title, story)


def answer_key(questions: list[Resolved], page: Page, site_url: str) -> bytes:
    """The answer key of a set: a marking grid, then each answer explained with its sources."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    s = _styles(page.primary)
    t = lambda key, **values: lang.t(key, page.language, **values)
    columns = 5

    def story() -> list:
        cells = [Paragraph(f"<b>{n}.</b> {escape(q.answer_letters)}", s["grid"]) for n, q in enumerate(questions, start=1)]
        rows = [cells[i:i + columns] + [""] * (columns - len(cells[i:i + columns])) for i in range(0, len(cells), columns)]
        grid = Table(rows, colWidths=[34.8 * mm] * columns)
        grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                                  ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        flowables = [_p(page.title, s["title"]), _p(page.subtitle, s["subtitle"]), grid, Spacer(1, 4 * mm)]
        for number, q in enumerate(questions, start=1):
            right = "; ".join(f"{ascii_uppercase[n]}. {text}" for n, (text, r) in enumerate(q.choices) if r)
            sources = "; ".join(src.label for src in q.sources)
            flowables.append(Paragraph(
                f"<b>{number}. {escape(right)}</b><br/>{escape(q.explanation)}<br/>"
                f"<font size=\"9\">{escape(t('quiz.source'))}: {escape(sources)}. "
                f"{escape(t('quiz.read_more'))}: {escape(q.page_title)}, {escape(_printed(absolute(q.page, site_url)))}</font>", s["answer"]))
        return flowables

    return _document(page, page.title, story)


# ── a set in one language, through the cache ────────────────────────────────

@dataclass(frozen=True)
class SheetFiles:
    sheet: str
    language: str
    questions_path: str  # site paths
    key_path: str
    questions_file: Path
    key_file: Path
    count: int


def site_paths(sheet_id: str, language: str) -> tuple[str, str]:
    return (f"{DOWNLOADS}/{sheet_id}-de-{language}.pdf", f"{DOWNLOADS}/{sheet_id}-dap-an-{language}.pdf")


@cache
def _renderer_digest() -> str:
    return digest(font_file("BeVietnamPro-Regular.ttf"), font_file("BeVietnamPro-Bold.ttf"),
                  metadata.version("reportlab"), SHEET_VERSION, Path(__file__))


def page_for(sheet: Sheet, language: str, ward, site_url: str) -> Page:
    count = len(sheet.entries)
    return Page(
        language=language, publisher=ward.site_name(language),
        address=re.sub(r"^https?://", "", site_url or "").rstrip("/"),
        title=lang.t("quiz.sheet_title", language),
        subtitle=lang.t("quiz.sheet_subtitle", language, title=sheet.title[language], count=count, id=sheet.id),
        footer=lang.t("quiz.sheet_footer", language),
        primary=ward.colours.primary,
    )


def render_sheet(sheet: Sheet, language: str, registries: Registries, ward, site_url: str,
                 cache: Optional[ContentCache] = None) -> SheetFiles:
    """Both PDFs of a set in one language, drawn only when their inputs changed."""
    cache = cache or ContentCache("quiz-sheets")
    questions = [resolve(entry, language, registries, sheet.seed) for entry in sheet.entries]
    page = page_for(sheet, language, ward, site_url)
    key_page = Page(**{**asdict(page), "title": lang.t("quiz.key_title", language), "footer": lang.t("quiz.key_footer", language)})
    inputs = [asdict(q) for q in questions]
    sheet_file, _ = cache.get_or_make(digest("sheet", asdict(page), inputs, _renderer_digest()),
                                      lambda: question_sheet(questions, page), ".pdf")
    key_file, _ = cache.get_or_make(digest("key", asdict(key_page), inputs, site_url, _renderer_digest()),
                                    lambda: answer_key(questions, key_page, site_url), ".pdf")
    questions_path, key_path = site_paths(sheet.id, language)
    return SheetFiles(sheet.id, language, questions_path, key_path, sheet_file, key_file, len(questions))
