"""News feeds: RSS 2.0 and JSON Feed 1.1, one pair per language.

Owns `feed_files`: the newest articles available in a language, with
absolute links under site_url and dates at midnight in the ward's time zone
(+07:00); dated statements in titles and summaries are worded for the day of
the build (wardpub.data.dated). Output is deterministic: the feed's own date is its newest item's,
never the build clock. Feeds live at the language's root (feed.xml,
feed.json) and every page links them from its head.
"""

from __future__ import annotations

import datetime as dt
import json

from feedgen.feed import FeedGenerator

from .. import language as lang
from ..data.articles import TIMEZONE, Article
from .news import News
from ..language import prefix

FEED_ITEMS = 30
FEED_FILES = {"rss": "feed.xml", "json": "feed.json"}


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=TIMEZONE)


def _items(news: News, language: str) -> list[Article]:
    """Articles readable in the language (an English feed lists translated ones)."""
    return [a for a in news.articles if language == "vi" or a.en is not None][:FEED_ITEMS]


def rss(news: News, language: str, site_url: str, site_name: str) -> bytes:
    items = _items(news, language)
    home = site_url + prefix(language)
    feed = FeedGenerator()
    feed.load_extension("dc")
    feed.title(site_name)
    # feedgen writes the last link it was given as the channel's <link>: the self link goes first.
    feed.link(href=home + FEED_FILES["rss"], rel="self")
    feed.link(href=home, rel="alternate")
    feed.description(lang.t("feed.description", language))
    feed.language(language)
    feed.generator("wardpub")
    newest = max((a.version(language).meta.updated or a.meta.date for a in items), default=dt.date(2025, 8, 22))
    feed.lastBuildDate(_moment(newest))
    for article in items:
        meta = article.version(language).meta
        url = site_url + article.url(language)
        entry = feed.add_entry(order="append")
        entry.title(news.words(meta.title, language))
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.description(news.words(meta.description, language))
        entry.pubDate(_moment(meta.date))
        entry.category(term=news.registries.categories[meta.category][language])
        entry.dc.dc_creator(meta.author)
    return feed.rss_str(pretty=True)


def json_feed(news: News, language: str, site_url: str, site_name: str) -> bytes:
    home = site_url + prefix(language)
    items = []
    for article in _items(news, language):
        meta = article.version(language).meta
        url = site_url + article.url(language)
        item = {
            "id": url,
            "url": url,
            "title": news.words(meta.title, language),
            "summary": news.words(meta.description, language),
            "content_text": news.words(meta.description, language),
            "date_published": _moment(meta.date).isoformat(),
            "authors": [{"name": meta.author}],
            "tags": [news.registries.categories[meta.category][language]] + [news.registries.tags[t][language] for t in meta.tags],
            "language": language,
        }
        if meta.updated:
            item["date_modified"] = _moment(meta.updated).isoformat()
        items.append(item)
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site_name,
        "home_page_url": home,
        "feed_url": home + FEED_FILES["json"],
        "description": lang.t("feed.description", language),
        "language": language,
        "items": items,
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def feed_files(news: News, language: str, site_url: str, site_name: str) -> dict[str, bytes]:
    """Site-relative path -> bytes for the language's two feeds."""
    base = prefix(language)
    return {
        base + FEED_FILES["rss"]: rss(news, language, site_url, site_name),
        base + FEED_FILES["json"]: json_feed(news, language, site_url, site_name),
    }


def head_links(language: str) -> list[dict[str, str]]:
    """What every page's head links: type, title and site-relative path of each feed."""
    base = prefix(language)
    return [
        {"type": "application/rss+xml", "title": lang.t("feed.rss", language), "path": base + FEED_FILES["rss"]},
        {"type": "application/feed+json", "title": lang.t("feed.json", language), "path": base + FEED_FILES["json"]},
    ]
