"""wardpub.site.posts.pages: the "Đăng bài" panel's markup (the browser tests use it for real)."""

import datetime as dt
import re

from wardpub.site.posts.kit import Attachment, Post, PostKit
from wardpub.site.posts.pages import item_panel, panel
from wardpub.site.posts.texts import compose

from test_posts_texts import SITE, subject


def post(language="vi", published=None, vietnamese_only=False) -> Post:
    item = subject(language=language)
    image = Attachment(("facebook",), "infographics/ngan-sach/ngan-sach-1080x1350-vi.png", 1080, 1350, "Ba con số & một <nguồn>")
    return Post(item, compose(item, SITE, "nq71"), [image], {}, vietnamese_only, published)


def test_the_panel_is_closed_labelled_and_links_relative_to_its_page():
    html = panel(post(), "infographics/", "vi")
    assert html.startswith('<details class="ward-post-kit" id="dang-bai-ngan-sach"><summary>Đăng bài ')
    assert " open" not in html.split(">", 1)[0] and "\n" not in html
    assert 'href="../post-kit/ngan-sach/ngan-sach-vi.zip"' in html
    assert 'href="ngan-sach/ngan-sach-1080x1350-vi.png" download="ngan-sach-1080x1350-vi.png"' in html
    assert "Ba con số &amp; một &lt;nguồn&gt;" in html
    texts = re.findall(r'<pre class="ward-post-kit__text" id="([^"]+)"[^>]*data-ward-copy[^>]*>([^<]*)</pre>', html)
    assert [ident for ident, _ in texts] == ["dang-bai-ngan-sach-facebook", "dang-bai-ngan-sach-zalo"]
    assert texts[0][1].split("&#10;")[0] == "Tối thiểu 20% tổng chi ngân sách nhà nước."


def test_a_vietnamese_kit_on_an_english_page_says_so():
    html = panel(post(vietnamese_only=True), "en/tin-tuc/2025/x/", "en")
    assert '<div class="ward-post-kit__body" lang="vi">' in html and "only in Vietnamese" in html


def test_no_panel_before_an_article_appears():
    kit = PostKit(SITE, [post(published=dt.date(2026, 12, 1))])
    assert item_panel(kit, "ngan-sach", "infographics/", "vi", dt.date(2026, 11, 30)) == ""
    assert item_panel(kit, "ngan-sach", "infographics/", "vi", dt.date(2026, 12, 1)).startswith("<details")
    assert item_panel(kit, "khong-co", "infographics/", "vi", dt.date(2026, 12, 1)) == ""
