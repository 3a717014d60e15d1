"""The practice quiz and the contest page in a real Chromium, on a phone, by keyboard only."""

import json

import pytest

from wardpub.tools.browser import PageRecorder

from pagetools import assert_clean_on_a_phone, axe_violations

pytestmark = pytest.mark.browser

PAGES = [pytest.param("thi-tim-hieu/", "vi", id="vi"), pytest.param("en/thi-tim-hieu/", "en", id="en")]


def bank(site, language):
    data = json.loads((site / f"thi-tim-hieu/ngan-hang-cau-hoi-{language}.json").read_text(encoding="utf-8"))
    return data, {q["id"]: q for q in data["questions"]}


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches selector (a keyboard user's way there)."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page, question, right):
    """Choose the right options (or a wrong one) with Tab, arrows and Space, then press Enter on Answer."""
    correct = [n for n, o in enumerate(question["options"]) if o["correct"]]
    wanted = correct if right else [next(n for n in range(len(question["options"])) if n not in correct)]
    if question["type"] == "multiple":
        for index in wanted:
            tab_to(page, f".ward-quiz__choice[data-option='{index}'] input")
            page.keyboard.press("Space")
    else:
        tab_to(page, ".ward-quiz__question input[name=answer]")
        # Arrow keys move the choice within a radio group, as a keyboard user does.
        for _ in range(len(question["options"]) + 1):
            if page.evaluate("document.activeElement.value") == str(wanted[0]):
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    tab_to(page, ".ward-quiz__question button[type=submit]")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("path, language", PAGES)
def test_a_round_played_by_keyboard_earns_the_score_its_answers_deserve(visit, base_url, site, path, language):
    data, questions = bank(site, language)
    page, recorder = visit(base_url + path)
    page.wait_for_selector(".ward-quiz__setup")
    assert_clean_on_a_phone(page, recorder, base_url)
    assert axe_violations(page) == []
    tab_to(page, ".ward-quiz__setup button[type=submit]")
    page.keyboard.press("Enter")
    pattern = [True, False, True, True, False, True, True, True, False, True]
    seen = []
    for n, right in enumerate(pattern):
        form = page.locator("form.ward-quiz__question")
        assert page.evaluate("document.activeElement.classList.contains('ward-quiz__number')")
        qid = form.get_attribute("data-question-id")
        seen.append(qid)
        answer_by_keyboard(page, questions[qid], right)
        feedback = page.locator(".ward-quiz__feedback")
        feedback.locator(".ward-quiz__more a").wait_for()
        verdict = data["strings"]["right"] if right else data["strings"]["wrong"]
        assert feedback.locator(".ward-quiz__verdict strong").inner_text() == verdict
        assert questions[qid]["explanation"] in feedback.inner_text()
        more = feedback.locator(".ward-quiz__more a")
        assert more.get_attribute("href").endswith(questions[qid]["page"]["url"].split("/")[-1] or "/")
        assert feedback.locator(".ward-quiz__sources").inner_text().startswith(data["strings"]["source"])
        if n == 0:
            assert axe_violations(page) == []
            assert feedback.get_attribute("aria-live") == "polite"
        # The same button now moves on, and keeps the focus.
        assert page.evaluate("document.activeElement.type") == "submit"
        page.keyboard.press("Enter")
    assert len(set(seen)) == 10
    result = page.locator(".ward-quiz__result")
    result.wait_for()
    expected = data["strings"]["score_line"].replace("{right}", str(sum(pattern))).replace("{total}", "10")
    assert result.locator(".ward-quiz__score strong").inner_text() == expected
    assert result.locator(".ward-quiz__review li").count() == 10
    page.locator("img.ward-quiz__card-image").wait_for()
    assert page.evaluate("document.querySelector('img.ward-quiz__card-image').naturalWidth") == 1080
    assert page.locator(".ward-quiz__card a[download]").get_attribute("href").startswith("data:image/png")
    assert axe_violations(page) == []
    assert_clean_on_a_phone(page, recorder, base_url)
    # A random round deals from every topic: ten questions from seven topics cover them all.
    assert len({questions[q]["point"] for q in seen}) == 7
    # Progress stays in this browser.
    stored = json.loads(page.evaluate("localStorage.getItem('ward-quiz-v1')"))
    assert stored["rounds"] == 1 and stored["best"] == {"right": 7, "total": 10}
    assert sorted(stored["known"]) == sorted(q for q, r in zip(seen, pattern) if r)


def test_a_round_on_one_topic_and_the_progress_it_leaves(visit, base_url, site):
    data, questions = bank(site, "vi")
    page, recorder = visit(base_url + "thi-tim-hieu/")
    page.wait_for_selector(".ward-quiz__setup")
    page.get_by_label(data["points"][6]["name"], exact=False).check()
    page.locator(".ward-quiz__setup input[name=timer]").uncheck()
    page.locator(".ward-quiz__setup button[type=submit]").click()
    count = data["points"][6]["count"]
    assert page.locator(".ward-quiz__intro").inner_text().startswith(f"Lượt thi {count} câu về nội dung 7")
    assert page.locator(".ward-quiz__clock").count() == 0  # no timer when switched off
    for _ in range(count):
        qid = page.locator("form.ward-quiz__question").get_attribute("data-question-id")
        assert questions[qid]["point"] == "phan-bac-thong-tin-sai"
        answer_by_keyboard(page, questions[qid], True)
        page.keyboard.press("Enter")
    page.locator(".ward-quiz__result").wait_for()
    page.get_by_role("button", name=data["strings"]["again"]).click()
    assert "đã đúng " + f"{count}/{count}" in page.locator(".ward-quiz__setup").inner_text()
    assert recorder.console_errors == [] and recorder.foreign_requests(base_url) == []


def test_the_timer_is_announced_can_be_switched_off_and_ends_the_round(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.clock.install()
    recorder = PageRecorder(page)
    page.goto(base_url + "thi-tim-hieu/", wait_until="networkidle")
    page.wait_for_selector(".ward-quiz__setup")
    page.locator(".ward-quiz__setup button[type=submit]").click()
    status = page.locator(".ward-quiz__status")
    page.clock.run_for(1000)
    assert status.get_attribute("role") == "status"
    assert status.inner_text().startswith("Lượt thi bắt đầu, có tính giờ: 10 phút")
    page.clock.run_for(9 * 60 * 1000)
    assert "Còn 1:00" in status.inner_text()  # warned politely, once, a minute before the end
    assert "ward-quiz__timer--warning" in page.locator(".ward-quiz__timer").get_attribute("class")
    page.clock.run_for(61 * 1000)
    result = page.locator(".ward-quiz__result")
    result.wait_for()
    assert "Hết giờ" in result.inner_text() and "Bạn trả lời đúng 0/10 câu." in result.inner_text()
    # Another round: the timer switched off by keyboard, and time passing changes nothing.
    page.get_by_role("button", name="Thi lượt mới").click()
    page.locator(".ward-quiz__setup button[type=submit]").click()
    page.locator(".ward-quiz__timer-off").focus()
    page.keyboard.press("Enter")
    page.clock.run_for(500)
    assert "Đã tắt đồng hồ" in page.locator(".ward-quiz__bar").inner_text()
    page.clock.run_for(20 * 60 * 1000)
    assert page.locator(".ward-quiz__result").count() == 0 and page.locator("form.ward-quiz__question").count() == 1
    assert recorder.console_errors == []
    context.close()


def test_without_javascript_the_page_says_what_it_is_and_links_the_paper_sets(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "thi-tim-hieu/")
    note = page.locator(".ward-quiz__nojs")
    assert "cần bật JavaScript" in note.inner_text()
    anchor = note.locator("a").get_attribute("href")
    assert page.locator(anchor).inner_text() == "Đề thi trên giấy"
    assert page.locator("a[href$='-de-vi.pdf']").count() >= 3 and page.locator("a[href$='-dap-an-vi.pdf']").count() >= 3
    context.close()


@pytest.mark.parametrize("path", ["thi-tim-hieu/cuoc-thi/", "en/thi-tim-hieu/cuoc-thi/"])
def test_the_contest_page_is_clean_and_loads_no_answers(visit, base_url, site, path):
    page, recorder = visit(base_url + path)
    assert_clean_on_a_phone(page, recorder, base_url)
    assert axe_violations(page) == []
    assert not [u for u in recorder.requests if "ngan-hang-cau-hoi" in u or "quiz.js" in u]
    language = "en" if path.startswith("en/") else "vi"
    _, questions = bank(site, language)
    content = page.content()
    for question in questions.values():
        assert question["text"] not in content
        for option in question["options"]:
            if option["correct"] and len(option["text"]) > 12:
                assert option["text"] not in content


def test_an_open_round_shows_its_link_rules_and_what_the_form_collects(make_site, browser, monkeypatch):
    """A small site whose example round is published and open on the build date."""
    import yaml

    from wardpub.tools.devserver import serve_site
    from wardpub.site.quiz.rounds import ROUNDS_FILE

    from sites import minimal_pages, page

    (round_,) = yaml.safe_load(ROUNDS_FILE.read_text(encoding="utf-8"))
    round_.pop("draft")
    monkeypatch.setenv("WARDPUB_TODAY", "2027-01-10")
    files = {**minimal_pages(),
             "docs/thi-tim-hieu/cuoc-thi.vi.md": page("Cuộc thi", body="Cuộc thi của phường.").replace("---\n\n", "quiz: contest\n---\n\n"),
             "docs/thi-tim-hieu/cuoc-thi.en.md": page("Contest", "The ward's contest page for the test site.", "The contest.").replace("---\n\n", "quiz: contest\n---\n\n"),
             "docs/_data/quiz/rounds.yml": yaml.safe_dump([round_], allow_unicode=True),
             "docs/_data/quiz/sheets.yml": "[]\n"}
    built = make_site(files).build()  # no question bank: its links need the content pages, absent here
    with serve_site(built, "/nq71/") as url:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        tab = context.new_page()
        recorder = PageRecorder(tab)
        tab.goto(url + "thi-tim-hieu/cuoc-thi/", wait_until="networkidle")
        assert tab.locator(".ward-quiz__state").inner_text() == "Đang mở: bạn có thể dự thi đến hết ngày 25/1/2027."
        link = tab.get_by_role("link", name="Vào biểu mẫu dự thi (Google Forms)")
        assert link.get_attribute("href") == round_["form"]["url"]
        assert tab.locator(".ward-quiz__collects tbody tr").count() == len(round_["form"]["collects"])
        assert "Nghị định 13/2023/NĐ-CP" in tab.locator("article").inner_text()
        assert_clean_on_a_phone(tab, recorder, url)  # the form's page is only linked, never loaded
        assert axe_violations(tab) == []
        context.close()
