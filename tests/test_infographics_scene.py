"""wardpub.media.infographics.scene: a laid-out page, walked in drawing order by any backend.

A recording backend stands for the PDF and video backends to come: it must
receive every primitive the layout made, in order, and nothing else.
"""

import pytest

from infographic_kits import SITE_URL, TEST_WARD
from wardpub import PROJECT_ROOT
from wardpub.media.infographics.render import plan
from wardpub.media.infographics.resolve import example_jobs
from wardpub.media.infographics.scene import Effect, Group, Page, QrCode, Rect, Renderer, Strokes, TextBlock, paint
from wardpub.media.infographics.templates import load_templates
from wardpub.data.registries import load_registries

TEMPLATES, _ = load_templates(PROJECT_ROOT / "infographics")


class Recorder(Renderer):
    def __init__(self, page):
        super().__init__(page)
        self.calls = []

    def rect(self, rect):
        self.calls.append(("rect", rect.box))

    def text(self, run):
        self.calls.append(("text", run.text))

    def qr(self, code):
        self.calls.append(("qr", code.box))

    def strokes(self, strokes):
        self.calls.append(("strokes", strokes.box))

    def finish(self):
        return self.calls


def page_of(template: str, fmt: str) -> Page:
    job = next(j for j in example_jobs(TEMPLATES[template], TEST_WARD, load_registries(), SITE_URL, [fmt]) if j.language == "vi")
    page, problems = plan(job.data)
    assert problems == []
    return page


def test_a_backend_receives_every_primitive_in_drawing_order():
    page = page_of("myth-fact", "1080x1080")
    calls = paint(page, Recorder(page))
    expected = []
    for item in page.primitives():
        if isinstance(item, TextBlock):
            expected += [("text", line) for line in item.lines]
        else:
            kind = {Rect: "rect", QrCode: "qr", Strokes: "strokes"}[type(item)]
            expected.append((kind, item.box))
    assert calls == expected
    assert calls[0] == ("rect", (0, 0, 1080, 1080))  # the background first
    assert {kind for kind, _ in calls} == {"rect", "text", "qr", "strokes"}


def test_groups_follow_the_template_layers_and_stack_items():
    page = page_of("key-figure", "1080x1080")
    keys = [group.key for group in page.groups]
    assert keys == [str(n) for n in range(len(keys))]
    stack = next(g for g in page.groups if any(isinstance(i, Group) for i in g.items))
    assert [item.key for item in stack.items] == [f"{stack.key}.{n}" for n in range(3)]  # three figures


def test_text_blocks_keep_their_lines_and_size():
    page = page_of("points", "1080x1080")
    title = next(b for b in page.text_blocks() if b.field == "title.vi")
    assert "".join(title.lines).replace(" ", "") == "Mỗicánbộ,đảngviêncầnlàmgì"
    assert all(run.size == title.size for run in title.runs)


def test_a_still_backend_refuses_effects():
    page = page_of("quote", "1200x630")
    with pytest.raises(NotImplementedError):
        paint(page, Recorder(page), {"3": Effect(opacity=0.5)})


def test_units_convert_for_print_backends():
    page = Page(3508, 4961, (), unit="mm", px_per_unit=300 / 25.4)  # A3 at 300 dpi
    assert round(page.to_unit(page.width)) == 297
