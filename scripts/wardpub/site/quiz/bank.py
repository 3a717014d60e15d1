"""The question bank: its schema, loading and every check on it.

Owns docs/_data/quiz/questions/*.yml (a list of questions per file; by
convention one file per content point, named after it). A question is data an
editor writes in both languages: a stable ASCII `id` (exports, progress in
readers' browsers and printed answer keys refer to it, so it never changes
once published), its content `point` (a key of categories.yml that has a
`point:`), its `type` (single, multiple or true_false), a `difficulty`, the
question, the options with `correct: true` on the right ones (or `answer:` for
true/false, whose options are always "true" and "false" and so are not
written), a short explanation, and where the fact comes from: `sources:`
(numbers of sources.yml) and/or `plan:` (the section of the ward's own plan,
for questions about what the plan asks; the site cites that plan by linking
its page rather than by a source number). `section:` optionally names the
heading of the content point's page that explains the answer; the link then
goes to that heading's anchor, checked here so a renamed heading cannot leave
a dead link.

Every problem names the file, the line of the question and its id, in the
Vietnamese of wardpub.problems, and a broken bank stops the build like any
other editor mistake. Rules the schema cannot say alone (a single-choice
question with exactly one right option, a multiple-choice one with at least
two right and one wrong, the shape of true/false, unique option texts, unique
ids across files, known points and sources, NFC text, characters the printed
sheets' font can draw, numbers written each language's way) are checked after
it, so one run lists every mistake.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import Field, ValidationError

from ... import DATA_DIR, DOCS_DIR
from ...data.datafiles import parse_yaml, walk_strings
from ...media.infographics.layout import missing_characters
from ...media.infographics.specs import number_style_problems
from ...language import LANGUAGES
from ...data.pages import FRONT_MATTER, without_code
from ...problems import Problem, display_path, from_validation_error
from ...data.registries import Bilingual, Category, Registries, Strict
from ...text import heading_slug, is_nfc

QUIZ_DIR = DATA_DIR / "quiz"
QUESTIONS_DIR = QUIZ_DIR / "questions"
QUESTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")
# A section of the ward's plan: "II.2.4", or its appendix.
PLAN_SECTION = re.compile(r"^(?:[IVX]+(?:\.\d+)*|Phụ lục)$")
APPENDIX = "Phụ lục"
# Faces the printed sheets use: a character missing from them would print as a box.
PRINT_FACES = ("BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf")
# How many options each type takes: enough to be a real choice, few enough for a phone and a sheet.
OPTION_COUNTS = {"single": (3, 6), "multiple": (4, 6)}
TRUE_FALSE = {"vi": ("Đúng", "Sai"), "en": ("True", "False")}
DIFFICULTIES = ("easy", "medium", "hard")


class Option(Strict):
    vi: str = Field(min_length=1, max_length=200)
    en: str = Field(min_length=1, max_length=200)
    correct: bool = False

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


class Question(Strict):
    id: str = Field(pattern=QUESTION_ID.pattern)
    point: str
    type: Literal["single", "multiple", "true_false"]
    difficulty: Literal["easy", "medium", "hard"]
    question: Bilingual
    options: list[Option] = []
    answer: Optional[bool] = None  # true_false only
    explanation: Bilingual
    sources: list[int] = []
    plan: Optional[str] = Field(default=None, pattern=PLAN_SECTION.pattern)
    section: Optional[Bilingual] = None

    def texts(self) -> list[tuple[str, str, str]]:
        """(field path, language, text) of every text, for the number-style check."""
        found = [(f"question.{lang}", lang, self.question[lang]) for lang in LANGUAGES]
        found += [(f"options.{n}.{lang}", lang, option[lang]) for n, option in enumerate(self.options) for lang in LANGUAGES]
        return found + [(f"explanation.{lang}", lang, self.explanation[lang]) for lang in LANGUAGES]

    def choices(self, language: str) -> list[tuple[str, bool]]:
        """(text, right) of every option as readers see them; true/false has two fixed ones."""
        if self.type == "true_false":
            yes, no = TRUE_FALSE[language]
            return [(yes, self.answer is True), (no, self.answer is False)]
        return [(option[language], option.correct) for option in self.options]

    def correct_indexes(self) -> list[int]:
        return [n for n, (_, right) in enumerate(self.choices("vi")) if right]

    def ordered_choices(self, language: str, seed: str) -> list[tuple[str, bool]]:
        """The choices in a fixed pseudo-random order for `seed` (paper sheets, exports).

        Editors may list the right option first; a printed sheet or an LMS
        without shuffling must not give that away. The order depends only on
        the seed and the question's id (random.Random hashes a string seed the
        same way on every run), so a sheet and its answer key always agree and
        a build is deterministic. True/false keeps "true" before "false".
        """
        choices = self.choices(language)
        if self.type == "true_false":
            return choices
        order = list(range(len(choices)))
        random.Random(f"{seed}:{self.id}").shuffle(order)
        return [choices[n] for n in order]


@dataclass(frozen=True)
class Entry:
    """A checked question with where it was written and the page that explains it."""

    question: Question
    file: str
    line: Optional[int]
    category: Category
    anchors: dict  # language -> anchor on the explaining page ("" for its top)

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def page(self) -> str:
        """The explaining page, docs-relative and language-neutral ("nghi-quyet-71/x.md")."""
        return self.category.page


@dataclass
class Bank:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def for_point(self, key: Optional[str]) -> list[Entry]:
        return [e for e in self.entries if key is None or e.question.point == key]

    @property
    def point_keys(self) -> list[str]:
        """Content points that have questions, in categories.yml order."""
        return list(dict.fromkeys(e.question.point for e in sorted(self.entries, key=lambda e: e.category.point)))


# ── reading ─────────────────────────────────────────────────────────────────

def _item_lines(text: str) -> list[Optional[int]]:
    """The line each top-level list item starts on (for messages), or [] when the file is not a list."""
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def _where(item: object, number: int) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    return f"câu {ident}" if isinstance(ident, str) and ident else f"câu thứ {number}"


_LANGUAGE_NAMES = {"vi": "tiếng Việt", "en": "tiếng Anh"}


def _schema_problems(file: str, where: str, line: Optional[int], error: ValidationError) -> list[Problem]:
    """Pydantic's errors as lines naming the question; a missing vi/en reads as a missing translation."""
    problems = []
    for problem, item in zip(from_validation_error(file, error), error.errors()):
        loc = item["loc"]
        message, fix = problem.message, problem.fix
        if item["type"] == "missing" and loc and loc[-1] in _LANGUAGE_NAMES:
            message, fix = f"thiếu bản {_LANGUAGE_NAMES[loc[-1]]}", f"thêm dòng {loc[-1]}: với nội dung đã dịch"
        elif item["type"] == "string_pattern_mismatch" and loc == ("id",):
            message, fix = f"mã câu hỏi “{item['input']}” không hợp lệ", "dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ ngay-ban-hanh"
        elif item["type"] == "string_pattern_mismatch" and loc == ("plan",):
            message, fix = f"“{item['input']}” không phải một mục của kế hoạch", "ghi số mục như II.2.4, hoặc Phụ lục"
        problems.append(Problem(file, f"{where} ({problem.field})", message, fix, line))
    return problems


def shape_problems(question: Question, file: str, line: Optional[int]) -> list[Problem]:
    """What makes a question answerable: the options its type needs and the right ones marked."""
    where = f"câu {question.id}"
    p = lambda field, message, fix: Problem(file, f"{where} ({field})", message, fix, line)
    if question.type == "true_false":
        if question.options:
            return [p("options", "câu đúng/sai không ghi phương án (luôn là Đúng và Sai)",
                      "xóa options và ghi answer: true hoặc answer: false")]
        if question.answer is None:
            return [p("answer", "câu đúng/sai thiếu đáp án", "ghi answer: true (Đúng) hoặc answer: false (Sai)")]
        return []
    if question.answer is not None:
        return [p("answer", f"answer chỉ dùng cho câu đúng/sai (type: true_false), câu này là {question.type}",
                  "xóa answer và ghi correct: true cho phương án đúng")]
    problems = []
    low, high = OPTION_COUNTS[question.type]
    count = len(question.options)
    if not low <= count <= high:
        problems.append(p("options", f"câu loại {question.type} cần từ {low} đến {high} phương án, câu này có {count}",
                          "thêm hoặc bớt phương án"))
    right = sum(option.correct for option in question.options)
    if question.type == "single" and right != 1:
        problems.append(p("options", f"câu một đáp án (single) phải có đúng một phương án correct: true, câu này có {right}",
                          "đánh dấu đúng một phương án, hoặc đổi sang type: multiple nếu có nhiều đáp án"))
    if question.type == "multiple" and (right < 2 or right == count):
        problems.append(p("options", f"câu nhiều đáp án (multiple) cần ít nhất hai phương án đúng và một phương án sai, câu này có {right}/{count} đúng",
                          "sửa correct: true cho đúng, hoặc đổi sang type: single nếu chỉ có một đáp án"))
    for lang in LANGUAGES:
        texts = [option[lang].casefold() for option in question.options]
        for n, text in enumerate(texts):
            if text in texts[:n]:
                problems.append(p(f"options.{n}.{lang}", f"phương án “{question.options[n][lang]}” bị lặp lại",
                                  "mỗi phương án phải khác nhau"))
    return problems


def reference_problems(question: Question, file: str, line: Optional[int], registries: Registries) -> list[Problem]:
    """Known content point and sources; at least one source or plan section."""
    where = f"câu {question.id}"
    problems = []
    points = [key for key, category in registries.categories.items() if category.point]
    if question.point not in points:
        problems.append(Problem(file, f"{where} (point)", f"“{question.point}” không phải một nội dung tuyên truyền trong docs/_data/categories.yml",
                                f"chọn một trong: {', '.join(points)}", line))
    for ident in question.sources:
        if ident not in registries.sources:
            problems.append(Problem(file, f"{where} (sources)", f"không có nguồn số {ident} trong docs/_data/sources.yml",
                                    "sửa số nguồn hoặc thêm nguồn vào sources.yml", line))
    if not question.sources and question.plan is None:
        problems.append(Problem(file, f"{where} (sources)", "câu hỏi thiếu nguồn",
                                "ghi sources: [số nguồn] theo docs/_data/sources.yml, hoặc plan: mục của kế hoạch của phường", line))
    return problems


def text_problems(raw: dict, question: Question, file: str, line: Optional[int]) -> list[Problem]:
    """NFC text, characters the printed sheets can draw, numbers written each language's way."""
    where = f"câu {question.id}"
    problems = []
    for path, text in walk_strings(raw):
        if not is_nfc(text):
            problems.append(Problem(file, f"{where} ({path})", "chữ có dấu được gõ ở dạng tổ hợp (không phải Unicode NFC)",
                                    "chạy `make fix-unicode` hoặc gõ lại bằng bộ gõ Unicode dựng sẵn", line))
            continue
        missing = sorted({c for face in PRINT_FACES for c in missing_characters(text, face) if not c.isspace()})
        if missing:
            shown = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in missing)
            problems.append(Problem(file, f"{where} ({path})", f"phông Be Vietnam Pro không có chữ {shown} nên đề in không hiện được",
                                    "thay bằng chữ khác (ví dụ ≥, –, “ ”) hoặc xóa", line))
    for problem in number_style_problems(question, file):
        problems.append(Problem(file, f"{where} ({problem.field})", problem.message, problem.fix, line))
    return problems


# ── the explaining page's headings ──────────────────────────────────────────

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")


def page_headings(docs_dir: Path, page: str, language: str) -> dict[str, str]:
    """Heading text -> anchor of a page in one language, as the toc extension makes them."""
    path = Path(docs_dir) / page.replace(".md", f".{language}.md")
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return {}
    match = FRONT_MATTER.match(text)
    body = without_code(text[match.end():] if match else text)
    headings = {}
    for found in _HEADING.finditer(body):
        raw = found.group(1)
        explicit = _EXPLICIT_ID.search(raw)
        title = _ATTRIBUTES.sub("", raw).strip()
        # The first heading of a name wins, as the toc extension numbers later ones.
        headings.setdefault(title, explicit.group(1) if explicit else heading_slug(title, "-"))
    return headings


def anchor_problems(question: Question, category: Category, file: str, line: Optional[int],
                    docs_dir: Path) -> tuple[dict, list[Problem]]:
    """The anchors of `section:` on the explaining page in each language."""
    anchors = {lang: "" for lang in LANGUAGES}
    if question.section is None:
        return anchors, []
    problems = []
    for lang in LANGUAGES:
        headings = page_headings(docs_dir, category.page, lang)
        title = question.section[lang]
        if title in headings:
            anchors[lang] = headings[title]
        else:
            page = category.page.replace(".md", f".{lang}.md")
            listed = "; ".join(f"“{h}”" for h in list(headings)[:12])
            problems.append(Problem(file, f"câu {question.id} (section.{lang})", f"trang docs/{page} không có tiêu đề “{title}”",
                                    f"chép đúng một tiêu đề của trang: {listed}" if listed else "sửa tên mục hoặc xóa section", line))
    return anchors, problems


# ── the whole bank ──────────────────────────────────────────────────────────

def load_file(path: Path, registries: Registries, docs_dir: Path) -> tuple[list[Entry], list[Problem]]:
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [Problem(file, "(tệp)", "tệp không ở mã UTF-8", "lưu lại tệp với mã hóa UTF-8")]
    data, problems = parse_yaml(text, file)
    if problems:
        return [], problems
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [Problem(file, "(tệp)", "tệp câu hỏi phải là một danh sách, mỗi câu bắt đầu bằng “- id:”", "xem các câu mẫu trong tệp khác")]
    lines = _item_lines(text)
    entries = []
    for number, item in enumerate(data, start=1):
        line = lines[number - 1] if number <= len(lines) else None
        where = _where(item, number)
        try:
            question = Question.model_validate(item)
        except ValidationError as error:
            problems += _schema_problems(file, where, line, error)
            continue
        found = shape_problems(question, file, line) + reference_problems(question, file, line, registries)
        found += text_problems(item, question, file, line)
        category = registries.categories.get(question.point)
        if category is not None and category.point and category.page:
            anchors, more = anchor_problems(question, category, file, line, docs_dir)
            found += more
            if not found:
                entries.append(Entry(question, file, line, category, anchors))
        problems += found
    return entries, problems


def load_bank(registries: Registries, questions_dir: Path = QUESTIONS_DIR, docs_dir: Path = DOCS_DIR) -> Bank:
    """Every question file, checked; ids must be unique across all of them."""
    entries, problems = [], []
    for path in sorted(Path(questions_dir).glob("*.yml")):
        more_entries, more_problems = load_file(path, registries, docs_dir)
        entries += more_entries
        problems += more_problems
    seen: dict[str, Entry] = {}
    unique = []
    for entry in entries:
        first = seen.get(entry.id)
        if first is not None:
            where = f"{first.file}:{first.line}" if first.line else first.file
            problems.append(Problem(entry.file, f"câu {entry.id} (id)", f"mã câu hỏi trùng với câu ở {where}",
                                    "đặt cho câu này một mã khác (mã của câu đã đăng không được đổi)", entry.line))
            continue
        seen[entry.id] = entry
        unique.append(entry)
    unique.sort(key=lambda e: (e.category.point, e.file, e.line or 0))
    return Bank(unique, problems)
