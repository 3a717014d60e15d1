"""wardpub.site.feeds: RSS 2.0 and JSON Feed per language, read by a real feed parser."""

import datetime as dt
import json
import re
from urllib.parse import urljoin

import feedparser

from test_news import COUNT, news_site  # noqa: F401  (the module's small news site)
from wardpub.site.feeds import FEED_ITEMS

NEWEST = f"Tin số {COUNT - 1}"
ITEMS = min(COUNT, FEED_ITEMS)

SITE = "https://example.gov.vn/nq71/"


def test_rss_parses_with_absolute_links_and_vietnam_time(news_site):
    feed = feedparser.parse((news_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == "vi"
    assert len(feed.entries) == ITEMS
    first = feed.entries[0]
    assert first.title == NEWEST
    assert first.link == SITE + f"tin-tuc/2025/tin-so-{COUNT - 1}/"
    assert first.published.endswith("+0700")
    assert first.author == "Ban biên tập"
    assert all(entry.link.startswith(SITE) for entry in feed.entries)
    assert feed.feed.link == SITE


def test_english_rss_lists_translated_articles(news_site):
    feed = feedparser.parse((news_site / "en" / "feed.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["News item 00"]
    assert feed.entries[0].link == SITE + "en/tin-tuc/2025/tin-so-00/"


def test_json_feed_follows_version_1_1(news_site):
    # feedparser 6 reads no JSON Feed, so the spec's requirements are checked directly.
    data = json.loads((news_site / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and data["home_page_url"] == SITE and data["feed_url"] == SITE + "feed.json"
    assert len(data["items"]) == ITEMS
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["url"].startswith(SITE)
        assert item.get("content_text") or item.get("content_html")
        assert dt.datetime.fromisoformat(item["date_published"]).utcoffset() == dt.timedelta(hours=7)
    item = data["items"][0]
    assert item["url"] == SITE + f"tin-tuc/2025/tin-so-{COUNT - 1}/" and item["id"] == item["url"]
    assert item["date_published"] == "2025-03-07T00:00:00+07:00"
    assert item["authors"] == [{"name": "Ban biên tập"}]


def test_every_page_links_its_languages_feeds(news_site):
    for path in news_site.rglob("*.html"):
        if path.name == "404.html" or "embed" in path.relative_to(news_site).parts:
            continue  # embed pages stand alone inside other sites' frames
        html = path.read_text(encoding="utf-8")
        relative = path.relative_to(news_site).as_posix()
        language_root = SITE + ("en/" if relative.startswith("en/") else "")
        for kind, name in (("application/rss+xml", "feed.xml"), ("application/feed+json", "feed.json")):
            links = re.findall(rf'<link rel="alternate" type="{re.escape(kind)}" title="[^"]+" href="([^"]+)">', html)
            assert len(links) == 1, path
            assert urljoin(SITE + relative, links[0]) == language_root + name, (relative, links)


def test_feed_date_is_its_newest_item_not_the_clock(news_site):
    rss = (news_site / "feed.xml").read_text(encoding="utf-8")
    assert "<lastBuildDate>Fri, 07 Mar 2025 00:00:00 +0700</lastBuildDate>" in rss


def test_feeds_word_dated_statements_for_the_day(make_site):
    from sites import article, minimal_pages, news_index

    files = {**minimal_pages(), **news_index(),
             "docs/tin-tuc/2026/bao-cao.vi.md": article(title='"Các đơn vị báo cáo kết quả"', date="2026-03-20",
                                                         description='"Các đơn vị gửi báo cáo theo phụ lục, {{ deadline 2026-04-15 }}."')}
    site = make_site(files).build(today="2026-11-28")
    rss = (site / "feed.xml").read_text(encoding="utf-8")
    assert "Các đơn vị gửi báo cáo theo phụ lục, đã hết hạn ngày 15/4/2026." in rss and "{{" not in rss
    assert "đã hết hạn ngày 15/4/2026" in (site / "feed.json").read_text(encoding="utf-8")
