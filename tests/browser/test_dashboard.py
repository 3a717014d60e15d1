"""The results dashboard in a real Chromium, in both languages: clean, accessible,
sortable by keyboard, complete without JavaScript, printable on A4."""

import pytest

from pagetools import assert_clean_on_a_phone, axe_violations

pytestmark = pytest.mark.browser

DASHBOARDS = [pytest.param("thong-ke/", "vi", id="vi"), pytest.param("en/thong-ke/", "en", id="en")]
HEADINGS = "table.ward-units thead th"


def unit_names(page):
    return page.locator("table.ward-units tbody th").evaluate_all("cells => cells.map(c => c.dataset.sort)")


def show_every_image(page):
    """Scroll each lazy chart into view, as a reader does, and wait until it has loaded."""
    images = page.locator(".ward-chart img")
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
        images.nth(index).evaluate("img => img.complete || new Promise(done => img.addEventListener('load', done))")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path, language", DASHBOARDS)
def test_dashboard_is_clean_on_a_phone(visit, base_url, path, language):
    page, recorder = visit(base_url + path)
    show_every_image(page)
    assert_clean_on_a_phone(page, recorder, base_url)
    charts = page.locator(".ward-chart img")
    assert charts.count() == 2
    assert charts.evaluate_all("imgs => imgs.every(i => i.naturalWidth > 0)")
    assert page.locator(".ward-sample .admonition-title").inner_text() == ("Số liệu mẫu" if language == "vi" else "Sample figures")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path, language", DASHBOARDS)
def test_table_sorts_by_keyboard(visit, base_url, path, language):
    page, _ = visit(base_url + path, viewport={"width": 1280, "height": 900})
    headings = page.locator(HEADINGS)
    assert headings.nth(4).get_attribute("aria-sort") == "descending"  # as built: by rate, highest first
    first = headings.nth(0).locator("button")
    first.focus()
    page.keyboard.press("Enter")
    names = unit_names(page)
    collated = page.evaluate("(names) => [...names].sort(new Intl.Collator(document.documentElement.lang).compare)", names)
    assert names == collated and headings.nth(0).get_attribute("aria-sort") == "ascending"
    assert headings.nth(4).get_attribute("aria-sort") is None  # only the sorted column says it is sorted
    page.keyboard.press("Enter")
    assert unit_names(page) == collated[::-1] and headings.nth(0).get_attribute("aria-sort") == "descending"
    page.keyboard.press("Tab")  # to the next heading's button: sort by kind with the space bar
    page.keyboard.press("Space")
    assert headings.nth(1).get_attribute("aria-sort") == "ascending"
    kinds = page.locator("table.ward-units tbody tr").evaluate_all("rows => rows.map(r => r.cells[1].textContent.trim())")
    assert len(set(kinds)) > 1
    assert kinds == page.evaluate("(k) => [...k].sort(new Intl.Collator(document.documentElement.lang).compare)", kinds)
    assert page.locator(".ward-sort-status").inner_text().endswith("tăng dần" if language == "vi" else "ascending")


def test_table_is_complete_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "thong-ke/", wait_until="networkidle")
    assert page.locator("table.ward-units tbody tr").count() == 7
    assert page.locator("table.ward-units thead th button").count() == 0
    assert page.locator(f"{HEADINGS}[aria-sort=descending]").count() == 1
    context.close()


def test_prints_on_a4_with_the_whole_table(visit, base_url):
    page, _ = visit(base_url + "thong-ke/", viewport={"width": 1280, "height": 900})
    show_every_image(page)
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".ward-chart__downloads").first.is_visible()
    assert page.locator(".ward-sample").is_visible()  # a printout still says these are samples
    overflow = page.evaluate("(() => { const s = document.querySelector('.ward-table-scroll'); return s.scrollWidth - s.clientWidth; })()")
    assert overflow <= 1  # the whole table is on the page, nothing hidden in a scroll area
    assert page.pdf(format="A4").startswith(b"%PDF")
