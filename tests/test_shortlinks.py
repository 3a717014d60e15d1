"""wardpub.media.shortlinks: short codes, their pages and what the QR codes on images carry.

The QR codes are read back from the published images with a real decoder
(zxing-cpp), on a sample that covers every infographic, every scannable
format and both languages; link previews (1200×630) must carry none.
"""

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import zxingcpp
from PIL import Image

from infographic_kits import TEST_WARD
from wardpub import PROJECT_ROOT
from wardpub.media.infographics.render import render
from wardpub.media.infographics.resolve import resolve_kit
from wardpub.media.infographics.specs import load_kit
from wardpub.data.registries import load_registries
from wardpub.media.shortlinks import CODE_LENGTH, codes, links, page_html, read_links

SITE_URL = "https://example.gov.vn/nq71/"
# A real ward's address can be long: 65 characters with the scheme.
LONG_SITE_URL = "https://phuong-ben-thanh.tphcm.gov.vn/tuyen-truyen/nghi-quyet-71/"
SCANNABLE = ("1080x1080", "1080x1350", "1080x1920")


def decoded(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]


def followed(site: Path, url: str, site_url: str) -> str:
    """Where the static short-link page sends a reader (site-relative, anchor included)."""
    path = url[len(site_url):]
    html = (site / path / "index.html").read_text(encoding="utf-8")
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
    assert f'href="{target}"' in html  # a visible link too, for browsers that do not follow
    return urljoin("http://x/" + path, target)[len("http://x/"):]


def test_codes_are_short_stable_and_unique():
    found = codes(["vi/a", "en/a", "vi/b"])
    assert len(set(found.values())) == 3 and all(re.fullmatch(r"[a-z2-7]{%d}" % CODE_LENGTH, c) for c in found.values())
    assert codes(["vi/a"]) == {"vi/a": found["vi/a"]}  # a code does not depend on the others
    assert found["vi/a"] == "jbgsj"  # stable across builds and machines: printed codes must keep working


def test_the_short_link_page_sends_the_reader_on_and_names_the_item():
    link = links([("ngan-sach", "vi", "nghi-quyet-71/diem-moi-dot-pha/#ngan-sach", "Ngân sách")])[0]
    html = page_html(link, SITE_URL)
    assert '<meta http-equiv="refresh" content="0; url=../../nghi-quyet-71/diem-moi-dot-pha/#ngan-sach">' in html
    assert f'<link rel="canonical" href="{SITE_URL}nghi-quyet-71/diem-moi-dot-pha/#ngan-sach">' in html
    assert '<html lang="vi">' in html and "noindex" in html and ">Ngân sách</a>" in html


def test_every_scannable_image_carries_a_code_that_leads_to_its_item_and_link_previews_none(site):
    kit, _ = load_kit(PROJECT_ROOT / "infographics", load_registries())
    assert read_links(site)  # q/links.json, read by the server configuration
    for n, spec_id in enumerate(sorted(kit.specs)):
        fmt, language = SCANNABLE[n % 3], ("vi", "en")[n % 2]
        image = Image.open(site / "infographics" / spec_id / f"{spec_id}-{fmt}-{language}.png")
        [url] = decoded(image)
        page = "" if language == "vi" else "en/"
        assert followed(site, url, SITE_URL).startswith(page) and followed(site, url, SITE_URL).endswith(f"/#{spec_id}")
        target = followed(site, url, SITE_URL).split("#")[0]
        assert f'id="{spec_id}"' in (site / target / "index.html").read_text(encoding="utf-8")
        for language in ("vi", "en"):
            preview = Image.open(site / "infographics" / spec_id / f"{spec_id}-1200x630-{language}.png")
            assert decoded(preview) == [], f"{spec_id} 1200x630 {language}"


@pytest.mark.parametrize("fmt", ["1080x1080", "1080x1920"])
def test_codes_stay_scannable_with_a_long_ward_address(fmt):
    registries = load_registries()
    kit, _ = load_kit(PROJECT_ROOT / "infographics", registries)
    share_kit = resolve_kit(kit, TEST_WARD, registries, LONG_SITE_URL)
    item = max(share_kit.infographics, key=lambda i: len(i.id))  # the longest id
    job = item.job(fmt, "en")
    assert decoded(render(job.data)) == [item.short["en"].url(LONG_SITE_URL)]
    assert len(item.urls["en"]) > 100 and len(LONG_SITE_URL) >= 60
