"""wardpub.site.pictures: cards' pictures cropped to one shape, resized to a few widths,
WebP with a JPEG fallback, made once (cached) and the same bytes every time."""

from PIL import Image

from wardpub.cache import ContentCache
from wardpub.site.pictures import CARD_SIZES, WIDTHS, Pictures


def photo(path, size=(1600, 1200)):
    image = Image.new("RGB", size)
    for x in range(0, size[0], 40):
        image.paste((x % 255, 90, 160), (x, 0, x + 20, size[1]))
    image.save(path, "JPEG")
    return path


def test_every_width_in_both_formats_in_the_cards_shape(tmp_path):
    pictures = Pictures(ContentCache("pictures", tmp_path / "cache")).prepare({"tin-tuc/2026/bai": (photo(tmp_path / "a.jpg"), None)})
    picture = pictures["tin-tuc/2026/bai"]
    assert [w for _, w in picture.webp] == list(WIDTHS) == [w for _, w in picture.fallback]
    for site_path, source in picture.files.items():
        with Image.open(source) as image:
            width = int(site_path.rsplit("-", 1)[1].split(".")[0])
            assert image.size == (width, round(width * 630 / 1200))
            assert image.format == ("WEBP" if site_path.endswith(".webp") else "JPEG")
    assert (picture.width, picture.height) == (640, 336)


def test_made_once_and_deterministic(tmp_path):
    source = photo(tmp_path / "a.jpg")
    first = Pictures(ContentCache("pictures", tmp_path / "one")).prepare({"x": (source, None)})["x"]
    again = Pictures(ContentCache("pictures", tmp_path / "two")).prepare({"x": (source, None)})["x"]
    assert [p.read_bytes() for p in first.files.values()] == [p.read_bytes() for p in again.files.values()]
    stamp = {p: p.stat().st_mtime_ns for p in first.files.values()}
    Pictures(ContentCache("pictures", tmp_path / "one")).prepare({"x": (source, None)})
    assert {p: p.stat().st_mtime_ns for p in first.files.values()} == stamp  # nothing made twice


def test_markup_is_sized_and_lazy_except_the_first(tmp_path):
    picture = Pictures(ContentCache("pictures", tmp_path / "c")).prepare({"tin-tuc/2026/bai": (photo(tmp_path / "a.jpg"), None)})["tin-tuc/2026/bai"]
    lazy = picture.tag("tin-tuc/", "", CARD_SIZES)
    assert lazy.startswith('<picture><source type="image/webp" srcset="../pictures/tin-tuc/2026/bai-320.webp 320w, ../pictures/tin-tuc/2026/bai-640.webp 640w"')
    assert 'width="640" height="336" loading="lazy"' in lazy and 'alt=""' in lazy
    first = picture.tag("tin-tuc/", "Ảnh hội nghị", CARD_SIZES, first=True)
    assert 'fetchpriority="high"' in first and "loading=" not in first and 'alt="Ảnh hội nghị"' in first
