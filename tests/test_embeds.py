"""wardpub.site.embeds: light, framable pages for each item, with oEmbed and embed codes."""

import json
from html.parser import HTMLParser

from wardpub.site.embedding import HEIGHTS, SANDBOX, embed_code

SITE = "https://example.gov.vn/nq71/"


def test_every_kind_has_embed_pages_in_both_languages(site):
    for language_root in (site, site / "en"):
        for kind in ("news", "dashboard"):
            assert (language_root / "embed" / kind / "index.html").is_file()
        assert len(list((language_root / "embed" / "infographic").iterdir())) >= 12
        assert len(list((language_root / "embed" / "chart").iterdir())) >= 5


def test_embed_page_is_light_and_discoverable(site):
    html = (site / "en/embed/news/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "md-header" not in html and "md-sidebar" not in html  # no site chrome
    assert '<base target="_blank">' in html
    assert f'<link rel="alternate" type="application/json+oembed" href="{SITE}en/embed/news/oembed.json"' in html
    assert "embed-frame.js" in html and "<form class=\"ward-embed-search\"" in html


def test_oembed_json_is_valid_rich(site):
    data = json.loads((site / "embed/chart/ngan-sach-giao-duc/oembed.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["html"] == embed_code(SITE, "chart", "ngan-sach-giao-duc", data["title"], "vi")
    assert data["height"] == HEIGHTS["chart"] and data["provider_url"] == SITE


def test_embed_code_frames_with_a_fixed_height_and_the_sizing_script():
    code = embed_code(SITE, "infographic", "x", 'Tiêu đề "a"', "en")
    assert code.startswith(f'<iframe src="{SITE}en/embed/infographic/x/" title="Tiêu đề &quot;a&quot;" width="100%" height="{HEIGHTS["infographic"]}"')
    assert f'sandbox="{SANDBOX}"' in code and "data-ward-embed" in code
    assert code.endswith(f'<script src="{SITE}assets/javascripts/embed.js" async></script>')


def test_items_offer_their_embed_code(site):
    gallery = (site / "infographics/index.html").read_text(encoding="utf-8")
    assert gallery.count('class="ward-embed-code"') >= 12
    for page in ("thong-ke/index.html", "tin-tuc/index.html", "nghi-quyet-71/chuong-trinh-chinh-sach/index.html"):
        assert 'class="ward-embed-code"' in (site / page).read_text(encoding="utf-8"), page
