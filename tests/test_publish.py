"""wardpub.site.publish and the built project site as a whole: strict, bilingual,
NFC, ASCII addresses, described pages, deterministic, all or nothing."""

import filecmp
import json
import re
import shutil
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sites import minimal_pages, page
from wardpub.site.cms import ADMIN
from wardpub.site.publish import BuildFailed, build_site, nginx_config_path, swap_into_place
from wardpub.project import check_project, markdown_files
from wardpub import DOCS_DIR, PROJECT_ROOT


class PageFacts(HTMLParser):
    """Title, meta description, and every id/href/src value of a page."""

    def __init__(self):
        super().__init__()
        self.title, self.description, self.addresses, self._in_title = "", None, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_title = tag == "title"
        if tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")
        for name in ("id", "href", "src"):
            if attrs.get(name):
                self.addresses.append((tag, name, attrs[name]))

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def html_pages(site: Path) -> list[Path]:
    """Every page a reader may open (the staff's web editor under admin/ is not one)."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != ADMIN)


def facts(path: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_exists_in_both_languages(site):
    vi_only = {p for p, meta in check_project({"ward": {}}, DOCS_DIR).pages.items() if meta.vi_only}
    vietnamese = [p.relative_to(site) for p in html_pages(site)
                  if p.relative_to(site).parts[0] not in ("en", "assets", "search", "q") and p.name != "404.html"]
    assert len(vietnamese) >= 12
    missing = [str(p) for p in vietnamese if not (site / "en" / p).is_file()]
    assert missing == [] or all(any(m.startswith(v.removesuffix(".vi.md").removesuffix("index")) for v in vi_only) for m in missing)


def test_published_text_is_nfc(site):
    # Decap's bundle (admin/, copied from node_modules as published) is not our text; what we write there is checked.
    vendored = {p for p in (site / ADMIN).iterdir() if p.name.endswith(("decap-cms.js", ".min.js"))}
    bad = [str(p) for p in site.rglob("*") if p.suffix in {".html", ".json", ".xml", ".css", ".js", ".yml"}
           and p not in vendored and not unicodedata.is_normalized("NFC", p.read_text(encoding="utf-8"))]
    assert bad == [] and len(vendored) > 10


def test_addresses_and_anchors_are_ascii(site):
    assert [str(p) for p in site.rglob("*") if not str(p.relative_to(site)).isascii()] == []
    for path in html_pages(site):
        for tag, name, value in facts(path).addresses:
            if name == "id" or (name in ("href", "src") and not value.startswith(("http://", "https://", "mailto:", "tel:"))):
                assert value.isascii(), f"{path.relative_to(site)}: <{tag} {name}={value!r}>"


def test_content_pages_have_title_and_description(site):
    for path in html_pages(site):
        if path.name == "404.html" or path.relative_to(site).parts[0] == "q":  # q/: short links' redirect stubs
            continue
        page_facts = facts(path)
        assert page_facts.title.strip(), path
        assert page_facts.description and len(page_facts.description) >= 40, path


def test_no_page_loads_anything_from_another_origin(site):
    foreign = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)
    for path in html_pages(site):
        for match in foreign.finditer(path.read_text(encoding="utf-8")):
            tag = match.group(0)
            # Canonical, language alternates and oEmbed discovery name the public address; they load nothing.
            assert 'rel="canonical"' in tag or 'rel=" alternate"' in tag or "json+oembed" in tag, f"{path.relative_to(site)}: {tag}"


UNCONFIRMED = [  # claims the fact sheet marks UNCONFIRMED, in the words a page would use
    r"2[.,]000 (giảng viên|foreign lecturers)",
    r"12\s?%",
    r"(cơ bản hoàn thành|largely complete)[^.]*(chuyển đổi số|digital transformation)",
]


@pytest.mark.parametrize("claim", UNCONFIRMED)
def test_nothing_unconfirmed_is_published(claim):
    for path in markdown_files(DOCS_DIR):
        assert not re.search(claim, path.read_text(encoding="utf-8"), re.I), f"{path}: {claim}"


def test_same_input_gives_the_same_bytes(site, tmp_path):
    again = build_site(tmp_path / "again")
    comparison = filecmp.dircmp(site, again)
    def differences(cmp):
        yield from (f"{cmp.left}/{n}" for n in cmp.diff_files + cmp.left_only + cmp.right_only)
        for sub in cmp.subdirs.values():
            yield from differences(sub)
    assert list(differences(comparison)) == []
    assert filecmp.cmpfiles(site, again, ["index.html", "sitemap.xml"], shallow=False)[0] == ["index.html", "sitemap.xml"]


def test_a_failed_build_keeps_the_previous_site(make_site):
    good = make_site(minimal_pages()).build()
    before = (good / "index.html").read_bytes()
    make_site({"docs/index.vi.md": page(body="[src:999]")})
    with pytest.raises(BuildFailed):
        make_site.build()
    assert (good / "index.html").read_bytes() == before


def test_swap_replaces_the_whole_folder(tmp_path):
    old, new = tmp_path / "site", tmp_path / "new"
    old.mkdir(); (old / "stale.html").write_text("old")
    new.mkdir(); (new / "index.html").write_text("new")
    swap_into_place(new, old)
    assert [p.name for p in old.iterdir()] == ["index.html"]
    for _ in range(200):  # the previous site is deleted in the background
        if not any(p.name != "site" for p in tmp_path.iterdir()):
            break
        time.sleep(0.05)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


# ── publishing: nothing unfinished reaches the public ──────────────────────────

SHIPPED_FIELDS = ["extra.ward.address.en", "extra.ward.address.vi", "extra.ward.committee.en", "extra.ward.committee.vi",
                  "extra.ward.email", "extra.ward.embed_origins[0]", "extra.ward.name.en", "extra.ward.name.vi",
                  "extra.ward.phone", "extra.ward.zalo_oa_id", "site_url"]
# A ward's real details (a 22-character domain, longer than example.gov.vn: it must fit every image).
REAL_DOMAIN = "phuongbinhthanh.gov.vn"
REAL = {  # each placeholder of the shipped mkdocs.yml and what a ward would write instead
    "https://example.gov.vn": f"https://{REAL_DOMAIN}",
    "[TÊN PHƯỜNG]": "Bình Thạnh",
    "[WARD NAME]": "Binh Thanh",
    "[Số nhà, đường]": "Số 6 Phan Đăng Lưu",
    "[tỉnh]": "TP. Hồ Chí Minh",
    "[Street address]": "6 Phan Dang Luu",
    "[province]": "Ho Chi Minh City",
    "[0xx xxxx xxxx]": "028 3841 2345",
    "[hopthu@example.gov.vn]": f"vanphong@{REAL_DOMAIN}",
    "[ZALO_OA_ID]": "1234567890123456789",
}


def shipped_placeholders() -> list[str]:
    from test_ward import project_ward_block
    from wardpub.data.ward import placeholders

    return [value for _, value in placeholders(project_ward_block()["ward"], "https://example.gov.vn/nq71/")]


def test_publishing_build_refuses_every_placeholder_one_line_each(make_site):
    make_site(minimal_pages())
    with pytest.raises(BuildFailed) as failure:
        build_site(make_site.root / "site", make_site.root / "mkdocs.yml", publishing=True)
    lines = str(failure.value).splitlines()
    assert [line.split(": ")[1] for line in lines] == SHIPPED_FIELDS
    assert all(line.startswith("mkdocs.yml: ") and "còn giá trị mẫu" in line for line in lines)
    assert "“[0xx xxxx xxxx]”" in next(line for line in lines if "extra.ward.phone" in line)
    assert not (make_site.root / "site").exists()


def test_every_build_warns_once_while_placeholders_remain(make_site, capsys):
    make_site(minimal_pages()).build()
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Cảnh báo")]
    assert len(warnings) == 1 and "site_url “https://example.gov.vn/nq71/”" in warnings[0]


def test_placeholders_never_make_invalid_links(site):
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        assert 'href="tel:[' not in text and 'href="mailto:[' not in text, path


def test_publishing_build_with_real_details_carries_no_placeholder(make_site, capsys):
    """A ward that filled in its details: the build succeeds, prints no warning, and no page, feed,
    manifest, image text (the manifests list every image's words and QR codes) or server file says otherwise."""
    spec = "ngan-sach-cho-giao-duc"
    files = {**minimal_pages(),
             "docs/nghi-quyet-71/diem-moi-dot-pha.vi.md": page("Điểm mới", body="Ít nhất 20% [src:6].").replace("---\n\n", "category: diem-moi-dot-pha\n---\n\n", 1),
             "docs/nghi-quyet-71/diem-moi-dot-pha.en.md": page("New points", "New points of the resolution, for the test site.", "At least 20% [src:6].").replace("---\n\n", "category: diem-moi-dot-pha\n---\n\n", 1),
             "docs/gioi-thieu.vi.md": page("Giới thiệu", body="Liên hệ: {{ ward.phone }}, {{ ward.email }}."),
             "docs/gioi-thieu.en.md": page("About", "About the site, for the test site.", "Contact: {{ ward.phone }}."),
             f"infographics/{spec}.yml": (PROJECT_ROOT / "infographics" / f"{spec}.yml").read_text(encoding="utf-8")}
    make_site(files)
    shutil.copytree(PROJECT_ROOT / "infographics" / "templates", make_site.root / "infographics" / "templates")
    config = make_site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    head, block = text[: text.index("\nextra:\n")], text[text.index("\nextra:\n"):]  # not the comments above
    for placeholder, real in REAL.items():
        assert placeholder in head + block, placeholder
        head, block = head.replace(f"site_url: {placeholder}", f"site_url: {real}"), block.replace(placeholder, real)
    config.write_text(head + block, encoding="utf-8")
    site = build_site(make_site.root / "site", config, publishing=True)
    assert "Cảnh báo" not in capsys.readouterr().err
    texts = {p: p.read_text(encoding="utf-8") for p in list(site.rglob("*")) + [nginx_config_path(site)]
             if p.suffix in {".html", ".xml", ".json", ".txt", ".js", ".css", ".conf", ".svg"} and p.is_file()}
    markers = shipped_placeholders() + ["[TÊN PHƯỜNG]", "[WARD NAME]", "example.gov.vn", "[0xx", "[ZALO"]
    leaks = [f"{path.relative_to(site.parent)}: {marker}" for path, text in texts.items() for marker in markers if marker in text]
    assert leaks == []
    # The images' words and QR codes were checked through their manifests: make sure they are there.
    item = json.loads((site / "infographics" / "manifest.json").read_text(encoding="utf-8"))["infographics"][0]
    drawn = [" ".join(block["lines"]) for block in next(f for f in item["files"] if "text" in f)["text"]]
    assert "PHƯỜNG BÌNH THẠNH" in drawn and f"{REAL_DOMAIN}/nq71" in drawn
    assert all(link.startswith(f"https://{REAL_DOMAIN}/nq71/q/") for link in item["short_link"].values())  # what the QR codes carry
    cards = json.loads((site / "og" / "manifest.json").read_text(encoding="utf-8"))["cards"]
    assert any(f"{REAL_DOMAIN}/nq71" in " ".join(block["lines"]) for card in cards for block in card["text"])
    footer = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="tel:02838412345">028 3841 2345</a>' in footer and f'<a href="mailto:vanphong@{REAL_DOMAIN}">' in footer
    assert '<a href="tel:02838412345">028 3841 2345</a>' in (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")


def test_days_are_written_one_way_per_language_everywhere(site):
    """22/8/2025 on Vietnamese pages, 22 August 2025 on English ones: in pages, feeds,
    manifests and the words drawn on images (the manifests list them)."""
    long_vietnamese = re.compile(r"\b\d{1,2} tháng \d{1,2},? \d{4}\b")
    short_english = re.compile(r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\b")
    found = []
    for path in site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json"}:
            # RSS writes its dates for machines (RFC 822: "Sat, 28 Nov 2026 00:00:00 +0700"): not reading text.
            text = re.sub(r"<(pubDate|lastBuildDate)>[^<]*</\1>", "", path.read_text(encoding="utf-8"))
            found += [f"{path.relative_to(site)}: {m.group(0)}" for m in long_vietnamese.finditer(text)]
            found += [f"{path.relative_to(site)}: {m.group(0)}" for m in short_english.finditer(text)]
    assert found == []
