"""wardpub.data.figures: every figure carries its source, and the allowance target its roadmap.

The rules are tested both ways on small inputs, then held against the whole
project: every page, article, infographic spec and chart.
"""

import pytest

from sites import article, minimal_pages, news_index, page
from wardpub import DOCS_DIR, PROJECT_ROOT
from wardpub.media.charts import Chart, ChartSpec
from wardpub.data.figures import ALLOWANCE_ROADMAP, blocks, chart_problems, context_problems, figures_in, markdown_problems, spec_problems
from wardpub.media.infographics.specs import Spec, load_kit
from wardpub.data.pages import read_markdown
from wardpub.data.registries import load_registries
from wardpub.project import check_project, markdown_files


@pytest.mark.parametrize("text, found", [
    ("tối thiểu 20% tổng chi", ["20%"]),
    ("khoảng 580.133 tỷ đồng", ["580.133"]),
    ("about 580,133 billion dong, 100 tỷ", ["580,133", "100 tỷ"]),
    ("chỉ số trên 0,8 và 0.85", ["0,8", "0.85"]),
    ("hơn 1,2 triệu cán bộ", ["1,2 triệu"]),
    ("12 %", ["12 %"]),
    ("Ngày 22/8/2025, Nghị quyết 71-NQ/TW, Quyết định 3588/QĐ-BGDĐT, năm 2030, 2026–2027", []),
    ("mức 20% [src:6,23] và [liên kết](https://a.vn/bai-20%25-1.200)", ["20%"]),
    ("WCAG 2.2, màn hình 360 px, 8 nhóm, 76 nhiệm vụ", []),
])
def test_what_counts_as_a_figure(text, found):
    assert figures_in(text) == found


def test_blocks_are_paragraphs_list_items_rows_and_headings():
    body = "Đoạn một\ncòn tiếp.\n\n- Mục một\n  tiếp mục một\n- Mục hai\n\n| a | b |\n|---|---|\n\n## Tên mục\n"
    assert [text for _, text in blocks(body)] == [
        "Đoạn một\ncòn tiếp.\n", "- Mục một\n  tiếp mục một\n", "- Mục hai\n", "| a | b |\n", "|---|---|\n", "## Tên mục\n"]


BAD = [
    pytest.param({"docs/a.vi.md": page(body="Giáo dục được tối thiểu 20% tổng chi ngân sách."), "docs/a.en.md": page()},
                 "docs/a.vi.md:6: số liệu “20%”: số liệu không ghi nguồn. Sửa: thêm [src:N]", id="unsourced-figure"),
    pytest.param({"docs/a.vi.md": page(body="## Mức 70% cho giáo viên\n\nMục tiêu [src:7]."), "docs/a.en.md": page()},
                 "docs/a.vi.md:6: số liệu “70%”: số liệu không ghi nguồn", id="unsourced-heading"),
    pytest.param({"docs/a.vi.md": page(body="Phụ cấp ưu đãi nghề tối thiểu 70% cho giáo viên [src:7,9]."), "docs/a.en.md": page()},
                 "docs/a.vi.md:6: phụ cấp 70% / 30% / 100%: nêu mức phụ cấp ưu đãi nghề của Nghị quyết (70%, 30%, 100%) mà không nêu lộ trình",
                 id="allowance-without-roadmap"),
    pytest.param({"docs/tin-tuc/2025/tin-thu.vi.md": article(date="2025-12-10", body="Phụ cấp tối thiểu 30% cho nhân viên [src:7].")},
                 "docs/tin-tuc/2025/tin-thu.vi.md:11: phụ cấp 70% / 30% / 100%", id="allowance-in-article"),
]


@pytest.mark.parametrize("files, expected", BAD)
def test_figure_mistake_stops_the_build_with_one_line(make_site, files, expected):
    lines = make_site({**minimal_pages(), **news_index(), **files}).failure_lines()
    assert any(line.startswith(expected) for line in lines), lines


def _source(tmp_path, body, meta="title: A\ndescription: B\n"):
    path = tmp_path / "a.vi.md"
    path.write_text(f"---\n{meta}---\n\n{body}\n", encoding="utf-8")
    return read_markdown(path)


def test_a_quoted_false_claim_is_not_the_sites_figure(tmp_path):
    body = ('!!! warning myth "Thông tin sai"\n\n    Nghị quyết chỉ dành 5% ngân sách cho giáo dục.\n\n'
            '!!! tip "Sự thật"\n\n    Tối thiểu 20% tổng chi ngân sách [src:6,23].\n')
    assert markdown_problems(_source(tmp_path, body)) == []
    unmarked = body.replace("warning myth", "warning")
    assert [p.field for p in markdown_problems(_source(tmp_path, unmarked))] == ["số liệu “5%”"]


ROADMAP = "Bộ đề xuất tăng 15 điểm phần trăm trong 2026–2030, áp dụng mức của Nghị quyết từ năm 2031 [src:63]."


@pytest.mark.parametrize("body, broken", [
    ("Phụ cấp ưu đãi nghề tối thiểu 70% cho giáo viên [src:7].", True),
    ("Phụ cấp ưu đãi nghề tối thiểu 70% cho giáo viên [src:7]. " + ROADMAP, False),
    ("Phụ cấp tối thiểu 70% [src:7]. Áp dụng mức của Nghị quyết từ năm 2031 [src:7].", True),  # 2031 without a roadmap source
    ("Phụ cấp tối thiểu 70% [src:7]. Bộ đã đề xuất lộ trình [src:63].", True),  # a roadmap source without the year
    ("100% trường đại học đạt chuẩn [src:5].", False),  # a 100% that is not an allowance
    ("At least 70% occupational allowance [src:7]. The Ministry proposed the resolution's levels from 2031 [src:64].", False),
    ('!!! warning myth "Thông tin sai"\n\n    Từ năm 2026, giáo viên được phụ cấp ít nhất 70%.\n', True),  # a myth needs its fact
])
def test_the_allowance_target_needs_its_roadmap_on_a_page(tmp_path, body, broken):
    problems = [p for p in markdown_problems(_source(tmp_path, body)) if p.field == ALLOWANCE_ROADMAP.name]
    assert bool(problems) == broken


def test_a_roadmap_source_listed_in_front_matter_counts(tmp_path):
    body = "Phụ cấp tối thiểu 70% [src:7]. Áp dụng từ năm 2031."
    listed = _source(tmp_path, body, "title: A\ndescription: B\nsources: [63]\n")
    assert [p.field for p in markdown_problems(listed)] == []


def _spec(**changes) -> Spec:
    data = {
        "id": "thu", "category": "chuong-trinh-chinh-sach", "template": "key-figure",
        "title": {"vi": "Phụ cấp ưu đãi nghề", "en": "Occupational allowances"},
        "figures": [{"value": "≥ 70%", "label": {"vi": "cho giáo viên", "en": "for teachers"}, "sources": [7]}],
        "alt": {"vi": "Phụ cấp 70%.", "en": "A 70% allowance."},
        "caption": {"vi": "Phụ cấp 70%.", "en": "A 70% allowance."},
        "hashtags": {"vi": ["NghiQuyet71"], "en": ["Resolution71"]},
    }
    data.update(changes)
    return Spec.model_validate(data)


def test_a_spec_showing_the_allowance_needs_the_roadmap_both_ways():
    assert [p.field for p in spec_problems(_spec(), "infographics/thu.yml")] == [ALLOWANCE_ROADMAP.name]
    with_roadmap = _spec(kicker={"vi": "Bộ đề xuất áp dụng từ năm 2031", "en": "Proposed from 2031"},
                         figures=[{"value": "≥ 70%", "label": {"vi": "giáo viên", "en": "teachers"}, "sources": [7, 63]}])
    assert spec_problems(with_roadmap, "infographics/thu.yml") == []


def test_a_caption_states_only_figures_the_image_shows():
    spec = _spec(title={"vi": "Ngân sách", "en": "Budget"},
                 figures=[{"value": "≥ 20%", "label": {"vi": "tổng chi", "en": "of spending"}, "sources": [6]}],
                 alt={"vi": "Tối thiểu 20%.", "en": "At least 20%."},
                 caption={"vi": "Tối thiểu 20%, trong đó 5% cho đầu tư.", "en": "At least 20%."})
    problems = spec_problems(spec, "infographics/thu.yml")
    assert [(p.field, p.message) for p in problems] == [("caption.vi", "số liệu “5%” không có trên ảnh nên không có nguồn đi kèm")]


def test_a_figure_drawn_without_any_source_is_refused():
    spec = _spec(template="points", title={"vi": "Tiêu chí", "en": "Criteria"}, figures=[],
                 points=[{"text": {"vi": "Ít nhất 80% đơn vị tham gia", "en": "At least 80% of units take part"}}],
                 source_note={"vi": "hướng dẫn của phường", "en": "the ward's guidance"},
                 alt={"vi": "Tiêu chí.", "en": "Criteria."}, caption={"vi": "Tiêu chí.", "en": "Criteria."})
    assert [p.field for p in spec_problems(spec, "infographics/thu.yml")] == ["points.0.text.vi", "points.0.text.en"]


def _chart(**changes) -> Chart:
    data = {"type": "bars", "title": {"vi": "Phụ cấp ưu đãi nghề", "en": "Occupational allowances"},
            "description": {"vi": "Biểu đồ thanh.", "en": "Bar chart."}, "unit": "percent", "source": [7],
            "bars": [{"label": {"vi": "Giáo viên", "en": "Teachers"}, "value": 70, "qualifier": "at-least"}]}
    data.update(changes)
    return Chart("thu", ChartSpec.model_validate(data), "docs/_data/charts/thu.yml")


def test_a_chart_of_the_allowance_needs_the_roadmap_both_ways():
    assert [p.field for p in chart_problems(_chart())] == [ALLOWANCE_ROADMAP.name]
    fixed = _chart(note={"vi": "Mục tiêu; Bộ đề xuất áp dụng từ năm 2031.", "en": "A target; proposed from 2031."}, source=[7, 63])
    assert chart_problems(fixed) == []
    assert chart_problems(_chart(title={"vi": "Tỷ lệ học sinh", "en": "Share of pupils"})) == []


def test_context_rules_name_the_file_and_the_fix():
    [problem] = context_problems("x.yml", "phụ cấp 70%", [7])
    assert str(problem).startswith("x.yml: phụ cấp 70% / 30% / 100%: nêu mức phụ cấp ưu đãi nghề")
    assert "2031" in problem.fix and "[src:63]" in problem.fix


def test_every_figure_of_the_project_is_sourced_and_in_context():
    """The real pages, articles, specs and charts: no figure without a source, no allowance without its roadmap."""
    for path in markdown_files(DOCS_DIR):
        assert markdown_problems(read_markdown(path)) == [], path
    registries = load_registries()
    kit, problems = load_kit(PROJECT_ROOT / "infographics", registries)
    assert problems == []
    for spec_id, spec in kit.specs.items():
        assert spec_problems(spec, kit.files[spec_id]) == [], spec_id
    project = check_project({})
    for chart in project.results.charts.charts:
        assert chart_problems(chart) == [], chart.id


def test_the_allowance_figures_appear_with_the_roadmap_where_readers_meet_them():
    """The rule is not vacuous: the allowance really is shown on pages, an infographic and a chart."""
    shown = [p for p in markdown_files(DOCS_DIR) if ALLOWANCE_ROADMAP.applies(read_markdown(p).body)]
    assert len(shown) >= 10
    kit, _ = load_kit(PROJECT_ROOT / "infographics", load_registries())
    specs = [i for i, s in kit.specs.items() if ALLOWANCE_ROADMAP.applies(" ".join(t for _, _, t in s.texts()))]
    assert {"phu-cap-nha-giao", "tin-sai-phu-cap-70-tu-2026"} <= set(specs)
