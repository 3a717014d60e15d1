"""wardpub.data.registries: the sources and categories every page cites."""

from wardpub.data.registries import load_registries


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


def test_a_source_is_dated_to_the_day_or_not_before_a_day_never_both(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources.yml").write_text(
        "63:\n  outlet: VietNamNet\n  date: 2025-11-18\n  about: {vi: a, en: b}\n"
        "65:\n  outlet: Lao Động\n  not_before: 2025-12-11\n  about: {vi: a, en: b}\n"
        "43:\n  outlet: VietnamPlus\n  about: {vi: a, en: b}\n"
        "70:\n  outlet: VietNamNet\n  date: 2026-01-02\n  not_before: 2026-01-01\n  about: {vi: a, en: b}\n"
        "74:\n  outlet: Lao Động\n  not_before: năm 2026\n  about: {vi: a, en: b}\n", encoding="utf-8")
    (tmp_path / "categories.yml").write_text("a: {vi: A, en: A}\n", encoding="utf-8")
    (tmp_path / "tags.yml").write_text("b: {vi: B, en: B}\n", encoding="utf-8")
    registries = load_registries(tmp_path)
    assert [str(p) for p in registries.problems] == [
        "sources.yml: 70.not_before: ghi cả date và not_before. Sửa: giữ date khi biết chính xác ngày đăng; "
        "chỉ dùng not_before (đăng không sớm hơn ngày này) khi không biết ngày đăng",
        "sources.yml: 74.not_before: “năm 2026” không phải ngày dạng NĂM-THÁNG-NGÀY. Sửa: viết ví dụ 2025-09-16",
    ]
    sources = registries.sources
    assert (str(sources[63].earliest), str(sources[65].earliest), sources[43].earliest) == ("2025-11-18", "2025-12-11", None)


def test_the_sheets_new_sources_are_dated_and_the_press_copies_say_so():
    sources = load_registries().sources
    assert set(range(63, 81)) <= set(sources)
    assert all(sources[n].earliest is not None for n in range(63, 81)), "every source of section 10 has a day or a lower bound"
    for n in (1, 80):  # the full text of the resolution, as published by the press
        assert "bản đăng trên báo" in sources[n].about.vi and "press copy" in sources[n].about.en
    assert sources[80].url is None  # the sheet names it without a link
