"""Helpers for browser tests: axe-core runs and searching as a reader types."""

from wardpub import PROJECT_ROOT

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, tags=AXE_TAGS):
    """Serious and critical axe-core violations, as 'rule: target' lines."""
    # Colours caught mid-transition (Material fades link colours) would read as low contrast.
    page.evaluate("""Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished.catch(() => null)))""")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [f"{v['id']}: {node['target']} {node.get('failureSummary', '')[:200]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical") for node in v["nodes"]]


def search(page, query):
    """Type a query as a reader does (keystrokes) and return the result list's text."""
    opener = page.locator("label.md-header__button[for=__search]")
    if opener.is_visible():
        opener.click()
    field = page.locator("input[data-md-component=search-query]")
    field.click()
    field.press_sequentially(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.locator(".md-search-result__list").inner_text()


def assert_clean_on_a_phone(page, recorder, base_url):
    """What every page must be at 360 px: no console error, nothing from another origin, no sideways scroll."""
    assert recorder.console_errors == []
    assert recorder.foreign_requests(base_url) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
