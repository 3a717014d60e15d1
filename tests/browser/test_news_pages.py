"""A new article, as an editor adds it, in a real browser: on the home page and
in its category, in both languages; the news pages stay clean and accessible."""

import shutil

import pytest

from pagetools import assert_clean_on_a_phone, axe_violations
from sites import SiteMaker, article
from wardpub import DOCS_DIR
from wardpub.tools.devserver import serve_site

pytestmark = pytest.mark.browser

NEW = "docs/tin-tuc/2026/hoi-thi-tim-hieu-nghi-quyet-71.vi.md"
TITLE = "Hội thi tìm hiểu Nghị quyết 71 (tin kiểm thử)"


@pytest.fixture(scope="module")
def news_url(tmp_path_factory):
    """The project's site plus one new article dated today, served under /nq71/."""
    root = tmp_path_factory.mktemp("news-browser")
    # Without the posting calendar: it names the project's infographics, which this site does not copy.
    shutil.copytree(DOCS_DIR, root / "docs", ignore=shutil.ignore_patterns("lich-dang-bai.yml"))
    maker = SiteMaker(root)
    maker({NEW: article(title=f'"{TITLE}"', date="2026-11-26", category="hoat-dong-cua-phuong"),
           NEW.replace(".vi.md", ".en.md"): article(title='"Quiz on Resolution 71 (test item)"', date="2026-11-26",
                                                  category="hoat-dong-cua-phuong", author="Editorial team")}, nav=True)
    site = maker.build(today="2026-11-26")
    with serve_site(site) as url:
        yield url


@pytest.mark.parametrize("home, category, title", [
    ("", "tin-tuc/chu-de/hoat-dong-cua-phuong/", TITLE),
    ("en/", "en/tin-tuc/chu-de/hoat-dong-cua-phuong/", "Quiz on Resolution 71 (test item)"),
])
def test_new_article_on_home_and_in_its_category(visit, news_url, home, category, title):
    page, recorder = visit(news_url + home)
    latest = page.locator(".ward-news .ward-card__title a").first
    assert latest.inner_text() == title
    latest.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == title
    page.locator(".ward-kicker a").first.click()  # the article's category, above its title
    page.wait_for_load_state("networkidle")
    assert page.url == news_url + category
    assert page.locator(".ward-news .ward-card__title a").first.inner_text() == title
    assert recorder.console_errors == [] and recorder.foreign_requests(news_url) == []


@pytest.mark.parametrize("path", ["tin-tuc/", "en/tin-tuc/", "tin-tuc/2025/hoi-nghi-toan-quoc-quan-triet-nghi-quyet-71/"])
def test_news_pages_are_clean(visit, news_url, path):
    page, recorder = visit(news_url + path)
    assert_clean_on_a_phone(page, recorder, news_url)
    assert axe_violations(page) == []
