"""wardpub.site.social: every page's Open Graph tags, its 1200×630 image, the share buttons."""

import re
import struct
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from wardpub.site.social import card_path, share_bar

SITE = "https://example.gov.vn/nq71/"


class Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, list[str]] = {}
        self.canonical = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.tags.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]


def png_size(path):
    with open(path, "rb") as handle:
        head = handle.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def pages(site):
    # Not embeds, nor the redirect stubs of short links (q/<code>/), nor the staff's web editor (admin/).
    return [p for p in site.rglob("index.html")
            if "embed" not in p.relative_to(site).parts and p.relative_to(site).parts[0] not in ("q", "admin")]


def test_every_page_has_absolute_open_graph_with_an_existing_image(site):
    checked = 0
    for path in pages(site):
        meta = Meta()
        meta.feed(path.read_text(encoding="utf-8"))
        tags = {key: values[0] for key, values in meta.tags.items()}
        where = path.relative_to(site).as_posix()
        for key in ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:locale:alternate",
                    "og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:card", "twitter:image"):
            assert tags.get(key), f"{where}: {key}"
        assert tags["og:url"] == meta.canonical and tags["og:url"].startswith(SITE), where
        assert tags["og:image"].startswith(SITE) and tags["twitter:card"] == "summary_large_image", where
        image = site / tags["og:image"][len(SITE):]
        assert image.is_file(), f"{where}: {tags['og:image']}"
        assert png_size(image) == (int(tags["og:image:width"]), int(tags["og:image:height"])) == (1200, 630), where
        english = where.startswith("en/")
        assert (tags["og:locale"], tags["og:locale:alternate"]) == (("en_US", "vi_VN") if english else ("vi_VN", "en_US")), where
        assert tags["og:type"] == ("article" if re.match(r"(en/)?tin-tuc/\d{4}/", where) else "website"), where
        checked += 1
    assert checked > 40


def test_a_page_with_infographics_shares_its_first_one(site):
    meta = Meta()
    meta.feed((site / "nghi-quyet-71/diem-moi-dot-pha/index.html").read_text(encoding="utf-8"))
    assert re.fullmatch(SITE + r"infographics/[a-z0-9-]+/[a-z0-9-]+-1200x630-vi\.png", meta.tags["og:image"][0])


def test_other_pages_get_their_own_card(site):
    meta = Meta()
    meta.feed((site / "en/tai-lieu/index.html").read_text(encoding="utf-8"))
    assert meta.tags["og:image"] == [SITE + "og/en/tai-lieu.png"]
    assert meta.tags["og:image:alt"][0].startswith("Page preview: ")


@pytest.mark.parametrize("url, expected", [("", "og/index.png"), ("tin-tuc/2025/x/", "og/tin-tuc/2025/x.png"), ("en/", "og/en.png")])
def test_card_path(url, expected):
    assert card_path(url) == expected


def test_share_bar_carries_the_address_and_loads_nothing():
    url = SITE + "nghi-quyet-71/mo-hinh-hay/"
    bar = share_bar(url, "Mô hình hay", "vi", "123")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={quote(url, safe="")}"' in bar
    assert f'data-url="{url}"' in bar and 'data-oaid="123"' in bar
    assert "<script" not in bar and "zalo.me" not in bar  # Zalo's script is loaded by share-kit.js on click only
    assert bar.count("hidden>") == 3  # buttons that need the script stay hidden without it


def test_a_cards_key_kept_from_an_earlier_build_is_the_one_worked_out_and_a_lost_card_is_drawn_again(make_site):
    from wardpub.cache import kept_results
    from wardpub.media.infographics.output import ImageCache
    from wardpub.site.social import PageFacts, card_job_for, card_keys
    from clip_kits import load_project, write_project

    project = load_project(write_project(make_site.root, specs={}))  # the project's templates, the card's among them
    facts = PageFacts("tin-tuc/2025/tin-thu/", "Một tiêu đề đủ dài để vẽ thành thẻ xem trước", "Tin tức")
    cache = ImageCache()
    [key] = card_keys(project, [(facts, "vi")], cache)
    assert key == card_job_for(project, facts, "vi").key and cache.png(key).is_file()
    kept = kept_results("card-keys")
    kept.kept, kept.used = dict(kept.used), {}  # as the next build finds them
    cache.png(key).unlink()
    assert card_keys(project, [(facts, "vi")], cache) == [key] and cache.png(key).is_file()
    other = PageFacts(facts.url, "Một tiêu đề khác cho cùng trang", "Tin tức")
    assert card_keys(project, [(other, "vi")], cache) == [card_job_for(project, other, "vi").key] != [key]
