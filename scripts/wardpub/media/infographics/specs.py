"""Specs: one infographic per file, its schema, loading and the checks across files.

Owns `infographics/<id>.yml`: an infographic's content point (its key in
docs/_data/categories.yml, whose page shows it), its template, its texts in
Vietnamese and English (wardpub.data.content), alt text, a social
caption with hashtags, an optional palette override, its place in the
list, and optional music for its clip (a file in infographics/music/ with the
licence that lets the ward use it; wardpub.media.clips checks the file). Checks, each reported as a `Problem` line in Vietnamese: the typed
schema, the id matching the file name, a known template, category, sources
and brand colours, the slots the template fills, and numbers written in each
language's style ("580.133", "0,8" in Vietnamese; "580,133", "0.8" in
English), quotation marks closed, and "~" ties placed between two words. `load_kit` loads templates then specs; whether the text fits is
checked per format and language by wardpub.media.infographics.check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Optional

from pydantic import Field, ValidationError, field_validator

from ...data.datafiles import load_yaml
from ...problems import Problem, display_path, from_validation_error
from ...data.registries import Registries, Strict
from ...text import hashtag
from ...data.content import LIST_SLOTS, STATEMENT_SLOTS, Content
from ...text import misplaced_ties
from .templates import BRAND_COLOURS, HEX, Template, load_templates

SPEC_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Hashtags(Strict):
    vi: Annotated[list[str], Field(min_length=1, max_length=8)]
    en: Annotated[list[str], Field(min_length=1, max_length=8)]

    def __getitem__(self, language: str) -> list[str]:
        return getattr(self, language)

    @field_validator("vi", "en")
    @classmethod
    def _one_word(cls, value: list[str]) -> list[str]:
        return [hashtag(tag) for tag in value]


class ShortBilingual(Strict):
    vi: str = Field(min_length=1, max_length=300)
    en: str = Field(min_length=1, max_length=300)

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


class CaptionText(Strict):
    vi: str = Field(min_length=1, max_length=1500)
    en: str = Field(min_length=1, max_length=1500)

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


MUSIC_FOLDER = "music"  # under infographics/
MUSIC_FILE = r"^music/[a-z0-9]+([._-][a-z0-9]+)*\.(m4a|mp3|aac|wav|ogg|flac)$"


class Music(Strict):
    """A clip's background music: a file in infographics/music/ the ward may use, and the licence that says so."""

    file: str
    # What allows the ward to publish it: a licence ("CC BY 4.0"), or a permission's number and date.
    licence: str = Field(min_length=6, max_length=300)
    holder: str = Field(min_length=2, max_length=200)  # who holds the rights: author, performer, publisher

    @field_validator("file")
    @classmethod
    def _in_music_folder(cls, value: str) -> str:
        if not re.fullmatch(MUSIC_FILE, value):
            raise ValueError(f"“{value}” không phải tệp nhạc trong thư mục infographics/{MUSIC_FOLDER}/ | "
                             f"chép tệp vào infographics/{MUSIC_FOLDER}/ (tên không dấu, đuôi .m4a, .mp3, .wav...) rồi viết ví dụ music/nhac-nen.m4a")
        return value


class Spec(Content):
    id: str
    category: str
    template: str
    alt: ShortBilingual
    caption: CaptionText
    hashtags: Hashtags
    # Palette roles of the template given another brand colour for this infographic.
    colours: dict[str, str] = {}
    # Place among the infographics of its content point (gallery and page), smallest first.
    order: int = Field(default=100, ge=0, le=1000)
    # Music under the infographic's clip (wardpub.media.clips); without it the clip's sound track is silent.
    music: Optional[Music] = None

    @field_validator("id")
    @classmethod
    def _ascii_id(cls, value: str) -> str:
        if not re.fullmatch(SPEC_ID, value):
            raise ValueError(f"“{value}” chỉ được dùng chữ thường không dấu, số và dấu gạch ngang | viết ví dụ ngan-sach-giao-duc")
        return value


@dataclass
class Kit:
    """Every template and spec, loaded and checked (text fit aside)."""

    folder: Path
    templates: dict[str, Template] = field(default_factory=dict)
    specs: dict[str, Spec] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # spec id -> file as editors know it


def kit_inputs(folder: Path) -> list[Path]:
    """The files a kit is read from (for change detection)."""
    folder = Path(folder)
    return sorted(folder.glob("*.yml")) + sorted((folder / "templates").glob("*.yml"))


def load_specs(folder: Path, templates: dict[str, Template], registries: Registries) -> tuple[dict[str, Spec], dict[str, str], list[Problem]]:
    specs: dict[str, Spec] = {}
    files: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(Path(folder).glob("*.yml")):
        file = display_path(path)
        data, more = load_yaml(path)
        if more:
            problems += more
            continue
        if not isinstance(data, dict):
            problems.append(Problem(file, "(tệp)", "tệp phải là một nhóm trường", "sao chép một tệp có sẵn trong infographics/ rồi sửa"))
            continue
        try:
            spec = Spec.model_validate(data)
        except ValidationError as error:
            problems += from_validation_error(file, error)
            continue
        more = spec_problems(spec, file, path.stem, templates, registries)
        problems += more
        if not more:
            specs[spec.id] = spec
            files[spec.id] = file
    return specs, files, problems


def spec_problems(spec: Spec, file: str, stem: str, templates: dict[str, Template], registries: Registries) -> list[Problem]:
    """Rules across files: the id, template, category, sources, colours, slots and number style."""
    problems = []
    if spec.id != stem:
        problems.append(Problem(file, "id", f"“{spec.id}” khác tên tệp “{stem}.yml”", f"đặt id: {stem} hoặc đổi tên tệp"))
    template = templates.get(spec.template)
    if template is None or template.kind != "infographic":
        usable = sorted(n for n, t in templates.items() if t.kind == "infographic")
        problems.append(Problem(file, "template", f"không có mẫu “{spec.template}” trong infographics/templates/",
                                f"dùng một trong: {', '.join(usable)}"))
    category = registries.categories.get(spec.category)
    if category is None or not category.page:
        points = [key for key, c in registries.categories.items() if c.page]
        problems.append(Problem(file, "category", f"“{spec.category}” không phải nội dung tuyên truyền có trang riêng trong docs/_data/categories.yml",
                                f"chọn một trong: {', '.join(points)}"))
    problems += source_problems(spec, file, registries)
    if template is not None:
        problems += slot_problems(spec, file, template)
        for role, token in spec.colours.items():
            if role not in template.palette:
                problems.append(Problem(file, f"colours.{role}", f"mẫu “{template.name}” không có vai trò màu này",
                                        f"dùng một trong: {', '.join(template.palette)}"))
            elif token not in BRAND_COLOURS and not HEX.match(token):
                problems.append(Problem(file, f"colours.{role}", f"“{token}” không phải tên màu thương hiệu hay mã #rrggbb",
                                        f"dùng một trong: {', '.join(BRAND_COLOURS)}, hoặc mã dạng \"#a50e14\""))
    problems += number_style_problems(spec, file)
    problems += typography_problems(spec, file)
    if not spec.source_ids() and spec.source_note is None:
        problems.append(Problem(file, "sources", "infographic không dẫn nguồn nào", "thêm sources cho từng số liệu, hoặc source_note"))
    return problems


def source_problems(content: Content, file: str, registries: Registries) -> list[Problem]:
    problems = [Problem(file, "sources", f"không có nguồn số {number} trong docs/_data/sources.yml",
                        "sửa số nguồn hoặc thêm nguồn vào sources.yml") for number in content.sources if number not in registries.sources]
    for name in ("figures", "points", "milestones"):
        for n, item in enumerate(getattr(content, name)):
            problems += [Problem(file, f"{name}.{n}.sources", f"không có nguồn số {number} trong docs/_data/sources.yml",
                                 "sửa số nguồn hoặc thêm nguồn vào sources.yml") for number in item.sources if number not in registries.sources]
    for name in STATEMENT_SLOTS:
        item = getattr(content, name)
        if item is not None:
            problems += [Problem(file, f"{name}.sources", f"không có nguồn số {number} trong docs/_data/sources.yml",
                                 "sửa số nguồn hoặc thêm nguồn vào sources.yml") for number in item.sources if number not in registries.sources]
    return problems


def slot_problems(content: Content, file: str, template: Template) -> list[Problem]:
    problems = []
    filled = content.filled_slots()
    for name in filled:
        if name != "title" and name not in template.slots:
            problems.append(Problem(file, name, f"mẫu “{template.name}” không dùng trường này",
                                    f"xóa trường, hoặc chọn mẫu khác; mẫu này dùng: {', '.join(template.slots)}"))
    for name, rule in template.slots.items():
        if name not in filled:
            if rule.required:
                problems.append(Problem(file, name, f"thiếu trường bắt buộc của mẫu “{template.name}”", "thêm trường này"))
            continue
        if name in LIST_SLOTS:
            count = len(getattr(content, name))
            if not rule.min <= count <= rule.max:
                problems.append(Problem(file, name, f"mẫu “{template.name}” cần từ {rule.min} đến {rule.max} mục, tệp có {count}",
                                        "thêm hoặc bớt mục, hoặc chia thành hai infographic"))
    return problems


# Numbers written in the other language's style: "580,133" or "0.8" in Vietnamese, "580.133" or "0,8" in English.
_NUMBER_STYLE = {
    "vi": ((re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])"), "dấu phẩy ngăn hàng nghìn là kiểu tiếng Anh", "viết {fixed} (tiếng Việt dùng dấu chấm ngăn hàng nghìn)"),
           (re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])"), "dấu chấm thập phân là kiểu tiếng Anh", "viết {fixed} (tiếng Việt dùng dấu phẩy thập phân)")),
    "en": ((re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.])"), "dấu chấm ngăn hàng nghìn là kiểu tiếng Việt", "viết {fixed} (tiếng Anh dùng dấu phẩy ngăn hàng nghìn)"),
           (re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])"), "dấu phẩy thập phân là kiểu tiếng Việt", "viết {fixed} (tiếng Anh dùng dấu chấm thập phân)")),
}


def number_style_problems(content: Content, file: str) -> list[Problem]:
    problems = []
    for where, lang, text in content.texts():
        for pattern, message, fix in _NUMBER_STYLE[lang]:
            for match in pattern.finditer(text):
                number = match.group(0)
                fixed = number.translate(str.maketrans(",.", ".,"))
                problems.append(Problem(file, where, f"“{number}”: {message}", fix.format(fixed=fixed)))
    return problems


def typography_problems(content: Content, file: str) -> list[Problem]:
    """Marks a text draws wrong: a "~" that ties nothing, a quotation opened and not closed (or the reverse)."""
    problems = []
    for where, _, text in content.texts():
        if misplaced_ties(text):
            problems.append(Problem(file, where, "dấu ~ (giữ hai chữ trên một dòng) không nằm giữa hai chữ",
                                    "viết liền, ví dụ Tô~Lâm, hoặc xóa dấu ~"))
        if text.count("“") != text.count("”"):
            problems.append(Problem(file, where, f"có {text.count('“')} dấu “ mở nhưng {text.count('”')} dấu ” đóng",
                                    "đóng mỗi ngoặc kép đã mở: “…”"))
    return problems


def load_kit(folder: Path, registries: Registries) -> tuple[Kit, list[Problem]]:
    """Templates, then specs, from an infographics folder; every problem found."""
    folder = Path(folder)
    templates, problems = load_templates(folder)
    specs, files, more = load_specs(folder, templates, registries)
    return Kit(folder, templates, specs, files), problems + more
