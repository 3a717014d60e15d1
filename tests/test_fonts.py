"""wardpub.fonts: the self-hosted Be Vietnam Pro subsets."""

import io
import unicodedata

from fontTools.ttLib import TTFont

from wardpub.fonts import FAMILY, font_face_css, web_fonts

# Every precomposed Vietnamese letter, upper and lower case.
VIETNAMESE = "".join(sorted({
    unicodedata.normalize("NFC", base + mark)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for mark in ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
} | set("đĐ")))


def test_every_vietnamese_letter_is_in_every_face():
    assert len(VIETNAMESE) == 146  # 72 vowel forms x 2 cases + đ, Đ
    for font in web_fonts():
        cmap = TTFont(io.BytesIO(font.source.read_bytes())).getBestCmap()
        missing = [c for c in VIETNAMESE + "₫–—“”…" if ord(c) not in cmap]
        assert not missing, f"{font.path} lacks {missing}"


def test_subsets_are_woff2_fingerprinted_and_small():
    for font in web_fonts():
        data = font.source.read_bytes()
        assert data[:4] == b"wOF2"
        assert font.path.startswith("assets/fonts/be-vietnam-pro-") and font.path.endswith(".woff2")
        assert len(data) < 40_000


def test_css_points_at_the_fingerprinted_files():
    css = font_face_css(web_fonts())
    for font in web_fonts():
        assert f'url("../../{font.path}")' in css
    assert css.count(f'font-family: "{FAMILY}"') == len(web_fonts())
    # A late font is not swapped in: text never moves as it arrives (no layout shift).
    assert "font-display: optional" in css and "swap" not in css
