"""wardpub.media.infographics.output and .resolve: deterministic files, a cache that renders only what changed, the manifest.

Each test renders a small kit (the project's templates, two specs) into a
cache of its own, so counts of rendered images are exact.
"""

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from infographic_kits import BASE_SPEC, SITE_URL, TEST_WARD, copy_templates, dump, spec
from wardpub.cache import ContentCache
from wardpub.media.infographics import resolve
from wardpub.media.infographics.output import ImageCache, encode_png, encode_webp, manifest, render_jobs, shown, site_files
from wardpub.media.infographics.resolve import page_url, relative_url, resolve_kit, site_address
from wardpub.media.infographics.specs import load_kit
from wardpub.media.infographics.templates import MIN_TEXT
from wardpub.data.registries import load_registries

REGISTRIES = load_registries()
LIST_SPEC = {
    **BASE_SPEC, "id": "ba-viec", "template": "points",
    "figures": None,
    "points": [{"text": {"vi": "Học tập", "en": "Study"}, "sources": [8]}, {"text": {"vi": "Tuyên truyền", "en": "Share"}}],
}


@pytest.fixture
def kit_folder(tmp_path):
    folder = copy_templates(tmp_path / "infographics")
    (folder / "ngan-sach.yml").write_text(dump(spec()), encoding="utf-8")
    (folder / "ba-viec.yml").write_text(dump({k: v for k, v in LIST_SPEC.items() if v is not None}), encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path):
    return ImageCache(ContentCache("infographics", root=tmp_path / "cache"))


def share_kit(folder):
    kit, problems = load_kit(folder, REGISTRIES)
    assert problems == []
    return resolve_kit(kit, TEST_WARD, REGISTRIES, SITE_URL)


def rendered_names(report) -> list[str]:
    return sorted(f"{job.name} {job.format} {job.language}" for job in report.rendered)


def edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(dump(data), encoding="utf-8")


def test_no_change_renders_nothing(kit_folder, cache):
    first = render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    again = render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    assert (len(first.rendered), first.cached) == (16, 0)
    assert (len(again.rendered), again.cached) == (0, 16)


def test_one_changed_spec_re_renders_only_its_images_in_the_languages_that_changed(kit_folder, cache):
    render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    edit(kit_folder / "ngan-sach.yml", lambda d: d["title"].update(en="The budget for education"))
    report = render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    assert rendered_names(report) == [f"ngan-sach {fmt} en" for fmt in ("1080x1080", "1080x1350", "1080x1920", "1200x630")]


def test_captions_and_alt_texts_re_render_nothing(kit_folder, cache):
    render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    edit(kit_folder / "ngan-sach.yml", lambda d: (d["caption"].update(vi="Chú thích mới."), d["alt"].update(en="New alt.")))
    assert render_jobs(share_kit(kit_folder).jobs, cache, progress=False).rendered == []


def test_template_change_re_renders_its_users_only(kit_folder, cache):
    render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    edit(kit_folder / "templates" / "points.yml", lambda d: d["palette"].update(rule="#d9c7a3"))
    report = render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    assert {job.name for job in report.rendered} == {"ba-viec"} and len(report.rendered) == 8


def test_frame_or_font_change_re_renders_every_user(kit_folder, cache, monkeypatch):
    render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    real = resolve.font_digest
    monkeypatch.setattr(resolve, "font_digest", lambda name: real(name) + ("-new" if name == "BeVietnamPro-Bold.ttf" else ""))
    report = render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    assert len(report.rendered) == 16


def test_brand_colour_change_re_renders_everything(kit_folder, cache):
    render_jobs(share_kit(kit_folder).jobs, cache, progress=False)
    kit, _ = load_kit(kit_folder, REGISTRIES)
    ward = TEST_WARD.model_copy(update={"colours": TEST_WARD.colours.model_copy(update={"primary": "#9a0d12"})})
    jobs = resolve_kit(kit, ward, REGISTRIES, SITE_URL).jobs
    assert len(render_jobs(jobs, cache, progress=False).rendered) == 16


def test_same_input_same_bytes_in_workers_and_inline(kit_folder, tmp_path):
    jobs = share_kit(kit_folder).jobs[:4]
    pooled = ImageCache(ContentCache("a", root=tmp_path))
    inline = ImageCache(ContentCache("b", root=tmp_path))
    render_jobs(jobs, pooled, workers=2, progress=False)
    render_jobs(jobs, inline, workers=1, progress=False)
    for job in jobs:
        assert pooled.png(job.key).read_bytes() == inline.png(job.key).read_bytes()
        if shown(job):
            assert pooled.webp(job.key).read_bytes() == inline.webp(job.key).read_bytes()
    assert sorted(p.name for p in tmp_path.rglob("*.tmp")) == []


def test_encoders_are_lossless_and_deterministic():
    image = Image.new("RGB", (120, 80), "#a50e14")
    image.paste("#f2c230", (10, 10, 60, 40))
    png, webp = encode_png(image), encode_webp(image)
    assert png == encode_png(image) and webp == encode_webp(image)
    assert Image.open(io.BytesIO(png)).convert("RGB").tobytes() == image.tobytes()
    assert Image.open(io.BytesIO(webp)).convert("RGB").tobytes() == image.tobytes()
    assert b"tIME" not in png and b"tEXt" not in png


def test_manifest_lists_every_infographic_and_file(kit_folder, cache):
    kit = share_kit(kit_folder)
    render_jobs(kit.jobs, cache, progress=False)
    data = manifest(kit, cache)
    assert data["count"] == 2
    entry = next(e for e in data["infographics"] if e["id"] == "ngan-sach")
    assert entry["title"] == {"vi": "Ngân sách cho giáo dục", "en": "The education budget"}
    assert entry["page"]["en"] == "https://example.gov.vn/nq71/en/nghi-quyet-71/diem-moi-dot-pha/#ngan-sach"
    assert entry["caption"]["vi"].endswith("#NghiQuyet71") and "Xem chi tiết: https://example.gov.vn/nq71/" in entry["caption"]["vi"]
    assert entry["sources"] == [6]
    assert len(entry["files"]) == 10  # 8 PNG (4 formats x 2 languages) + 2 WebP of the square shown on the site
    first = entry["files"][0]
    assert set(first) == {"format", "language", "width", "height", "type", "bytes", "path", "url", "text"}
    title = next(block for block in first["text"] if block["field"] == "title.vi")
    assert " ".join(title["lines"]) == "Ngân sách cho giáo dục" and title["size"] >= 28
    assert entry["short_link"]["vi"].startswith("https://example.gov.vn/nq71/q/")
    assert first["path"].startswith("infographics/ngan-sach/ngan-sach-") and first["bytes"] > 1000
    files = site_files(kit, cache)
    assert json.loads(files["infographics/manifest.json"].read_text(encoding="utf-8")) == data


def test_png_of_the_square_feed_is_under_300_kb(kit_folder, cache):
    kit = share_kit(kit_folder)
    render_jobs(kit.jobs, cache, progress=False)
    squares = [job for job in kit.jobs if job.format == "1080x1080"]
    assert max(cache.png(job.key).stat().st_size for job in squares) < 300_000


@pytest.mark.parametrize("docs_path, language, expected", [
    ("nghi-quyet-71/diem-moi-dot-pha.md", "vi", "nghi-quyet-71/diem-moi-dot-pha/"),
    ("nghi-quyet-71/diem-moi-dot-pha.md", "en", "en/nghi-quyet-71/diem-moi-dot-pha/"),
    ("nghi-quyet-71/index.md", "vi", "nghi-quyet-71/"),
    ("index.md", "vi", ""),
    ("index.md", "en", "en/"),
    ("infographics.md", "en", "en/infographics/"),
])
def test_page_urls(docs_path, language, expected):
    assert page_url(docs_path, language) == expected


def test_relative_urls_and_site_address():
    assert relative_url("infographics/a/a.webp", "en/nghi-quyet-71/x/") == "../../../infographics/a/a.webp"
    assert relative_url("infographics/a/a.webp", "infographics/") == "a/a.webp"
    assert relative_url("nghi-quyet-71/x/", "") == "nghi-quyet-71/x/"
    assert relative_url("en/infographics/", "en/nghi-quyet-71/x/") == "../../infographics/"
    assert site_address("https://example.gov.vn/nq71/") == "example.gov.vn/nq71"


# ── what the published images say (from the built site's manifests) ────────

COMPOUNDS = [line.strip().lower() for line in (Path(__file__).parent / "data" / "vi-compounds.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]


def broken_words(lines: list[str]) -> list[str]:
    """Words of the held list that a line break cuts: "Nghị | quyết" in ["Nghị", "quyết 71"]."""
    found = []
    for first, second in zip(lines, lines[1:]):
        joined = f"{first} {second}".replace("\u00a0", " ").lower()
        cut = len(first)
        for word in COMPOUNDS:
            for match in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", joined):
                if match.start() < cut < match.end():
                    found.append(f"{first} | {second}: {word}")
    return found


def test_the_word_check_finds_a_word_cut_in_two():
    assert broken_words(["Nghị", "quyết 71 của Bộ Chính", "trị"]) == [
        "Nghị | quyết 71 của Bộ Chính: nghị quyết", "quyết 71 của Bộ Chính | trị: bộ chính trị",
        "quyết 71 của Bộ Chính | trị: chính trị"]
    assert broken_words(["Nghị quyết 71", "của Bộ Chính trị"]) == []


def test_published_images_break_no_word_and_draw_no_text_under_its_floor(site):
    infographics = json.loads((site / "infographics" / "manifest.json").read_text(encoding="utf-8"))
    blocks = 0
    for entry in infographics["infographics"]:
        for file in entry["files"]:
            for block in file.get("text", []):
                blocks += 1
                assert block["size"] >= MIN_TEXT[file["format"]], (entry["id"], file["format"], block)
                assert broken_words(block["lines"]) == [], (entry["id"], file["format"], block["field"])
    charts = json.loads((site / "charts" / "manifest.json").read_text(encoding="utf-8"))
    for entry in charts["charts"]:
        for language, formats in entry["text"].items():
            for fmt, drawn in formats.items():
                for block in drawn:
                    blocks += 1
                    assert block["size"] >= MIN_TEXT[fmt], (entry["id"], fmt, block)
                    assert broken_words(block["lines"]) == [], (entry["id"], fmt, block["lines"])
    assert blocks > 1000


def test_false_claims_are_stamped_struck_and_smaller_than_the_fact_in_both_languages(site):
    infographics = json.loads((site / "infographics" / "manifest.json").read_text(encoding="utf-8"))
    myths = [e for e in infographics["infographics"] if e["template"] == "myth-fact"]
    assert len(myths) >= 3
    for entry in myths:
        for file in (f for f in entry["files"] if "text" in f):
            language = file["language"]
            by_field = {block["field"]: block for block in file["text"]}
            claim, fact = by_field[f"myth.{language}"], by_field[f"fact.text.{language}"]
            assert claim.get("struck") is True, (entry["id"], file["format"])
            assert claim["size"] < fact["size"], (entry["id"], file["format"])
            stamp = {"vi": "SAI", "en": "FALSE"}[language]
            assert any(block["lines"] == [stamp] for block in file["text"]), (entry["id"], file["format"])
