"""wardpub.media.infographics.specs and .content: what editors write, and the one line each mistake gives.

Failure cases are whole small projects (Hugo's style): the project's templates
and one spec, run through `wardpub infographics` (and once through a build),
each expecting its exact line, a non-zero exit and nothing rendered.
"""

import unicodedata

import pytest

from infographic_kits import dump, kit_site, spec
from sites import minimal_pages
from wardpub import PROJECT_ROOT, cli
from wardpub.media.infographics.specs import load_kit, number_style_problems
from wardpub.site.publish import BuildFailed
from wardpub.data.registries import load_registries

F = "infographics/ngan-sach.yml"

BAD_SPECS = [
    pytest.param(dump(spec(alt=None)), f"{F}: alt: thiếu trường bắt buộc. Sửa: thêm trường này", id="missing-field"),
    pytest.param(
        dump(spec(template="bang-xep-hang")),
        f"{F}: template: không có mẫu “bang-xep-hang” trong infographics/templates/. Sửa: dùng một trong: key-figure, myth-fact, points, quote, timeline",
        id="unknown-template"),
    pytest.param(
        dump(spec(figures=[{"value": "≥ 20%", "label": {"vi": "tổng chi", "en": "of spending"}, "sources": [999]}])),
        f"{F}: figures.0.sources: không có nguồn số 999 trong docs/_data/sources.yml. Sửa: sửa số nguồn hoặc thêm nguồn vào sources.yml",
        id="unknown-source"),
    pytest.param(
        dump(spec(colours={"background": "đỏ tươi"})),
        f"{F}: colours.background: “đỏ tươi” không phải tên màu thương hiệu hay mã #rrggbb. "
        "Sửa: dùng một trong: primary, primary_dark, accent, text, link, hoặc mã dạng \"#a50e14\"",
        id="bad-colour"),
    pytest.param(
        dump(spec(title={"vi": "Ngân sách nhà nước dành cho giáo dục và đào tạo " * 6, "en": "The education budget"})),
        f"{F}: title.vi: không vừa khung ở khổ 1080x1080 (tràn 230 px), 1080x1350 (tràn 184 px), 1080x1920 (tràn 265 px), "
        "1200x630 (tràn 273 px) theo chiều cao, ở cỡ chữ nhỏ nhất 34 px. Sửa: rút gọn khoảng 125 ký tự",
        id="text-cannot-fit"),
    pytest.param(
        dump(spec(figures=[{"value": {"vi": "20% → 25%", "en": "20% to 25%"}, "label": {"vi": "tổng chi", "en": "of spending"}, "sources": [6]}])),
        f"{F}: figures.0.value.vi: phông chữ không có ký tự “→” (U+2192). Sửa: thay bằng ký tự khác (ví dụ “→” bằng “-”, “✓” bằng chữ) hoặc xóa",
        id="character-the-font-lacks"),
    pytest.param(
        "id: ngan-sach\ntitle: {vi: \"Ngân sách\", en: [\n",
        f"{F}:3: YAML: lỗi cú pháp YAML (did not find expected node content). Sửa: kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng này",
        id="bad-yaml"),
    pytest.param(
        dump(spec(category="tin-vui")),
        f"{F}: category: “tin-vui” không phải nội dung tuyên truyền có trang riêng trong docs/_data/categories.yml. Sửa: chọn một trong: "
        "muc-tieu-quan-diem, diem-moi-dot-pha, vai-tro-to-chuc-dang, chuong-trinh-chinh-sach, mo-hinh-hay, binh-dan-hoc-vu-so, phan-bac-thong-tin-sai",
        id="unknown-category"),
    pytest.param(
        dump(spec(myth={"vi": "Tin đồn", "en": "Rumour"})),
        f"{F}: myth: mẫu “key-figure” không dùng trường này. Sửa: xóa trường, hoặc chọn mẫu khác; mẫu này dùng: kicker, title, figures",
        id="slot-the-template-does-not-draw"),
    pytest.param(
        dump(spec(figures=[{"value": f"{n}%", "label": {"vi": "a", "en": "b"}, "sources": [6]} for n in range(4)])),
        f"{F}: figures: mẫu “key-figure” cần từ 1 đến 3 mục, tệp có 4. Sửa: thêm hoặc bớt mục, hoặc chia thành hai infographic",
        id="too-many-figures"),
    pytest.param(
        dump(spec(id="ngan-sach-2")),
        f"{F}: id: “ngan-sach-2” khác tên tệp “ngan-sach.yml”. Sửa: đặt id: ngan-sach hoặc đổi tên tệp",
        id="id-not-file-name"),
    pytest.param(
        dump(spec(figures=[{"value": {"vi": "580,133 tỷ đồng", "en": "VND 580,133 billion"}, "label": {"vi": "tổng vốn", "en": "in total"}, "sources": [48]}])),
        f"{F}: figures.0.value.vi: “580,133”: dấu phẩy ngăn hàng nghìn là kiểu tiếng Anh. Sửa: viết 580.133 (tiếng Việt dùng dấu chấm ngăn hàng nghìn)",
        id="english-number-in-vietnamese"),
    pytest.param(
        dump(spec(figures=[{"value": "20%", "label": {"vi": "tổng chi", "en": "of spending"}}])),
        f"{F}: figures.0.sources: thiếu trường bắt buộc. Sửa: thêm trường này",
        id="figure-without-source"),
    pytest.param(
        dump({**spec(), "tittle": "x"}),
        f"{F}: tittle: trường không được hỗ trợ (viết sai tên?). Sửa: xóa hoặc sửa tên trường cho đúng",
        id="misspelt-field"),
    pytest.param(
        dump(spec(title={"vi": unicodedata.normalize("NFD", "Ngân sách"), "en": "Budget"})),
        f"{F}:5: (văn bản): chữ có dấu được gõ ở dạng tổ hợp (không phải Unicode NFC). "
        "Sửa: chạy `make fix-unicode` hoặc gõ lại dòng này bằng bộ gõ Unicode dựng sẵn",
        id="decomposed-unicode"),
    pytest.param(
        dump(spec(hashtags={"vi": ["Nghị quyết 71"], "en": ["Resolution71"]})),
        f"{F}: hashtags.vi: hashtag “Nghị quyết 71” có dấu cách hoặc ký tự đặc biệt. Sửa: viết liền, ví dụ NghiQuyet71",
        id="hashtag-with-spaces"),
]


@pytest.mark.parametrize("text, expected", BAD_SPECS)
def test_bad_spec_gives_its_one_line_and_a_non_zero_exit(make_site, capsys, text, expected):
    site = kit_site(make_site, {"ngan-sach": text})
    status = cli.main(["infographics", "--config", str(site.root / "mkdocs.yml")])
    lines = capsys.readouterr().err.splitlines()
    assert status == 1
    assert lines[0] == expected
    assert lines[1:] == ["Chưa vẽ ảnh nào: hãy sửa các lỗi trên. (Nothing rendered: fix the lines above.)"]


def test_build_refuses_a_bad_spec_and_keeps_the_previous_site(make_site):
    previous = make_site.root / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous good site")
    site = kit_site(make_site, {"ngan-sach": dump(spec(colours={"background": "red"}))})
    with pytest.raises(BuildFailed) as failure:
        site.build()
    assert str(failure.value).startswith(f"{F}: colours.background: “red” không phải tên màu")
    assert (previous / "index.html").read_text() == "previous good site"
    assert sorted(p.name for p in site.root.iterdir() if p.name.startswith(".site")) == []


def test_good_spec_renders_every_format_and_language(make_site, capsys):
    site = kit_site(make_site, {"ngan-sach": dump(spec())})
    assert cli.main(["infographics", "--config", str(site.root / "mkdocs.yml"), "--out", str(site.root / "out")]) == 0
    files = sorted(p.name for p in (site.root / "out" / "infographics" / "ngan-sach").iterdir())
    assert len(files) == 10 and files[0] == "ngan-sach-1080x1080-en.png" and files[-1] == "ngan-sach-1200x630-vi.png"
    assert [f for f in files if f.endswith(".webp")] == ["ngan-sach-1080x1080-en.webp", "ngan-sach-1080x1080-vi.webp"]
    assert (site.root / "out" / "infographics" / "manifest.json").is_file()
    assert "1 infographic, 8 ảnh" in capsys.readouterr().out


def test_project_kit_is_clean_and_covers_every_content_point():
    registries = load_registries()
    kit, problems = load_kit(PROJECT_ROOT / "infographics", registries)
    assert problems == []
    assert len(kit.specs) >= 12
    points = {key for key, category in registries.categories.items() if category.page}
    assert {spec.category for spec in kit.specs.values()} == points
    assert {spec.template for spec in kit.specs.values()} >= {"key-figure", "points", "timeline", "myth-fact", "quote"}
    for spec_ in kit.specs.values():
        assert spec_.source_ids() or spec_.source_note, spec_.id
        for figure in spec_.figures:
            assert figure.sources


def test_number_style_is_checked_in_both_languages():
    from wardpub.data.content import Content

    content = Content.model_validate({
        "title": {"vi": "Chỉ số 0.8 và 6,000 người", "en": "Index 0,8 and 6.000 people"},
        "figures": [{"value": {"vi": "≥ 20%", "en": "≥ 20%"}, "label": {"vi": "0,85 và 580.133", "en": "0.85 and 580,133"}, "sources": [3]}],
    })
    found = sorted(f"{p.field}: {p.message}" for p in number_style_problems(content, "x.yml"))
    assert found == [
        "title.en: “0,8”: dấu phẩy thập phân là kiểu tiếng Việt",
        "title.en: “6.000”: dấu chấm ngăn hàng nghìn là kiểu tiếng Việt",
        "title.vi: “0.8”: dấu chấm thập phân là kiểu tiếng Anh",
        "title.vi: “6,000”: dấu phẩy ngăn hàng nghìn là kiểu tiếng Anh",
    ]


def test_dates_document_numbers_and_years_are_not_numbers_in_the_wrong_style():
    from wardpub.data.content import Content

    content = Content.model_validate({"title": {"vi": "Ngày 22/8/2025, 28-KH/TU, 2026–2027, 71-NQ/TW", "en": "22 Aug 2025, 281/NQ-CP"}})
    assert number_style_problems(content, "x.yml") == []


def test_a_site_without_infographics_builds_as_before(make_site):
    site = make_site(minimal_pages()).build()
    assert not (site / "infographics").exists()
