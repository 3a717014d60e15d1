"""Who publishes the site and how it looks: the `extra.ward` block of mkdocs.yml.

Owns the schema of that block (the one place for the ward's name and its
short form for narrow headers, the issuing committee, contacts, logo and brand
colours), its per-language values, the brand stylesheet generated from it, the
WCAG contrast checks those colours must pass before a build may use them, and
the placeholders: values still in [SQUARE BRACKETS] or on an example domain,
which every build lists and a publishing build refuses (`placeholders`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..problems import Problem, from_validation_error
from .registries import Bilingual

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]+)?$")
WHITE = "#ffffff"
# The header has 130 to 200 px for the name beside its buttons (and a logo) on a 360 px phone.
SHORT_NAME_MAX = 18
LOGO_TYPES = (".svg", ".png", ".webp")
LOGO_HEIGHT = 40  # CSS pixels in the header
# A value still to fill in: text in [SQUARE BRACKETS], or an address on a domain
# reserved for examples (RFC 2606: example.com, example.gov.vn, *.example, *.invalid...).
_BRACKETED = re.compile(r"\[[^\]]*\]")
_EXAMPLE_HOST = re.compile(r"(^|\.)(example|invalid|localhost)(\.|$)|\.test$", re.I)


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


class ShortName(Bilingual):
    @field_validator("vi", "en")
    @classmethod
    def _short(cls, value: str) -> str:
        if len(value) > SHORT_NAME_MAX:
            raise ValueError(f"“{value}” dài {len(value)} ký tự, thanh tiêu đề trên điện thoại chỉ đủ chỗ cho {SHORT_NAME_MAX}"
                             " | viết tắt, ví dụ \"P. Bến Thành\"")
        return value

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
    # Shown instead of the name in the header of narrow screens (phones) when given.
    short_name: Optional[ShortName] = None
    committee: Bilingual
    publication: Bilingual
    address: Bilingual
    phone: str = Field(min_length=1)
    email: str = Field(min_length=1)
    zalo_oa_id: str = ""
    # The ward's own logo, a file under docs/ (SVG, PNG or WebP); none is shipped.
    logo: Optional[str] = None
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
            "short_name": (self.short_name or self.name)[language],
            "committee": self.committee[language],
            "publication": self.publication[language],
            "address": self.address[language],
            "phone": self.phone,
            "email": self.email,
            "zalo_oa_id": self.zalo_oa_id,
        }

    def page_values(self, language: str) -> dict[str, str]:
        """The values as page text gets them: a real phone number or email address is a link
        a phone can follow (tap to call); a placeholder stays plain text."""
        values = self.values(language)
        for key, href in self.links().items():
            if href:
                values[key] = f"[{values[key]}]({href})"
        return values

    def site_name(self, language: str) -> str:
        return f"{self.publication[language]} · {self.name[language]}"

    def links(self) -> dict[str, str | None]:
        """tel: and mailto: addresses of the contacts, None while a contact is a placeholder
        (a link to "tel:[0xx…]" is invalid markup and dials nothing)."""
        phone = None if is_placeholder(self.phone) else "tel:" + re.sub(r"[^0-9+]", "", self.phone)
        email = None if is_placeholder(self.email) else "mailto:" + self.email
        return {"phone": phone, "email": email}

    def zalo_id(self) -> str:
        """The Zalo Official Account id, empty while unset or a placeholder (no Zalo button then)."""
        return "" if is_placeholder(self.zalo_oa_id) else self.zalo_oa_id


def is_placeholder(value: str) -> bool:
    """A value still to be filled in: bracketed text, or an address on an example domain."""
    if _BRACKETED.search(value):
        return True
    for word in re.findall(r"[\w.-]+@([\w.-]+)|https?://([^/\s:]+)|\b((?:[\w-]+\.)+[a-z]{2,})\b", value):
        host = next(part for part in word if part)
        if _EXAMPLE_HOST.search(host):
            return True
    return False


def placeholders(extra_ward: dict, site_url: str | None) -> list[tuple[str, str]]:
    """(field, value) of every value still to be filled in: extra.ward (every language,
    every origin) and site_url. Read from the raw block, so it works before validation."""
    found = []

    def walk(value, field: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{field}.{key}")
        elif isinstance(value, (list, tuple)):
            for n, inner in enumerate(value):
                walk(inner, f"{field}[{n}]")
        elif isinstance(value, str) and is_placeholder(value):
            found.append((field, value))

    walk(extra_ward or {}, "extra.ward")
    if site_url and _EXAMPLE_HOST.search(urlsplit(site_url).hostname or ""):
        found.append(("site_url", site_url))
    return found


def placeholder_problems(extra_ward: dict, site_url: str | None, file: str = "mkdocs.yml") -> list[Problem]:
    """One line per placeholder, for a publishing build that refuses them."""
    return [Problem(file, field, f"còn giá trị mẫu “{value}”, chưa được thay bằng thông tin thật của phường",
                    "điền thông tin thật rồi chạy lại make publish")
            for field, value in placeholders(extra_ward, site_url)]


def placeholder_warning(extra_ward: dict, site_url: str | None) -> str | None:
    """The one line every build prints while placeholders remain (None when there are none)."""
    found = placeholders(extra_ward, site_url)
    if not found:
        return None
    listed = "; ".join(f"{field} “{value}”" for field, value in found)
    return (f"Cảnh báo: còn {len(found)} giá trị mẫu trong mkdocs.yml, chưa được xuất bản (make publish sẽ từ chối): {listed}. "
            "(Placeholders remain; a publishing build refuses them.)")


def logo_size(path: Path) -> tuple[int, int]:
    """Width and height of the logo as the header shows it (LOGO_HEIGHT tall), from the file itself."""
    if path.suffix.lower() == ".svg":
        root = ElementTree.parse(path).getroot()
        box = (root.get("viewBox") or "").replace(",", " ").split()
        if len(box) == 4:
            width, height = float(box[2]), float(box[3])
        else:
            width, height = (float(re.sub(r"[^0-9.]", "", root.get(k) or "0") or 0) for k in ("width", "height"))
    else:
        from PIL import Image

        with Image.open(path) as image:
            width, height = image.size
    if not width or not height:
        raise ValueError("không đọc được kích thước")
    return round(LOGO_HEIGHT * width / height), LOGO_HEIGHT


def logo_tag(ward: Ward, docs_dir) -> dict | None:
    """What the header needs to show the ward's logo (site path, width, height), or None."""
    if not ward.logo:
        return None
    width, height = logo_size(Path(docs_dir) / ward.logo)
    return {"src": ward.logo, "width": width, "height": height}


def logo_problems(ward: Ward, docs_dir: Path, file: str = "mkdocs.yml") -> list[Problem]:
    """The logo must be a file under docs/ of a kind browsers show, with a readable size."""
    if not ward.logo:
        return []
    path = Path(docs_dir) / ward.logo
    if path.suffix.lower() not in LOGO_TYPES:
        return [Problem(file, "extra.ward.logo", f"“{ward.logo}” không phải tệp SVG, PNG hoặc WebP", "lưu logo dạng .svg hoặc .png")]
    if not path.is_file():
        return [Problem(file, "extra.ward.logo", f"không tìm thấy tệp docs/{ward.logo}",
                        "đặt tệp logo trong thư mục docs/ và ghi đường dẫn tính từ docs/, ví dụ assets/images/logo-phuong.svg")]
    try:
        logo_size(path)
    except Exception:  # a broken file of any kind: the editor needs one line, not a traceback
        return [Problem(file, "extra.ward.logo", f"không đọc được kích thước của docs/{ward.logo}",
                        "lưu lại tệp (SVG cần viewBox hoặc width/height)")]
    return []


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
