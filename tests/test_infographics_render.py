"""wardpub.media.infographics.render: the one generic renderer, held to golden images.

Every template's named examples (the `examples:` of its YAML) are drawn in
every format and compared, decoded and reduced to a fifth, with the images
in tests/golden/ within a small tolerance. After an intended change to a
template or the renderer, look at the new images, then regenerate with
WARDPUB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_infographics_render.py
"""

import os
from pathlib import Path

import oxipng
import pytest
from PIL import Image, ImageChops

from infographic_kits import SITE_URL, TEST_WARD
from wardpub import PROJECT_ROOT
from wardpub.media.infographics.render import RenderError, plan, render
from wardpub.media.infographics.resolve import example_jobs
from wardpub.media.infographics.templates import load_templates
from wardpub.data.registries import load_registries

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("WARDPUB_UPDATE_GOLDEN") == "1"
SCALE = 5
# Decoded pixels may drift slightly with FreeType's rasteriser; shapes and words may not.
MEAN_TOLERANCE = 1.0  # mean absolute difference per channel, 0-255
PIXEL_TOLERANCE = 48  # a pixel differs when a channel moves more than this
SHARE_TOLERANCE = 0.002  # at most 0.2% of pixels may differ

TEMPLATES, PROBLEMS = load_templates(PROJECT_ROOT / "infographics")
REGISTRIES = load_registries()


def example_cases():
    for name, template in sorted(TEMPLATES.items()):
        jobs = example_jobs(template, TEST_WARD, REGISTRIES, SITE_URL)
        for job in jobs:
            # Every format of the first example; the others (extreme texts) in one format each.
            first = job.name.endswith("--" + next(iter(template.examples)))
            if job.language == "vi" and (first or job.format == "1080x1350" or template.kind == "card"):
                yield pytest.param(job, id=f"{job.name}-{job.format}")


def test_project_templates_are_clean():
    assert PROBLEMS == []
    assert {"key-figure", "points", "timeline", "myth-fact", "quote", "page-card"} <= set(TEMPLATES)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_example_fits_in_every_format_and_language(name):
    template = TEMPLATES[name]
    assert template.examples, f"{name} has no examples to document and test it"
    for job in example_jobs(template, TEST_WARD, REGISTRIES, SITE_URL):
        assert plan(job.data)[1] == [], f"{job.name} {job.format} {job.language}"


def reduced(image: Image.Image) -> Image.Image:
    return image.resize((image.width // SCALE, image.height // SCALE), Image.Resampling.LANCZOS)


@pytest.mark.parametrize("job", list(example_cases()))
def test_template_example_matches_its_golden_image(job):
    path = GOLDEN / f"{job.name}-{job.format}.png"
    image = reduced(render(job.data))
    if UPDATE or not path.exists():
        raw = oxipng.RawImage(image.tobytes(), image.width, image.height, color_type=oxipng.ColorType.rgb())
        path.write_bytes(raw.create_optimized_png(level=4))
        if not UPDATE:
            pytest.fail(f"no golden image yet: wrote {path.name}; look at it, then commit it")
        return
    golden = Image.open(path).convert("RGB")
    assert golden.size == image.size
    diff = ImageChops.difference(image, golden).convert("L")
    histogram = diff.histogram()
    pixels = image.width * image.height
    mean = sum(value * count for value, count in enumerate(histogram)) / pixels
    share = sum(histogram[PIXEL_TOLERANCE + 1:]) / pixels
    assert mean <= MEAN_TOLERANCE and share <= SHARE_TOLERANCE, (
        f"{path.name}: mean difference {mean:.2f}, {share:.2%} of pixels differ; "
        "if the change is intended, regenerate with WARDPUB_UPDATE_GOLDEN=1")


def test_goldens_stay_small():
    assert sum(p.stat().st_size for p in GOLDEN.glob("*.png")) < 1_000_000


def test_debug_overlay_outlines_boxes_and_safe_area():
    template = TEMPLATES["key-figure"]
    job = next(j for j in example_jobs(template, TEST_WARD, REGISTRIES, SITE_URL, ["1080x1920"]) if j.language == "vi")
    plain = render(job.data)
    debug = render({**job.data, "debug": True})
    assert plain.getpixel((64, 250)) != (0, 200, 255)
    assert debug.getpixel((48, 600)) == (0, 200, 255)  # left edge of the stories' safe area
    assert debug.getpixel((540, 250)) == (0, 200, 255)  # its top edge, 250 px down


def test_render_refuses_what_does_not_fit():
    template = TEMPLATES["quote"]
    job = next(j for j in example_jobs(template, TEST_WARD, REGISTRIES, SITE_URL, ["1200x630"]) if j.language == "vi")
    data = {**job.data, "layers": [dict(layer) for layer in job.data["layers"]]}
    quote = next(layer for layer in data["layers"] if layer.get("field") == "quote.text.vi")
    quote["text"] = quote["text"] * 80
    with pytest.raises(RenderError) as error:
        render(data)
    assert [p.field for p in error.value.problems] == ["quote.text.vi"]


def test_everything_drawn_stays_inside_the_canvas():
    for name, template in TEMPLATES.items():
        for job in example_jobs(template, TEST_WARD, REGISTRIES, SITE_URL):
            width, height = job.size
            page, _ = plan(job.data)
            for item in page.primitives():
                x0, y0, x1, y1 = item.box  # a text block's box is its lines' ink
                assert 0 <= x0 <= x1 <= width and 0 <= y0 <= y1 <= height, (name, job.format, type(item).__name__)


def test_a_counted_block_draws_its_numbers_at_a_share_keeping_its_alignment():
    from wardpub.media.infographics.render import counted

    layer = {"type": "text", "box": [0, 0, 600, 200], "text": "≥ 580.133", "field": "figures.0.value.vi", "font": "BeVietnamPro-Bold.ttf",
             "size": 80, "min_size": 80, "line_height": 1.0, "colour": "#000000", "align": "right", "valign": "top",
             "max_lines": 1, "trim": False, "language": "vi", "balance": False, "strike": None}
    page, problems = plan({"size": [600, 200], "safe": [0, 0, 0, 0], "layers": [layer]})
    block = page.text_blocks()[0]
    half = counted(block, 0.5)
    assert half.lines == ["≥ 290.066"] and counted(block, 0).lines == ["≥ 0"] and counted(block, 1) is block
    assert abs(half.box[2] - block.box[2]) <= 2  # right-aligned: the right edge stays
    assert counted(block, 0).box[2] - block.box[2] in range(-2, 3) and counted(block, 0).box[0] > block.box[0]


def test_struck_text_keeps_its_bars_in_a_group_of_their_own():
    templates, _ = load_templates(PROJECT_ROOT / "infographics")
    job = next(j for j in example_jobs(templates["myth-fact"], TEST_WARD, load_registries(), SITE_URL, ["1080x1080"]) if j.language == "vi")
    page, problems = plan(job.data)
    myth = next(n for n, layer in enumerate(job.data["layers"]) if layer.get("name") == "myth")
    group = page.groups[myth]
    assert [type(item).__name__ for item in group.items] == ["TextBlock", "Group"]
    assert group.items[1].key == f"{myth}.strike" and len(group.items[1].items) == len(group.items[0].lines)
