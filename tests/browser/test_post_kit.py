"""The "Đăng bài" panels and the posting calendar, in a real Chromium: folded, copyable, downloadable, accessible."""

import io
import json
import zipfile

import pytest

from wardpub.language import t

from pagetools import assert_clean_on_a_phone, axe_violations

pytestmark = pytest.mark.browser

ARTICLE = "tin-tuc/2026/thu-tuong-ban-hanh-quyet-dinh-trien-khai-nghi-quyet-248/"


def open_panel(page, panel):
    """Open a panel from the keyboard, as a team member without a mouse would."""
    summary = panel.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("(d) => d.open", arg=panel.element_handle())


@pytest.mark.parametrize("path, language", [pytest.param(ARTICLE, "vi", id="vi"), pytest.param("en/" + ARTICLE, "en", id="en")])
def test_article_panel_is_folded_copies_and_downloads(visit, base_url, path, language):
    page, recorder = visit(base_url + path)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    panel = page.locator("details.ward-post-kit")
    assert panel.count() == 1 and panel.get_attribute("open") is None
    assert panel.locator("summary").inner_text().startswith(t("posts.panel", language))
    # After the article, its sources and its share bar: out of the reading flow.
    assert page.evaluate("""() => {
        const panel = document.querySelector('details.ward-post-kit'), bar = document.querySelector('.ward-share-bar');
        return !!(bar.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert not panel.locator("pre").first.is_visible()
    open_panel(page, panel)
    text = panel.locator("pre.ward-post-kit__text").first
    button = panel.locator(f"button[aria-describedby='{text.get_attribute('id')}']")
    assert button.inner_text() == t("posts.copy_facebook", language)
    button.click()
    page.wait_for_function("(b) => b.parentNode.querySelector('[role=status]').textContent !== ''", arg=button.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == text.text_content() and copied.splitlines()[0] == page.locator("h1").first.inner_text()
    assert "utm_source=facebook" in copied and copied.splitlines()[-1].startswith("#")
    with page.expect_download() as download:
        panel.locator("a.ward-post-kit__zip").click()
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    facebook = next(n for n in archive.namelist() if n.endswith("/facebook.txt"))
    assert archive.read(facebook).decode("utf-8") == copied + "\n"
    assert json.loads(archive.read(facebook.replace("facebook.txt", "zalo-article.json")))["type"] == "normal"
    assert axe_violations(page) == []
    assert_clean_on_a_phone(page, recorder, base_url)


def test_the_panel_is_not_printed(visit, base_url):
    page, _ = visit(base_url + ARTICLE)
    open_panel(page, page.locator("details.ward-post-kit"))
    assert page.locator("details.ward-post-kit").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("details.ward-post-kit").is_visible()
    assert page.locator("h1").first.is_visible()


@pytest.mark.parametrize("path, language", [pytest.param("infographics/", "vi", id="gallery-vi"),
                                            pytest.param("en/nghi-quyet-71/diem-moi-dot-pha/", "en", id="content-en")])
def test_every_infographic_has_its_panel(visit, base_url, path, language):
    page, recorder = visit(base_url + path, viewport={"width": 1280, "height": 800})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    panels = page.locator("details.ward-post-kit")
    images = page.locator("img.ward-share__image, img.ward-infographic__image")
    assert panels.count() == images.count() >= 2
    panel = panels.first
    panel.scroll_into_view_if_needed()
    open_panel(page, panel)
    zalo = panel.locator("pre.ward-post-kit__text").nth(1)
    panel.locator(f"button[aria-describedby='{zalo.get_attribute('id')}']").click()
    page.wait_for_function("(p) => p.querySelectorAll('[role=status]')[1].textContent !== ''", arg=panel.element_handle())
    assert page.evaluate("navigator.clipboard.readText()") == zalo.text_content()
    assert "utm_source=zalo" in zalo.text_content()
    for href in panel.locator("a[download]").evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    assert axe_violations(page) == []
    assert recorder.console_errors == [] and recorder.foreign_requests(base_url) == []


def test_calendar_page_links_each_entry_to_its_panel(visit, base_url):
    page, recorder = visit(base_url + "lich-dang-bai/")
    assert_clean_on_a_phone(page, recorder, base_url)
    assert axe_violations(page) == []
    assert page.locator(".ward-calendar__week").first.inner_text().startswith(t("posts.this_week", "vi"))
    # The first entry still ahead; entries of days gone by this week are folded under a summary.
    ahead = page.locator(".ward-calendar__entries a:visible")
    if ahead.count() == 0:  # the whole plan is behind us: open the days gone by
        page.locator(".ward-calendar__past summary").first.click()
    entry = ahead.first
    target = entry.get_attribute("href")
    entry.click()
    page.wait_for_load_state("networkidle")
    anchor = target.split("#", 1)[1]
    assert page.url.endswith("#" + anchor) and page.locator(f"details#{anchor}").count() == 1
    feed = page.request.get(base_url + "lich-dang-bai.ics")
    assert feed.status == 200 and feed.body().startswith(b"BEGIN:VCALENDAR")
    # The page is for staff: not in the citizens' menu.
    home, _ = visit(base_url)
    assert home.locator("nav.md-nav a[href*='lich-dang-bai']").count() == 0
