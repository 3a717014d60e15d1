"""wardpub.media.infographics.linebreak: where lines may break, word by word.

The cases are this site's own texts; `breaks` lists what may start a new line.
"""

import pytest

from wardpub.media.infographics.linebreak import pieces
from wardpub.text import misplaced_ties, ties_to_nbsp


def breaks(text: str, language: str = "vi", fits=lambda piece: True) -> list[str]:
    return [piece for piece, _ in pieces(text, fits, language)]


@pytest.mark.parametrize("text, whole", [
    ("Nghị quyết 71-NQ/TW của Bộ Chính trị về giáo dục", ["Nghị quyết 71-NQ/TW", "Bộ Chính trị", "giáo dục"]),
    ("Tổng Bí thư Tô Lâm ký ban hành", ["Tổng Bí thư", "Tô Lâm"]),
    ("Hoàn thành phổ cập giáo dục trung học phổ thông", ["phổ cập", "giáo dục", "trung học phổ thông"]),
    ("Ít nhất 8 đại học trong nhóm 200 hàng đầu châu Á", ["đại học", "nhóm 200", "hàng đầu", "châu Á"]),
    ("Yêu cầu của Nghị quyết, theo báo Dân trí", ["Dân trí"]),
    ("khoảng 580.133 tỷ đồng cả giai đoạn 2026–2035", ["580.133 tỷ đồng", "2026–2035"]),
    ("hoàn thành vào năm 2030 theo Kế hoạch 01-KH/BCĐTW", ["năm 2030", "Kế hoạch 01-KH/BCĐTW"]),
    ("tối thiểu ≥ 20% tổng chi", ["≥ 20%"]),
    ("Thủ tướng phát động, cùng nền tảng binhdanhocvuso.gov.vn", ["binhdanhocvuso.gov.vn"]),
])
def test_vietnamese_words_names_numbers_and_addresses_stay_whole(text, whole):
    found = breaks(text)
    for piece in whole:
        assert any(piece in f for f in found), (piece, found)


def test_english_dates_amounts_and_names_stay_whole():
    found = breaks("On 26 Mar 2025, VND 580,133 billion for Resolution 71, said Tô Lâm", "en")
    for piece in ("26 Mar 2025,", "VND 580,133 billion", "Resolution 71,", "Tô Lâm"):
        assert piece in found, found
    assert "said" in found  # English words are not glued by the Vietnamese segmenter


def test_a_counted_noun_is_not_a_unit():
    assert breaks("8 nhóm nhiệm vụ")[0] == "8"


def test_a_long_word_breaks_between_its_halves_only_when_it_must():
    narrow = breaks("trung học phổ thông", fits=lambda piece: len(piece) < 12)
    assert narrow == ["trung học", "phổ thông"]
    # A document number parts from the word announcing it only when both do not fit a line.
    assert breaks("theo Kế hoạch 01-KH/BCĐTW", fits=lambda piece: len(piece) < 15)[1:] == ["Kế hoạch", "01-KH/BCĐTW"]


def test_ties_hold_words_together_and_misplaced_ones_are_found():
    assert ties_to_nbsp("ông Nguyễn~Văn~A") == "ông Nguyễn\u00a0Văn\u00a0A"
    assert breaks(ties_to_nbsp("ông Nguyễn~Văn~A nói"))[1] == "Nguyễn\u00a0Văn\u00a0A"
    assert misplaced_ties("Tô ~ Lâm") and misplaced_ties("~Lâm")
    assert not misplaced_ties("Tô~Lâm") and not misplaced_ties("xem example.org/~user")
