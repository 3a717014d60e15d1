"""wardpub.site.posts.kit: every post of the built site, its files, zips and manifest."""

import io
import json
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from jsonschema import Draft7Validator
from PIL import Image

from wardpub.site.posts.kit import fit_jpeg, zip_bytes
from wardpub.data.post_limits import FACEBOOK_MAX, HASHTAGS_MAX, HOOK_MAX, ZALO_IMAGE_BYTES, ZALO_MESSAGE_MAX
from wardpub.site.posts.zalo import SCHEMA_FILE

from sites import article, minimal_pages, news_index

SITE = "https://example.gov.vn/nq71/"


@pytest.fixture(scope="module")
def manifest(site):
    return json.loads((site / "post-kit" / "manifest.json").read_text(encoding="utf-8"))


def site_path(site: Path, url: str) -> Path:
    """The built file a site address (without query or anchor) is served from."""
    assert url.startswith(SITE), url
    path = urlsplit(url).path[len(urlsplit(SITE).path):]
    return site / path / "index.html" if path.endswith("/") or path == "" else site / path


def test_every_article_and_infographic_has_a_post_in_each_of_its_languages(site, manifest):
    infographics = json.loads((site / "infographics" / "manifest.json").read_text(encoding="utf-8"))["infographics"]
    articles = {p.parent.name for p in (site / "tin-tuc").glob("20*/*/index.html")}
    english = {p.parent.name for p in (site / "en" / "tin-tuc").glob("20*/*/index.html")}
    posts = {(p["item"], p["language"]) for p in manifest["posts"]}
    assert {(i["id"], language) for i in infographics for language in ("vi", "en")} <= posts
    assert {(slug, "vi") for slug in articles} <= posts
    assert {item for item, language in posts if language == "en"} - {i["id"] for i in infographics} <= english
    assert manifest["count"] == len(manifest["posts"]) == len(posts) >= 2 * len(infographics) + len(articles)


def test_posts_keep_their_limits(manifest):
    for post in manifest["posts"]:
        texts, where = post["texts"], (post["item"], post["language"])
        assert post["limits_met"], where
        assert len(texts["hook"]) <= HOOK_MAX and "\n" not in texts["hook"], where
        assert texts["facebook"].startswith(texts["hook"] + "\n\n") and len(texts["facebook"]) <= FACEBOOK_MAX, where
        assert len(texts["zalo_message"]) <= ZALO_MESSAGE_MAX and len(texts["zalo_message"]) < len(texts["facebook"]), where
        tags = texts["facebook"].rsplit("\n\n", 1)[-1].split(" ")
        assert 1 <= len(tags) <= HASHTAGS_MAX and all(t.startswith("#") and len(t) > 1 for t in tags), where
        assert tags == ["#" + t for t in post["hashtags"]], where


def test_every_link_is_tagged_and_leads_to_a_built_page(site, manifest):
    checked = 0
    for post in manifest["posts"]:
        for channel, url in post["links"].items():
            assert url in post["texts"]["facebook" if channel == "facebook" else "zalo_message"]
            query = parse_qs(urlsplit(url).query)
            assert query == {"utm_source": [channel], "utm_medium": ["social"], "utm_campaign": ["nq71"],
                             "utm_content": [post["item"]]}, url
            assert site_path(site, url).is_file(), url
            anchor = urlsplit(url).fragment
            if anchor:
                assert f'id="{anchor}"' in site_path(site, url).read_text(encoding="utf-8"), url
            checked += 1
    assert checked == 2 * len(manifest["posts"])


def test_zalo_drafts_validate_and_their_images_exist_within_1_mb(site, manifest):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for post in manifest["posts"]:
        draft = json.loads((site / post["zalo_article"]["path"]).read_text(encoding="utf-8"))
        assert list(Draft7Validator(schema).iter_errors(draft)) == [], post["item"]
        images = [draft["cover"]["photo_url"]] + [b["url"] for b in draft["body"] if b["type"] == "image"]
        for url in images:
            assert site_path(site, url).stat().st_size <= ZALO_IMAGE_BYTES, url
        assert draft["tracking_link"] == post["links"]["zalo"]


def test_each_zip_holds_the_texts_the_draft_and_every_listed_image(site, manifest):
    for post in manifest["posts"][:: max(1, len(manifest["posts"]) // 6)]:
        archive = zipfile.ZipFile(site / post["zip"]["path"])
        folder = f"{post['item']}-{post['language']}/"
        names = archive.namelist()
        assert names[:4] == [folder + n for n in ("README.txt", "facebook.txt", "zalo-message.txt", "zalo-article.json")]
        assert archive.read(folder + "facebook.txt").decode("utf-8") == post["texts"]["facebook"] + "\n"
        assert archive.read(folder + "zalo-article.json") == (site / post["zalo_article"]["path"]).read_bytes()
        readme = archive.read(folder + "README.txt").decode("utf-8")
        for file in post["files"]:
            name = folder + "images/" + file["path"].rsplit("/", 1)[-1]
            assert archive.read(name) == (site / file["path"]).read_bytes()
            assert file["alt"] in readme
            with Image.open(site / file["path"]) as image:
                assert image.size == (file["width"], file["height"])
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())


def test_infographic_posts_attach_the_feed_formats_with_their_alt_text(manifest):
    post = next(p for p in manifest["posts"] if p["kind"] == "infographic" and p["language"] == "en")
    uses = {f["path"].rsplit("-", 2)[-2]: f["uses"] for f in post["files"]}
    assert uses["1080x1350"] == ["facebook"] and "zalo" in uses["1080x1080"] and uses["1200x630"] == ["zalo-article-cover"]
    assert all(f["alt"] and f["type"] == "image/png" for f in post["files"])


def test_zips_are_deterministic():
    members = [("a.txt", "Nghị quyết 71\n".encode()), ("b.txt", b"x" * 1000)]
    assert zip_bytes(members, "kit") == zip_bytes(list(members), "kit")
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes(members, "kit")))
    assert archive.namelist() == ["kit/a.txt", "kit/b.txt"] and archive.testzip() is None


def test_an_image_over_1_mb_gets_a_jpeg_copy_within_it(tmp_path):
    noise = Image.effect_noise((1600, 1200), 120).convert("RGB")
    source = tmp_path / "anh.png"
    noise.save(source)
    assert source.stat().st_size > ZALO_IMAGE_BYTES
    from wardpub.cache import ContentCache

    cache = ContentCache("post-kit", tmp_path / "cache")
    first = fit_jpeg(source, cache=cache)
    assert first.stat().st_size <= ZALO_IMAGE_BYTES and first.read_bytes()[:2] == b"\xff\xd8"
    again = fit_jpeg(source, cache=ContentCache("post-kit", tmp_path / "other"))
    assert again.read_bytes() == first.read_bytes()


def big_cover() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((1400, 1000), 120).convert("RGB").save(out, "PNG")
    return out.getvalue()


def test_a_vietnamese_only_article_gets_its_vietnamese_kit_marked(make_site):
    files = {**minimal_pages(), **news_index(),
             "docs/tin-tuc/2025/tin-thu.vi.md": article(hook='"Một dòng mở đầu riêng cho bài đăng"', hashtags="[NghiQuyet71]",
                                                         cover="anh-bia.png", cover_alt='"Ảnh hội nghị"'),
             "docs/tin-tuc/2025/anh-bia.png": big_cover()}
    site = make_site(files).build()
    manifest = json.loads((site / "post-kit" / "manifest.json").read_text(encoding="utf-8"))
    posts = [p for p in manifest["posts"] if p["item"] == "tin-thu"]
    assert [(p["language"], p["vietnamese_only"]) for p in posts] == [("vi", True)]
    post = posts[0]
    assert post["texts"]["hook"] == "Một dòng mở đầu riêng cho bài đăng" and post["hashtags"] == ["NghiQuyet71"]
    derived = [f for f in post["files"] if f["type"] == "image/jpeg"]
    assert len(derived) == 1 and derived[0]["uses"] == ["zalo-article"] and derived[0]["bytes"] <= ZALO_IMAGE_BYTES
    assert (site / derived[0]["path"]).stat().st_size == derived[0]["bytes"]
    draft = json.loads((site / post["zalo_article"]["path"]).read_text(encoding="utf-8"))
    assert SITE + derived[0]["path"] in [b.get("url") for b in draft["body"]]
    # The English site shows the Vietnamese kit under its notice, marked as such.
    english = (site / "en" / "tin-tuc" / "2025" / "tin-thu" / "index.html").read_text(encoding="utf-8")
    assert 'id="dang-bai-tin-thu"' in english and "only in Vietnamese: its post kit is the Vietnamese one" in english


@pytest.mark.parametrize("field, expected", [
    ('hook: "' + "Dài " * 40 + '"', "hook: dòng mở đầu bài đăng dài 159 ký tự"),
    ("hashtags: [A, B, C, D]", "hashtags: có 4 hashtag, một bài đăng chỉ nên có 1 đến 3"),
    ('hashtags: ["Nghị quyết"]', "hashtags: hashtag “Nghị quyết” có dấu cách"),
])
def test_bad_post_front_matter_stops_the_build_with_one_line(make_site, field, expected):
    from wardpub.site.publish import BuildFailed

    key, value = field.split(": ", 1)
    make_site({**minimal_pages(), **news_index(), "docs/tin-tuc/2025/tin-thu.vi.md": article(**{key: value})})
    with pytest.raises(BuildFailed) as error:
        make_site.build()
    lines = str(error.value).splitlines()
    assert len(lines) == 1 and lines[0].startswith("docs/tin-tuc/2025/tin-thu.vi.md: ") and expected in lines[0]


def test_an_infographics_post_links_its_clip_once_rendered_without_packing_it(clip_project_site, clip_project):
    manifest = json.loads((clip_project_site / "post-kit" / "manifest.json").read_text(encoding="utf-8"))
    post = next(p for p in manifest["posts"] if p["item"] == "ngan-sach" and p["language"] == "vi")
    mp4 = clip_project.job.site_path(".mp4")
    assert [(f["path"], f["type"], f["uses"]) for f in post["linked"]] == [(mp4, "video/mp4", ["short-video"])]
    assert post["linked"][0]["bytes"] == (clip_project_site / mp4).stat().st_size
    assert all(f["type"] == "image/png" for f in post["files"])
    archive = zipfile.ZipFile(clip_project_site / post["zip"]["path"])
    assert not any(name.endswith(".mp4") for name in archive.namelist())  # several MB: linked, not packed
    readme = archive.read("ngan-sach-vi/README.txt").decode("utf-8")
    assert f"https://example.gov.vn/nq71/{mp4} (1080×1920; Reels, TikTok, Zalo Video)" in readme
    panel = (clip_project_site / "nghi-quyet-71" / "diem-moi-dot-pha" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../clips/ngan-sach/ngan-sach-vi.mp4" download="ngan-sach-vi.mp4"' in panel
