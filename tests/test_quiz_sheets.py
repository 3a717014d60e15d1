"""Paper sets: the seeded draw, the ready-made sets, and the PDFs checked with poppler (fonts, text)."""

import subprocess
import unicodedata
from collections import Counter

import pytest

from wardpub.site.quiz.bank import load_bank
from wardpub.site.quiz.exports import resolve
from wardpub.site.quiz.sheets import Sheet, answer_key, load_sets, page_for, question_sheet, render_sheet, select
from wardpub.data.registries import Bilingual, load_registries
from wardpub.data.ward import load_ward

REGISTRIES = load_registries()
BANK = load_bank(REGISTRIES)
SITE = "https://example.gov.vn/nq71/"


@pytest.fixture(scope="module")
def ward():
    from mkdocs.config import load_config

    from wardpub import PROJECT_ROOT

    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    return load_ward(dict(config.extra))[0]


def test_a_seeded_draw_is_repeatable_and_spread_over_the_points():
    first = select(BANK, 14, seed=7)
    assert [e.id for e in first] == [e.id for e in select(BANK, 14, seed=7)]
    assert [e.id for e in first] != [e.id for e in select(BANK, 14, seed=8)]
    assert Counter(e.question.point for e in first) == Counter({key: 2 for key in BANK.point_keys})
    assert len({e.id for e in first}) == 14


def test_a_draw_from_one_point_and_a_chosen_list():
    assert {e.question.point for e in select(BANK, 5, point="phan-bac-thong-tin-sai", seed=1)} == {"phan-bac-thong-tin-sai"}
    assert [e.id for e in select(BANK, 0, ids=["ngay-ban-hanh", "co-quan-ban-hanh"])] == ["ngay-ban-hanh", "co-quan-ban-hanh"]


def test_the_shipped_sets_load(tmp_path):
    sheets, problems = load_sets(BANK, REGISTRIES)
    assert problems == [] and len(sheets) >= 3
    assert all(len(sheet.entries) >= 8 for sheet in sheets)


@pytest.mark.parametrize("text, expected", [
    ("- id: a\n  title: {vi: A, en: A}\n  count: 100\n", "bộ đề a (count): chỉ có "),
    ("- id: a\n  title: {vi: A, en: A}\n  questions: [khong-co]\n", "bộ đề a (questions): không có câu hỏi mã khong-co"),
    ("- id: a\n  title: {vi: A, en: A}\n", "bộ đề a (): ghi count"),
    ("- id: a\n  title: {vi: A, en: A}\n  count: 5\n  point: guong-dien-hinh\n", "bộ đề a (point):"),
])
def test_a_bad_set_is_one_line(tmp_path, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "sheets.yml"
    path.write_text(text, encoding="utf-8")
    sheets, problems = load_sets(BANK, REGISTRIES, path)
    assert sheets == [] and len(problems) == 1
    assert expected in str(problems[0]).replace("bộ đề a ((tệp))", "bộ đề a ()"), str(problems[0])


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_fonts(path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_set_prints_with_its_font_embedded_and_its_text_readable(tmp_path, ward, language):
    sheet = Sheet("de-thu", Bilingual(vi="Đề thử", en="Test set"), "de-thu:1", tuple(select(BANK, 12, seed=3)))
    made = render_sheet(sheet, language, REGISTRIES, ward, SITE, cache=None)
    for path in (made.questions_file, made.key_file):
        fonts = pdf_fonts(path)
        assert fonts and all(row[0].endswith(("BeVietnamPro-Regular", "BeVietnamPro-Bold")) for row in fonts), fonts
        assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in fonts), fonts  # embedded, subset, with a Unicode map
    text = pdf_text(made.questions_file)
    assert unicodedata.is_normalized("NFC", text)
    flat = " ".join(text.split())
    for entry in sheet.entries:  # every question, its words in order, Vietnamese marks intact
        q = resolve(entry, language, REGISTRIES, sheet.seed)
        assert " ".join(q.prompt.split()[:6]) in flat, q.prompt
    assert ("ĐỀ THI TÌM HIỂU NGHỊ QUYẾT 71-NQ/TW" if language == "vi" else "QUIZ ON RESOLUTION 71-NQ/TW") in text
    key = " ".join(pdf_text(made.key_file).split())
    for number, entry in enumerate(sheet.entries, start=1):
        q = resolve(entry, language, REGISTRIES, sheet.seed)
        assert f"{number}. {q.answer_letters}" in key


def test_the_sheet_and_its_key_agree_and_are_byte_identical_when_drawn_again(ward):
    sheet = Sheet("de-thu", Bilingual(vi="Đề thử", en="Test set"), "de-thu:2", tuple(select(BANK, 6, seed=2)))
    questions = [resolve(e, "vi", REGISTRIES, sheet.seed) for e in sheet.entries]
    page = page_for(sheet, "vi", ward, SITE)
    assert question_sheet(questions, page) == question_sheet(questions, page)
    assert answer_key(questions, page, SITE) == answer_key(questions, page, SITE)
    sheet_text = " ".join(pdf_text_bytes(question_sheet(questions, page)).split())
    for q in questions:  # each right answer sits under the letter the key gives it
        for letter, (text, right) in zip("ABCDEF", q.choices):
            if right:
                assert f"{letter}. {' '.join(text.split()[:4])}" in sheet_text


def pdf_text_bytes(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, check=True, capture_output=True).stdout.decode()
