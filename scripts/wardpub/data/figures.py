"""Figures and what they must carry: a source, and where needed their context.

Owns what counts as a figure (`FIGURE`: a percentage, a number written with
thousands separators, a decimal below one, or an amount in millions or
billions; years, dates and document numbers are not figures) and two rules,
each reported as one `Problem` line naming file, line or field, and fix:

- every figure cites a source. In Markdown, the block holding it (a
  paragraph, a list item with its continuation lines, a table row, a
  heading) carries a `[src:N]`; a false claim quoted inside an admonition
  of class `myth` is not the site's figure (the fact beside it is sourced). In an infographic spec, a figure drawn on the image belongs to an
  item with `sources:` (or the spec has its own `sources:`), and every figure
  of its alt text and caption is one the image shows (the image carries the
  sources; the caption is posted beside it). Charts need `source:` already
  (wardpub.media.charts), which covers every number they draw.
- figures that mislead without their context carry it (`CONTEXT_RULES`). One
  rule today: Resolution 71's occupational allowances (70% for teachers, 30%
  for school staff, 100% in especially disadvantaged areas) are targets; a
  page, article, spec or chart about allowances ("phụ cấp", "allowance") that
  shows one of those percentages must also give the Ministry's proposed
  roadmap: the year its levels apply (2031) and a roadmap source ([63], [64]
  or [65]).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable

from .chronology import admonitions
from .content import LIST_SLOTS, STATEMENT_SLOTS
from .pages import CITATION, SourceFile, citation_ids, line_of, without_code
from ..problems import Problem

FIGURE = re.compile(
    r"\d+(?:[.,]\d+)?\s?%"  # 70%, 0,8%, 12 %
    r"|(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![\d.,]?\d)"  # 580.133, 580,133, 1.200.000
    r"|(?<![\d.,])0[.,]\d+"  # 0,8, 0.85
    r"|\d+(?:[.,]\d+)?\s(?:nghìn tỷ|tỷ|triệu|billion|million|trillion)\b",  # 1,2 triệu, 1.2 million
    re.I)
MYTH = "myth"  # admonition class of a false claim quoted to be refuted (`!!! warning myth "Thông tin sai"`)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>")
_BLOCK_START = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\||#|!!!|\?\?\?)")


def figures_in(text: str) -> list[str]:
    """The figures a text states (citations, link targets and HTML tags aside)."""
    return [m.group(0) for m in FIGURE.finditer(_LINK_TARGET.sub(" ", CITATION.sub(" ", text)))]


def blocks(body: str) -> Iterable[tuple[int, str]]:
    """(offset, text) of each paragraph, list item (with its continuation lines) and table row, outside code."""
    text = without_code(body)
    start, lines = None, []
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.strip() or _BLOCK_START.match(line):
            if lines:
                yield start, "".join(lines)
            start, lines = (offset, [line]) if line.strip() else (None, [])
        else:
            if not lines:
                start = offset
            lines.append(line)
        offset += len(line)
    if lines:
        yield start, "".join(lines)


def unsourced_figures(source: SourceFile) -> list[Problem]:
    """A block of a Markdown body that states a figure without citing a source."""
    problems = []
    claims = admonitions(source.body, MYTH)
    for offset, block in blocks(source.body):
        found = figures_in(block)
        if any(start < offset < end for _, start, end in claims):
            continue  # a false claim quoted to be refuted: the fact beside it carries the sources
        if found and not CITATION.search(block):
            problems.append(Problem(source.file, f"số liệu “{found[0]}”", "số liệu không ghi nguồn",
                                    "thêm [src:N] (số nguồn trong docs/_data/sources.yml) ngay sau câu, dòng bảng hoặc mục có số liệu",
                                    line_of(source, offset)))
    return problems


# ── figures that need their context ────────────────────────────────────────

@dataclass(frozen=True)
class ContextRule:
    """A figure that misleads alone: `shows` finds it, `needs` says what must come with it."""

    name: str  # the field of the Problem line
    shows: re.Pattern  # matched against the whole text (page, spec or chart)
    about: re.Pattern  # and the text must also be about this
    needs_text: re.Pattern  # the context, in words
    needs_sources: frozenset[int]  # and one of these sources
    message: str
    fix: str

    def applies(self, text: str) -> bool:
        return bool(self.shows.search(text) and self.about.search(text))

    def satisfied(self, text: str, cited: Iterable[int]) -> bool:
        return bool(self.needs_text.search(text)) and not self.needs_sources.isdisjoint(cited)


ALLOWANCE_ROADMAP = ContextRule(
    name="phụ cấp 70% / 30% / 100%",
    shows=re.compile(r"(?<![\d.,])(?:70|30|100)\s?%"),
    about=re.compile(r"phụ cấp|allowance", re.I),
    needs_text=re.compile(r"(?<!\d)2031(?!\d)"),
    needs_sources=frozenset({63, 64, 65}),
    message="nêu mức phụ cấp ưu đãi nghề của Nghị quyết (70%, 30%, 100%) mà không nêu lộ trình: đó là mục tiêu, chưa phải mức đang hưởng",
    fix="ghi rõ đó là mục tiêu và nêu lộ trình Bộ Giáo dục và Đào tạo đề xuất ngày 18/11/2025: 2026–2030 tăng 15 điểm phần trăm, "
        "áp dụng mức của Nghị quyết từ năm 2031, dẫn nguồn [src:63] (hoặc 64, 65)",
)
CONTEXT_RULES = (ALLOWANCE_ROADMAP,)


def context_problems(file: str, text: str, cited: Iterable[int], line: int | None = None) -> list[Problem]:
    """The context rules a whole text (a page, a spec, a chart) breaks."""
    cited = set(cited)
    return [Problem(file, rule.name, rule.message, rule.fix, line) for rule in CONTEXT_RULES
            if rule.applies(text) and not rule.satisfied(text, cited)]


def markdown_context_problems(source: SourceFile) -> list[Problem]:
    body = without_code(source.body)
    cited = [int(i) for m in CITATION.finditer(body) for i in citation_ids(m.group(1)) if i.isdigit()]
    cited += list(source.meta.get("sources") or [])
    problems = []
    for rule in CONTEXT_RULES:
        match = rule.shows.search(body)
        if match and rule.applies(body) and not rule.satisfied(body, cited):
            problems.append(Problem(source.file, rule.name, rule.message, rule.fix, line_of(source, match.start())))
    return problems


def markdown_problems(source: SourceFile) -> list[Problem]:
    """Both rules on a page or an article."""
    return unsourced_figures(source) + markdown_context_problems(source)


# ── infographic specs and charts ───────────────────────────────────────────

def spec_problems(spec, file: str) -> list[Problem]:
    """An infographic spec (wardpub.media.infographics.specs.Spec): sourced figures, alt and caption within the image, context."""
    problems = []
    drawn: list[str] = []
    whole = bool(spec.sources)
    for where, language, text in spec.texts():
        drawn.append(text)
        head = where.split(".")[0]
        if head in LIST_SLOTS:
            item = getattr(spec, head)[int(where.split(".")[1])]
            sourced = whole or bool(item.sources)
        elif head in STATEMENT_SLOTS:
            sourced = True  # a fact or a quote always has sources (the schema requires them)
        else:
            sourced = whole or bool(spec.source_ids())
        found = figures_in(text)
        if found and not sourced:
            problems.append(Problem(file, where, f"số liệu “{found[0]}” không có nguồn",
                                    "thêm sources: [số nguồn] cho mục này (docs/_data/sources.yml)"))
    shown = {_same(figure) for text in drawn for figure in figures_in(text)}
    for name in ("alt", "caption"):
        for language in ("vi", "en"):
            for figure in figures_in(getattr(spec, name)[language]):
                if _same(figure) not in shown:
                    problems.append(Problem(file, f"{name}.{language}", f"số liệu “{figure}” không có trên ảnh nên không có nguồn đi kèm",
                                            "chỉ nêu số liệu ảnh đã ghi (ảnh ghi nguồn), hoặc đưa số liệu đó lên ảnh kèm nguồn"))
    every = " ".join(drawn + [spec.alt.vi, spec.alt.en, spec.caption.vi, spec.caption.en])
    return problems + context_problems(file, every, spec.source_ids())


def chart_problems(chart) -> list[Problem]:
    """A chart (wardpub.media.charts.Chart): the context rules over its words and numbers."""
    spec = chart.spec
    words = json.dumps(spec.model_dump(exclude_none=True), ensure_ascii=False)
    if spec.unit == "percent":  # the image writes each value with its unit
        values = [bar.value for bar in spec.bars] + [value for series in spec.series for value in series.values]
        words += " " + " ".join(f"{value:g}%" for value in values)
    return context_problems(chart.file, words, spec.source)


def _same(figure: str) -> str:
    """A figure's number (and % sign) alone, with one decimal mark: "70 %" meets "70%", "580.133 tỷ" meets "580,133"."""
    return re.sub(r"[^\d.,%]", "", figure).replace(",", ".")
