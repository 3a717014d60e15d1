"""wardpub.media.infographics.raster: the Pillow backend, still and per-frame effects.

The still images are held to golden images by test_infographics_render; here,
the effects a video frame applies to one layer: opacity, offset and reveal.
"""

from PIL import ImageChops

from wardpub.media.infographics.raster import rasterise
from wardpub.media.infographics.scene import Effect, Group, Page, Rect

RED, WHITE = (200, 0, 0), (255, 255, 255)


def page() -> Page:
    return Page(100, 60, (Group("0", (Rect((0, 0, 100, 60), "#ffffff"),)), Group("1", (Rect((10, 10, 50, 30), "#c80000"),))))


def test_a_still_draws_every_group():
    image = rasterise(page())
    assert image.getpixel((20, 20)) == RED and image.getpixel((70, 40)) == WHITE


def test_opacity_blends_a_group_with_what_lies_under_it():
    assert rasterise(page(), {"1": Effect(opacity=0.0)}).getpixel((20, 20)) == WHITE
    half = rasterise(page(), {"1": Effect(opacity=0.5)}).getpixel((20, 20))
    assert all(abs(a - b) <= 2 for a, b in zip(half, (227, 127, 127)))


def test_offset_moves_a_group_and_reveal_uncovers_it_from_the_left():
    moved = rasterise(page(), {"1": Effect(offset=(40, 20))})
    assert moved.getpixel((20, 20)) == WHITE and moved.getpixel((60, 40)) == RED
    revealed = rasterise(page(), {"1": Effect(reveal=0.5)})
    assert revealed.getpixel((15, 20)) == RED and revealed.getpixel((45, 20)) == WHITE


def test_still_effects_change_nothing():
    assert ImageChops.difference(rasterise(page(), {"1": Effect()}), rasterise(page())).getbbox() is None


def test_reveal_downwards_uncovers_a_group_from_the_top():
    revealed = rasterise(page(), {"1": Effect(reveal=0.5, direction="down")})
    assert revealed.getpixel((30, 12)) == RED and revealed.getpixel((30, 27)) == WHITE


def test_a_transparent_canvas_lays_over_a_page_as_if_drawn_on_it():
    from wardpub.media.infographics.raster import RasterRenderer
    from wardpub.media.infographics.scene import paint

    only = Page(100, 60, (page().groups[1],))
    layer = paint(only, RasterRenderer(only, transparent=True), {"1": Effect(opacity=0.5)})
    assert layer.mode == "RGBA" and layer.getpixel((70, 40)) == (0, 0, 0, 0)
    base = rasterise(Page(100, 60, (page().groups[0],)))
    base.paste(layer, (0, 0), layer)
    assert ImageChops.difference(base, rasterise(page(), {"1": Effect(opacity=0.5)})).getbbox() is None
