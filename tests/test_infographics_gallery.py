"""wardpub.site.gallery and .cards: the share kit on the built site, the sections on content pages, page cards.

Most checks read the project's own site, built once per run (the `site` fixture).
"""

import json
import re
from html import escape
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from PIL import Image

from wardpub import PROJECT_ROOT
from wardpub.media.infographics.cards import render_page_card
from wardpub.language import t
from wardpub.site.gallery import page_section, text_equivalent
from wardpub.media.infographics.resolve import resolve_kit
from wardpub.media.infographics.specs import load_kit
from wardpub.problems import ProblemsFound
from wardpub.data.registries import load_registries
from wardpub.project import check_project

from infographic_kits import SITE_URL, TEST_WARD

REGISTRIES = load_registries()
KIT, _ = load_kit(PROJECT_ROOT / "infographics", REGISTRIES)
SHARE_KIT = resolve_kit(KIT, TEST_WARD, REGISTRIES, SITE_URL)
IDS = sorted(KIT.specs)


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def local_targets(html: str, attribute: str, page_url: str) -> list[str]:
    """Site-relative paths of every local href/src of a page at site-relative page_url."""
    found = []
    for value in re.findall(rf'{attribute}="([^"#]+)(?:#[^"]*)?"', html):
        if not re.match(r"^[a-z]+:|^/", value):
            found.append(urljoin("http://x/" + page_url, value)[len("http://x/"):])
    return found


def test_every_image_and_the_manifest_are_in_the_site_once(site):
    folder = site / "infographics"
    for spec_id in IDS:
        # A PNG for posting in every format and language; WebP only for the square shown on the site.
        assert len(list((folder / spec_id).glob("*.png"))) == 8
        assert sorted(p.name for p in (folder / spec_id).glob("*.webp")) == [f"{spec_id}-1080x1080-en.webp", f"{spec_id}-1080x1080-vi.webp"]
    assert sorted(p.name for p in (site / "en" / "infographics").iterdir()) == ["index.html"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in manifest["infographics"]] == [i.id for i in SHARE_KIT.infographics]
    for entry in manifest["infographics"]:
        for file in entry["files"]:
            path = site / file["path"]
            assert path.stat().st_size == file["bytes"]
            with Image.open(path) as image:
                assert image.size == (file["width"], file["height"])


@pytest.mark.parametrize("language, url", [("vi", "infographics/"), ("en", "en/infographics/")])
def test_gallery_lists_every_infographic_with_downloads_caption_and_link(site, language, url):
    html = html_of(site, url)
    for spec_id in IDS:
        assert f'<h3 id="{spec_id}">' in html
        assert f'id="caption-{spec_id}" data-ward-copy' in html
    assert html.count('class="md-button ward-share__file"') == len(IDS) * 8
    assert html.count('loading="lazy"') >= len(IDS)
    assert 'assets/javascripts/share-kit.js' in html
    for target in local_targets(html, "src", url) + local_targets(html, "href", url):
        assert (site / target).exists() or (site / target / "index.html").exists(), target
    item = next(i for i in SHARE_KIT.infographics if i.id == "ngan-sach-cho-giao-duc")
    assert f'data-ward-copy-failed="{escape(t("infographics.copy_failed", language))}">{escape(item.caption(language))}</p>' in html
    preview = f"ngan-sach-cho-giao-duc/ngan-sach-cho-giao-duc-1080x1080-{language}.webp"
    assert f'src="{preview if language == "vi" else "../../infographics/" + preview}"' in html


def test_content_page_shows_its_infographics_in_words_too(site):
    html = html_of(site, "nghi-quyet-71/diem-moi-dot-pha/")
    assert '<h2 id="do-hoa-thong-tin">Đồ họa thông tin</h2>' in html
    for item in SHARE_KIT.by_category("diem-moi-dot-pha"):
        assert f'<h3 id="{item.id}">' in html
        assert f'alt="{item.spec.alt["vi"]}"' in html
    assert "<strong>≥ 20%</strong> tổng chi ngân sách nhà nước cho giáo dục và đào tạo" in html
    assert 'href="../../infographics/#ngan-sach-cho-giao-duc"' in html
    # Its figures' sources are linked and listed at the end of the page.
    registries = load_registries()
    for ident in (23, 26):
        assert re.search(r'<li id="src-\d+">' + re.escape(escape(registries.sources[ident].outlet)), html), ident


def test_english_content_page_links_to_the_english_gallery(site):
    html = html_of(site, "en/nghi-quyet-71/phan-bac-thong-tin-sai/")
    assert '<h2 id="infographics">Infographics</h2>' in html
    assert "<strong>False claim:</strong>" in html and "<strong>Fact:</strong>" in html
    assert 'src="../../../infographics/tin-sai-ngan-sach-5-phan-tram/tin-sai-ngan-sach-5-phan-tram-1080x1080-en.webp"' in html
    assert 'href="../../infographics/#tin-sai-ngan-sach-5-phan-tram"' in html


def test_qr_codes_carry_a_short_link_that_leads_to_the_infographic_on_its_page(site):
    for item in SHARE_KIT.infographics:
        for language in ("vi", "en"):
            url = item.urls[language]
            assert url == SITE_URL + item.pages[language] + f"#{item.id}"
            qr = next(layer for layer in item.job("1080x1080", language).data["layers"] if layer["type"] == "qr")
            assert re.fullmatch(re.escape(SITE_URL) + r"q/[a-z2-7]{5,}/", qr["data"])
            short = qr["data"][len(SITE_URL):]
            target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html_of(site, short)).group(1)
            assert urljoin("http://x/" + short, target) == "http://x/" + item.pages[language] + f"#{item.id}"
            assert f'id="{item.id}"' in html_of(site, item.pages[language])


def test_sections_only_on_the_content_page_of_the_point():
    project = SimpleNamespace(infographics=SHARE_KIT)

    def page(src_uri, url, **meta):
        return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url, meta=meta)

    assert page_section(page("tin-tuc/2025/hoi-nghi.vi.md", "tin-tuc/2025/hoi-nghi/", category="diem-moi-dot-pha"), "vi", project) == ""
    assert page_section(page("gioi-thieu.vi.md", "gioi-thieu/"), "vi", project) == ""
    english = page_section(page("nghi-quyet-71/binh-dan-hoc-vu-so.en.md", "en/nghi-quyet-71/binh-dan-hoc-vu-so/"), "en", project)
    assert english.startswith("## Infographics\n\n### The “Digital literacy for all” movement")
    assert page_section(page("infographics.vi.md", "infographics/", gallery=True), "vi", SimpleNamespace(infographics=None)) == ""


def test_text_equivalent_carries_every_figure_and_its_sources():
    item = next(i for i in SHARE_KIT.infographics if i.id == "chuong-trinh-muc-tieu-quoc-gia")
    assert text_equivalent(item, "en").splitlines()[2:] == [
        "- **580,133** billion VND in total for the whole period (about) [src:48,49]",
        "- **174,673** billion VND for 2026–2030 [src:48,49]",
        "- **100,000** billion VND from the central budget, 2026–2030 [src:48,49]",
    ]
    listed = next(i for i in SHARE_KIT.infographics if i.id == "tam-nhom-nhiem-vu")
    assert text_equivalent(listed, "vi").endswith("\nNguồn: [src:9,10,11]")


def test_page_card_is_a_template_rendered_from_title_and_section():
    project = check_project(_project_extra(), PROJECT_ROOT / "docs", SITE_URL)
    path = render_page_card(project, "Giới thiệu trang thông tin", "Nghị quyết 71", "vi")
    with Image.open(path) as image:
        assert image.size == (1200, 630)
    assert render_page_card(project, "Giới thiệu trang thông tin", "Nghị quyết 71", "vi") == path  # cached
    with pytest.raises(ProblemsFound) as error:
        render_page_card(project, "Một tiêu đề rất dài " * 20, None, "vi", file="docs/gioi-thieu.vi.md")
    assert str(error.value).startswith("docs/gioi-thieu.vi.md: title: tiêu đề quá dài cho ảnh xem trước 1200×630 (tràn ")


def _project_extra() -> dict:
    from mkdocs.config import load_config

    return dict(load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml")).extra)
