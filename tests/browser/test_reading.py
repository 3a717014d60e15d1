"""Reading the ward's publication in a real Chromium: the front page's first screen on
a phone, an article read aloud ("Nghe bài") with a stubbed speech engine, citations
numbered as a newspaper numbers them, dated statements worded for today, the
not-found page in the reader's language, and the print view."""


import pytest

from pagetools import assert_clean_on_a_phone, axe_violations
from sites import SiteMaker, article, minimal_pages, news_index, page
from wardpub import DOCS_DIR
from wardpub.tools.devserver import serve_site
from wardpub.data.pages import read_markdown

pytestmark = pytest.mark.browser

TODAY = "2026-11-28"
ARTICLE = "tin-tuc/2026/chi-bo-hoc-tap-nghi-quyet/"
VI_BODY = """\
Ngày 22/8/2025, Bộ Chính trị ban hành Nghị quyết 71-NQ/TW [src:26]. Ngân sách cho giáo dục ≥ 20% tổng chi [src:6,26].

## Báo cáo kết quả

Các đơn vị gửi báo cáo, {{ deadline 2026-04-15 }} [src:3]. Chương trình mục tiêu quốc gia có khoảng 580.133 tỷ đồng [src:48].
"""
EN_BODY = """\
On 22 August 2025 the Politburo issued Resolution 71-NQ/TW [src:26]. Education gets ≥ 20% of spending [src:6,26].

## Reporting results

Units send their reports, {{ deadline 2026-04-15 }} [src:3].
"""
SPOKEN_VI = [
    "Chi bộ học tập Nghị quyết bảy mươi mốt",
    "Ngày hai mươi hai tháng tám năm hai nghìn không trăm hai mươi lăm, Bộ Chính trị ban hành Nghị quyết bảy mươi mốt, en nờ quy, tê vê kép.",
    "Ngân sách cho giáo dục ít nhất hai mươi phần trăm tổng chi.",
    "Báo cáo kết quả",
    "Các đơn vị gửi báo cáo, đã hết hạn ngày mười lăm tháng tư năm hai nghìn không trăm hai mươi sáu.",
    "Chương trình mục tiêu quốc gia có khoảng năm trăm tám mươi nghìn một trăm ba mươi ba tỷ đồng.",
]
SPOKEN_EN = [
    "Party cells study Resolution seventy-one",
    "On the twenty-second of August, twenty twenty-five the Politburo issued Resolution seventy-one, N Q, T W.",
    "Education gets at least twenty percent of spending.",
    "Reporting results",
    "Units send their reports, the deadline passed on the fifteenth of April, twenty twenty-six.",
]
# A speech engine for a browser that has none (headless Chromium): it records what it is
# asked to say and "finishes" each utterance a moment later, as a real voice would.
SPEECH_STUB = """
window.__spoken = [];
(() => {
  const voices = %s;
  const synth = {
    speaking: false, pending: false, paused: false, timer: null,
    getVoices() { return voices; },
    speak(u) {
      window.__spoken.push({text: u.text, lang: u.lang, rate: u.rate});
      this.speaking = true;
      this.timer = setTimeout(() => { this.speaking = false; u.onend && u.onend({}); }, 40);
    },
    cancel() { clearTimeout(this.timer); this.speaking = false; },
    pause() {}, resume() {},
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
})();
"""
VIETNAMESE_VOICE = '[{"lang": "vi-VN", "name": "Linh", "localService": true, "default": true}]'
BOTH_VOICES = '[{"lang": "vi-VN", "name": "Linh", "localService": true, "default": true}, {"lang": "en-GB", "name": "Daniel", "localService": true, "default": false}]'


@pytest.fixture(scope="module")
def reading_url(tmp_path_factory):
    """A small site with one article in both languages, built on 28/11/2026, served under /nq71/."""
    maker = SiteMaker(tmp_path_factory.mktemp("reading"))
    vi = article(VI_BODY, title='"Chi bộ học tập Nghị quyết 71"', date="2026-03-20", category="vai-tro-to-chuc-dang")
    en = article(EN_BODY, title='"Party cells study Resolution 71"', date="2026-03-20", category="vai-tro-to-chuc-dang",
                 author="Editorial team")
    maker({**minimal_pages(), **news_index(), f"docs/{ARTICLE.rstrip('/')}.vi.md": vi, f"docs/{ARTICLE.rstrip('/')}.en.md": en})
    site = maker.build(today=TODAY)
    with serve_site(site) as url:
        yield url


def open_with_voices(browser, url, voices, viewport=(360, 740)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    if voices is not None:
        context.add_init_script(SPEECH_STUB % voices)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page


# ── the front page ──────────────────────────────────────────────────────────

@pytest.mark.parametrize("path", ["", "en/"])
def test_front_page_first_screen_shows_the_lead_and_its_picture(visit, base_url, path):
    page, recorder = visit(base_url + path)
    # The page's own title heads it (the menu's short name "Trang chủ" is for the menu).
    source = read_markdown(DOCS_DIR / ("index.en.md" if path else "index.vi.md"))
    assert page.locator("h1").inner_text() == source.meta["title"]
    lead = page.locator("p.ward-lead")
    picture = page.locator(".ward-hero__figure img")
    assert lead.count() == 1 and picture.count() == 1
    lead_box, picture_box = lead.bounding_box(), picture.bounding_box()
    assert lead_box["y"] >= 0 and lead_box["y"] + lead_box["height"] <= 740, lead_box  # the whole lead
    assert picture_box["y"] >= 0 and picture_box["y"] + picture_box["height"] <= 740, picture_box  # the whole picture
    assert picture.get_attribute("loading") is None and picture.get_attribute("fetchpriority") == "high"
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0 && img.currentSrc.endsWith('.webp')")
    # Then the figures, the latest news, the seven points and the ways in, in that order.
    order = page.evaluate("""() => ['.ward-figures', '.ward-news', '.ward-tiles--points', '.ward-tiles--ways']
        .map(s => document.querySelector(s).getBoundingClientRect().top)""")
    assert order == sorted(order)
    assert page.locator(".ward-tiles--points a").count() == 7
    assert_clean_on_a_phone(page, recorder, base_url)
    assert axe_violations(page) == []


def test_front_page_pictures_below_the_screen_wait(visit, base_url):
    page, recorder = visit(base_url)
    cards = page.locator(".ward-news .ward-card__picture img")
    assert cards.count() >= 3
    assert all(cards.nth(n).get_attribute("loading") == "lazy" for n in range(cards.count()))
    assert all(cards.nth(n).get_attribute("width") and cards.nth(n).get_attribute("height") for n in range(cards.count()))
    assert page.locator(".ward-news picture source[type='image/webp']").count() == cards.count()
    assert recorder.encoded_bytes < 250_000


# ── listening ───────────────────────────────────────────────────────────────

@pytest.mark.parametrize("path, voices, expected, lang", [
    pytest.param(ARTICLE, VIETNAMESE_VOICE, SPOKEN_VI, "vi-VN", id="vi"),
    pytest.param("en/" + ARTICLE, BOTH_VOICES, SPOKEN_EN, "en-GB", id="en"),
])
def test_listening_reads_the_sentences_in_order_in_the_pages_language(browser, reading_url, path, voices, expected, lang):
    context, page = open_with_voices(browser, reading_url + path, voices)
    start = page.locator(".ward-listen__start")
    assert start.is_visible()
    start.click()
    page.locator(".ward-listen__player").wait_for(state="visible")
    page.wait_for_function(f"window.__spoken.length >= {len(expected)}")
    spoken = page.evaluate("window.__spoken")
    assert [s["text"] for s in spoken[:len(expected)]] == expected
    assert {s["lang"] for s in spoken} == {lang}
    context.close()


def test_the_sentence_being_read_is_highlighted_and_the_reader_can_pause_and_stop(browser, reading_url):
    context, page = open_with_voices(browser, reading_url + ARTICLE, VIETNAMESE_VOICE)
    # A voice that speaks until told it has finished: the test ends each sentence itself.
    page.evaluate("() => { window.speechSynthesis.speak = (u) => { window.__spoken.push({text: u.text, lang: u.lang, rate: u.rate}); window.__current = u; }; }")
    page.locator(".ward-listen__start").click()
    highlighted = page.evaluate("CSS.highlights.get('ward-listen') && [...CSS.highlights.get('ward-listen')][0].toString()")
    assert highlighted == "Chi bộ học tập Nghị quyết 71"
    page.evaluate("window.__current.onend({})")  # the voice finishes the title
    assert page.evaluate("[...CSS.highlights.get('ward-listen')][0].toString()").startswith("Ngày 22/8/2025, Bộ Chính trị ban hành")
    assert page.locator(".ward-listen__status").inner_text() == f"Câu 2/{len(SPOKEN_VI)}"
    toggle = page.locator("[data-listen=toggle]")
    assert toggle.inner_text() == "Tạm dừng"
    toggle.click()
    assert toggle.inner_text() == "Đọc tiếp"
    page.select_option("[data-listen=speed]", "1.25")
    toggle.click()  # resumes the same sentence, at the new speed
    last = page.evaluate("window.__spoken.at(-1)")
    assert last["text"].startswith("Ngày hai mươi hai") and last["rate"] == 1.25
    page.locator("[data-listen=stop]").click()
    assert page.locator(".ward-listen__player").is_hidden()
    assert page.evaluate("!CSS.highlights.get('ward-listen')")
    context.close()


@pytest.mark.parametrize("voices", [
    pytest.param(None, id="no-speech-engine"),  # headless Chromium as it is: no voice at all
    pytest.param('[{"lang": "en-US", "name": "Sam", "localService": true, "default": true}]', id="no-vietnamese-voice"),
    pytest.param('[{"lang": "vi-VN", "name": "Online", "localService": false, "default": true}]', id="only-a-voice-that-sends-text-away"),
])
def test_no_listen_control_without_a_voice_for_the_page(browser, reading_url, voices):
    context, page = open_with_voices(browser, reading_url + ARTICLE, voices)
    control = page.locator(".ward-listen__start")
    assert control.count() == 1 and not control.is_visible()
    context.close()


def test_listening_leaves_the_page_clean(browser, reading_url):
    context, page = open_with_voices(browser, reading_url + ARTICLE, VIETNAMESE_VOICE)
    from wardpub.tools.browser import PageRecorder

    recorder = PageRecorder(page)
    page.locator(".ward-listen__start").click()
    page.wait_for_function(f"window.__spoken.length >= {len(SPOKEN_VI)}")
    assert recorder.console_errors == [] and recorder.foreign_requests(reading_url) == []
    assert axe_violations(page) == []
    context.close()


# ── citations and dates ─────────────────────────────────────────────────────

def test_citations_are_numbered_in_order_of_first_use_and_link_back(visit, reading_url):
    page, _ = visit(reading_url + ARTICLE)
    markers = page.locator("sup.ward-cite").evaluate_all("sups => sups.map(s => s.textContent.replace('\\u2060', ''))")
    assert markers == ["[1]", "[2,1]", "[3]", "[4]"]  # sources 26, 6, 3, 48 of sources.yml, numbered as first cited
    entries = page.locator("ol.ward-sources > li")
    assert entries.count() == 4
    assert entries.evaluate_all("lis => lis.map(li => li.id)") == ["src-1", "src-2", "src-3", "src-4"]
    assert "SGGP" in entries.nth(0).inner_text() and "Dân trí" in entries.nth(1).inner_text()
    page.locator("sup.ward-cite a", has_text="4").click()
    assert page.url.endswith("#src-4")
    back = entries.nth(0).locator(".ward-sources__back a").nth(1)  # source 1 is cited twice: back to the second place
    assert back.get_attribute("aria-label") == "Quay lại chỗ dẫn nguồn số 1, lần 2"
    back.click()
    assert page.url.endswith("#cite-1-2")
    assert page.evaluate("document.getElementById('cite-1-2').closest('sup').previousSibling.textContent").endswith("≥ 20% tổng chi")


@pytest.mark.parametrize("path", ["", "nghi-quyet-71/diem-moi-dot-pha/", "en/nghi-quyet-71/chuong-trinh-chinh-sach/"])
def test_no_citation_marker_starts_a_line_on_a_phone(visit, base_url, path):
    page, _ = visit(base_url + path)
    alone = page.evaluate("""() => [...document.querySelectorAll('sup.ward-cite')].filter(sup => {
        const block = sup.closest('p, li, td, dd') || sup.parentElement;
        const range = document.createRange();
        range.setStartBefore(block.firstChild); range.setEndBefore(sup);
        const before = [...range.getClientRects()].filter(r => r.width > 0).at(-1);
        const mine = sup.getClientRects()[0];
        // Alone on its line: text before it in its paragraph, but all on earlier lines. (A marker
        // that is a table cell's whole content, as in a sources column, has nothing before it.)
        return before && before.bottom <= mine.top + 1;
    }).map(sup => sup.closest('p, li, td, dd').textContent.slice(0, 60))""")
    assert page.locator("sup.ward-cite").count() > 3
    assert alone == []


def test_a_past_deadline_is_worded_as_past(visit, reading_url):
    page, _ = visit(reading_url + ARTICLE)
    statement = page.locator(".ward-dated").first
    assert statement.inner_text() == "đã hết hạn ngày 15/4/2026"
    assert statement.locator("time").get_attribute("datetime") == "2026-04-15"
    english, _ = visit(reading_url + "en/" + ARTICLE)
    assert english.locator(".ward-dated").first.inner_text() == "the deadline passed on 15 April 2026"


# ── the not-found page and the print view ───────────────────────────────────

@pytest.mark.parametrize("path, lang, heading, other", [
    pytest.param("khong-co-trang-nay/", "vi", "Không tìm thấy trang", "/nq71/en/", id="vi"),
    pytest.param("en/no-such-page/", "en", "Page not found", "/nq71/", id="en"),
])
def test_not_found_page_speaks_the_readers_language(visit, base_url, path, lang, heading, other):
    page, recorder = visit(base_url + path)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").inner_text() == heading
    assert page.locator(".ward-404-other a").get_attribute("href") == other
    assert page.locator(".md-content li a").count() >= 6  # the main sections
    recorder.console_errors.remove(next(e for e in recorder.console_errors if "404" in e))  # the page's own status
    assert_clean_on_a_phone(page, recorder, base_url)
    assert axe_violations(page) == []
    page.locator(".ward-404-search").click()  # opens the site's search
    page.locator("input[data-md-component=search-query]").wait_for(state="visible")


def test_an_article_prints_as_an_article(visit, reading_url):
    page, _ = visit(reading_url + ARTICLE, viewport={"width": 1024, "height": 900})
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".ward-listen", ".ward-share-bar", ".md-footer"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    masthead = page.locator(".ward-print-only")
    assert masthead.is_visible() and reading_url.split("/nq71/")[0] not in masthead.inner_text()
    assert "https://example.gov.vn/nq71/" + ARTICLE in masthead.inner_text()
    assert page.pdf(format="A4").startswith(b"%PDF")


# ── the masthead ────────────────────────────────────────────────────────────

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 40"><rect width="60" height="40" fill="#f2c230"/></svg>'


@pytest.fixture(scope="module")
def named_url(tmp_path_factory):
    """A ward with a long name, its short form and its own logo."""
    maker = SiteMaker(tmp_path_factory.mktemp("masthead"))
    maker({**minimal_pages(), "docs/assets/images/logo-phuong.svg": LOGO})
    config = maker.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        '      vi: Phường [TÊN PHƯỜNG]\n      en: "[WARD NAME] Ward"\n',
        '      vi: Phường Nguyễn Cư Trinh Mở Rộng\n      en: Nguyen Cu Trinh Extended Ward\n'
        '    short_name:\n      vi: P. Nguyễn Cư Trinh\n      en: Nguyen Cu Trinh\n'
        '    logo: assets/images/logo-phuong.svg\n', 1)
    config.write_text(text, encoding="utf-8")
    with serve_site(maker.build()) as url:
        yield url


def name_fits(page) -> bool:
    return page.evaluate("""() => [...document.querySelectorAll('.ward-masthead__name, .ward-masthead__name > span')]
        .filter(e => e.offsetParent !== null).every(e => e.scrollWidth <= e.clientWidth + 1)""")


def test_the_masthead_names_the_ward_readably_with_its_logo(visit, named_url, base_url):
    page, _ = visit(named_url)
    assert page.locator(".ward-masthead__publication").inner_text() == "Nghị quyết 71"
    assert page.locator(".ward-masthead__short").is_visible() and not page.locator(".ward-masthead__full").is_visible()
    assert page.locator(".ward-masthead__short").inner_text() == "P. Nguyễn Cư Trinh" and name_fits(page)
    logo = page.locator(".md-header .ward-logo img")
    assert logo.is_visible() and (logo.get_attribute("width"), logo.get_attribute("height")) == ("60", "40")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    desktop, _ = visit(named_url, viewport={"width": 1280, "height": 800})
    assert desktop.locator(".ward-masthead__full").inner_text() == "Phường Nguyễn Cư Trinh Mở Rộng" and name_fits(desktop)
    # The shipped site (no short form) still shows its whole name on a phone.
    shipped, _ = visit(base_url)
    assert shipped.locator(".ward-masthead__name").is_visible() and name_fits(shipped)


# ── nothing moves while the page loads ─────────────────────────────────────

@pytest.mark.parametrize("path", ["", "en/", "tin-tuc/", "tin-tuc/2025/hoi-nghi-toan-quoc-quan-triet-nghi-quyet-71/",
                                  "nghi-quyet-71/diem-moi-dot-pha/"])
def test_nothing_moves_when_pictures_and_fonts_arrive_late(browser, base_url, path):
    """A slow line: every picture and font arrives a second late. The page's layout shift
    (as Chromium measures it for Lighthouse's CLS) stays near zero."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    context.route("**/*", lambda route: (page.wait_for_timeout(1000) if route.request.resource_type in ("image", "font") else None,
                                         route.continue_()))
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.02
    context.unroute_all(behavior="ignoreErrors")
    context.close()
