"""wardpub.media.infographics.templates: templates are data, checked before anything is drawn.

Each case copies the project's templates, breaks one thing in one of them
and expects the line that names the file, the field and (when it differs
between formats) the format.
"""

import pytest
import yaml

from infographic_kits import copy_templates
from wardpub.media.infographics.templates import load_templates, merge_for_format


def broken(tmp_path, monkeypatch, name, change):
    monkeypatch.chdir(tmp_path)
    folder = copy_templates(tmp_path / "infographics")
    path = folder / "templates" / f"{name}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    templates, problems = load_templates(folder)
    return templates, [str(p) for p in problems]


def layer(data, slot):
    return next(layer for layer in data["layers"] if layer.get("slot") == slot)


CASES = [
    pytest.param("quote", lambda d: layer(d, "quote")["at"]["1080x1920"].update(box=[64, 150, 952, 480]),
                 "infographics/templates/quote.yml: layers.2.box: hộp [64, 150, 952, 480] ra ngoài vùng an toàn "
                 "(cách mép trên 250, phải 48, dưới 340, trái 48 px) (khổ 1080x1920). Sửa: dời lớp vào trong vùng an toàn",
                 id="text-in-the-stories-unsafe-area"),
    pytest.param("key-figure", lambda d: layer(d, "title")["at"]["1080x1080"].update(box=[64, 188, 952, 300]),
                 "infographics/templates/key-figure.yml: layers.2.box: hộp [56, 356, 968, 474] chồng lên lớp 1 [64, 188, 952, 300] "
                 "(khổ 1080x1080). Sửa: dời hoặc thu nhỏ một trong hai hộp",
                 id="boxes-overlap"),
    pytest.param("points", lambda d: d["palette"].update(rule="vàng nhạt"),
                 "infographics/templates/points.yml: palette.rule: “vàng nhạt” không phải tên màu thương hiệu hay mã #rrggbb. "
                 "Sửa: dùng một trong: primary, primary_dark, accent, text, link, hoặc mã dạng \"#a50e14\"",
                 id="bad-palette-colour"),
    pytest.param("timeline", lambda d: d["layers"][0].update(font="nghieng"),
                 "infographics/templates/timeline.yml: layers.0.font: không có phông “nghieng” trong fonts của mẫu. "
                 "Sửa: dùng một trong: regular, medium, bold, black",
                 id="unknown-font-role"),
    pytest.param("page-card", lambda d: d["fonts"].update(bold="BeVietnamPro-Heavy.ttf"),
                 "infographics/templates/page-card.yml: fonts.bold: không có tệp phông “BeVietnamPro-Heavy.ttf” trong bộ Be Vietnam Pro. "
                 "Sửa: viết tên tệp, ví dụ BeVietnamPro-Bold.ttf",
                 id="unknown-font-file"),
    pytest.param("myth-fact", lambda d: d.update(frame="khung-moi"),
                 "infographics/templates/myth-fact.yml: frame: không có khung (kind: frame) tên “khung-moi” trong infographics/templates/. "
                 "Sửa: dùng một trong: frame",
                 id="unknown-frame"),
    pytest.param("page-card", lambda d: d["layers"][2].update(text="{ward} {fax}"),
                 "infographics/templates/page-card.yml: layers.2.text: không có giá trị {fax}. Sửa: dùng một trong: "
                 "{address}, {category}, {committee}, {draft}, {email}, {n}, {number}, {phone}, {publication}, {site}, "
                 "{sources}, {total}, {ward}",
                 id="unknown-placeholder"),
    pytest.param("points", lambda d: d.update(formats={"1080x1080": {"safe": [36, 56, 16, 56]}}),
                 "infographics/templates/points.yml: formats: mẫu infographic phải có đủ bốn khổ, còn thiếu 1080x1350, 1200x630, 1080x1920. "
                 "Sửa: thêm khổ còn thiếu, kèm vùng an toàn (safe) và vị trí từng lớp",
                 id="missing-formats"),
    pytest.param("quote", lambda d: layer(d, "attribution").update(size="khong-co"),
                 "infographics/templates/quote.yml: layers.5.size: không có cỡ chữ “khong-co” trong type_scale (khổ 1080x1080). Sửa: dùng một trong: "
                 "display, headline, title, lead, body, label, small, quote, mark, hoặc một số px",
                 id="unknown-type-size-where-no-format-overrides-it"),
    pytest.param("points", lambda d: layer(d, "title")["at"]["1200x630"].update(min_size=20),
                 "infographics/templates/points.yml: layers.1.min_size: cỡ chữ nhỏ nhất 20 px dưới mức đọc được trên điện thoại "
                 "(26 px) (khổ 1200x630). Sửa: dùng cỡ từ 26 px trở lên, hoặc bớt chữ của lớp này",
                 id="text-below-the-formats-floor"),
    pytest.param("frame", lambda d: d["layers"][7].update(size=24),
                 "infographics/templates/frame.yml: layers.7.size: cỡ chữ nhỏ nhất 24 px dưới mức đọc được trên điện thoại "
                 "(28 px) (khổ 1080x1080, 1080x1350). Sửa: dùng cỡ từ 28 px trở lên, hoặc bớt chữ của lớp này",
                 id="source-line-below-the-floor"),
]


@pytest.mark.parametrize("name, change, expected", CASES)
def test_broken_template_is_refused_with_its_line(tmp_path, monkeypatch, name, change, expected):
    templates, problems = broken(tmp_path, monkeypatch, name, change)
    assert expected in problems, problems
    assert name not in templates


def test_a_frame_problem_is_reported_once_against_the_frame(tmp_path, monkeypatch):
    def move_qr(data):
        data["layers"][-1]["at"]["1080x1080"]["box"] = [900, 908, 188, 188]

    templates, problems = broken(tmp_path, monkeypatch, "frame", move_qr)
    assert problems == ["infographics/templates/frame.yml: layers.8.box: hộp [900, 908, 188, 188] nằm ngoài khung 1080×1080 "
                        "(khổ 1080x1080). Sửa: sửa vị trí hoặc kích thước"]
    assert "page-card" in templates  # a card without the frame is unaffected


def test_at_gives_each_format_its_own_values_items_included():
    layer_ = {"type": "stack", "slot": "points", "gap": 10, "at": {"1200x630": {"gap": 4, "box": [0, 0, 9, 9]}},
              "item": [{"type": "text", "field": "text", "size": 30, "at": {"1200x630": {"size": 20}}}]}
    merged = merge_for_format(layer_, "1200x630")
    assert (merged["gap"], merged["box"], merged["item"][0]["size"]) == (4, [0, 0, 9, 9], 20)
    assert merge_for_format(layer_, "1080x1080")["item"][0] == {"type": "text", "field": "text", "size": 30}


CLIP_CASES = [
    pytest.param("points", lambda d: layer(d, "title")["at"]["clip"].update(box=[64, 1300, 866, 124]),
                 "infographics/templates/points.yml: layers.1.box: hộp [64, 1300, 866, 124] ra ngoài vùng an toàn "
                 "(cách mép trên 220, phải 150, dưới 640, trái 64 px) (khổ clip). Sửa: dời lớp vào trong vùng an toàn",
                 id="clip-text-in-the-bottom-third"),
    pytest.param("quote", lambda d: layer(d, "quote")["at"]["clip"].update(box=[64, 440, 980, 420]),
                 "infographics/templates/quote.yml: layers.2.box: hộp [64, 440, 980, 420] ra ngoài vùng an toàn "
                 "(cách mép trên 220, phải 150, dưới 640, trái 64 px) (khổ clip). Sửa: dời lớp vào trong vùng an toàn",
                 id="clip-text-under-the-right-hand-buttons"),
    pytest.param("points", lambda d: layer(d, "title")["at"]["clip"].update(min_size=30),
                 "infographics/templates/points.yml: layers.1.min_size: cỡ chữ nhỏ nhất 30 px dưới mức đọc được trên điện thoại "
                 "(36 px) (khổ clip). Sửa: dùng cỡ từ 36 px trở lên, hoặc bớt chữ của lớp này",
                 id="clip-text-below-the-clips-floor"),
    pytest.param("points", lambda d: d["layers"][3]["at"]["1080x1080"].update(overlay=True),
                 "infographics/templates/points.yml: layers.3.overlay: chỉ clip mới xếp các mục chồng lên nhau (mỗi lúc một mục) "
                 "(khổ 1080x1080). Sửa: chỉ viết overlay: true trong at: {clip: ...}",
                 id="overlay-outside-a-clip"),
    pytest.param("timeline", lambda d: layer(d, "kicker").update(name="title"),
                 "infographics/templates/timeline.yml: layers.1.name: tên “title” đã dùng cho lớp 0. Sửa: đặt cho mỗi lớp một tên riêng",
                 id="two-layers-one-name"),
]


@pytest.mark.parametrize("name, change, expected", CLIP_CASES)
def test_clip_layouts_are_checked_like_images(tmp_path, monkeypatch, name, change, expected):
    templates, problems = broken(tmp_path, monkeypatch, name, change)
    assert problems == [expected]
    assert name not in templates
