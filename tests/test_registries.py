"""wardpub.registries: the sources and categories every page cites."""

from wardpub.registries import load_registries


def test_project_tables_load_cleanly():
    registries = load_registries()
    assert registries.problems == []
    assert len(registries.sources) >= 50
    points = [c.point for c in registries.categories.values() if c.point]
    assert points == [1, 2, 3, 4, 5, 6, 7]
    assert {"guong-dien-hinh", "hoat-dong-cua-phuong"} <= set(registries.categories)
    assert registries.tags["hoi-nghi"].en == "Conferences"


def test_every_source_links_over_https_or_not_at_all():
    for source in load_registries().sources.values():
        assert source.url is None or source.url.startswith("https://")


def test_bad_tables_name_file_key_and_field(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources.yml").write_text(
        "6:\n  outlet: Dân trí\n  date: 1/9/2025\n  url: http://x\n  about: {vi: a, en: b}\n"
        "abc:\n  outlet: X\n  about: {vi: a, en: b}\n", encoding="utf-8")
    (tmp_path / "categories.yml").write_text("a: [\n", encoding="utf-8")
    (tmp_path / "tags.yml").write_text("hoi-nghi: {vi: Hội nghị, en: Conferences}\n", encoding="utf-8")
    lines = sorted(str(p) for p in load_registries(tmp_path).problems)
    assert lines == [
        "categories.yml:2: YAML: lỗi cú pháp YAML (did not find expected node content). Sửa: kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng này",
        "sources.yml: 6.date: “1/9/2025” không phải ngày dạng NĂM-THÁNG-NGÀY. Sửa: viết ví dụ 2025-09-16",
        "sources.yml: 6.url: liên kết phải bắt đầu bằng https://. Sửa: viết đầy đủ địa chỉ, ví dụ https://dantri.com.vn/...",
        "sources.yml: abc: khóa phải là số. Sửa: sửa khóa cho đúng dạng các mục khác",
    ]
