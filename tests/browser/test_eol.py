"""wardpub.tools.eol in Chromium: what its report reads from a home page, on the pinned site."""

import re

import pytest

from wardpub.tools.eol import SEARCH_QUERY, in_browser, site_prefix

pytestmark = pytest.mark.browser


def test_the_pinned_home_page_shows_the_brand_header_and_answers_a_folded_search(site, browser):
    prefix = site_prefix(site)
    assert prefix == "/nq71/"
    seen = in_browser(site, prefix, browser)
    assert seen["Header background (brand colour)"] == "rgb(165, 14, 20)"  # extra.ward.colours.primary
    assert re.match(r"[1-9]\d* tài liệu", seen[f'Search answer to "{SEARCH_QUERY}" typed in the box'])
    assert seen["Console errors (404s included)"] == "0"
    assert seen["Requests to other origins"] == "0"
