"""Browser fixtures: the built site served under a sub-path, and Chromium."""

import pytest

from wardpub import PROJECT_ROOT
from wardpub.tools.browser import PageRecorder, launch
from wardpub.tools.devserver import serve_site

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def base_url(site):
    """The site at http://127.0.0.1:<port>/nq71/: hosted under a sub-path, as on the ward's domain."""
    with serve_site(site, "/nq71/") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with launch() as chromium:
        yield chromium


@pytest.fixture
def visit(browser):
    """Open a URL in a fresh context (empty cache: a first visit) and record what it loads."""
    contexts = []

    def open_page(url, viewport=PHONE):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        recorder = PageRecorder(page)
        page.goto(url, wait_until="networkidle")
        return page, recorder

    yield open_page
    for context in contexts:
        context.close()
