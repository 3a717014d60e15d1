"""The built site behind Debian's nginx with its production headers, in Chromium:
no CSP violation anywhere, embeds framed only by the ward's origins, sharing
that contacts nobody before a click, and pages that print cleanly."""

import re
from pathlib import Path

import pytest

from wardpub.tools.devserver import serve_site
from wardpub.site.embedding import embed_code
from wardpub.site.serving import run_nginx

pytestmark = pytest.mark.browser

SITE_URL = "https://example.gov.vn/nq71/"


@pytest.fixture(scope="module")
def hosts(tmp_path_factory):
    """Two host pages on other localhost ports: one the ward allows to embed, one it does not."""
    folder = tmp_path_factory.mktemp("host")
    with serve_site(folder, "/") as allowed, serve_site(folder, "/") as refused:
        yield folder, allowed.rstrip("/"), refused.rstrip("/")


@pytest.fixture(scope="module")
def production(site, hosts):
    _, allowed, _ = hosts
    with run_nginx(site, SITE_URL, [allowed]) as base:
        yield base


def host_page(folder: Path, base: str, kind: str, ident: str = "") -> str:
    """A page of the ward's own site with our embed code pasted in (pointing at the local server)."""
    name = f"host-{kind}-{ident or 'all'}.html"
    (folder / name).write_text(f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>Trang phường</title><link rel='icon' href='data:,'></head>"
                               f"<body><h1>Trang của phường</h1>{embed_code(base, kind, ident, 'Nhúng', 'vi')}</body></html>",
                               encoding="utf-8")
    return name


@pytest.mark.parametrize("path", ["", "nghi-quyet-71/diem-moi-dot-pha/", "en/tin-tuc/", "thong-ke/", "infographics/"])
def test_pages_run_under_the_production_policy(visit, production, path):
    page, recorder = visit(production + path)
    assert recorder.console_errors == [], recorder.console_errors  # a CSP violation is a console error
    assert recorder.foreign_requests(production) == []


def test_web_editor_runs_under_its_own_policy(visit, production):
    page, recorder = visit(production + "admin/", viewport={"width": 1200, "height": 800})
    page.get_by_role("button", name="Đăng nhập bằng GitHub").wait_for()  # Decap started: config read, checked, drawn
    assert recorder.console_errors == [], recorder.console_errors
    assert recorder.foreign_requests(production) == []  # nothing leaves before someone signs in


def test_search_works_under_the_production_policy(visit, production):
    page, recorder = visit(production)
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input[data-md-component=search-query]").press_sequentially("phuong")
    page.wait_for_selector(".md-search-result__item")
    assert recorder.console_errors == []


def test_allowed_host_embeds_and_the_frame_fits_its_content(visit, production, hosts):
    folder, allowed, _ = hosts
    page, recorder = visit(f"{allowed}/{host_page(folder, production, 'news')}", viewport={"width": 800, "height": 900})
    frame_element = page.locator("iframe[data-ward-embed]")
    page.wait_for_function("document.querySelector('iframe[data-ward-embed]').style.height !== ''")
    frame = frame_element.element_handle().content_frame()
    frame.wait_for_load_state("networkidle")
    content_height = frame.evaluate("document.documentElement.scrollHeight")
    assert abs(frame_element.bounding_box()["height"] - content_height) <= 2
    assert frame_element.get_attribute("height") != str(round(frame_element.bounding_box()["height"]))
    assert frame.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"')")
    assert frame.evaluate("[...document.fonts].some(f => f.family.includes('Be Vietnam Pro') && f.status === 'loaded')")
    frame.locator("input[type=search]").press_sequentially("phuong")
    frame.wait_for_selector(".ward-embed-search__results li a")
    assert "phường" in frame.locator(".ward-embed-search__results").inner_text().lower()
    assert recorder.console_errors == []


@pytest.mark.parametrize("kind, ident", [("infographic", "ngan-sach-cho-giao-duc"), ("chart", "ngan-sach-giao-duc"), ("dashboard", "")])
def test_each_kind_of_item_embeds(visit, production, hosts, kind, ident):
    folder, allowed, _ = hosts
    page, recorder = visit(f"{allowed}/{host_page(folder, production, kind, ident)}", viewport={"width": 800, "height": 900})
    page.wait_for_function("document.querySelector('iframe[data-ward-embed]').style.height !== ''")
    frame = page.locator("iframe[data-ward-embed]").content_frame
    assert frame.locator(".ward-embed__content h1").inner_text()
    assert recorder.console_errors == []


def test_host_not_in_the_allow_list_is_refused(visit, production, hosts):
    folder, _, refused = hosts
    page, recorder = visit(f"{refused}/{host_page(folder, production, 'news')}")
    assert any("frame-ancestors" in message for message in recorder.console_errors), recorder.console_errors
    frame = page.locator("iframe[data-ward-embed]").content_frame
    assert frame.locator(".ward-embed__content").count() == 0


def test_share_bar_contacts_zalo_only_when_clicked(visit, production):
    page, recorder = visit(production + "nghi-quyet-71/mo-hinh-hay/")
    zalo_requests = []
    page.route(re.compile(r"https://[^/]*zalo\.me/.*"), lambda route: (zalo_requests.append(route.request.url), route.abort()))
    bar = page.locator(".ward-share-bar")
    assert recorder.foreign_requests(production) == [] and zalo_requests == []
    facebook = bar.get_by_role("link", name="Facebook").get_attribute("href")
    assert facebook.endswith("u=https%3A%2F%2Fexample.gov.vn%2Fnq71%2Fnghi-quyet-71%2Fmo-hinh-hay%2F")
    bar.get_by_role("button", name="Zalo").focus()
    page.keyboard.press("Enter")  # buttons work by keyboard
    page.wait_for_timeout(300)
    assert zalo_requests == ["https://sp.zalo.me/plugins/sdk.js"]


def test_copy_link_puts_the_address_on_the_clipboard(browser, production):
    context = browser.new_context(viewport={"width": 360, "height": 740}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(production + "tin-tuc/2025/hoi-nghi-toan-quoc-quan-triet-nghi-quyet-71/", wait_until="networkidle")
    page.get_by_role("button", name="Sao chép liên kết").click()
    page.wait_for_selector(".ward-share-bar__status:not(:empty)")
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + "tin-tuc/2025/hoi-nghi-toan-quoc-quan-triet-nghi-quyet-71/"
    context.close()


def test_print_hides_navigation_and_share_bar_and_prints_addresses(visit, production):
    page, _ = visit(production + "nghi-quyet-71/mo-hinh-hay/", viewport={"width": 1024, "height": 900})
    page.emulate_media(media="print")
    for selector in (".ward-share-bar", ".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    link = page.locator(".md-content a[data-print]").first
    after = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert SITE_URL in after
