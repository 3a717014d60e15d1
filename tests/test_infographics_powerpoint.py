"""wardpub.media.infographics.powerpoint: the study session's deck opens, edits and converts.

python-pptx reads the slides and their notes back; Debian's LibreOffice,
headless, converts the deck to PDF (once: it is slow) and every font of the
result is embedded and is Liberation Sans (the metric twin of the declared
Arial) or, for the Vietnamese letters Debian's Liberation Sans lacks, DejaVu
Sans: no glyph is missing, and pdftotext gives every slide's words back in NFC.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata

import pytest
from pptx import Presentation

from print_kits import document
from wardpub.media.infographics.powerpoint import OFFICE_FONT, pptx_document
from wardpub.media.printkit.output import laid_out


@pytest.fixture(scope="module")
def deck_bytes() -> bytes:
    deck = document("bai-trinh-chieu-vi")
    return pptx_document(laid_out(deck), deck.notes, deck.title)


def test_the_deck_opens_with_its_slides_notes_and_editable_text(deck_bytes):
    deck = document("bai-trinh-chieu-vi")
    presentation = Presentation(io.BytesIO(deck_bytes))
    slides = list(presentation.slides)
    assert 15 <= len(slides) == len(deck.pages) <= 25
    assert round(presentation.slide_width / presentation.slide_height, 2) == round(16 / 9, 2)
    for slide, notes in zip(slides, deck.notes):
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text == notes
    texts = [shape.text_frame.text for shape in slides[4].shapes if shape.has_text_frame and shape.text_frame.text]
    assert any("Ngân sách nhà nước" in text for text in texts), texts
    fonts = {run.font.name for slide in slides for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}
    assert fonts == {OFFICE_FONT}


def test_the_deck_is_deterministic(deck_bytes):
    deck = document("bai-trinh-chieu-vi")
    assert pptx_document(laid_out(deck), deck.notes, deck.title) == deck_bytes


def test_libreoffice_converts_it_without_a_missing_glyph(deck_bytes, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by `make test` (system-packages)"
    source = tmp_path / "deck.pptx"
    source.write_bytes(deck_bytes)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "deck.pdf"
    pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert f"Pages:           {len(document('bai-trinh-chieu-vi').pages)}" in pages
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts}
    assert names and all(name.startswith(("LiberationSans", "Arial", "DejaVuSans")) for name in names), names
    assert all(line.split()[-5] == "yes" for line in fonts), fonts
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout.split())
    assert unicodedata.is_normalized("NFC", text)
    for page in document("bai-trinh-chieu-vi").pages:
        title = next(layer["text"] for layer in page["layers"] if layer.get("field", "").startswith("title."))
        assert " ".join(title.split()) in text, title
