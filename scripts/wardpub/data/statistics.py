"""Results the ward's units report: the statistics appendix of the ward's plan.

Owns the one schema of a unit's report (`COLUMNS`: every column with its
Vietnamese and English names, meaning and the plan section it counts), the
units registry (docs/_data/thong-ke/don-vi.yml: units, their kind, the period
being collected and its deadline), reading the CSV a spreadsheet exports
(byte-order mark, comma / semicolon / tab separators, headers with or without
diacritics, thousands separators, empty rows, a title row above the header),
validation into one `Problem` per mistake (file, row, column, why, fix),
writing the canonical CSV and the blank template, and the aggregates the
dashboard shows. Nothing here draws or writes HTML.

A report row is one unit and one month. Counts are what happened during that
month, except two stocks taken at the month's end: the unit's total cadres and
Party members, and how many of them have studied the resolution so far.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, Optional

from pydantic import ValidationError, field_validator

from .. import DATA_DIR
from .datafiles import load_yaml
from ..problems import Problem, display_path, from_validation_error
from .registries import Bilingual, Strict
from ..text import fold, nfc

STATS_DIR = DATA_DIR / "thong-ke"
UNITS_FILE = "don-vi.yml"
TEMPLATE_NAME = "mau-bao-cao.csv"
# Units' spreadsheets as uploaded through the web editor (/admin/, "Báo cáo của đơn vị"):
# checked at every build with the importer's rules, counted like stored reports.
INBOX_DIR = "nop"
DEFAULT_DEADLINE = dt.date(2026, 4, 15)


# ── the schema ──────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Column:
    key: str  # header of the canonical CSV (ASCII)
    vi: str  # header of the template units fill in
    en: str
    about_vi: str
    about_en: str
    kind: Literal["unit", "period", "count", "stock", "text"]
    plan: str = ""  # section of the plan's II.2 this column counts
    required: bool = False
    aliases: tuple[str, ...] = ()  # other headers seen in spreadsheets

    def label(self, language: str) -> str:
        return self.vi if language == "vi" else self.en

    def about(self, language: str) -> str:
        return self.about_vi if language == "vi" else self.about_en


COLUMNS: tuple[Column, ...] = (
    Column("don_vi", "Đơn vị", "Unit",
           "Mã hoặc tên đơn vị, đúng như trong danh sách đơn vị của phường.",
           "The unit's code or name, as in the ward's list of units.",
           "unit", required=True, aliases=("Tên đơn vị", "Mã đơn vị", "Chi bộ, cơ quan, đơn vị", "Unit name")),
    Column("ky", "Kỳ báo cáo", "Reporting period",
           "Tháng báo cáo, viết tháng/năm, ví dụ 3/2026.",
           "The month reported, written month/year, for example 3/2026.",
           "period", required=True, aliases=("Kỳ", "Tháng", "Tháng báo cáo", "Thời gian", "Period", "Month")),
    Column("hoi_nghi", "Số hội nghị học tập, quán triệt", "Study and briefing sessions held",
           "Hội nghị, buổi học tập, quán triệt Nghị quyết tổ chức trong tháng.",
           "Sessions held during the month to study and brief on the resolution.",
           "count", "II.2.1", aliases=("Hội nghị học tập, quán triệt", "Số hội nghị", "Số buổi học tập, quán triệt")),
    Column("da_hoc_tap", "Số cán bộ, đảng viên đã học tập, quán triệt", "Cadres and Party members who have studied it",
           "Lũy kế đến hết tháng: số cán bộ, đảng viên của đơn vị đã học tập, quán triệt Nghị quyết.",
           "Running total at the month's end: the unit's cadres and Party members who have studied the resolution.",
           "stock", "II.2.1", required=True,
           aliases=("Số cán bộ, đảng viên tham dự", "Số cán bộ đảng viên tham gia", "Số đảng viên tham dự",
                    "Số người tham dự", "Cadres and Party members attending")),
    Column("tong_dang_vien", "Tổng số cán bộ, đảng viên của đơn vị", "Total cadres and Party members in the unit",
           "Tổng số cán bộ, đảng viên của đơn vị vào cuối tháng.",
           "All cadres and Party members in the unit at the month's end.",
           "stock", "II.2.1", required=True,
           aliases=("Tổng số cán bộ, đảng viên", "Tổng số đảng viên", "Tổng số", "Unit total")),
    Column("sinh_hoat_chi_bo", "Số buổi sinh hoạt chi bộ có lồng ghép", "Regular cell meetings that covered it",
           "Buổi sinh hoạt chi bộ định kỳ trong tháng có lồng ghép nội dung Nghị quyết.",
           "Regular Party cell meetings during the month that included the resolution.",
           "count", "II.2.1", aliases=("Lồng ghép trong sinh hoạt chi bộ", "Số buổi sinh hoạt chi bộ")),
    Column("trao_doi_chuyen_de", "Số buổi sinh hoạt, trao đổi chuyên đề", "Thematic discussions",
           "Buổi sinh hoạt chuyên đề, trao đổi chuyên đề về đổi mới, phát triển giáo dục và đào tạo trong tháng.",
           "Thematic meetings or discussions on renewing and developing education during the month.",
           "count", "II.2.1", aliases=("Sinh hoạt chuyên đề", "Trao đổi chuyên đề", "Số buổi trao đổi chuyên đề")),
    Column("tin_bai_trang_phuong", "Số tin, bài trên trang thông tin điện tử của phường", "Items on the ward's web page",
           "Tin, bài về Nghị quyết đăng trên trang thông tin điện tử của phường trong tháng.",
           "News items and articles on the resolution published on the ward's web page during the month.",
           "count", "II.2.2", aliases=("Tin, bài trên trang thông tin điện tử", "Số tin bài", "Tin bài trên trang phường")),
    Column("bai_mang_xa_hoi", "Số bài đăng trên fanpage, Zalo OA", "Posts on fanpages and Zalo OA",
           "Bài đăng trên fanpage, Zalo OA, tài khoản mạng xã hội chính thống của cơ quan, đơn vị trong tháng.",
           "Posts on the unit's official fanpage, Zalo OA and social accounts during the month.",
           "count", "II.2.3", aliases=("Bài đăng fanpage, Zalo OA", "Số bài đăng mạng xã hội", "Bài đăng trên mạng xã hội")),
    Column("infographic", "Số infographic đã xây dựng", "Infographics made",
           "Infographic về Nghị quyết đơn vị làm trong tháng.",
           "Infographics on the resolution the unit made during the month.",
           "count", "II.2.3", aliases=("Infographic", "Số infographic")),
    Column("video_clip", "Số video, clip ngắn đã xây dựng", "Short videos and clips made",
           "Video ngắn, clip tuyên truyền về Nghị quyết đơn vị làm trong tháng.",
           "Short videos and clips on the resolution the unit made during the month.",
           "count", "II.2.3", aliases=("Video, clip", "Số video clip", "Số clip", "Video ngắn, clip")),
    Column("pano_khau_hieu", "Số pano, áp phích, khẩu hiệu", "Panels, posters and slogans put up",
           "Pano, áp phích, khẩu hiệu về Nghị quyết treo tại trụ sở trong tháng.",
           "Panels, posters and slogan banners on the resolution put up at the unit's premises during the month.",
           "count", "II.2.4", aliases=("Pano, áp phích, khẩu hiệu", "Số pano áp phích", "Số khẩu hiệu")),
    Column("cuoc_thi", "Số cuộc thi, diễn đàn, hội thi", "Contests and forums held",
           "Cuộc thi, diễn đàn, hội thi tìm hiểu về Nghị quyết tổ chức trong tháng.",
           "Contests, forums and quizzes on the resolution held during the month.",
           "count", "II.2.4", aliases=("Cuộc thi, diễn đàn", "Số cuộc thi", "Số cuộc thi, diễn đàn")),
    Column("nguoi_du_thi", "Số lượt người tham gia cuộc thi, diễn đàn", "Entrants in contests and forums",
           "Lượt người dự thi, tham gia các cuộc thi, diễn đàn ở cột trước.",
           "Entries in the contests and forums of the previous column.",
           "count", "II.2.4", aliases=("Số người dự thi", "Số lượt dự thi", "Số người tham gia cuộc thi", "Lượt người tham gia")),
    Column("hoat_dong_truong_hoc", "Số hoạt động lồng ghép tại trường học", "School activities that covered it",
           "Hoạt động giáo dục chính trị, hướng nghiệp, ngoại khóa, phong trào thi đua, hoạt động của Đoàn tại trường học có lồng ghép Nghị quyết trong tháng.",
           "Civic education, career guidance, extracurricular, emulation and Youth Union activities in schools that included the resolution during the month.",
           "count", "II.2.5", aliases=("Hoạt động tại trường học", "Số hoạt động trường học", "Hoạt động ngoại khóa")),
    Column("ghi_chu", "Ghi chú", "Notes",
           "Ghi chú của đơn vị (không bắt buộc).", "The unit's notes (optional).", "text", aliases=("Notes", "Note")),
)

COLUMN = {column.key: column for column in COLUMNS}
NUMBER_KEYS = tuple(c.key for c in COLUMNS if c.kind in ("count", "stock"))
COUNT_KEYS = tuple(c.key for c in COLUMNS if c.kind == "count")

# Columns a spreadsheet adds that carry nothing to report: row numbers, form timestamps.
IGNORED_HEADERS = frozenset(fold(h) for h in ("STT", "TT", "Số TT", "Số thứ tự", "Dấu thời gian", "Timestamp", "No."))

# The families of activity the dashboard follows over time, each a sum of columns.
ACTIVITY_GROUPS: tuple[tuple[str, Bilingual, tuple[str, ...]], ...] = (
    ("sinh-hoat", Bilingual(vi="Hội nghị, sinh hoạt", en="Sessions and meetings"),
     ("hoi_nghi", "sinh_hoat_chi_bo", "trao_doi_chuyen_de")),
    ("tin-bai", Bilingual(vi="Tin, bài và bài đăng", en="Items and posts"),
     ("tin_bai_trang_phuong", "bai_mang_xa_hoi")),
    ("san-pham", Bilingual(vi="Infographic, clip, pano", en="Infographics, clips, panels"),
     ("infographic", "video_clip", "pano_khau_hieu")),
)


# ── the units registry ──────────────────────────────────────────────────────

UnitKind = Literal["chi-bo", "co-quan", "truong-hoc"]
KIND_LABELS = {
    "chi-bo": Bilingual(vi="Chi bộ", en="Party cell"),
    "co-quan": Bilingual(vi="Cơ quan", en="Agency"),
    "truong-hoc": Bilingual(vi="Trường học", en="School"),
}
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Unit(Strict):
    kind: UnitKind
    vi: str
    en: str
    sample: bool = False

    def name(self, language: str) -> str:
        return self.vi if language == "vi" else self.en


class UnitsFile(Strict):
    deadline: dt.date = DEFAULT_DEADLINE
    period: Optional[str] = None
    units: dict[str, Unit]

    @field_validator("period")
    @classmethod
    def _month(cls, value: str | None) -> str | None:
        if value is not None and parse_period(str(value)) is None:
            raise ValueError(f"“{value}” không phải tháng báo cáo | viết dạng năm-tháng, ví dụ \"2026-03\"")
        return value


@dataclass
class UnitsRegistry:
    units: dict[str, Unit]
    deadline: dt.date
    period: dt.date  # first day of the month being collected

    @cached_property
    def by_folded_name(self) -> dict[str, str]:
        names = {}
        for ident, unit in self.units.items():
            for name in (ident, unit.vi, unit.en):
                names[_fold_name(name)] = ident
        return names

    def find(self, written: str) -> Optional[str]:
        return self.by_folded_name.get(_fold_name(written))

    def closest(self, written: str) -> Optional[str]:
        """The unit name most like what was written, for a 'did you mean' hint."""
        candidates = {unit.vi: ident for ident, unit in self.units.items()}
        match = difflib.get_close_matches(written, list(candidates), n=1, cutoff=0.6)
        return match[0] if match else None


def month_before(day: dt.date) -> dt.date:
    first = day.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def load_units(stats_dir: Path = STATS_DIR) -> tuple[Optional[UnitsRegistry], list[Problem]]:
    path = stats_dir / UNITS_FILE
    file = display_path(path)
    data, problems = load_yaml(path)
    if problems:
        return None, problems
    try:
        parsed = UnitsFile.model_validate(data or {})
    except ValidationError as error:
        return None, from_validation_error(file, error)
    for ident in parsed.units:
        if not UNIT_ID.match(str(ident)):
            problems.append(Problem(file, f"units.{ident}", "mã đơn vị chỉ dùng chữ thường không dấu, số và dấu gạch ngang",
                                    "đổi mã, ví dụ “Chi bộ Văn phòng” thành “cb-van-phong”"))
    period = parse_period(parsed.period) if parsed.period else month_before(parsed.deadline)
    return UnitsRegistry(parsed.units, parsed.deadline, period), problems


# ── reading a spreadsheet's CSV ─────────────────────────────────────────────

PERIOD_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})$"),  # 2026-03
    re.compile(r"^(?:thang|th|t|month)?\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})$"),  # 3/2026, tháng 3/2026, T3-2026
    re.compile(r"^(?:thang|th|t)\s*(?P<m>\d{1,2})\s*(?:nam)\s*(?P<y>\d{4})$"),  # tháng 3 năm 2026
)
INTEGER = re.compile(r"^-?\d+$")
SPACES = "\u00a0\u202f"  # no-break spaces spreadsheets put between thousands
GROUPED = re.compile(r"^-?\d{1,3}(?P<sep>[., \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*$")  # 1.234 / 1,234 / 1 234
WHOLE_DECIMAL = re.compile(r"^-?\d+[.,]0+$")  # 12,0 from a cell formatted with decimals


REQUIRED_FIX = {
    "da_hoc_tap": "điền số cán bộ, đảng viên đã học tập, viết 0 nếu chưa có ai",
    "tong_dang_vien": "điền tổng số cán bộ, đảng viên của đơn vị",
}


def parse_period(text: str) -> Optional[dt.date]:
    """'2026-03', '3/2026', 'Tháng 3/2026', 'T3-2026' -> date(2026, 3, 1); None if not a month."""
    folded = re.sub(r"\s+", " ", fold(nfc(str(text))).strip())
    for pattern in PERIOD_PATTERNS:
        match = pattern.match(folded)
        if match:
            year, month = int(match["y"]), int(match["m"])
            if 2000 <= year <= 2100 and 1 <= month <= 12:
                return dt.date(year, month, 1)
    return None


def period_key(period: dt.date) -> str:
    return f"{period.year:04d}-{period.month:02d}"


def period_text(period: dt.date) -> str:
    """How the messages write a month, as staff type it: 3/2026."""
    return f"{period.month}/{period.year}"


def _fold_name(text: str) -> str:
    """Headers and names compared without case, diacritics, punctuation or bracketed asides."""
    text = re.sub(r"\([^)]*\)", " ", fold(nfc(str(text))))
    return " ".join(re.findall(r"[a-z0-9]+", text))


HEADER_NAMES: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (_column.key, _column.key.replace("_", " "), _column.vi, _column.en, *_column.aliases):
        HEADER_NAMES[_fold_name(_name)] = _column.key


def match_header(folded: str) -> Optional[str]:
    """The column a header names: exactly (any spelling we know), or as the start of
    exactly one column's Vietnamese name ("Số cán bộ, đảng viên đã học tập" for
    "… đã học tập, quán triệt"), when at least three words long."""
    if folded in HEADER_NAMES:
        return HEADER_NAMES[folded]
    if len(folded.split()) < 3:
        return None
    starts = {c.key for c in COLUMNS if _fold_name(c.vi).startswith(folded + " ")}
    return starts.pop() if len(starts) == 1 else None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def decode(raw: bytes, file: str, legacy: bool = False) -> tuple[Optional[str], list[Problem]]:
    """Text of an exported CSV: UTF-8 with or without BOM, UTF-16 with BOM; with
    legacy=True (the importer) also Windows-1258, which older Excel writes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(raw.decode("utf-16")), []
    try:
        return nfc(raw.decode("utf-8-sig")), []
    except UnicodeDecodeError:
        pass
    if legacy:
        return nfc(raw.decode("cp1258", errors="replace")), []
    return None, [Problem(file, "(tệp)", "tệp không ở mã UTF-8",
                          "nhập lại bằng `wardpub import-stats`, hoặc lưu tệp dạng “CSV UTF-8”")]


def sniff_separator(text: str) -> str:
    """The separator of the first non-empty line: semicolon, tab or comma."""
    for line in text.splitlines():
        if line.strip(" ,;\t"):
            unquoted = re.sub(r'"[^"]*"', "", line)
            counts = {sep: unquoted.count(sep) for sep in (";", "\t", ",")}
            best = max(counts, key=lambda sep: (counts[sep], sep == ","))
            return best if counts[best] else ","
    return ","


def read_records(text: str) -> list[tuple[int, list[str]]]:
    """(line where the record starts, its cells) for every record, empty ones included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(text))
    records, line = [], 1
    for cells in reader:
        records.append((line, [cell.strip() for cell in cells]))
        line = reader.line_num + 1
    return records


def parse_number(text: str) -> tuple[Optional[int], Optional[str]]:
    """(value, None) or (None, reason). Blank means 0; thousands separators are dropped."""
    cleaned = text.translate({ord(c): " " for c in SPACES}).strip()
    if cleaned == "":
        return 0, None
    if INTEGER.match(cleaned):
        value = int(cleaned)
    elif GROUPED.match(cleaned):
        value = int(re.sub(r"[., ]", "", cleaned))
    elif WHOLE_DECIMAL.match(cleaned):
        value = int(re.split(r"[.,]", cleaned)[0])
    elif re.match(r"^-?\d+[.,]\d+$", cleaned):
        return None, "fraction"
    else:
        return None, "text"
    if value < 0 or cleaned.startswith("-"):
        return None, "negative"
    return value, None


@dataclass(frozen=True)
class Report:
    """One unit's report for one month, as validated."""

    unit: str
    period: dt.date
    values: dict[str, int]
    note: str
    file: str
    line: int

    def __getitem__(self, key: str) -> int:
        return self.values[key]


@dataclass
class ParsedFile:
    reports: list[Report]
    problems: list[Problem]


def _find_header(records: list[tuple[int, list[str]]]) -> Optional[int]:
    """Index of the header: the first of the first ten rows naming the unit column."""
    for index, (_, cells) in enumerate(records[:10]):
        if any(HEADER_NAMES.get(_fold_name(cell)) == "don_vi" for cell in cells):
            return index
    return None


def _map_header(cells: list[str], file: str, line: int) -> tuple[dict[int, str], list[Problem]]:
    mapping: dict[int, str] = {}
    seen: dict[str, int] = {}
    problems = []
    for index, cell in enumerate(cells):
        folded = _fold_name(cell)
        if not folded or folded in IGNORED_HEADERS:
            continue
        where = f"cột {column_letter(index)} “{cell}”"
        key = match_header(folded)
        if key is None:
            problems.append(Problem(file, where, "cột không có trong mẫu báo cáo",
                                    f"đổi tên cột cho đúng tệp mẫu {TEMPLATE_NAME}, hoặc xóa cột", line))
        elif key in seen:
            problems.append(Problem(file, where, f"trùng với cột {column_letter(seen[key])} (cùng là “{COLUMN[key].vi}”)",
                                    "giữ một cột, xóa cột còn lại", line))
        else:
            seen[key] = index
            mapping[index] = key
    for column in COLUMNS:
        if column.required and column.key not in seen:
            problems.append(Problem(file, "(dòng tiêu đề)", f"thiếu cột “{column.vi}”",
                                    f"thêm cột này, xem tệp mẫu {TEMPLATE_NAME}", line))
    return mapping, problems


NUMBER_PROBLEMS = {
    "text": ("“{text}” không phải là số", "chỉ viết chữ số, ví dụ 12; để trống nếu là 0"),
    "fraction": ("“{text}” không phải số nguyên", "viết số nguyên (số buổi, số người)"),
    "negative": ("“{text}” là số âm", "viết số từ 0 trở lên"),
}


@dataclass
class _Row:
    """One data row being checked; every problem names the file, the row and the column."""

    cells: list[str]
    header: list[str]
    by_key: dict[str, int]  # canonical column -> index in the file
    file: str
    line: int
    problems: list[Problem] = field(default_factory=list)

    def cell(self, key: str) -> str:
        index = self.by_key.get(key)
        return self.cells[index] if index is not None and index < len(self.cells) else ""

    def report(self, key: str, message: str, fix: str) -> None:
        index = self.by_key[key]
        where = f"cột {column_letter(index)} “{self.header[index]}”"
        self.problems.append(Problem(self.file, where, message, fix, self.line))

    def check_extra_cells(self) -> None:
        extra = [i for i in range(len(self.header), len(self.cells)) if self.cells[i]]
        if extra:
            self.problems.append(Problem(self.file, f"cột {column_letter(extra[0])}",
                                         f"dòng có ô ngoài các cột của dòng tiêu đề (“{self.cells[extra[0]]}”)",
                                         "xóa ô thừa, hoặc thêm tên cột ở dòng tiêu đề", self.line))

    def read_unit(self, registry: UnitsRegistry) -> Optional[str]:
        written = self.cell("don_vi")
        unit = registry.find(written) if written else None
        if not written:
            self.report("don_vi", "để trống tên đơn vị", "điền mã hoặc tên đơn vị")
        elif unit is None:
            guess = registry.closest(written)
            fix = f"viết đúng tên hoặc mã đơn vị, hoặc thêm đơn vị vào {UNITS_FILE}"
            self.report("don_vi", f"“{written}” không có trong danh sách đơn vị ({STATS_DIR.name}/{UNITS_FILE})",
                        f"có phải “{guess}”? Nếu không, {fix}" if guess else fix)
        return unit

    def read_period(self, registry: UnitsRegistry) -> Optional[dt.date]:
        written = self.cell("ky")
        period = parse_period(written) if written else None
        if not written:
            self.report("ky", "để trống kỳ báo cáo", "điền tháng/năm, ví dụ 3/2026")
        elif period is None:
            self.report("ky", f"“{written}” không phải tháng báo cáo", "viết tháng/năm, ví dụ 3/2026")
        elif period > registry.period:
            self.report("ky", f"kỳ {period_text(period)} sau kỳ đang thu báo cáo ({period_text(registry.period)})",
                        f"sửa kỳ báo cáo, hoặc đổi `period` trong {UNITS_FILE} khi bắt đầu thu kỳ mới")
            return None
        return period

    def read_numbers(self) -> dict[str, int]:
        """Every count and stock; a column the file lacks counts as 0 (only optional ones may be missing)."""
        values: dict[str, int] = {}
        for key in NUMBER_KEYS:
            if key not in self.by_key:
                values[key] = 0
                continue
            written = self.cell(key)
            if COLUMN[key].required and not written:
                self.report(key, "để trống", REQUIRED_FIX[key])
                continue
            value, reason = parse_number(written)
            if reason:
                message, fix = NUMBER_PROBLEMS[reason]
                self.report(key, message.format(text=written), fix)
            else:
                values[key] = value
        return values

    def check_consistency(self, values: dict[str, int]) -> None:
        studied, total = values.get("da_hoc_tap"), values.get("tong_dang_vien")
        if total == 0:
            self.report("tong_dang_vien", "tổng số cán bộ, đảng viên là 0", REQUIRED_FIX["tong_dang_vien"])
        elif studied is not None and total is not None and studied > total:
            self.report("da_hoc_tap", f"{studied} người đã học tập nhiều hơn tổng số {total} cán bộ, đảng viên của đơn vị",
                        "kiểm tra lại hai cột số người đã học tập và tổng số")
        if values.get("nguoi_du_thi") and values.get("cuoc_thi") == 0 and "nguoi_du_thi" in self.by_key:
            self.report("nguoi_du_thi", f"có {values['nguoi_du_thi']} lượt người tham gia nhưng số cuộc thi, diễn đàn là 0",
                        "điền số cuộc thi, diễn đàn đã tổ chức")


def _check_row(row: _Row, registry: UnitsRegistry) -> Optional[Report]:
    """The row as a Report, or None with its problems in row.problems."""
    row.check_extra_cells()
    unit, period, values = row.read_unit(registry), row.read_period(registry), row.read_numbers()
    row.check_consistency(values)
    if row.problems or unit is None or period is None:
        return None
    return Report(unit, period, values, row.cell("ghi_chu"), row.file, row.line)


def parse_csv(raw: bytes, file: str, registry: UnitsRegistry, legacy: bool = False) -> ParsedFile:
    """Every report in an exported CSV, or the problems that stop it."""
    text, problems = decode(raw, file, legacy)
    if text is None:
        return ParsedFile([], problems)
    records = read_records(text)
    header_index = _find_header(records)
    if header_index is None:
        return ParsedFile([], [Problem(file, "(dòng tiêu đề)", "không tìm thấy dòng tiêu đề có cột “Đơn vị”",
                                       f"dòng đầu của bảng phải là tên các cột như trong tệp mẫu {TEMPLATE_NAME}", 1)])
    header_line, header = records[header_index]
    mapping, problems = _map_header(header, file, header_line)
    if any(p.field == "(dòng tiêu đề)" for p in problems):
        return ParsedFile([], problems)
    reports: list[Report] = []
    for line, cells in records[header_index + 1:]:
        if not any(cells):
            continue  # spreadsheets export empty rows as empty lines or bare separators
        row = _Row(cells, header, {key: index for index, key in mapping.items()}, file, line)
        report = _check_row(row, registry)
        problems += row.problems
        if report:
            reports.append(report)
    return ParsedFile(reports, problems)


def duplicate_problems(reports: list[Report]) -> list[Problem]:
    """One problem per report repeating a unit and month already reported (in any file)."""
    first: dict[tuple[str, dt.date], Report] = {}
    problems = []
    for report in reports:
        key = (report.unit, report.period)
        if key in first:
            earlier = first[key]
            where = f"dòng {earlier.line}" + ("" if earlier.file == report.file else f" tệp {earlier.file}")
            problems.append(Problem(report.file, "cột “Đơn vị”, “Kỳ báo cáo”",
                                    f"đơn vị {report.unit} đã có số liệu kỳ {period_text(report.period)} ở {where}",
                                    "gộp hai dòng thành một, hoặc sửa kỳ báo cáo", report.line))
        else:
            first[key] = report
    return problems


# ── the results of the whole ward ───────────────────────────────────────────

@dataclass
class UnitSummary:
    """A unit's standing: its latest stocks and its activity summed over every month."""

    ident: str
    unit: Unit
    reports: list[Report]

    @property
    def reported(self) -> bool:
        return bool(self.reports)

    @property
    def latest(self) -> Optional[Report]:
        return max(self.reports, key=lambda r: r.period) if self.reports else None

    def total(self, key: str) -> int:
        if COLUMN[key].kind == "stock":
            return self.latest[key] if self.latest else 0
        return sum(report[key] for report in self.reports)

    @property
    def rate(self) -> Optional[float]:
        latest = self.latest
        return latest["da_hoc_tap"] / latest["tong_dang_vien"] if latest else None


@dataclass
class Statistics:
    """Everything the units reported, checked: what the dashboard and its charts read."""

    registry: Optional[UnitsRegistry]
    reports: list[Report]
    files: list[Path]
    problems: list[Problem] = field(default_factory=list)

    @property
    def deadline(self) -> dt.date:
        return self.registry.deadline if self.registry else DEFAULT_DEADLINE

    @property
    def period(self) -> Optional[dt.date]:
        return self.registry.period if self.registry else None

    @cached_property
    def units(self) -> list[UnitSummary]:
        if not self.registry:
            return []
        return [UnitSummary(ident, unit, sorted((r for r in self.reports if r.unit == ident), key=lambda r: r.period))
                for ident, unit in self.registry.units.items()]

    @property
    def has_data(self) -> bool:
        return bool(self.reports)

    @property
    def sample(self) -> bool:
        """True while any figure shown comes from a sample unit."""
        return any(summary.unit.sample for summary in self.units if summary.reported)

    def missing(self) -> list[UnitSummary]:
        """Units without a report for the period being collected."""
        return [s for s in self.units if not any(r.period == self.period for r in s.reports)]

    def months(self) -> list[dt.date]:
        return sorted({report.period for report in self.reports})

    def total(self, key: str) -> int:
        return sum(summary.total(key) for summary in self.units)

    def activity(self, group_keys: tuple[str, ...], month: dt.date) -> int:
        return sum(report[key] for report in self.reports if report.period == month for key in group_keys)


def csv_files(stats_dir: Path = STATS_DIR) -> list[Path]:
    """Stored reports, then the spreadsheets uploaded through the web editor (nop/, read as the importer reads them)."""
    return sorted(stats_dir.glob("*.csv")) + sorted((stats_dir / INBOX_DIR).glob("*.csv"))


def load_statistics(stats_dir: Path = STATS_DIR) -> Statistics:
    """The registry and every canonical CSV in docs/_data/thong-ke/, checked together."""
    stats_dir = Path(stats_dir)
    if not (stats_dir / UNITS_FILE).exists() and not csv_files(stats_dir):
        return Statistics(None, [], [])
    registry, problems = load_units(stats_dir)
    files = csv_files(stats_dir)
    if registry is None:
        return Statistics(None, [], files, problems)
    reports: list[Report] = []
    for path in files:
        parsed = parse_csv(path.read_bytes(), display_path(path), registry, legacy=path.parent.name == INBOX_DIR)
        reports += parsed.reports
        problems += parsed.problems
    problems += duplicate_problems(reports)
    return Statistics(registry, reports, files, problems)


# ── writing ─────────────────────────────────────────────────────────────────

def canonical_csv(reports: list[Report]) -> str:
    """The stored form: ASCII headers, commas, unit codes, YYYY-MM months, plain integers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.key for column in COLUMNS])
    for report in sorted(reports, key=lambda r: (r.unit, r.period)):
        row = []
        for column in COLUMNS:
            if column.kind == "unit":
                row.append(report.unit)
            elif column.kind == "period":
                row.append(period_key(report.period))
            elif column.kind == "text":
                row.append(report.note)
            else:
                row.append(str(report[column.key]))
        writer.writerow(row)
    return out.getvalue()


def template_csv() -> bytes:
    """The blank template units fill in: Vietnamese headers, UTF-8 with a BOM so Excel reads the diacritics."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([column.vi for column in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@dataclass
class Imported:
    reports: list[Report]
    problems: list[Problem]
    target: Path


def import_file(source: Path, target: Optional[Path] = None, stats_dir: Optional[Path] = None) -> Imported:
    """Read a spreadsheet's export and check it against the registry and the other stored files.

    Writes nothing: the caller writes `canonical_csv(imported.reports)` to
    `imported.target` only when there are no problems.
    """
    from ..text import slug

    stats_dir = Path(stats_dir or STATS_DIR)
    target = Path(target) if target else stats_dir / f"{slug(source.stem) or 'bao-cao'}.csv"
    registry, problems = load_units(stats_dir)
    if registry is None:
        return Imported([], problems, target)
    parsed = parse_csv(source.read_bytes(), display_path(source), registry, legacy=True)
    others: list[Report] = []
    for path in csv_files(stats_dir):
        if path.resolve() not in (target.resolve(), Path(source).resolve()):
            others += parse_csv(path.read_bytes(), display_path(path), registry, legacy=path.parent.name == INBOX_DIR).reports
    clashes = [p for p in duplicate_problems(others + parsed.reports) if p.file == display_path(source)]
    return Imported(parsed.reports, problems + parsed.problems + clashes, target)


def import_summary(imported: Imported, target: str, written: bool = True) -> str:
    """What an import did, in one line staff can read."""
    units = sorted({report.unit for report in imported.reports})
    periods = sorted({period_text(report.period) for report in imported.reports}, key=lambda p: parse_period(p))
    verb = "Đã nhập" if written else "Tệp hợp lệ:"
    where = f" vào {target}" if written else f" (sẽ lưu vào {target})"
    return (f"{verb} {len(imported.reports)} dòng ({len(units)} đơn vị, kỳ {', '.join(periods) or '–'}){where}. "
            "Chạy `make site` để cập nhật trang Thống kê.")
