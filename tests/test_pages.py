"""wardpub.data.pages: what editors write in content pages, and what the build adds.

Failure cases are whole small sites (Hugo's style): each writes the files, builds,
and expects exactly the editor's one-line message, with nothing published.
"""

import unicodedata

import pytest

from sites import minimal_pages, page
from wardpub.site.publish import BuildFailed
from wardpub.data.registries import load_registries
from wardpub.data.pages import render

BAD_PAGES = [
    pytest.param(
        {"docs/a.vi.md": "---\ntitle: A\n---\nx\n", "docs/a.en.md": page()},
        "docs/a.vi.md: description: thiếu trường bắt buộc. Sửa: thêm trường này",
        id="missing-description",
    ),
    pytest.param(
        {"docs/a.vi.md": page(title='""'), "docs/a.en.md": page()},
        "docs/a.vi.md: title: không được để trống. Sửa: điền nội dung",
        id="empty-title",
    ),
    pytest.param(
        {"docs/a.vi.md": "---\ntitle: A\ndescription: [x\n---\nx\n", "docs/a.en.md": page()},
        "docs/a.vi.md:4: front matter: lỗi cú pháp YAML",
        id="bad-yaml",
    ),
    pytest.param(
        {"docs/a.vi.md": "Không có phần đầu trang.\n", "docs/a.en.md": page()},
        "docs/a.vi.md:1: front matter: thiếu phần thông tin đầu trang giữa hai dòng ---",
        id="no-front-matter",
    ),
    pytest.param(
        {"docs/a.vi.md": page(), "docs/a.en.md": page(), "docs/b.vi.md": page()},
        "docs/b.vi.md: bản tiếng Anh: thiếu bản dịch b.en.md. Sửa: thêm bản dịch, hoặc ghi vi_only: true nếu trang chỉ có tiếng Việt",
        id="missing-translation",
    ),
    pytest.param(
        {"docs/c.en.md": page()},
        "docs/c.en.md: tên tệp: bản tiếng Anh không có bản tiếng Việt cùng tên",
        id="orphan-english",
    ),
    pytest.param(
        {"docs/Hội nghị.vi.md": page(), "docs/Hội nghị.en.md": page()},
        "docs/Hội nghị.vi.md: tên tệp: tên tệp và thư mục chỉ dùng chữ thường không dấu",
        id="non-ascii-file-name",
    ),
    pytest.param(
        {"docs/a.md": page(), "docs/a.en.md": page()},
        "docs/a.md: tên tệp: tên tệp phải cho biết ngôn ngữ: .vi.md (tiếng Việt) hoặc .en.md (tiếng Anh). Sửa: đổi tên thành a.vi.md",
        id="no-language-suffix",
    ),
    pytest.param(
        {"docs/a.vi.md": page(body="Con số [src:999]."), "docs/a.en.md": page()},
        "docs/a.vi.md:6: [src:999]: không có nguồn số này trong docs/_data/sources.yml",
        id="unknown-source",
    ),
    pytest.param(
        {"docs/a.vi.md": page(body="Liên hệ {{ ward.fax }}"), "docs/a.en.md": page()},
        "docs/a.vi.md:6: {{ ward.fax }}: không có thông tin phường tên này",
        id="unknown-ward-token",
    ),
    pytest.param(
        {"docs/a.vi.md": page(body=unicodedata.normalize("NFD", "Phường")), "docs/a.en.md": page()},
        "docs/a.vi.md:6: (văn bản): chữ có dấu được gõ ở dạng tổ hợp (không phải Unicode NFC)",
        id="not-nfc",
    ),
    pytest.param(
        {"docs/a.vi.md": page().replace("---\n\n", "category: tin-vui\n---\n\n", 1), "docs/a.en.md": page()},
        "docs/a.vi.md: category: “tin-vui” không có trong docs/_data/categories.yml",
        id="unknown-category",
    ),
    pytest.param(
        {"docs/a.vi.md": page().replace("---\n\n", "tittle: x\n---\n\n", 1), "docs/a.en.md": page()},
        "docs/a.vi.md: tittle: trường không được hỗ trợ (viết sai tên?)",
        id="misspelt-field",
    ),
]


@pytest.mark.parametrize("files, expected", BAD_PAGES)
def test_editor_mistake_gives_one_line_and_publishes_nothing(make_site, files, expected):
    previous = make_site.root / "site"
    (previous / "index.html").parent.mkdir(parents=True)
    (previous / "index.html").write_text("previous good site")
    make_site({**minimal_pages(), **files})
    with pytest.raises(BuildFailed) as failure:
        make_site.build()
    lines = str(failure.value).splitlines()
    assert any(line.startswith(expected) for line in lines), lines
    assert len(lines) == len(set(lines))
    assert (previous / "index.html").read_text() == "previous good site"
    assert sorted(p.name for p in make_site.root.iterdir() if p.name.startswith(".site")) == []


def test_vi_only_page_needs_no_translation(make_site):
    vi_only = page().replace("---\n\n", "vi_only: true\n---\n\n", 1)
    site = make_site({**minimal_pages(), "docs/a.vi.md": vi_only}).build()
    assert (site / "a" / "index.html").is_file()


def test_citations_link_to_the_sources_list_in_the_page_language():
    registries = load_registries()
    values = {"name": "Phường Thử"}
    vi = render("Ít nhất 20% [src:6]. Tại {{ ward.name }}.", {}, "vi", values, registries)
    en = render("At least 20% [src:6,13].", {"sources": [3]}, "en", values, registries)
    # Numbered on the page (source 6 is this page's first), not by its id in sources.yml.
    assert '<a id="cite-1-1" href="#src-1" aria-label="Nguồn số 1">1</a>' in vi
    assert "Tại Phường Thử." in vi
    assert "\n## Nguồn\n" in vi and '<li id="src-1">' in vi
    assert "Dân trí, 1/9/2025" in vi
    assert "\n## Sources\n" in en
    assert [line[:16] for line in en.splitlines() if line.startswith("<li")] == ['<li id="src-1">D', '<li id="src-2">V', '<li id="src-3">D']
    assert "Dân trí, 1 September 2025" in en


def test_page_without_citations_gets_no_sources_heading():
    assert render("Chỉ có chữ.", {}, "vi", {}, load_registries()) == "Chỉ có chữ."


def test_front_matter_kept_from_an_earlier_build_reads_as_parsed_and_a_broken_one_keeps_its_line(tmp_path, monkeypatch):
    from wardpub import cache
    from wardpub.data.pages import read_markdown

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    good, broken = tmp_path / "a.vi.md", tmp_path / "b.vi.md"
    good.write_text('---\ntitle: "Tin"\ndate: 2025-09-16\ntags: [hoi-nghi]\n---\n\nNội dung.\n', encoding="utf-8")
    broken.write_text("---\ntitle: [Tin\n---\n\nNội dung.\n", encoding="utf-8")
    first = read_markdown(good).meta
    cache.kept_results("front-matter").save()
    cache._kept.clear()  # the next build's process
    assert read_markdown(good).meta == first == {"title": "Tin", "date": "2025-09-16", "tags": ["hoi-nghi"]}
    for _ in range(2):
        problems = read_markdown(broken).problems
        assert [(p.field, p.line) for p in problems] == [("front matter", 3)]
