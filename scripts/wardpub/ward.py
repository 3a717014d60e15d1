"""Who publishes the site and how it looks: the `extra.ward` block of mkdocs.yml.

Owns the schema of that block (the one place for the ward's name, issuing
committee, contacts and brand colours), its per-language values, the brand
stylesheet generated from it, and the WCAG contrast checks those colours must
pass before a build may use them.
"""

from __future__ import annotations

import re
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .problems import Problem, from_validation_error
from .registries import Bilingual

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]+)?$")
WHITE = "#ffffff"


class Colours(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    primary: str
    primary_dark: str
    accent: str
    text: str
    link: str

    @field_validator("*")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not _HEX.match(value):
            raise ValueError(f"“{value}” không phải mã màu dạng #rrggbb | viết ví dụ \"#a50e14\"")
        return value.lower()


Ink = tuple[int, int, int, int]


class ColoursCmyk(BaseModel):
    """The brand colours for print: C, M, Y, K in percent."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    primary: Ink
    primary_dark: Ink
    accent: Ink
    text: Ink
    link: Ink

    @field_validator("*")
    @classmethod
    def _ink(cls, value: Ink) -> Ink:
        if not all(0 <= v <= 100 for v in value):
            raise ValueError("mỗi thành phần C, M, Y, K từ 0 đến 100 | viết ví dụ [0, 92, 88, 35]")
        if sum(value) > TOTAL_INK:
            raise ValueError(f"tổng lượng mực {sum(value)}% vượt {TOTAL_INK}% (giấy không kịp khô) | giảm C, M, Y và tăng K")
        return value

    def css(self, name: str) -> str:
        """The colour as the print templates and the PDF backend write it."""
        return "cmyk({},{},{},{})".format(*getattr(self, name))


# Total ink coverage print shops accept on coated and uncoated paper.
TOTAL_INK = 300
# A print colour further than this from its screen colour (naive CMYK to RGB, Euclidean
# distance in 0–255 units) is a typing mistake, not a conversion choice.
CMYK_TOLERANCE = 60


def cmyk_to_rgb(ink: Ink) -> tuple[int, int, int]:
    """Naive (uncalibrated) conversion, for previews and for checking values against the screen colours."""
    c, m, y, k = (v / 100 for v in ink)
    return tuple(round(255 * (1 - v) * (1 - k)) for v in (c, m, y))


class Ward(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Bilingual
    committee: Bilingual
    publication: Bilingual
    address: Bilingual
    phone: str = Field(min_length=1)
    email: str = Field(min_length=1)
    zalo_oa_id: str = ""
    colours: Colours
    colours_cmyk: Optional[ColoursCmyk] = None
    embed_origins: tuple[str, ...] = ()

    @field_validator("embed_origins")
    @classmethod
    def _origins(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            if not _ORIGIN.match(value):
                raise ValueError(f"“{value}” không phải một địa chỉ gốc (origin) | viết dạng https://ten-mien.gov.vn, không có đường dẫn phía sau")
        return values

    def values(self, language: str) -> dict[str, str]:
        """The `{{ ward.* }}` values editors may write in pages, in one language."""
        return {
            "name": self.name[language],
            "committee": self.committee[language],
            "publication": self.publication[language],
            "address": self.address[language],
            "phone": self.phone,
            "email": self.email,
            "zalo_oa_id": self.zalo_oa_id,
        }

    def site_name(self, language: str) -> str:
        return f"{self.publication[language]} · {self.name[language]}"


def load_ward(extra: dict, file: str = "mkdocs.yml") -> tuple[Optional[Ward], list[Problem]]:
    try:
        ward = Ward.model_validate(extra.get("ward") or {})
    except ValidationError as error:
        return None, from_validation_error(file, error, prefix="extra.ward")
    return ward, contrast_problems(ward.colours, file) + cmyk_problems(ward, file)


def cmyk_problems(ward: Ward, file: str = "mkdocs.yml") -> list[Problem]:
    """Each print colour must still be its screen colour (a mistyped value prints the wrong red)."""
    if ward.colours_cmyk is None:
        return []
    problems = []
    for name in Colours.model_fields:
        screen = getattr(ward.colours, name)
        rgb = tuple(int(screen[i:i + 2], 16) for i in (1, 3, 5))
        printed = cmyk_to_rgb(getattr(ward.colours_cmyk, name))
        distance = sum((a - b) ** 2 for a, b in zip(rgb, printed)) ** 0.5
        if distance > CMYK_TOLERANCE:
            problems.append(Problem(file, f"extra.ward.colours_cmyk.{name}",
                                    f"màu in {list(getattr(ward.colours_cmyk, name))} khác xa màu {screen} trên màn hình",
                                    "đổi lại từ mã màu màn hình, hoặc hỏi nhà in giá trị CMYK tương ứng"))
    return problems


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1.0 to 21.0)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# (foreground, background, minimum): the pairs the theme actually uses for text.
_TEXT_PAIRS = (
    ("text", WHITE, 4.5, "chữ thường trên nền trắng"),
    ("link", WHITE, 4.5, "liên kết trên nền trắng"),
    (WHITE, "primary", 4.5, "chữ trắng trên thanh tiêu đề"),
    (WHITE, "primary_dark", 4.5, "chữ trắng ở chân trang"),
    ("accent", "primary_dark", 3.0, "viền vàng trên nền đỏ"),
)


def contrast_problems(colours: Colours, file: str = "mkdocs.yml") -> list[Problem]:
    problems = []
    for fg, bg, minimum, usage in _TEXT_PAIRS:
        fg_hex = getattr(colours, fg, fg)
        bg_hex = getattr(colours, bg, bg)
        ratio = contrast(fg_hex, bg_hex)
        if ratio < minimum:
            field = f"extra.ward.colours.{fg if fg != WHITE else bg}"
            problems.append(Problem(file, field, f"độ tương phản {usage} là {ratio:.2f}:1, dưới mức {minimum}:1 của WCAG 2.2 AA",
                                    "chọn màu đậm hơn (hoặc nhạt hơn) cho đến khi đạt"))
    return problems


def brand_css(colours: Colours, font_faces: str) -> str:
    """The generated stylesheet: self-hosted @font-face rules and the brand colours."""
    c = colours
    return f"""/* Generated by wardpub from extra.ward in mkdocs.yml: edit there, not here. */
{font_faces}
:root {{
  --md-text-font: "Be Vietnam Pro";
  --ward-primary: {c.primary};
  --ward-primary-dark: {c.primary_dark};
  --ward-accent: {c.accent};
  --ward-text: {c.text};
  --ward-link: {c.link};
}}
"""
