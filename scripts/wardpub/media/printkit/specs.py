"""Print items and slogans: the schema of `print/an-pham/*.yml` and `print/khau-hieu.yml`, loading and checks.

Owns what the print kit is made of, as data:

- an *item* (`print/an-pham/<id>.yml`) is one printed piece: what it is
  (`kind`: poster, board, rollup, pano, banner, leaflet), the print template
  that lays it out (`print/templates/`), which of the template's formats and
  which languages to print, and its words: those of an infographic spec
  (`infographic: <id>`, so a poster says what the feed image says) or its own
  (`content:`, the same fields as an infographic), a slogan (`slogan: <id>`),
  a content point whose page its QR code opens (`category`), and for
  exhibition boards their place in the set (`number`);
- a *slogan* (`print/khau-hieu.yml`) is the ward's own: its words, `status:
  approved | draft`, and where the words come from (`origin`, with the
  numbers of its sources). No official slogan list for Resolution 71 exists:
  the shipped ones are drafts taken from the Resolution's reported wording,
  and a draft prints with a "DỰ THẢO" mark until the ward approves it.

Checks name file and field, in Vietnamese: the schema, the id matching the
file name, a known template, formats, infographic, slogan, content point and
sources, boards numbered 1 to n without gaps. Whether text fits each format
is checked when the items are laid out (wardpub.media.printkit.items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError

from ...data.datafiles import load_yaml
from ...language import LANGUAGES
from ...problems import Problem, display_path, from_validation_error
from ...data.registries import Bilingual, Registries, Strict
from ...data.content import Content
from ..infographics.specs import SPEC_ID, number_style_problems, slot_problems, source_problems
from ..infographics.templates import Template, load_templates

FOLDER = "print"
ITEMS = "an-pham"
SLOGANS = "khau-hieu.yml"
KINDS = ("poster", "board", "rollup", "pano", "banner", "leaflet")


class Item(Strict):
    id: str = Field(pattern=SPEC_ID)
    kind: Literal["poster", "board", "rollup", "pano", "banner", "leaflet"]
    template: str
    title: Optional[Bilingual] = None  # how the kit page names it (default: its content's title)
    formats: list[str] = []  # of the template's; empty: all of them
    languages: list[Literal["vi", "en"]] = ["vi"]
    infographic: Optional[str] = None
    content: Optional[Content] = None
    slogan: Optional[str] = None
    category: Optional[str] = None
    number: Optional[int] = Field(default=None, ge=1, le=20)
    order: int = Field(default=100, ge=0, le=1000)


class Slogan(Strict):
    id: str = Field(pattern=SPEC_ID)
    text: Bilingual
    status: Literal["approved", "draft"]
    # Where the words come from: the Resolution's reported wording, a speech, the ward's own.
    origin: Bilingual
    sources: list[int] = Field(min_length=1)


class SloganFile(Strict):
    slogans: list[Slogan] = Field(min_length=1)


@dataclass
class PrintSpecs:
    folder: Path
    templates: dict[str, Template] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # item id -> file as editors know it
    slogans: dict[str, Slogan] = field(default_factory=dict)
    slogan_file: str = ""


def inputs(folder: Path) -> list[Path]:
    """The files the print kit is read from (change detection)."""
    folder = Path(folder)
    return sorted(folder.glob("*.yml")) + sorted((folder / "templates").glob("*.yml")) + sorted((folder / ITEMS).glob("*.yml"))


def load_slogans(folder: Path, registries: Registries) -> tuple[dict[str, Slogan], str, list[Problem]]:
    path = Path(folder) / SLOGANS
    file = display_path(path)
    if not path.is_file():
        return {}, file, []
    data, problems = load_yaml(path)
    if problems:
        return {}, file, problems
    try:
        model = SloganFile.model_validate(data)
    except ValidationError as error:
        return {}, file, from_validation_error(file, error)
    slogans: dict[str, Slogan] = {}
    for n, slogan in enumerate(model.slogans):
        if slogan.id in slogans:
            problems.append(Problem(file, f"slogans.{n}.id", f"mã “{slogan.id}” đã dùng cho một khẩu hiệu khác", "đặt mã khác"))
        problems += [Problem(file, f"slogans.{n}.sources", f"không có nguồn số {number} trong docs/_data/sources.yml",
                             "sửa số nguồn hoặc thêm nguồn vào sources.yml") for number in slogan.sources if number not in registries.sources]
        slogans[slogan.id] = slogan
    return slogans, file, problems


def item_problems(item: Item, file: str, stem: str, specs: PrintSpecs, infographics: dict, registries: Registries) -> list[Problem]:
    """Rules across files: id, template, formats, where the words come from, content point, sources."""
    problems = []
    if item.id != stem:
        problems.append(Problem(file, "id", f"“{item.id}” khác tên tệp “{stem}.yml”", f"đặt id: {stem} hoặc đổi tên tệp"))
    template = specs.templates.get(item.template)
    if template is None or template.kind != "print":
        usable = sorted(n for n, t in specs.templates.items() if t.kind == "print")
        problems.append(Problem(file, "template", f"không có mẫu in “{item.template}” trong print/templates/",
                                f"dùng một trong: {', '.join(usable)}"))
    else:
        unknown = [f for f in item.formats if f not in template.formats]
        if unknown:
            problems.append(Problem(file, "formats", f"mẫu “{item.template}” không có khổ {', '.join(unknown)}",
                                    f"dùng một trong: {', '.join(template.formats)}"))
    sources = [item.infographic is not None, item.content is not None, item.slogan is not None]
    if sum(sources) != 1:
        problems.append(Problem(file, "content", "mỗi ấn phẩm lấy chữ từ đúng một nơi",
                                "giữ lại một trong: infographic, content, slogan"))
    if item.infographic is not None and item.infographic not in infographics:
        problems.append(Problem(file, "infographic", f"không có infographic “{item.infographic}” trong infographics/",
                                "sửa mã, đúng tên tệp trong infographics/ (không có .yml)"))
    if item.slogan is not None and item.slogan not in specs.slogans:
        problems.append(Problem(file, "slogan", f"không có khẩu hiệu “{item.slogan}” trong print/{SLOGANS}",
                                f"dùng một trong: {', '.join(specs.slogans) or '(chưa có)'}"))
    if item.category is not None:
        category = registries.categories.get(item.category)
        if category is None or not category.page:
            points = [key for key, c in registries.categories.items() if c.page]
            problems.append(Problem(file, "category", f"“{item.category}” không phải nội dung tuyên truyền có trang riêng",
                                    f"chọn một trong: {', '.join(points)}"))
    if item.kind == "board" and item.number is None:
        problems.append(Problem(file, "number", "bảng triển lãm cần số thứ tự trong bộ", "thêm number: 1 (2, 3…)"))
    if item.content is not None:
        problems += source_problems(item.content, file, registries)
        problems += number_style_problems(item.content, file)
        if template is not None and template.kind == "print":
            problems += [Problem(p.file, f"content.{p.field}", p.message, p.fix) for p in slot_problems(item.content, file, template)]
        if not item.content.source_ids() and item.content.source_note is None:
            problems.append(Problem(file, "content.sources", "ấn phẩm không dẫn nguồn nào", "thêm sources cho từng số liệu, hoặc source_note"))
    return problems


def numbering_problems(specs: PrintSpecs) -> list[Problem]:
    """Exhibition boards are numbered 1..n, once each: the set tells the story in that order."""
    boards = sorted((item.number, item_id) for item_id, item in specs.items.items() if item.kind == "board")
    problems = []
    for expected, (number, item_id) in enumerate(boards, start=1):
        if number != expected:
            problems.append(Problem(specs.files[item_id], "number", f"bảng số {number} nhưng bộ bảng cần số {expected} ở vị trí này",
                                    f"đánh số các bảng liên tục từ 1 đến {len(boards)}, mỗi số một lần"))
            break
    return problems


def load_print_specs(folder: Path, registries: Registries, infographics: dict) -> tuple[PrintSpecs, list[Problem]]:
    """Templates, slogans and items of a print folder, checked (text fit aside); every problem found."""
    folder = Path(folder)
    templates, problems = load_templates(folder)
    slogans, slogan_file, more = load_slogans(folder, registries)
    problems += more
    specs = PrintSpecs(folder, templates, slogans=slogans, slogan_file=slogan_file)
    for path in sorted((folder / ITEMS).glob("*.yml")):
        file = display_path(path)
        data, more = load_yaml(path)
        if more:
            problems += more
            continue
        if not isinstance(data, dict):
            problems.append(Problem(file, "(tệp)", "tệp phải là một nhóm trường", f"sao chép một tệp có sẵn trong print/{ITEMS}/ rồi sửa"))
            continue
        try:
            item = Item.model_validate(data)
        except ValidationError as error:
            problems += from_validation_error(file, error)
            continue
        more = item_problems(item, file, path.stem, specs, infographics, registries)
        problems += more
        if not more:
            specs.items[item.id] = item
            specs.files[item.id] = file
    problems += numbering_problems(specs)
    return specs, problems


def slogan_words(text: str) -> str:
    """A slogan as printed: one line of its words, spaces tidied."""
    return re.sub(r"\s+", " ", text).strip()


__all__ = ["FOLDER", "ITEMS", "KINDS", "LANGUAGES", "Item", "PrintSpecs", "Slogan", "inputs", "load_print_specs", "slogan_words"]
