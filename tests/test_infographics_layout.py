"""wardpub.media.infographics.layout: Vietnamese text always fits its box, or says by how much it does not.

The properties (Hypothesis) draw the fitted lines on a canvas larger than the
box and look at the pixels: no ink outside the box, whatever the words
(Vietnamese syllables, capitals with stacked marks, decomposed input, URLs
and document numbers longer than a line), and no letter lost or reordered.
"""

import unicodedata

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from wardpub.media.infographics.layout import Overflow, fit_text, load_font, missing_characters, normalise, wrap

BOLD = "BeVietnamPro-Bold.ttf"
REGULAR = "BeVietnamPro-Regular.ttf"

SYLLABLES = ("phường giáo dục đào tạo nghị quyết đột phá học sinh giáo viên nhà trường chi bộ đảng viên "
             "tuyên truyền chuyển đổi số xã hội học tập nguồn nhân lực quốc sách hàng đầu thầy trò "
             "nghiêng ngửa khuyến học thượng tôn").split()
STACKED = ["ỖN", "ỆT", "ỮNG", "ẶC", "ẪU", "ỘI", "ẾT", "ỬA", "ĐỔI", "MỚI", "HỘI", "NHẬP", "TRƯỜNG", "NGHỊ", "QUYẾT"]
LONG = ["https://binhdanhocvuso.gov.vn/khoa-hoc/ky-nang-so-co-ban", "28-KH/TU", "01-KH/BCĐTW", "281/NQ-CP",
        "Nghịquyếtsố71-NQ/TWngày22/8/2025", "580.133", "2026–2027", "≥", "“quốc", "sách”"]

word = st.one_of(st.sampled_from(SYLLABLES), st.sampled_from(STACKED), st.sampled_from(LONG))
text = st.lists(word, min_size=1, max_size=24).map(" ".join)


def strip_spaces(value: str) -> str:
    return "".join(value.split())


def draw_fit(fit, font_name: str, box: tuple[int, int, int, int], canvas: tuple[int, int]) -> Image.Image:
    image = Image.new("L", canvas, 0)
    pen = ImageDraw.Draw(image)
    font = load_font(font_name, fit.size)
    x, y = box[:2]
    for line in fit.lines:
        pen.text((x + line.x, y + line.baseline), line.text, font=font, fill=255, anchor="ls")
    return image


def ink_outside(image: Image.Image, box: tuple[int, int, int, int]):
    """The bounding box of any ink outside box (None when there is none)."""
    x, y, w, h = box
    mask = Image.new("L", image.size, 255)
    ImageDraw.Draw(mask).rectangle((x, y, x + w - 1, y + h - 1), fill=0)
    outside = Image.new("L", image.size, 0)
    outside.paste(image, mask=mask)
    return outside.getbbox()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text, width=st.integers(160, 900), height=st.integers(60, 500), size=st.integers(24, 90),
       decomposed=st.booleans(), bold=st.booleans())
def test_text_never_leaves_its_box_and_no_letter_is_lost(text, width, height, size, decomposed, bold):
    font_name = BOLD if bold else REGULAR
    raw = unicodedata.normalize("NFD", text) if decomposed else text
    box = (40, 40, width, height)
    try:
        fit = fit_text(normalise(raw), font_name, width, height, size, min(size, 16))
    except Overflow as error:
        assert error.excess > 0
        event("overflow")
        return
    event(f"fits in {len(fit.lines)} lines" if len(fit.lines) < 4 else "fits in 4+ lines")
    expected = unicodedata.normalize("NFC", text)
    assert strip_spaces("".join(line.text for line in fit.lines)) == strip_spaces(expected)
    assert all(unicodedata.is_normalized("NFC", line.text) for line in fit.lines)
    for line in fit.lines:
        left, top, right, bottom = line.ink
        assert 0 <= left and right <= width and 0 <= top and bottom <= height
    image = draw_fit(fit, font_name, box, (width + 80, height + 80))
    assert ink_outside(image, box) is None


@settings(max_examples=40, deadline=None)
@given(words_=st.lists(st.sampled_from(STACKED), min_size=1, max_size=6))
def test_stacked_capitals_keep_inside_a_tight_box(words_):
    line = " ".join(words_)
    fit_box = None
    for height in range(40, 200, 4):  # the smallest box the line fits at 40 px
        try:
            fit_box = (fit_text(line, BOLD, 2000, height, 40, 40), height)
            break
        except Overflow:
            continue
    fit, height = fit_box
    image = draw_fit(fit, BOLD, (10, 10, 2000, height), (2020, height + 20))
    assert ink_outside(image, (10, 10, 2000, height)) is None
    font = load_font(BOLD, 40)
    if -font.getbbox(line, anchor="ls")[1] > font.getmetrics()[0]:  # marks above the ascent (Ỗ, Ữ...)
        assert fit.lines[0].ink[1] == 0  # the block starts at the ink, not at the ascent


def test_tokens_wider_than_the_line_are_never_cut_but_refused():
    font = load_font(BOLD, 40)
    lines = wrap("Xem https://binhdanhocvuso.gov.vn/khoa-hoc ngay", font, 300)
    assert "https://binhdanhocvuso.gov.vn/khoa-hoc" in lines  # whole, on its own line
    with pytest.raises(Overflow) as error:
        fit_text("Xem https://binhdanhocvuso.gov.vn/khoa-hoc ngay", BOLD, 300, 400, 40, 30)
    assert error.value.axis == "width"


def test_no_lone_syllable_on_the_last_line_and_balanced_lines():
    font = load_font(BOLD, 50)
    text = "Ngân sách nhà nước dành cho giáo dục được ghi bằng con số"
    greedy = wrap(text, font, 1250)
    balanced = wrap(text, font, 1250, balance=True)
    assert len(greedy) == len(balanced) == 2
    widths = [font.getlength(line) for line in balanced]
    assert max(widths) - min(widths) < max(font.getlength(line) for line in greedy) - min(font.getlength(line) for line in greedy)
    assert all(len(line.split()) > 1 for line in wrap("Hoàn thành phổ cập giáo dục trung học phổ thông tại", font, 1100))


def test_symbols_stay_with_the_next_word():
    font = load_font(REGULAR, 40)
    lines = wrap("tối thiểu ≥ 20% tổng chi", font, 240)
    assert "≥ 20%" in " ".join(lines) and not any(line.endswith("≥") for line in lines)


def test_hard_line_breaks_are_kept():
    fit = fit_text(normalise("Dòng một\nDòng hai"), REGULAR, 800, 200, 40, 40)
    assert [line.text for line in fit.lines] == ["Dòng một", "Dòng hai"]


def test_shrinks_to_fit_then_reports_the_overflow():
    long = "Giáo dục và đào tạo là quốc sách hàng đầu, quyết định tương lai của dân tộc"
    assert fit_text(long, BOLD, 900, 100, 60, 20).size < 60
    with pytest.raises(Overflow) as error:
        fit_text(long * 4, BOLD, 400, 100, 60, 30)
    assert error.value.excess > 0 and error.value.size == 30 and error.value.axis == "height"


def test_max_lines_counts_as_overflow():
    with pytest.raises(Overflow) as error:
        fit_text("một hai ba bốn năm sáu bảy tám", REGULAR, 120, 1000, 30, 30, max_lines=1)
    assert error.value.excess > 0


def test_missing_characters_are_named_once_each():
    assert missing_characters("20% → 25% → 30% ✓", BOLD) == ["→", "✓"]
    assert missing_characters("Ỗ Ệ ≥ “ ” – ₫\nmới", BOLD) == []
