"""Content pages: their front matter, their pairing by language, and the
Markdown additions the build makes to them.

Owns the rules for docs/**/*.md outside the news section: required title and
description, ASCII file names, a Vietnamese page `page.vi.md` with its
`page.en.md` twin (or `vi_only: true`; a blank English file counts as none), NFC text, `[src:N]` citations of known sources,
`{{ ward.* }}` tokens and dated statements (`{{ deadline 2026-04-15 }}`, wardpub.data.dated). At build time it fills the tokens in and hands the
citations to wardpub.data.citations, which numbers them and ends the page with its
sources, in the page's language.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import dated
from ..cache import digest, kept_results
from .citations import Citations, citation_ids
from .datafiles import nfc_problems, parse_yaml
from ..problems import Problem, display_path, from_validation_error
from .registries import Registries

# Same pattern MkDocs uses, so both read the same front matter.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
CITATION = re.compile(r"\[src:\s*([^\]]*)\]")
WARD_TOKEN = re.compile(r"\{\{\s*ward\.([a-z_]+)\s*\}\}")
# Every page names its language: page.vi.md, page.en.md (the layout Decap CMS writes; both
# mkdocs-static-i18n and the nav address the pair as page.md).
ASCII_PATH = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\.(vi|en)\.md$")
WARD_KEYS = ("name", "short_name", "committee", "publication", "address", "phone", "email")
VI_SUFFIX = ".vi.md"
EN_SUFFIX = ".en.md"
_LANGUAGE_SUFFIX = re.compile(r"\.(vi|en)\.md$")
CODE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$|(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.M | re.S)


def _may_hold_code(markdown: str) -> bool:
    # Most pages hold no code: CODE would still be tried at every character of every page.
    return "`" in markdown or "~~~" in markdown


@lru_cache(maxsize=4096)  # validation reads each body twice (sources and tokens, then active content)
def without_code(markdown: str) -> str:
    """The Markdown with fenced code and code spans blanked out, lines kept in place."""
    if not _may_hold_code(markdown):
        return markdown
    return CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)


def outside_code(markdown: str, change) -> str:
    """Apply change() to the Markdown between code blocks and code spans only:
    examples in code (the editor guide's) stay as written."""
    if not _may_hold_code(markdown):
        return change(markdown)
    out, last = [], 0
    for match in CODE.finditer(markdown):
        out += [change(markdown[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(out + [change(markdown[last:])])


class PageMeta(BaseModel):
    """Front matter of a content page."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(min_length=1)
    description: str = Field(min_length=1, max_length=200)
    updated: Optional[dt.date] = None
    category: Optional[str] = None
    sources: list[int] = []
    vi_only: bool = False
    dashboard: bool = False  # the results dashboard: wardpub.site.dashboard fills the page
    gallery: bool = False  # the infographics gallery: wardpub.site.gallery fills the page
    print_kit: bool = False  # the print kit for staff: wardpub.site.print_page fills the page
    quiz: Optional[Literal["practice", "contest"]] = None  # the quiz pages: wardpub.site.quiz.pages fills them
    share: bool = True  # share buttons under the page (false: the editor guide, pages not for citizens)
    lead_infographic: Optional[str] = None  # the home page: the infographic beside its lead (wardpub.site.frontpage)
    # Material's own keys editors may use.
    hide: list[str] = []
    search: dict = {}


@dataclass
class SourceFile:
    """A Markdown file split into front matter and body, as editors wrote it."""

    path: Path
    file: str  # as shown in messages
    meta: dict
    body: str
    body_line: int  # line number where the body starts
    problems: list[Problem] = field(default_factory=list)


def _front_matter(text: str, file: str) -> tuple[object, list[Problem]]:
    """The front matter parsed: kept across builds for text that did not change (a large site has
    thousands of articles); a text with a problem is parsed again, for its line."""
    def parse() -> Optional[dict]:
        meta, problems = parse_yaml(text, file, line_offset=1, field="front matter")
        try:  # kept only as JSON gives it back (not, say, a number as a key)
            plain = isinstance(meta, dict) and not problems and json.loads(json.dumps(meta)) == meta
        except (TypeError, ValueError):
            plain = False
        return meta if plain else None

    kept = kept_results("front-matter").get_or_make(digest(text), parse)
    if kept is not None:
        return dict(kept), []
    return parse_yaml(text, file, line_offset=1, field="front matter")


def read_markdown(path: Path) -> SourceFile:
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return SourceFile(path, file, {}, "", 1, [Problem(file, "(tệp)", "tệp không ở mã UTF-8", "lưu lại tệp với mã hóa UTF-8")])
    problems = nfc_problems(text, file)
    match = FRONT_MATTER.match(text)
    if not match:
        problems.append(Problem(file, "front matter", "thiếu phần thông tin đầu trang giữa hai dòng ---",
                                "thêm ở đầu tệp: ---, title: ..., description: ..., ---", 1))
        return SourceFile(path, file, {}, text, 1, problems)
    meta, yaml_problems = _front_matter(match.group(1), file)
    if meta is not None and not isinstance(meta, dict):
        yaml_problems.append(Problem(file, "front matter", "phải là các dòng dạng tên: giá trị", "xem mẫu trong hướng dẫn biên tập", 2))
        meta = None
    body_line = text[: match.end()].count("\n") + 1
    return SourceFile(path, file, meta or {}, text[match.end():], body_line, problems + yaml_problems)


def line_of(source: SourceFile, offset: int) -> int:
    return source.body_line + source.body.count("\n", 0, offset)


def body_problems(source: SourceFile, registries: Registries) -> list[Problem]:
    """Citations of unknown sources and unknown ward tokens in a page body."""
    problems = []
    body = without_code(source.body)
    for match in CITATION.finditer(body):
        for ident in citation_ids(match.group(1)):
            if not ident.isdigit() or int(ident) not in registries.sources:
                problems.append(Problem(source.file, f"[src:{ident}]", "không có nguồn số này trong docs/_data/sources.yml",
                                        "sửa số nguồn hoặc thêm nguồn vào sources.yml", line_of(source, match.start())))
    for match in WARD_TOKEN.finditer(body):
        if match.group(1) not in WARD_KEYS:
            problems.append(Problem(source.file, match.group(0), "không có thông tin phường tên này",
                                    f"dùng một trong: {', '.join('ward.' + k for k in WARD_KEYS)}", line_of(source, match.start())))
    for offset, token, message, fix in dated.token_problems(body):
        problems.append(Problem(source.file, token, message, fix, line_of(source, offset)))
    return problems


def front_matter_token_problems(source: SourceFile, fields: tuple[str, ...] = ("title", "description")) -> list[Problem]:
    """Dated statements in the title and description are checked like those in the text."""
    problems = []
    for name in fields:
        value = source.meta.get(name)
        if isinstance(value, str):
            problems += [Problem(source.file, name, message, fix) for _, _, message, fix in dated.token_problems(value)]
    return problems


_checked: dict[tuple[str, type], tuple] = {}  # (file, schema) -> (its source, the tables, the result)


def check_front_matter(source: SourceFile, model: type[BaseModel], registries: Registries) -> tuple[Optional[BaseModel], list[Problem]]:
    """Front matter against its schema, then the shared tables it names (category, sources),
    then the body's citations and tokens: the checks every page and article share. The result
    is kept while the source and the tables are the same objects (the project check makes new
    ones when their files change): a live preview checks every article on every save."""
    held = _checked.get((source.file, model))
    if held is None or held[0] is not source or held[1] is not registries:
        held = _checked[(source.file, model)] = (source, registries, _check_front_matter(source, model, registries))
    meta, problems = held[2]
    return meta, list(problems)


def _check_front_matter(source: SourceFile, model: type[BaseModel], registries: Registries) -> tuple[Optional[BaseModel], list[Problem]]:
    problems = list(source.problems)
    if not source.meta and problems:
        return None, problems
    try:
        meta = model.model_validate(source.meta)
    except ValidationError as error:
        return None, problems + from_validation_error(source.file, error)
    category = getattr(meta, "category", None)
    if category is not None and category not in registries.categories:
        problems.append(Problem(source.file, "category", f"“{category}” không có trong docs/_data/categories.yml",
                                f"chọn một trong: {', '.join(registries.category_keys)}"))
    for ident in meta.sources:
        if ident not in registries.sources:
            problems.append(Problem(source.file, "sources", f"không có nguồn số {ident} trong docs/_data/sources.yml",
                                    "sửa số nguồn hoặc thêm nguồn vào sources.yml"))
    return meta, problems + body_problems(source, registries) + front_matter_token_problems(source)


def validate_page(source: SourceFile, registries: Registries) -> tuple[Optional[PageMeta], list[Problem]]:
    return check_front_matter(source, PageMeta, registries)


def page_key(src_uri: str) -> str:
    """The language-neutral name of a page, as the nav and categories.yml write it: "a/b.vi.md" -> "a/b.md"."""
    return _LANGUAGE_SUFFIX.sub(".md", src_uri)


def blank_translation(path: Path) -> bool:
    """An English file with nothing in it: not translated (the web editor leaves one when
    the English side of a new entry stays empty). It counts as absent everywhere."""
    return path.name.endswith(EN_SUFFIX) and path.stat().st_size < 16 and not path.read_text(encoding="utf-8-sig").strip()


def pairing_problems(docs_dir: Path, paths: list[Path], vi_only: set[Path]) -> list[Problem]:
    """Every page names its language; a Vietnamese page needs its English twin unless marked vi_only;
    no orphan English page."""
    problems = []
    present = {p.relative_to(docs_dir).as_posix() for p in paths}
    for rel in sorted(present):
        file = display_path(docs_dir / rel)
        if not _LANGUAGE_SUFFIX.search(rel):
            problems.append(Problem(file, "tên tệp", "tên tệp phải cho biết ngôn ngữ: .vi.md (tiếng Việt) hoặc .en.md (tiếng Anh)",
                                    f"đổi tên thành {rel[:-3]}{VI_SUFFIX}"))
            continue
        if not ASCII_PATH.match(rel):
            problems.append(Problem(file, "tên tệp", "tên tệp và thư mục chỉ dùng chữ thường không dấu, số và dấu gạch ngang",
                                    "đổi tên, ví dụ “Hội nghị.vi.md” thành “hoi-nghi.vi.md”"))
        stem = rel[: -len(VI_SUFFIX)]
        if rel.endswith(EN_SUFFIX):
            if stem + VI_SUFFIX not in present:
                problems.append(Problem(file, "tên tệp", "bản tiếng Anh không có bản tiếng Việt cùng tên",
                                        f"tạo {stem}{VI_SUFFIX} hoặc sửa tên tệp"))
        elif stem + EN_SUFFIX not in present and docs_dir / rel not in vi_only:
            problems.append(Problem(file, "bản tiếng Anh", f"thiếu bản dịch {stem}{EN_SUFFIX}",
                                    "thêm bản dịch, hoặc ghi vi_only: true nếu trang chỉ có tiếng Việt"))
    return problems


# ── build-time additions ────────────────────────────────────────────────────

def render(markdown: str, meta: dict, language: str, ward_values: dict[str, str], registries: Registries,
           on: Optional[dt.date] = None) -> str:
    """Markdown as published: ward tokens filled in, dated statements worded for the day `on`
    (the ward's today by default), citations numbered for this page, sources appended."""
    citations = Citations(language)
    on = on or dated.today()

    def fill(text: str) -> str:
        text = WARD_TOKEN.sub(lambda m: ward_values.get(m.group(1), m.group(0)), text)
        text = dated.html_words(text, language, on)
        return citations.link(text)

    markdown = outside_code(markdown, fill)
    sources = citations.listing(registries, meta.get("sources") or [])
    return f"{markdown.rstrip()}\n\n{sources}" if sources else markdown


_LINK = re.compile(r'<a href="([^"#][^"]*)"([^>]*)>')


def with_print_addresses(content: str, page_address: str) -> str:
    """Each content link gets data-print with its absolute address, which the
    print stylesheet writes after the link text (a relative path on paper is useless)."""
    def mark(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        if href.startswith(("mailto:", "tel:")):
            return match.group(0)
        return f'{match.group(0)[:-1]} data-print="{html.escape(urljoin(page_address, href))}">'

    return _LINK.sub(mark, content)
