"""wardpub.data.statistics: the units' reports, from a spreadsheet's export to checked figures.

Golden pairs sit side by side in tests/data/statistics/ (Python-Markdown's
style): each malformed `bad/<name>.csv` next to `bad/<name>.txt` holding the
exact lines the ward's staff will read; each exported spreadsheet next to the
canonical CSV it must become. Adding a case is adding two files.
"""

import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest

from sites import minimal_pages
from wardpub.cli import main
from wardpub.problems import ProblemsFound
from wardpub.site.publish import BuildFailed
from wardpub.data.statistics import COLUMNS, HEADER_NAMES, canonical_csv, duplicate_problems, import_file, load_statistics, load_units, parse_csv, parse_number, parse_period, template_csv, _fold_name

DATA = Path(__file__).parent / "data" / "statistics"
BAD = sorted(DATA.glob("bad/*.csv"))
EXPORTS = sorted(p for p in DATA.glob("export-*.csv") if not p.name.endswith(".expected.csv"))


@pytest.fixture(scope="module")
def registry():
    units, problems = load_units(DATA)
    assert problems == []
    return units


def problem_lines(path: Path, registry) -> str:
    parsed = parse_csv(path.read_bytes(), path.name, registry)
    return str(ProblemsFound(parsed.problems + duplicate_problems(parsed.reports)))


def test_there_are_at_least_ten_malformed_files():
    assert len(BAD) >= 10
    assert all(p.with_suffix(".txt").exists() for p in BAD), "every bad file needs its expected messages"


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_malformed_file_gets_its_exact_messages(path, registry):
    expected = path.with_suffix(".txt").read_text(encoding="utf-8").rstrip("\n")
    assert problem_lines(path, registry) == expected


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.stem)
def test_exported_spreadsheet_becomes_the_canonical_csv(path, registry):
    parsed = parse_csv(path.read_bytes(), path.name, registry, legacy=True)
    assert parsed.problems == []
    expected = path.with_name(path.stem + ".expected.csv").read_text(encoding="utf-8")
    assert canonical_csv(parsed.reports) == expected


def test_excel_export_has_what_makes_it_hard(registry):
    """The fixture really is the hard case: BOM, semicolons, a title row, empty rows, thousands separators."""
    raw = (DATA / "export-excel.csv").read_bytes()
    text = raw.decode("utf-8-sig")
    assert raw.startswith(b"\xef\xbb\xbf") and ";" in text and "1.250" in text and "\r\n;;;;;;;;;\r\n" in text
    assert "Tên đơn vị" in text and "THỐNG KÊ" in text.splitlines()[0]


def to_cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 stores it: base letters with their vowel marks, tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_importer_reads_older_excel_encoding_the_build_refuses(registry):
    raw = to_cp1258("Đơn vị,Kỳ báo cáo,Số cán bộ, đảng viên đã học tập,Tổng số\nChi bộ Văn phòng,3/2026,20,24\n".replace(
        "Số cán bộ, đảng viên đã học tập", '"Số cán bộ, đảng viên đã học tập"'))
    imported = parse_csv(raw, "cu.csv", registry, legacy=True)
    assert imported.problems == [] and [(r.unit, r.values["da_hoc_tap"]) for r in imported.reports] == [("cb-van-phong", 20)]
    assert [str(p) for p in parse_csv(raw, "cu.csv", registry).problems] == [
        "cu.csv: (tệp): tệp không ở mã UTF-8. Sửa: nhập lại bằng `wardpub import-stats`, hoặc lưu tệp dạng “CSV UTF-8”"]


@pytest.mark.parametrize("text, value", [
    ("", (0, None)), ("12", (12, None)), (" 7 ", (7, None)), ("1.234", (1234, None)), ("1,234", (1234, None)),
    ("1 234 567", (1234567, None)), ("1\u00a0234", (1234, None)), ("12,0", (12, None)), ("3.00", (3, None)),
    ("2,5", (None, "fraction")), ("1.23", (None, "fraction")), ("-3", (None, "negative")), ("-1.000", (None, "negative")),
    ("abc", (None, "text")), ("3 buổi", (None, "text")), ("1.2345", (None, "fraction")),
])
def test_numbers_as_spreadsheets_write_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, month", [
    ("2026-03", dt.date(2026, 3, 1)), ("3/2026", dt.date(2026, 3, 1)), ("03/2026", dt.date(2026, 3, 1)),
    ("Tháng 3/2026", dt.date(2026, 3, 1)), ("tháng 3 năm 2026", dt.date(2026, 3, 1)), ("T3-2026", dt.date(2026, 3, 1)),
    ("Thang 12/2025", dt.date(2025, 12, 1)), ("13/2026", None), ("Quý 1/2026", None), ("2026", None),
])
def test_periods_as_staff_type_them(text, month):
    assert parse_period(text) == month


def test_every_column_is_documented_and_the_template_reads_back(registry):
    for column in COLUMNS:
        assert column.vi and column.en and column.about_vi and column.about_en
        assert HEADER_NAMES[_fold_name(column.vi)] == column.key == HEADER_NAMES[_fold_name(column.en)]
    template = template_csv()
    assert template.startswith("\ufeff".encode("utf-8"))  # Excel reads the diacritics only with a BOM
    row = ("\r\ncb-van-phong,3/2026," + ",".join(["1"] * (len(COLUMNS) - 3)) + ",ghi chú\r\n").encode("utf-8")
    parsed = parse_csv(template + row, "mau.csv", registry)
    assert parsed.problems == [] and len(parsed.reports) == 1


def test_figures_the_dashboard_reads(tmp_path):
    shutil.copy(DATA / "don-vi.yml", tmp_path / "don-vi.yml")
    (tmp_path / "a.csv").write_text(
        "don_vi,ky,hoi_nghi,da_hoc_tap,tong_dang_vien,bai_mang_xa_hoi\n"
        "cb-van-phong,2026-02,1,10,20,4\ncb-van-phong,2026-03,2,18,20,6\ntrung-tam,2026-02,1,5,10,1\n", encoding="utf-8")
    statistics = load_statistics(tmp_path)
    assert statistics.problems == []
    office, school, centre = statistics.units
    assert (office.rate, office.total("hoi_nghi"), office.total("da_hoc_tap")) == (0.9, 3, 18)  # stocks: latest month
    assert not school.reported and centre.rate == 0.5
    assert statistics.period == dt.date(2026, 3, 1)  # the month before the deadline's
    assert [s.ident for s in statistics.missing()] == ["truong-tieu-hoc", "trung-tam"]
    assert statistics.sample  # the centre is a sample unit and it reported
    assert statistics.total("bai_mang_xa_hoi") == 11


def test_deadline_and_period_are_configurable(tmp_path):
    (tmp_path / "don-vi.yml").write_text(
        "deadline: 2026-06-10\nunits:\n  a:\n    kind: chi-bo\n    vi: Chi bộ A\n    en: Cell A\n", encoding="utf-8")
    units, _ = load_units(tmp_path)
    assert (units.deadline, units.period) == (dt.date(2026, 6, 10), dt.date(2026, 5, 1))
    (tmp_path / "don-vi.yml").write_text("period: 2026-13\nunits: {}\n", encoding="utf-8")
    _, problems = load_units(tmp_path)
    assert [str(p) for p in problems] == [
        f"{tmp_path.as_posix()}/don-vi.yml: period: “2026-13” không phải tháng báo cáo. Sửa: viết dạng năm-tháng, ví dụ \"2026-03\""]


def test_import_checks_against_reports_already_stored(tmp_path):
    shutil.copy(DATA / "don-vi.yml", tmp_path / "don-vi.yml")
    (tmp_path / "van-phong.csv").write_text("don_vi,ky,da_hoc_tap,tong_dang_vien\ncb-van-phong,2026-03,20,24\n", encoding="utf-8")
    source = tmp_path / "Báo cáo Văn phòng (tháng 3).csv"
    source.write_text("Đơn vị;Kỳ báo cáo;Số cán bộ, đảng viên đã học tập;Tổng số cán bộ, đảng viên\nChi bộ Văn phòng;3/2026;21;24\n",
                      encoding="utf-8")
    clash = import_file(source, stats_dir=tmp_path)
    assert clash.target == tmp_path / "bao-cao-van-phong-thang-3.csv"
    assert [p.message for p in clash.problems] == [
        f"đơn vị cb-van-phong đã có số liệu kỳ 3/2026 ở dòng 2 tệp {tmp_path.as_posix()}/van-phong.csv"]
    # Re-importing a unit's corrected spreadsheet over its own stored file is not a clash.
    again = import_file(source, tmp_path / "van-phong.csv", stats_dir=tmp_path)
    assert again.problems == [] and not list(tmp_path.glob("bao-cao*"))


def test_import_stats_command_writes_only_valid_files(tmp_path, capsys, monkeypatch):
    """Run in a project's folder, the command checks against that project's units (not the ward's)."""
    stats = tmp_path / "docs" / "_data" / "thong-ke"
    stats.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    shutil.copy(DATA / "don-vi.yml", stats / "don-vi.yml")
    monkeypatch.chdir(tmp_path)
    target = stats / "out.csv"
    assert main(["import-stats", str(DATA / "export-excel.csv"), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == (DATA / "export-excel.expected.csv").read_text(encoding="utf-8")
    assert "Đã nhập 3 dòng (2 đơn vị, kỳ 2/2026, 3/2026)" in capsys.readouterr().out
    bad = stats / "bad.csv"
    assert main(["import-stats", str(DATA / "bad" / "negative.csv"), "-o", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "“-3” là số âm. Sửa: viết số từ 0 trở lên" in err and "Chưa nhập" in err and not bad.exists()


def test_invalid_report_publishes_nothing_and_keeps_the_previous_site(make_site):
    project = make_site({**minimal_pages(),
                         "docs/_data/thong-ke/don-vi.yml": (DATA / "don-vi.yml").read_text(encoding="utf-8"),
                         "docs/_data/thong-ke/so-lieu-mau.csv": "don_vi,ky,da_hoc_tap,tong_dang_vien\ncb-van-phong,2026-02,20,24\n"})
    site = project.build()
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (project.root / "docs/_data/thong-ke/moi.csv").write_text(
        "don_vi,ky,da_hoc_tap,tong_dang_vien\ncb-van-phong,2026-03,30,24\nChi bộ Văn phòng,2/2026,21,24\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        project.build()
    assert str(failure.value).splitlines() == [
        "docs/_data/thong-ke/moi.csv:2: cột C “da_hoc_tap”: 30 người đã học tập nhiều hơn tổng số 24 cán bộ, đảng viên của đơn vị. "
        "Sửa: kiểm tra lại hai cột số người đã học tập và tổng số",
        "docs/_data/thong-ke/so-lieu-mau.csv:2: cột “Đơn vị”, “Kỳ báo cáo”: đơn vị cb-van-phong đã có số liệu kỳ 2/2026 ở dòng 3 "
        "tệp docs/_data/thong-ke/moi.csv. Sửa: gộp hai dòng thành một, hoặc sửa kỳ báo cáo",
    ]
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_spreadsheet_uploaded_through_the_web_editor_counts_or_is_refused(tmp_path):
    shutil.copy(DATA / "don-vi.yml", tmp_path / "don-vi.yml")
    inbox = tmp_path / "nop"
    inbox.mkdir()
    # What a unit's spreadsheet exports (Vietnamese headers, older Excel's encoding): counted as it is.
    header = 'Đơn vị,Kỳ báo cáo,"Số cán bộ, đảng viên đã học tập",Tổng số\n'
    (inbox / "chi-bo-van-phong.csv").write_bytes(to_cp1258(header + "Chi bộ Văn phòng,3/2026,18,20\n"))
    statistics = load_statistics(tmp_path)
    assert statistics.problems == [] and statistics.units[0].rate == 0.9
    # A mistake stops the build with the importer's own line.
    (inbox / "truong-a.csv").write_text(header + "Trường không có,3/2026,1,2\n", encoding="utf-8")
    problems = load_statistics(tmp_path).problems
    assert len(problems) == 1 and problems[0].file.endswith("nop/truong-a.csv") and problems[0].line == 2
