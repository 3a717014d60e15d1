"""wardpub.site.news: listings, pagination, categories, drafts, future dates, the
English page of an untranslated article, and news on other pages."""

import os
import re

import pytest

from sites import SiteMaker, article, minimal_pages, news_index, page
from wardpub.site.news import PER_PAGE

TODAY = "2026-03-01"
COUNT = 63  # published articles: three index pages at thirty per page


def dated(n: int) -> str:
    return f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}"


@pytest.fixture(scope="module")
def news_site(tmp_path_factory):
    """A small site with 63 published articles (one translated, one with a blank English file), a draft and a future one."""
    files = {**minimal_pages(), **news_index()}
    files["docs/bai-muc-tieu.vi.md"] = page("Mục tiêu", body="Trang nội dung.").replace("---\n\n", "category: muc-tieu-quan-diem\n---\n\n", 1)
    files["docs/bai-muc-tieu.en.md"] = page("Goals", "A content page of the first content point.", "Content page.").replace("---\n\n", "category: muc-tieu-quan-diem\n---\n\n", 1)
    for n in range(COUNT):
        category = "muc-tieu-quan-diem" if n % 2 else "phan-bac-thong-tin-sai"
        files[f"docs/tin-tuc/2025/tin-so-{n:02d}.vi.md"] = article(title=f'"Tin số {n:02d}"', date=dated(n), category=category)
    files["docs/tin-tuc/2025/tin-so-00.en.md"] = article(title='"News item 00"', date=dated(0), category="phan-bac-thong-tin-sai", author="Editorial team")
    # The blank English file the web editor leaves when nobody translated: no translation, as if absent.
    files["docs/tin-tuc/2025/tin-so-01.en.md"] = "\n"
    files["docs/tin-tuc/2025/ban-nhap.vi.md"] = article(title='"Bản nháp"', draft="true")
    files["docs/tin-tuc/2026/tin-ngay-mai.vi.md"] = article(title='"Tin ngày mai"', date="2026-03-02")
    maker = SiteMaker(tmp_path_factory.mktemp("news"))
    maker(files)
    os.environ["WARDPUB_TODAY"] = TODAY
    try:
        yield maker.build()
    finally:
        del os.environ["WARDPUB_TODAY"]


def titles(html: str) -> list[str]:
    return re.findall(r'<h[23] class="ward-card__title"><a href="[^"]*"[^>]*>([^<]+)</a>', html)


def read(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_index_is_newest_first_and_paginated(news_site):
    first, second, third = (titles(read(news_site, p)) for p in ("tin-tuc", "tin-tuc/trang-2", "tin-tuc/trang-3"))
    assert first[:2] == [f"Tin số {COUNT - 1}", f"Tin số {COUNT - 2}"]
    assert (len(first), len(second), len(third)) == (PER_PAGE, PER_PAGE, COUNT - 2 * PER_PAGE)
    assert first + second + third == [f"Tin số {n:02d}" for n in reversed(range(COUNT))]
    assert 'rel="next" href="trang-2/"' in read(news_site, "tin-tuc")
    assert 'rel="prev" href="../trang-2/"' in read(news_site, "tin-tuc/trang-3")
    assert not (news_site / "tin-tuc/trang-4").exists()


def test_each_category_has_its_page(news_site):
    listed = titles(read(news_site, "tin-tuc/chu-de/muc-tieu-quan-diem"))
    assert listed == [f"Tin số {n:02d}" for n in reversed(range(COUNT)) if n % 2][:PER_PAGE]
    assert (news_site / "tin-tuc/chu-de/muc-tieu-quan-diem/trang-2/index.html").is_file()
    assert titles(read(news_site, "tin-tuc/chu-de/guong-dien-hinh")) == []
    assert "Chưa có tin nào." in read(news_site, "tin-tuc/chu-de/guong-dien-hinh")
    assert "Chủ đề: Mục tiêu, quan điểm" in read(news_site, "tin-tuc/chu-de/muc-tieu-quan-diem")


def test_drafts_and_future_articles_are_nowhere(news_site):
    assert not (news_site / "tin-tuc/2025/ban-nhap").exists()
    assert not (news_site / "tin-tuc/2026/tin-ngay-mai").exists()
    everything = "".join(p.read_text(encoding="utf-8") for p in news_site.rglob("*") if p.suffix in {".html", ".xml", ".json"})
    assert "Bản nháp" not in everything and "Tin ngày mai" not in everything


def test_future_article_appears_on_its_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {**minimal_pages(), **news_index(), "docs/tin-tuc/2026/tin-ngay-mai.vi.md": article(title='"Tin ngày mai"', date="2026-03-02")}
    maker = SiteMaker(tmp_path)
    maker(files)
    monkeypatch.setenv("WARDPUB_TODAY", "2026-03-01")
    assert not (maker.build() / "tin-tuc/2026/tin-ngay-mai").exists()
    monkeypatch.setenv("WARDPUB_TODAY", "2026-03-02")
    assert titles(read(maker.build(), "tin-tuc")) == ["Tin ngày mai"]


def test_article_page_has_its_header(news_site):
    html = read(news_site, "tin-tuc/2025/tin-so-01")
    assert "<h1>Tin số 01</h1>" in html
    assert '<time datetime="2025-01-02">2/1/2025</time>' in html
    assert "1 phút đọc" in html and "Tác giả: Ban biên tập" in html and "Thẻ: Hội nghị" in html
    assert 'href="../../chu-de/muc-tieu-quan-diem/"' in html
    english = read(news_site, "en/tin-tuc/2025/tin-so-00")
    assert "<h1>News item 00</h1>" in english and "1 min read" in english


def test_untranslated_article_says_so_in_english(news_site):
    html = read(news_site, "en/tin-tuc/2025/tin-so-01")
    assert "This article is only in Vietnamese" in html
    assert '<a href="../../../../tin-tuc/2025/tin-so-01/" hreflang="vi" data-print="https://example.gov.vn/nq71/tin-tuc/2025/tin-so-01/">Read the article in Vietnamese</a>' in html
    assert '<link rel="canonical" href="https://example.gov.vn/nq71/tin-tuc/2025/tin-so-01/">' in html
    assert '<h1 lang="vi">Tin số 01</h1>' in html
    listing = read(news_site, "en/tin-tuc")
    assert re.search(r'<a href="../../tin-tuc/2025/tin-so-42/" lang="vi"[^>]*>Tin số 42</a> <span class="ward-badge">In Vietnamese</span>', listing)


def test_latest_news_on_home_and_content_point_pages(news_site):
    assert titles(read(news_site, ""))[:5] == [f"Tin số {n}" for n in range(COUNT - 1, COUNT - 6, -1)]
    assert titles(read(news_site, "bai-muc-tieu")) == [f"Tin số {n}" for n in range(COUNT - 2, COUNT - 12, -2)]
    assert "Xem tất cả tin về “Mục tiêu, quan điểm" in read(news_site, "bai-muc-tieu")
    assert titles(read(news_site, "en/bai-muc-tieu"))[0] == f"Tin số {COUNT - 2}"


def test_listing_language_switch_stays_on_the_listing(news_site):
    html = read(news_site, "en/tin-tuc/trang-2")
    assert 'href="../../../tin-tuc/trang-2/" hreflang="vi"' in html


def test_related_articles_are_the_same_point_first_then_a_shared_tag():
    from types import SimpleNamespace

    from wardpub.site.news import News

    def item(name, category, *tags):
        return SimpleNamespace(name=name, meta=SimpleNamespace(category=category, tags=list(tags)))

    articles = [item("a", "p1", "x"), item("b", "p2", "x"), item("c", "p1"), item("d", "p2", "y"), item("e", "p3", "x")]
    news = SimpleNamespace(articles=articles, by_category={})
    for a in articles:
        news.by_category.setdefault(a.meta.category, []).append(a)
    names = lambda found: [a.name for a in found]
    assert names(News.related(news, articles[0])) == ["c", "b", "e"]  # its point, then the tag, newest first
    assert names(News.related(news, articles[0], limit=2)) == ["c", "b"]
    assert names(News.related(news, articles[3])) == ["b"]  # nothing shares "y": only its point


def test_what_pages_showing_news_show_changes_with_front_matter_and_reading_time_not_with_a_word(make_site):
    """The live preview renders the news lists again only when this key changes (WardPlugin._dirty_pages)."""
    import datetime as dt

    from clip_kits import load_project
    from wardpub.site.news import News

    def key(body: str, **fields) -> str:
        make_site({**minimal_pages(), **news_index(), "docs/tin-tuc/2025/tin-thu.vi.md": article(body, **fields)})
        project = load_project(make_site.root / "mkdocs.yml")
        return News(project.articles, project.registries, on=dt.date(2026, 11, 28)).listing_key("vi")

    text = "Nội dung bài [src:43]. " + "Một câu viết thêm. " * 20
    first = key(text)
    assert key(text + "Một chữ nữa.") == first  # the text alone: the same cards
    assert key(text + "Một đoạn dài. " * 400) != first  # a longer read: the card's reading time
    assert key(text, title='"Tin thử đã sửa"') != first
    assert key(text, date="2025-09-17") != first
