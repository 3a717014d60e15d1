"""wardpub.site.frontpage: the home page's lead beside its infographic, then the figures,
the latest news, the seven content points and the ways in; a lead infographic that
does not exist is refused."""

import re

import pytest

from sites import minimal_pages, page
from wardpub.site.frontpage import _split_lead
from wardpub.site.publish import BuildFailed


def test_the_lead_is_the_first_paragraph():
    lead, rest = _split_lead("\nDòng một của đoạn mở đầu,\nvẫn đoạn đó [src:1].\n\n## Con số\n\nTiếp.\n")
    assert lead == "Dòng một của đoạn mở đầu,\nvẫn đoạn đó [src:1]."
    assert rest.strip().startswith("## Con số")
    assert _split_lead("## Chỉ có tiêu đề\n")[0] == ""


def test_home_page_order_and_lead(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    marks = ['class="ward-hero"', 'class="ward-lead"', 'class="ward-hero__figure"', 'class="ward-figures"',
             'class="ward-news"', "ward-tiles--points", "ward-tiles--ways"]
    positions = [html.index(mark) for mark in marks]
    assert positions == sorted(positions)
    figure = re.search(r'<figure class="ward-hero__figure">.*?</figure>', html, re.S).group(0)
    assert 'fetchpriority="high"' in figure and 'loading="lazy"' not in figure
    assert 'href="nghi-quyet-71/diem-moi-dot-pha/#moc-2030-2035-2045"' in figure
    assert '<source type="image/webp" srcset="infographics/moc-2030-2035-2045/moc-2030-2035-2045-1080x1080-vi.webp 1080w"' in figure
    assert html.count('class="ward-tile"') >= 7 + 4
    # The quiz joins the ways in once its page exists.
    assert ("thi-tim-hieu/" in html) == (site / "thi-tim-hieu" / "index.html").is_file()


def test_an_unknown_lead_infographic_is_refused(make_site):
    from wardpub import PROJECT_ROOT
    import shutil

    home = page("Trang chủ", body="Đoạn mở đầu.").replace("---\n\n", "lead_infographic: khong-co\n---\n\n", 1)
    make_site({**minimal_pages(), "docs/index.vi.md": home,
               "docs/nghi-quyet-71/diem-moi-dot-pha.vi.md": page("Điểm mới").replace("---\n\n", "category: diem-moi-dot-pha\n---\n\n", 1),
               "docs/nghi-quyet-71/diem-moi-dot-pha.en.md": page("New", "New points, for the test site.").replace("---\n\n", "category: diem-moi-dot-pha\n---\n\n", 1),
               "infographics/ngan-sach-cho-giao-duc.yml": (PROJECT_ROOT / "infographics" / "ngan-sach-cho-giao-duc.yml").read_text(encoding="utf-8")})
    shutil.copytree(PROJECT_ROOT / "infographics" / "templates", make_site.root / "infographics" / "templates")
    with pytest.raises(BuildFailed) as failure:
        make_site.build()
    assert "docs/index.vi.md: lead_infographic: không có infographic “khong-co” trong infographics/. Sửa: chọn một trong: ngan-sach-cho-giao-duc" in str(failure.value)
