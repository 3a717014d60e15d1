"""The home page and a content page, in each language, in a real Chromium."""

import pytest

from pagetools import assert_clean_on_a_phone, axe_violations, search

PAGES = [
    pytest.param("", "en/", id="home-vi"),
    pytest.param("nghi-quyet-71/diem-moi-dot-pha/", "en/nghi-quyet-71/diem-moi-dot-pha/", id="content-vi"),
    pytest.param("en/", "", id="home-en"),
    pytest.param("en/nghi-quyet-71/phan-bac-thong-tin-sai/", "nghi-quyet-71/phan-bac-thong-tin-sai/", id="content-en"),
]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path, other_language", PAGES)
def test_page_is_clean_on_a_phone(visit, base_url, path, other_language):
    page, recorder = visit(base_url + path)
    assert_clean_on_a_phone(page, recorder, base_url)
    assert recorder.encoded_bytes < 250_000, f"first visit downloads {recorder.encoded_bytes} bytes"
    assert not any("/search/vi/" in u or "/search/en/" in u for u in recorder.requests), "index loaded before any search"
    assert axe_violations(page) == []


@pytest.mark.parametrize("path, other_language", PAGES)
def test_language_switch_lands_on_the_same_page(visit, base_url, path, other_language):
    page, _ = visit(base_url + path, viewport={"width": 1280, "height": 800})
    page.click(".md-header .md-select button")
    target_language = "en" if not path.startswith("en/") else "vi"
    page.click(f".md-select__link[hreflang={target_language}]")
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + other_language
    assert page.evaluate("document.documentElement.lang") == target_language


@pytest.mark.parametrize("path", ["", "nghi-quyet-71/diem-moi-dot-pha/"])
def test_search_for_phuong_finds_phuong(visit, base_url, path):
    page, recorder = visit(base_url + path)
    results = search(page, "phuong")
    assert "phường" in results.lower()
    assert page.locator(".md-search-result mark").first.inner_text().lower() == "phường"
    assert recorder.console_errors == [] and recorder.foreign_requests(base_url) == []


@pytest.mark.parametrize("path", ["en/", "en/nghi-quyet-71/phan-bac-thong-tin-sai/"])
def test_english_search_folds_too(visit, base_url, path):
    page, _ = visit(base_url + path)
    search(page, "binh dan hoc vu so")
    first = page.locator(".md-search-result__link").first.get_attribute("href")
    assert first == base_url + "en/nghi-quyet-71/binh-dan-hoc-vu-so/"


def test_missing_page_is_bilingual_and_styled(visit, base_url):
    page, recorder = visit(base_url + "khong-co-trang-nay/")
    assert "Không tìm thấy trang" in page.inner_text("h1")
    assert page.locator("a", has_text="English home page").get_attribute("href") == "/nq71/en/"
    assert recorder.foreign_requests(base_url) == []
