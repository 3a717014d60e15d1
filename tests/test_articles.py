"""wardpub.data.articles: every mistake an editor can make in an article, one line each."""

import unicodedata

import pytest

from sites import article, minimal_pages, news_index

A = "docs/tin-tuc/2025/tin-thu.vi.md"

BAD_ARTICLES = [
    pytest.param({A: article(date="16/9/2025")}, "docs/tin-tuc/2025/tin-thu.vi.md: date: “16/9/2025” không phải ngày dạng NĂM-THÁNG-NGÀY. Sửa: viết ví dụ 2025-09-16", id="bad-date"),
    pytest.param({A: article(date="2025-02-30")}, "docs/tin-tuc/2025/tin-thu.vi.md: date: “2025-02-30” không phải ngày dạng NĂM-THÁNG-NGÀY", id="impossible-date"),
    pytest.param({A: article(category="tin-vui")}, "docs/tin-tuc/2025/tin-thu.vi.md: category: “tin-vui” không có trong docs/_data/categories.yml. Sửa: chọn một trong: muc-tieu-quan-diem,", id="unknown-category"),
    pytest.param({A: article(tags="[hoi-thao]")}, "docs/tin-tuc/2025/tin-thu.vi.md: tags: thẻ “hoi-thao” không có trong docs/_data/tags.yml", id="unknown-tag"),
    pytest.param({A: article(title=None)}, "docs/tin-tuc/2025/tin-thu.vi.md: title: thiếu trường bắt buộc. Sửa: thêm trường này", id="missing-title"),
    pytest.param({A: article(description=None)}, "docs/tin-tuc/2025/tin-thu.vi.md: description: thiếu trường bắt buộc. Sửa: thêm trường này", id="missing-description"),
    pytest.param({A: article(), "docs/tin-tuc/2024/tin-thu.vi.md": article(date="2024-05-01")},
                 "docs/tin-tuc/2025/tin-thu.vi.md: tên tệp: trùng tên bài với docs/tin-tuc/2024/tin-thu.vi.md. Sửa: đổi tên tệp", id="duplicate-slug"),
    pytest.param({A: article(cover="anh-bia.jpg", cover_alt='"Ảnh"')}, "docs/tin-tuc/2025/tin-thu.vi.md: cover: không tìm thấy ảnh bìa “anh-bia.jpg”", id="missing-cover"),
    pytest.param({A: article(body="![Ảnh hội nghị](anh-khong-co.png)")}, "docs/tin-tuc/2025/tin-thu.vi.md:11: ảnh anh-khong-co.png: không tìm thấy tệp ảnh", id="missing-image"),
    pytest.param({A: article(body="![](anh.png)"), "docs/tin-tuc/2025/anh.png": b"\x89PNG"},
                 "docs/tin-tuc/2025/tin-thu.vi.md:11: ảnh anh.png: ảnh chưa có lời mô tả (alt) cho người khiếm thị", id="image-without-alt"),
    pytest.param({A: article(cover="anh.png"), "docs/tin-tuc/2025/anh.png": b"\x89PNG"},
                 "docs/tin-tuc/2025/tin-thu.vi.md: cover_alt: ảnh bìa chưa có lời mô tả cho người khiếm thị", id="cover-without-alt"),
    pytest.param({A: article(body='<img src="anh.png">'), "docs/tin-tuc/2025/anh.png": b"\x89PNG"},
                 "docs/tin-tuc/2025/tin-thu.vi.md:11: ảnh anh.png: ảnh chưa có lời mô tả (alt)", id="raw-image-without-alt"),
    pytest.param({A: article(body="![Ảnh](https://example.com/a.png)")}, "docs/tin-tuc/2025/tin-thu.vi.md:11: ảnh https://example.com/a.png: ảnh lấy từ trang web khác", id="remote-image"),
    pytest.param({A: article(title=unicodedata.normalize("NFD", '"Hội nghị"'))}, "docs/tin-tuc/2025/tin-thu.vi.md:2: (văn bản): chữ có dấu được gõ ở dạng tổ hợp", id="not-nfc"),
    pytest.param({A: article(date="2024-09-16")}, "docs/tin-tuc/2025/tin-thu.vi.md: date: năm 2024 khác thư mục tin-tuc/2025/", id="wrong-year-folder"),
    pytest.param({A: article(description='"[Viết một câu tóm tắt bài]"')}, "docs/tin-tuc/2025/tin-thu.vi.md: description: còn chữ mẫu trong ngoặc vuông", id="placeholder-left"),
    pytest.param({A: article(), "docs/tin-tuc/2025/tin-thu.en.md": article(date="2025-09-17")},
                 "docs/tin-tuc/2025/tin-thu.en.md: date: khác với bản tiếng Việt (2025-09-16)", id="twin-disagrees"),
    pytest.param({"docs/tin-tuc/2025/Tin Thử.vi.md": article()}, "docs/tin-tuc/2025/Tin Thử.vi.md: tên tệp: bài viết phải nằm ở tin-tuc/<năm>/<tên-không-dấu>.vi.md", id="bad-file-name"),
    pytest.param({A: article(body="Con số [src:999].")}, "docs/tin-tuc/2025/tin-thu.vi.md:11: [src:999]: không có nguồn số này", id="unknown-source"),
]


@pytest.mark.parametrize("files, expected", BAD_ARTICLES)
def test_article_mistake_stops_the_build_with_one_line(make_site, files, expected):
    lines = make_site({**minimal_pages(), **news_index(), **files}).failure_lines()
    assert any(line.startswith(expected) for line in lines), lines


def test_draft_with_placeholders_is_valid_but_unpublished(make_site):
    draft = article(description='"[Viết một câu tóm tắt bài]"', draft="true")
    site = make_site({**minimal_pages(), **news_index(), A: draft}).build()
    assert not (site / "tin-tuc" / "2025" / "tin-thu").exists()


def test_english_twin_is_optional(make_site):
    site = make_site({**minimal_pages(), **news_index(), A: article()}).build()
    assert (site / "tin-tuc/2025/tin-thu/index.html").is_file()
    assert (site / "en/tin-tuc/2025/tin-thu/index.html").is_file()
