"""wardpub.tools.audits: the W3C validator finds no error in any page of the built site
beyond the two stock Material writes itself, and it does find errors when there are some."""

from wardpub.tools.audits import validate_html


def test_every_page_is_valid_html(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    assert validate_html(pages) == []


def test_the_validator_reports_what_is_wrong(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="vi"><head><title>x</title></head><body><a href="tel:[0xx]">x</a>'
                   '<p><div></div></p></body></html>', encoding="utf-8")
    errors = validate_html([bad])
    assert any("tel:[0xx]" in e or "Illegal character" in e for e in errors), errors
    assert all(e.startswith(str(bad)) for e in errors)
