"""wardpub.site.dashboard: the results page, its charts from the reports, its downloads."""

import csv
import io
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from wardpub.site.dashboard import ACTIVITY, PARTICIPATION, Results, page_section, result_charts
from wardpub.media.charts import ChartSet
from wardpub.data.statistics import COLUMNS, load_statistics

DATA = Path(__file__).parent / "data" / "statistics"


@pytest.fixture
def statistics(tmp_path):
    shutil.copy(DATA / "don-vi.yml", tmp_path / "don-vi.yml")
    (tmp_path / "a.csv").write_text(
        "don_vi,ky,hoi_nghi,da_hoc_tap,tong_dang_vien,tin_bai_trang_phuong,infographic\n"
        "cb-van-phong,2026-02,1,10,20,2,0\ncb-van-phong,2026-03,0,18,20,3,1\n"
        "truong-tieu-hoc,2026-03,1,22,22,1,2\n", encoding="utf-8")
    result = load_statistics(tmp_path)
    assert result.problems == []
    return result


def section(statistics, language="vi", url="thong-ke/"):
    page = SimpleNamespace(meta={"dashboard": True}, url=url)
    project = SimpleNamespace(results=Results(statistics, ChartSet([])))
    return page_section(page, language, project)


def test_participation_is_sorted_highest_first_and_activity_follows_the_months(statistics):
    participation, activity = result_charts(statistics)
    assert (participation.id, activity.id) == (PARTICIPATION, ACTIVITY)
    assert [(b.label.vi, b.value) for b in participation.spec.bars] == [("Trường Tiểu học Bình Minh", 100.0), ("Chi bộ Văn phòng", 90.0)]
    assert [c.vi for c in activity.spec.categories] == ["2/2026", "3/2026"]
    assert [s.values for s in activity.spec.series] == [[1, 1], [2, 4], [0, 3]]
    assert not participation.spec.sample  # the sample unit did not report


def test_section_lists_totals_missing_units_and_a_complete_table(statistics, monkeypatch):
    monkeypatch.setenv("WARDPUB_TODAY", "2026-11-28")
    html = section(statistics)
    assert "<strong>2/3</strong> đơn vị đã gửi báo cáo tháng 3/2026" in html
    assert "<strong>95%</strong> cán bộ, đảng viên đã học tập, quán triệt (40/42 người)" in html
    # The deadline is worded for the day of the build: past by November.
    assert 'Báo cáo tháng 3/2026: <span class="ward-dated ward-dated--past">đã hết hạn ngày <time datetime="2026-04-15">15/4/2026</time></span>.' in html
    monkeypatch.setenv("WARDPUB_TODAY", "2026-04-10")
    assert 'Báo cáo tháng 3/2026: <span class="ward-dated ward-dated--ahead">hạn <time' in section(statistics)
    assert re.search(r'<ul class="ward-missing">\n<li>Trung tâm Phục vụ hành chính công', html)
    table = html[html.index('<table class="ward-units"'):]
    rows = re.findall(r"<tr><th scope=\"row\" data-sort=\"([^\"]+)\"", table)
    assert rows == ["Trường Tiểu học Bình Minh", "Chi bộ Văn phòng", "Trung tâm Phục vụ hành chính công"]  # by rate, unreported last
    assert table.count('aria-sort="descending"') == 1 and "Chưa báo cáo" in table
    assert "Số liệu mẫu" not in html  # no sample unit reported: no banner


def test_sample_figures_are_labelled(statistics):
    statistics.registry.units["cb-van-phong"] = statistics.registry.units["cb-van-phong"].model_copy(update={"sample": True})
    statistics.__dict__.pop("units", None)
    html = section(statistics, "en", "en/thong-ke/")
    assert '<p class="admonition-title">Sample figures</p>' in html
    assert 'Office Party cell <span class="ward-sample-tag">sample</span>' in html
    assert all(c.spec.sample for c in result_charts(statistics))


def test_schema_documents_every_column_in_both_languages(statistics):
    html = section(statistics, "en", "en/thong-ke/")
    for column in COLUMNS:
        assert f'<th scope="row"><code>{column.key}</code></th><td lang="vi">{column.vi}</td><td lang="en">{column.en}</td>' in html
    assert 'href="../../thong-ke/mau-bao-cao.csv" download' in html


def test_no_reports_yet(tmp_path):
    shutil.copy(DATA / "don-vi.yml", tmp_path / "don-vi.yml")
    html = section(load_statistics(tmp_path))
    assert "Chưa có đơn vị nào gửi số liệu." in html and "ward-units" not in html
    assert html.count("<li>") == 3  # every unit is still to report


def test_other_pages_get_nothing(statistics):
    page = SimpleNamespace(meta={"category": "mo-hinh-hay"}, url="nghi-quyet-71/mo-hinh-hay/")
    assert page_section(page, "vi", SimpleNamespace(results=Results(statistics, ChartSet([])))) == ""


def test_built_dashboard_in_both_languages(site):
    vi = (site / "thong-ke/index.html").read_text(encoding="utf-8")
    en = (site / "en/thong-ke/index.html").read_text(encoding="utf-8")
    assert "Số liệu mẫu" in vi and "Sample figures" in en  # the shipped figures are samples, said so
    assert '<img src="../charts/ty-le-hoc-tap-theo-don-vi/ty-le-hoc-tap-theo-don-vi-vi.svg"' in vi
    assert '<img src="../../charts/hoat-dong-theo-thang/hoat-dong-theo-thang-en.svg"' in en
    assert 'assets/javascripts/sortable-table.js" defer></script>' in vi
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "sortable-table.js" not in home  # only the dashboard loads the script
    assert 'href="../thong-ke/mau-bao-cao.csv" download' in vi


def test_published_template_and_data_read_back(site):
    template = (site / "thong-ke/mau-bao-cao.csv").read_bytes()
    assert template.startswith(b"\xef\xbb\xbf")
    assert next(csv.reader(io.StringIO(template.decode("utf-8-sig")))) == [c.vi for c in COLUMNS]
    data = list(csv.DictReader(io.StringIO((site / "thong-ke/so-lieu.csv").read_text(encoding="utf-8"))))
    assert data and set(data[0]) == {c.key for c in COLUMNS}
