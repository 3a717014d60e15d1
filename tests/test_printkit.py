"""wardpub.media.printkit: the kit's items, slogans, numbering, refusals and manifest, on the project's own data."""

from __future__ import annotations

import json
from print_kits import document, project
from wardpub import PROJECT_ROOT
from wardpub.media.printkit.items import layout_problems, resolve_items
from wardpub.media.printkit.output import PrintCache, draw_pdf, manifest, render_documents
from wardpub.media.printkit.specs import Slogan, load_print_specs
from wardpub.data.registries import Bilingual


def test_the_project_kit_is_clean_and_complete():
    p = project()
    assert p.problems == []
    kinds = {item.kind for item in p.printkit.items}
    assert kinds == {"board", "poster", "rollup", "pano", "banner", "leaflet", "deck", "outline"}
    posters = [d for d in p.printkit.documents if d.kind == "poster"]
    assert {d.format for d in posters} == {"a3", "a2", "a1"}
    sizes = {d.format: d.size_mm for d in p.printkit.documents}
    assert sizes["a3"] == (297, 420) and sizes["a2"] == (420, 594) and sizes["a1"] == (594, 841)
    assert sizes["cuon-80x200"] == (800, 2000) and sizes["ngang-240x120"] == (2400, 1200)
    assert sizes["bang-ron-500x80"] == (5000, 800) and sizes["mat-ngoai+mat-trong"] == (297, 210)


def test_boards_tell_the_story_in_the_plans_order():
    p = project()
    boards = [item for item in p.printkit.items if item.kind == "board"]
    assert [b.item.number for b in boards] == list(range(1, 8))
    categories = [key for key, c in p.registries.categories.items() if c.page]
    infographics = p.infographics.kit.specs
    assert [infographics[b.item.infographic].category for b in boards] == categories
    assert all(d.format == "a1" for b in boards for d in b.documents)


def test_a1_is_the_a3_layout_enlarged_so_its_smallest_type_grows():
    specs, _ = load_print_specs(PROJECT_ROOT / "print", project().registries, project().infographics.kit.specs)
    formats = specs.templates["poster-key-figure"].formats
    assert formats["a3"].min_text == 8 and formats["a1"].min_text == 16
    assert formats["a1"].layers[0].box[2] == 594  # the background, scaled to the sheet


def test_no_slogan_is_approved_and_drafts_print_the_mark():
    p = project()
    specs, _ = load_print_specs(PROJECT_ROOT / "print", p.registries, p.infographics.kit.specs)
    assert specs.slogans and all(s.status == "draft" for s in specs.slogans.values())
    assert all(s.sources for s in specs.slogans.values())
    banner = document("bang-ron-thay-ra-thay-tro-ra-tro-vi")
    texts = [layer.get("text") for layer in banner.pages[0]["layers"]]
    assert "DỰ THẢO" in texts
    approved = {k: (s.model_copy(update={"status": "approved"}) if k == "thay-ra-thay-tro-ra-tro" else s)
                for k, s in specs.slogans.items()}
    specs.slogans = approved
    items = resolve_items(specs, p.infographics.kit.specs, p.ward, p.registries, p.site_url, p.infographics.kit.files)
    banner = next(d for i in items for d in i.documents if d.name == "bang-ron-thay-ra-thay-tro-ra-tro-vi")
    assert "DỰ THẢO" not in [layer.get("text") for layer in banner.pages[0]["layers"]]


def test_a_slogan_too_long_for_the_banner_is_refused_in_one_line():
    p = project()
    specs, _ = load_print_specs(PROJECT_ROOT / "print", p.registries, p.infographics.kit.specs)
    long = Slogan(id="qua-dai", text=Bilingual(vi="Giáo dục và đào tạo " * 12, en="Education " * 12), status="draft",
                  origin=Bilingual(vi="thử", en="test"), sources=[8])
    specs.slogans = {**specs.slogans, "thay-ra-thay-tro-ra-tro": long}
    items = resolve_items(specs, p.infographics.kit.specs, p.ward, p.registries, p.site_url, p.infographics.kit.files)
    banner = [d for i in items for d in i.documents if d.name == "bang-ron-thay-ra-thay-tro-ra-tro-vi"]
    problems = layout_problems(banner, lambda d: False)
    assert len(problems) == 1
    line = str(problems[0])
    assert line.startswith("print/khau-hieu.yml: slogans.1.text.vi (print/an-pham/bang-ron-thay-ra-thay-tro-ra-tro.yml)")
    assert "bang-ron-500x80" in line and "pt" in line and "\n" not in line


def test_cmyk_formats_refuse_hex_colours_naming_file_field_and_format(tmp_path):
    from wardpub.media.infographics.templates import load_templates

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.yml").write_text(
        "kind: print\nname: {vi: X, en: X}\ndescription: x\nfonts: {bold: BeVietnamPro-Bold.ttf}\n"
        "formats:\n  a3: {size: [297, 420], unit: mm, bleed: 3, colours: cmyk, min_text: 8}\n"
        "slots: {title: {}}\n"
        "layers:\n  - {type: rect, fill: '#ff0000', box: [0, 0, 297, 420]}\n"
        "  - {type: text, slot: title, font: bold, size: 6, colour: primary, box: [10, 10, 200, 20]}\n", encoding="utf-8")
    _, problems = load_templates(tmp_path)
    lines = [str(p) for p in problems]
    assert any("layers.0.fill" in l and "a3" in l and "cmyk" in l for l in lines), lines
    assert any("layers.1.size" in l and "8 pt" in l for l in lines), lines


def test_speaker_notes_come_from_the_pages():
    deck = document("bai-trinh-chieu-vi")
    assert 15 <= len(deck.pages) <= 25
    assert all(note.strip() for note in deck.notes)
    assert any("(theo Dân trí" in note for note in deck.notes)
    assert not any("[src:" in note for note in deck.notes)


def test_manifest_lists_every_file_with_its_size(tmp_path):
    p = project()
    cache = PrintCache()
    kit = p.printkit
    small = [item for item in kit.items if item.id in ("ap-phich-ngan-sach", "to-roi")]
    render_documents([d for item in small for d in item.documents], cache)
    data = manifest(small, kit.site_url, cache)
    assert data["count"] == 2
    poster = data["items"][0]
    a3 = next(f for f in poster["files"] if f["format"] == "a3" and f["language"] == "vi" and f["type"] == "application/pdf")
    assert (a3["width_mm"], a3["height_mm"], a3["bleed_mm"], a3["colours"]) == (297, 420, 3, "cmyk")
    assert a3["path"] == "print/ap-phich-ngan-sach/ap-phich-ngan-sach-a3-vi.pdf" and a3["bytes"] > 10_000
    json.dumps(data, ensure_ascii=False)


def test_drawing_is_deterministic():
    poster = document("ap-phich-tin-sai-ngan-sach-a3-vi")
    assert draw_pdf(poster) == draw_pdf(poster)
