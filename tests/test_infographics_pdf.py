"""wardpub.media.infographics.pdf: print files checked with the tools a print shop's prepress uses.

poppler-utils (pdfinfo -box, pdffonts, pdftoppm, pdftotext), pikepdf (every
colour operator and colour space of the page), zxing-cpp (the QR code read
from the rendered page). Big formats are rendered at low resolution. Golden
images live in tests/golden/print-*.png; after an intended change, look at
the new images, then regenerate with
WARDPUB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_infographics_pdf.py
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path

import pikepdf
import pytest
import zxingcpp
from PIL import Image, ImageChops

from print_kits import document
from wardpub.media.infographics.pdf import MM, SLUG_MM
from wardpub.media.printkit.output import draw_pdf

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("WARDPUB_UPDATE_GOLDEN") == "1"
# Printed items whose colours must all be CMYK: a poster, a board, a banner (and the leaflet).
PRINTED = ("ap-phich-ngan-sach-a3-vi", "bang-trien-lam-7-vi", "bang-ron-quoc-sach-hang-dau-vi", "to-roi-vi")
RGB_OPERATORS = {"rg", "RG"}


@lru_cache(maxsize=None)
def pdf_file(name: str, tmp: str = "/tmp/wardpub-print-tests") -> Path:
    path = Path(tmp) / f"{name}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(draw_pdf(document(name)))
    return path


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def boxes(path: Path) -> dict[str, list[float]]:
    found = {}
    for line in run("pdfinfo", "-box", str(path)).splitlines():
        match = re.match(r"(\w+Box):\s+([\d.\s]+)$", line)
        if match:
            found[match.group(1)] = [float(v) for v in match.group(2).split()]
    return found


@pytest.mark.parametrize("name, width_mm, height_mm", [("ap-phich-ngan-sach-a3-vi", 297, 420),
                                                         ("bang-ron-quoc-sach-hang-dau-vi", 5000, 800)])
def test_trim_and_bleed_boxes_have_the_finished_size_and_3_mm_bleed(name, width_mm, height_mm):
    found = boxes(pdf_file(name))
    x0, y0, x1, y1 = found["TrimBox"]
    assert abs((x1 - x0) - width_mm * MM) < 0.1 and abs((y1 - y0) - height_mm * MM) < 0.1
    bx0, by0, bx1, by1 = found["BleedBox"]
    assert all(abs(d - 3 * MM) < 0.05 for d in (x0 - bx0, y0 - by0, bx1 - x1, by1 - y1))
    mx0, my0, mx1, my1 = found["MediaBox"]
    assert mx0 < bx0 and my0 < by0 and mx1 > bx1 and my1 > by1  # room for the crop marks
    assert mx1 - mx0 <= 200 * 72  # Acrobat's 200-inch page limit


@pytest.mark.parametrize("name", PRINTED + ("bai-trinh-chieu-vi",))
def test_every_font_is_embedded_as_a_subset(name):
    lines = run("pdffonts", str(pdf_file(name))).splitlines()[2:]
    assert lines
    for line in lines:
        columns = line.split()
        assert "BeVietnamPro" in columns[0] and columns[0][6] == "+"
        emb, sub = columns[-5], columns[-4]
        assert (emb, sub) == ("yes", "yes"), line


def colour_problems(path: Path) -> list[str]:
    """Every RGB colour operator, RGB colour space and RGB image on every page (forms included)."""
    found = []
    pdf = pikepdf.open(path)

    def rgb_space(space) -> bool:
        if space is None:
            return False
        if isinstance(space, pikepdf.Array):
            name = str(space[0])
            if name == "/ICCBased":
                return int(space[1].get("/N", 0)) == 3
            if name in ("/Indexed", "/Separation", "/DeviceN"):
                return rgb_space(space[1] if name == "/Indexed" else space[2])
            return name in ("/DeviceRGB", "/CalRGB")
        return str(space) in ("/DeviceRGB", "/CalRGB")

    def walk(stream_owner, resources, where):
        spaces = resources.get("/ColorSpace", {}) if resources is not None else {}
        current = {"fill": None, "stroke": None}
        for operands, operator in pikepdf.parse_content_stream(stream_owner):
            op = str(operator)
            if op in RGB_OPERATORS:
                found.append(f"{where}: {op} {list(operands)}")
            elif op in ("cs", "CS"):
                name = operands[0]
                space = spaces.get(name, name) if isinstance(spaces, pikepdf.Dictionary) else name
                current["fill" if op == "cs" else "stroke"] = space
            elif op in ("sc", "scn", "SC", "SCN") and rgb_space(current["fill" if op.islower() else "stroke"]):
                found.append(f"{where}: {op} in an RGB space")
        xobjects = resources.get("/XObject", {}) if resources is not None else {}
        for name, xobject in (xobjects.items() if isinstance(xobjects, pikepdf.Dictionary) else []):
            if xobject.get("/Subtype") == "/Image" and rgb_space(xobject.get("/ColorSpace")):
                found.append(f"{where}: image {name} is RGB")
            elif xobject.get("/Subtype") == "/Form":
                walk(xobject, xobject.get("/Resources"), f"{where} {name}")

    for n, page in enumerate(pdf.pages, start=1):
        walk(page, page.obj.get("/Resources"), f"page {n}")
        for name, space in (page.obj.get("/Resources", {}).get("/ColorSpace", {}) or {}).items():
            if rgb_space(space):
                found.append(f"page {n}: colour space {name} is RGB")
    return found


@pytest.mark.parametrize("name", PRINTED)
def test_printed_items_use_no_rgb_colour(name):
    assert colour_problems(pdf_file(name)) == []


def test_the_check_finds_rgb_colour_in_the_slides():
    # The slides are for a screen (RGB on purpose): the check must see it, or it checks nothing.
    assert colour_problems(pdf_file("bai-trinh-chieu-vi"))


def rendered(name: str, dpi: int, page: int = 1) -> Image.Image:
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", str(pdf_file(name))],
                          check=True, capture_output=True).stdout
    return Image.open(io.BytesIO(data)).convert("RGB")


@pytest.mark.parametrize("name, dpi", [("ap-phich-ngan-sach-a3-vi", 20), ("bang-ron-quoc-sach-hang-dau-vi", 3),
                                       ("to-roi-vi", 25)])
def test_rendered_page_matches_its_golden_image(name, dpi):
    image = rendered(name, dpi)
    path = GOLDEN / f"print-{name}.png"
    if UPDATE or not path.exists():
        image.save(path, optimize=True)
        if not UPDATE:
            pytest.fail(f"no golden image yet: wrote {path.name}; look at it, then commit it")
        return
    golden = Image.open(path).convert("RGB")
    assert golden.size == image.size
    diff = ImageChops.difference(image, golden).convert("L")
    histogram = diff.histogram()
    pixels = image.width * image.height
    mean = sum(v * c for v, c in enumerate(histogram)) / pixels
    share = sum(histogram[49:]) / pixels
    assert mean <= 1.5 and share <= 0.005, f"{path.name}: mean {mean:.2f}, {share:.2%} of pixels differ"


def test_the_qr_code_reads_from_the_printed_page_and_is_pure_black():
    name = "ap-phich-ngan-sach-a3-vi"
    results = zxingcpp.read_barcodes(rendered(name, 100))
    texts = [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert texts == ["https://example.gov.vn/nq71/nghi-quyet-71/diem-moi-dot-pha/#ngan-sach-cho-giao-duc"]
    stream = b"".join(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p)) for p in pikepdf.open(pdf_file(name)).pages)
    assert b"0 0 0 1 k" in stream  # the modules' fill: K 100% only


def test_text_comes_back_as_vietnamese_nfc():
    text = run("pdftotext", "-layout", str(pdf_file("ap-phich-ngan-sach-a3-vi")), "-")
    assert unicodedata.is_normalized("NFC", text)
    assert "Ngân sách nhà nước dành cho" in text and "giáo dục" in text
    assert "PHƯỜNG [TÊN PHƯỜNG]" in text


def test_crop_marks_are_outside_the_bleed_in_registration_colour():
    pdf = pikepdf.open(pdf_file("ap-phich-ngan-sach-a3-vi"))
    stream = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(pdf.pages[0]))
    assert b"1 1 1 1 K" in stream
    margin = SLUG_MM * MM
    # The first mark at the lower-left corner starts 5 mm outside the trim (3 mm bleed + 2 mm).
    assert f"{margin - 5 * MM:.4g}".encode()[:4] in stream
