"""wardpub.site.sitemaps: a small index where Material looks, the full sitemap beside it."""

import xml.etree.ElementTree as ET

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_index_at_each_language_root_and_full_sitemap_beside(site):
    for root in (site, site / "en"):
        index = ET.parse(root / "sitemap.xml").getroot()
        assert index.tag.endswith("sitemapindex")
        assert [e.text for e in index.findall("s:sitemap/s:loc", NS)] == ["https://example.gov.vn/nq71/sitemap-pages.xml"]
    full = ET.parse(site / "sitemap-pages.xml").getroot()
    locations = [e.text for e in full.findall("s:url/s:loc", NS)]
    assert "https://example.gov.vn/nq71/nghi-quyet-71/diem-moi-dot-pha/" in locations
    assert "https://example.gov.vn/nq71/en/nghi-quyet-71/diem-moi-dot-pha/" in locations
    assert "Sitemap: https://example.gov.vn/nq71/sitemap.xml" in (site / "robots.txt").read_text()
