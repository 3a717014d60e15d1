"""The infographics gallery and a content page's infographics, in each language, in a real Chromium."""

import pytest

from wardpub.tools.browser import PageRecorder
from wardpub.language import t

from pagetools import assert_clean_on_a_phone, axe_violations

GALLERIES = [pytest.param("infographics/", "vi", id="vi"), pytest.param("en/infographics/", "en", id="en")]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path, language", GALLERIES)
def test_gallery_is_clean_on_a_phone(visit, base_url, path, language):
    page, recorder = visit(base_url + path)
    assert_clean_on_a_phone(page, recorder, base_url)
    assert axe_violations(page) == []
    previews = page.locator("img.ward-share__image")
    assert previews.count() >= 12
    for n in range(previews.count()):
        preview = previews.nth(n)
        assert preview.get_attribute("loading") == "lazy"
        assert preview.get_attribute("alt") and preview.get_attribute("width") == "1080"
    # Lazy: a first visit loads the previews near the top, not all of them.
    loaded = [u for u in recorder.requests if u.endswith(".webp") and "/infographics/" in u]  # (clip posters are under clips/)
    assert 0 < len(loaded) < previews.count()


@pytest.mark.parametrize("path, language", GALLERIES)
def test_previews_and_downloads_resolve(visit, base_url, path, language):
    page, recorder = visit(base_url + path, viewport={"width": 1280, "height": 800})
    page.locator("img.ward-share__image").last.scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('img.ward-share__image')].at(-1).complete")
    assert page.evaluate("[...document.querySelectorAll('img.ward-share__image')].at(-1).naturalWidth") == 1080
    hrefs = page.eval_on_selector_all("a.ward-share__file", "links => links.map(a => a.href)")
    for href in hrefs[:8]:
        response = page.request.get(href)
        assert response.status == 200 and response.headers["content-type"] == "image/png"
    assert recorder.console_errors == [] and recorder.foreign_requests(base_url) == []


@pytest.mark.parametrize("path, language", GALLERIES)
def test_copy_button_copies_the_caption_from_the_keyboard(visit, base_url, path, language):
    page, recorder = visit(base_url + path, viewport={"width": 1280, "height": 800})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button = page.locator("button.ward-share__copy").first
    assert button.inner_text() == t("infographics.copy", language)
    button.focus()
    assert page.evaluate("document.activeElement.classList.contains('ward-share__copy')")
    page.keyboard.press("Enter")
    status = page.locator(".ward-share__status").first
    status.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.ward-share__status').textContent !== ''")
    assert status.inner_text() == t("infographics.copied", language)
    caption = page.locator(".ward-share__caption").first.text_content()
    assert page.evaluate("navigator.clipboard.readText()") == caption
    assert caption.endswith("#NghiQuyet71 #GiaoDucDaoTao #DotPhaGiaoDuc" if language == "vi" else "#Resolution71 #Education #Vietnam")
    assert recorder.console_errors == []


def test_without_the_clipboard_the_caption_is_selected_and_the_reader_told(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined}); document.execCommand = () => false;")
    page = context.new_page()
    recorder = PageRecorder(page)
    page.goto(base_url + "infographics/", wait_until="networkidle")
    caption = page.locator(".ward-share__caption").nth(1)
    button = page.locator(f"button[aria-describedby='{caption.get_attribute('id')}']")
    status = button.locator("xpath=following-sibling::span[1]")
    button.press(" ")
    status.filter(has_text=t("infographics.copy_failed", "vi")).wait_for()
    assert page.evaluate("window.getSelection().toString()") == caption.text_content()
    assert recorder.console_errors == []
    context.close()


def test_without_javascript_the_caption_is_plain_text(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "infographics/")
    assert page.locator("button.ward-share__copy").count() == 0
    assert page.locator(".ward-share__caption").first.inner_text().startswith("Giáo dục và đào tạo là quốc sách hàng đầu")
    context.close()


@pytest.mark.parametrize("path, language", [
    pytest.param("nghi-quyet-71/phan-bac-thong-tin-sai/", "vi", id="vi"),
    pytest.param("en/nghi-quyet-71/diem-moi-dot-pha/", "en", id="en"),
])
def test_content_page_shows_its_infographics(visit, base_url, path, language):
    page, recorder = visit(base_url + path)
    figure = page.locator("img.ward-infographic__image").first
    figure.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('img.ward-infographic__image').complete")
    assert page.evaluate("document.querySelector('img.ward-infographic__image').naturalWidth") == 1080
    link = page.locator(".ward-infographic__share a").first
    assert link.inner_text() == t("infographics.share_link", language)
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(base_url + ("" if language == "vi" else "en/") + "infographics/#")
    assert recorder.console_errors == [] and recorder.foreign_requests(base_url) == []
