"""wardpub.media.charts and wardpub.media.chartdraw: specs, rendering, cache, manifest, the figure on a page."""

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from PIL import Image

from wardpub import PROJECT_ROOT
from wardpub.cache import ContentCache
from wardpub.media.chartdraw import FORMATS, MissingGlyph, draw
from wardpub.media.charts import Chart, ChartSet, ChartSpec, load_charts, manifest, render, render_all, resolve
from wardpub.site.chart_pages import table_html
from wardpub.data.registries import load_registries
from wardpub.data.ward import load_ward

BUDGET = {
    "type": "bars", "category": "chuong-trinh-chinh-sach", "unit": "percent", "scale_max": 100, "source": [6, 23],
    "title": {"vi": "Chi ngân sách cho giáo dục", "en": "Budget for education"},
    "description": {"vi": "Tối thiểu 20% tổng chi ngân sách.", "en": "At least 20% of total spending."},
    "bars": [
        {"label": {"vi": "Giáo dục và đào tạo", "en": "Education and training"}, "value": 20, "qualifier": "at-least"},
        {"label": {"vi": "Trong đó: đầu tư", "en": "Of which: investment"}, "value": 5, "qualifier": "at-least", "level": 1},
    ],
}


@pytest.fixture(scope="module")
def registries():
    return load_registries()


@pytest.fixture(scope="module")
def ward():
    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    return load_ward(dict(config.extra))[0]


def chart(spec=BUDGET, ident="ngan-sach") -> Chart:
    return Chart(ident, ChartSpec.model_validate(spec), f"docs/_data/charts/{ident}.yml")


def write_spec(folder: Path, name: str, spec: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")


BAD_SPECS = [
    pytest.param({**BUDGET, "bars": []}, "a.yml: (tệp): biểu đồ loại bars cần mục `bars`. Sửa: thêm `bars:` với ít nhất một mục",
                 id="no-bars"),
    pytest.param({**BUDGET, "source": [999]}, "a.yml: source: không có nguồn số 999 trong docs/_data/sources.yml. "
                 "Sửa: sửa số nguồn hoặc thêm nguồn vào sources.yml", id="unknown-source"),
    pytest.param({**BUDGET, "source": []}, "a.yml: (tệp): thiếu nguồn của số liệu. Sửa: thêm `source: [số nguồn]` theo docs/_data/sources.yml",
                 id="no-source"),
    pytest.param({**BUDGET, "category": "khong-co"}, "a.yml: category: “khong-co” không có trong docs/_data/categories.yml", id="unknown-category"),
    pytest.param({**BUDGET, "title": {"vi": "Ngân sách ★", "en": "Budget"}},
                 "a.yml: title.vi: phông Be Vietnam Pro không có chữ “★” (U+2605) nên không vẽ được. Sửa: thay bằng chữ khác (ví dụ ≥, –, •) hoặc xóa",
                 id="glyph-missing"),
    pytest.param({**BUDGET, "type": "pie"}, "a.yml: type: “pie” giá trị không hợp lệ. Sửa: chọn một trong: 'bars', 'timeline' or 'columns'", id="unknown-type"),
    pytest.param({**BUDGET, "bars": [{**BUDGET["bars"][0], "value": -1}]}, "a.yml: bars.0.value: “-1” nhỏ hơn mức cho phép. Sửa: tăng giá trị",
                 id="negative-value"),
    pytest.param({"type": "columns", "title": BUDGET["title"], "description": BUDGET["description"], "source": [6],
                  "categories": [{"vi": "T1", "en": "Jan"}], "series": [{"name": {"vi": "A", "en": "A"}, "values": [1, 2]}]},
                 "a.yml: (tệp): dãy “A” có 2 số nhưng có 1 nhóm. Sửa: viết mỗi dãy đúng một số cho mỗi nhóm trong `categories`",
                 id="series-length"),
]


@pytest.mark.parametrize("spec, message", BAD_SPECS)
def test_bad_spec_is_one_line_naming_file_and_field(tmp_path, monkeypatch, registries, spec, message):
    monkeypatch.chdir(tmp_path)
    write_spec(tmp_path, "a", spec)
    problems = load_charts(tmp_path, registries).problems
    assert len(problems) == 1 and str(problems[0]).startswith(message)


def test_project_charts_are_valid_and_cover_the_fact_sheet(registries):
    charts = load_charts(registries=registries)
    assert charts.problems == []
    ids = {c.id for c in charts.charts}
    assert {"moc-muc-tieu", "ngan-sach-giao-duc", "phu-cap-nha-giao", "chuong-trinh-muc-tieu-quoc-gia", "xep-hang-dai-hoc"} <= ids
    values = {c.id: [b.value for b in c.spec.bars] for c in charts.charts}
    assert values["ngan-sach-giao-duc"] == [20, 5, 3]
    assert values["phu-cap-nha-giao"] == [45, 40, 20, 70, 30, 100]  # the draft first phase, then the targets
    assert values["chuong-trinh-muc-tieu-quoc-gia"] == [580133, 174673, 100000]
    assert [b.level for b in charts.get("chuong-trinh-muc-tieu-quoc-gia").spec.bars] == [0, 1, 2]  # nested, not a sum
    assert values["xep-hang-dai-hoc"] == [8, 1, 2, 5]
    assert all(c.spec.source for c in charts.charts if not c.spec.sample)


def test_numbers_and_words_follow_the_language(registries, ward):
    spec = yaml.safe_load((PROJECT_ROOT / "docs/_data/charts/chuong-trinh-muc-tieu-quoc-gia.yml").read_text(encoding="utf-8"))
    vi = resolve(chart(spec, "ctmtqg"), "vi", registries, ward, "https://example.gov.vn/nq71/")
    en = resolve(chart(spec, "ctmtqg"), "en", registries, ward, "https://example.gov.vn/nq71/")
    assert [r.text for r in vi.rows] == ["khoảng 580.133", "174.673", "100.000"]
    assert [r.text for r in en.rows] == ["about 580,133", "174,673", "100,000"]
    assert vi.rows[0].table_text == "Khoảng 580.133" and vi.value_heading == "Mức (tỷ đồng)"
    assert (vi.address, en.address) == ("example.gov.vn/nq71", "example.gov.vn/nq71/en")
    assert vi.source_line == "Nguồn: VietnamPlus (8/1/2026); Lao Động"
    budget = resolve(chart(), "vi", registries, ward)
    assert [r.text for r in budget.rows] == ["≥ 20%", "≥ 5%"] and budget.rows[0].table_text == "Tối thiểu 20%"


def test_same_chart_gives_the_same_bytes_twice(tmp_path, registries, ward):
    first = [render(chart(), "vi", fmt, registries, ward, "", ContentCache("c", tmp_path / "a")) for fmt in FORMATS]
    second = [render(chart(), "vi", fmt, registries, ward, "", ContentCache("c", tmp_path / "b")) for fmt in FORMATS]
    for a, b in zip(first, second):
        assert a.made and b.made and a.path.read_bytes() == b.path.read_bytes(), a.format
    svg = first[0].path.read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg  # no date, no software stamp


def test_share_images_have_the_platform_sizes(tmp_path, registries, ward):
    for fmt, size in (("1200x630", (1200, 630)), ("1080x1080", (1080, 1080))):
        file = render(chart(), "en", fmt, registries, ward, "", ContentCache("c", tmp_path))
        image = Image.open(io.BytesIO(file.path.read_bytes()))
        assert image.size == size and "Software" not in image.info


def test_svg_names_itself_for_screen_readers(tmp_path, registries, ward):
    svg = render(chart(), "vi", "svg", registries, ward, "", ContentCache("c", tmp_path)).path.read_text(encoding="utf-8")
    opening = re.search(r"<svg\b[^>]*>", svg).group(0)
    assert 'role="img"' in opening and 'lang="vi"' in opening
    assert 'aria-labelledby="chart-ngan-sach-vi-title chart-ngan-sach-vi-desc"' in opening
    assert '<title id="chart-ngan-sach-vi-title">Chi ngân sách cho giáo dục</title>' in svg
    assert ('<desc id="chart-ngan-sach-vi-desc">Tối thiểu 20% tổng chi ngân sách. '
            "Giáo dục và đào tạo: Tối thiểu 20%. Trong đó: đầu tư: Tối thiểu 5%.</desc>") in svg


def test_the_table_beside_the_chart_has_the_same_numbers(registries, ward):
    html = table_html(resolve(chart(), "en", registries, ward))
    assert "<caption>The chart's figures</caption>" in html
    assert '<th scope="row">Education and training</th><td class="ward-num">At least 20%</td>' in html
    assert '<th scope="row">Of which: investment</th><td class="ward-num">At least 5%</td>' in html


def test_a_glyph_the_font_lacks_is_an_error_not_a_box(registries, ward):
    """The renderer's own guard, behind validation: matplotlib only warns."""
    resolved = resolve(chart({**BUDGET, "title": {"vi": "Ngân sách ✓", "en": "Budget ✓"}}), "vi", registries, ward)
    with pytest.raises(MissingGlyph, match="missing from font"):
        draw(resolved, FORMATS["1200x630"])


def test_no_change_renders_nothing_and_a_change_renders_only_its_chart(tmp_path, registries, ward):
    cache = ContentCache("c", tmp_path)
    other = {**BUDGET, "title": {"vi": "Một biểu đồ khác", "en": "Another chart"}}
    charts = ChartSet([chart(), chart(other, "khac")])
    assert sum(f.made for f in render_all(charts, registries, ward, "", cache)) == 12
    assert sum(f.made for f in render_all(charts, registries, ward, "", cache)) == 0
    changed = {**BUDGET, "bars": [{**BUDGET["bars"][0], "value": 21}]}
    made = [f for f in render_all(ChartSet([chart(changed), chart(other, "khac")]), registries, ward, "", cache) if f.made]
    assert {f.chart for f in made} == {"ngan-sach"} and len(made) == 6
    # A new site address redraws the shared images (they print it), never the site's SVG.
    made = [f for f in render_all(charts, registries, ward, "https://phuong.gov.vn/", cache) if f.made]
    assert {f.format for f in made} == {"1200x630", "1080x1080"}


def test_manifest_lists_every_chart_with_its_files(tmp_path, registries, ward):
    charts = ChartSet([chart()])
    data = json.loads(manifest(charts, render_all(charts, registries, ward, "", ContentCache("c", tmp_path))))
    (entry,) = data["charts"]
    assert entry["id"] == "ngan-sach" and entry["sources"] == [6, 23] and entry["sample"] is False
    assert entry["files"]["vi"] == {"svg": "charts/ngan-sach/ngan-sach-vi.svg",
                                    "1200x630": "charts/ngan-sach/ngan-sach-1200x630-vi.png",
                                    "1080x1080": "charts/ngan-sach/ngan-sach-1080x1080-vi.png"}
    assert set(entry["files"]["en"]) == {"svg", "1200x630", "1080x1080"}


def test_charts_appear_on_their_content_page_in_both_languages(site):
    page = (site / "nghi-quyet-71/chuong-trinh-chinh-sach/index.html").read_text(encoding="utf-8")
    assert '<img src="../../charts/ngan-sach-giao-duc/ngan-sach-giao-duc-vi.svg" alt="Biểu đồ thanh: giáo dục' in page
    assert 'href="../../charts/ngan-sach-giao-duc/ngan-sach-giao-duc-1200x630-vi.png" download' in page
    # The chart's sources are cited and listed (numbered on the page: source 6 of sources.yml is one of them).
    listed = re.search(r'<li id="src-(\d+)">[^<]*<a href="' + re.escape(load_registries().sources[6].url) + '"', page)
    assert listed and f'href="#src-{listed.group(1)}"' in page
    english = (site / "en/nghi-quyet-71/chuong-trinh-chinh-sach/index.html").read_text(encoding="utf-8")
    assert '<img src="../../../charts/ngan-sach-giao-duc/ngan-sach-giao-duc-en.svg"' in english
    assert "At least 20%" in english
    listed = json.loads((site / "charts/manifest.json").read_text(encoding="utf-8"))["charts"]
    assert len(listed) >= 7
    for entry in listed:
        for files in entry["files"].values():
            assert all((site / path).is_file() for path in files.values())
    assert not (site / "en/charts").exists()  # one copy, at the root


def test_shared_images_keep_every_text_at_the_floor_and_say_sample_once(tmp_path, registries, ward):
    cache = ContentCache("c", tmp_path)
    sample = {**BUDGET, "sample": True, "source": [], "source_note": {"vi": "báo cáo của các đơn vị", "en": "the units' reports"}}
    for fmt, floor in (("1200x630", 26), ("1080x1080", 28)):
        file = render(chart(sample), "vi", fmt, registries, ward, "https://example.gov.vn/nq71/", cache)
        sizes = [block["size"] for block in file.texts]
        assert sizes and min(sizes) >= floor, (fmt, sizes)
        said = " ".join(line for block in file.texts for line in block["lines"])
        assert said.lower().count("số liệu mẫu") == 1
    english = render(chart(), "en", "1080x1080", registries, ward, "", cache)
    assert any(line.startswith("Sources: ") for block in english.texts for line in block["lines"])
    one = render(chart({**BUDGET, "source": [6]}), "en", "1080x1080", registries, ward, "", cache)
    assert any(line.startswith("Source: ") for block in one.texts for line in block["lines"])


def test_a_chart_too_long_for_a_link_preview_is_not_offered_in_that_format(tmp_path, registries, ward):
    rows = [{"label": {"vi": f"Đơn vị số {n} của phường, một tên khá dài", "en": f"Unit number {n} of the ward"}, "value": n}
            for n in range(1, 16)]
    long = chart({**BUDGET, "bars": rows, "scale_max": None, "unit": "number"}, "dai")
    cache = ContentCache("c", tmp_path)
    assert render(long, "vi", "1200x630", registries, ward, "", cache) is None
    assert render(long, "vi", "1200x630", registries, ward, "", cache) is None  # remembered, not measured again
    assert render(long, "vi", "svg", registries, ward, "", cache) is not None


def test_milestone_dots_are_drawn_above_their_line(registries, ward):
    from wardpub.media.chartdraw import Canvas, draw_timeline

    spec = yaml.safe_load((PROJECT_ROOT / "docs/_data/charts/moc-muc-tieu.yml").read_text(encoding="utf-8"))
    resolved = resolve(chart(spec, "moc"), "vi", registries, ward)
    canvas = Canvas(5.0, 8.0, 72)
    draw_timeline(canvas, resolved, 0.1, 7.9, 4.8, 1.0)
    line = max(l.get_zorder() for l in canvas.ax.lines)
    assert all(dot.get_zorder() > line for dot in canvas.ax.patches)
