"""Lighthouse 12 (wardpub.tools.audits) with its mobile settings, on the front page, the news
list, an article and a content page in both languages, served compressed by the shipped
nginx configuration. Accessibility, best practices and SEO must reach 95 and nothing may
move as the page loads (CLS < 0.1). Performance is a timing: `make bench` prints it."""

import pytest

from wardpub.tools.audits import PAGES, lighthouse
from wardpub.site.serving import run_nginx

pytestmark = pytest.mark.browser

SITE_URL = "https://example.gov.vn/nq71/"
PARAMS = [pytest.param(path, id=f"{name}-{language}") for name, vi, en in PAGES for path, language in ((vi, "vi"), (en, "en"))]


@pytest.fixture(scope="module")
def production(site):
    with run_nginx(site, SITE_URL, []) as base:
        yield base


@pytest.mark.parametrize("path", PARAMS)
def test_lighthouse_on_a_phone(production, path):
    scores = lighthouse(production + path)
    for category in ("accessibility", "best-practices", "seo"):
        assert scores.categories[category] >= 95, f"{scores.line()}; failing: {scores.failed}"
    assert scores.layout_shift < 0.1, f"{scores.line()}; failing: {scores.failed}"
