"""wardpub.data.dated: deadlines, start dates and events are data, worded as ahead or
past for the day of the build, in the page's language; bad tokens are refused."""

import datetime as dt

import pytest

from sites import minimal_pages, page
from wardpub.data.dated import html_words, parse, plain_words, token_problems
from wardpub.site.publish import BuildFailed

BEFORE, ON, AFTER = dt.date(2026, 4, 1), dt.date(2026, 4, 15), dt.date(2026, 11, 28)


@pytest.mark.parametrize("token, day, vi, en", [
    ("{{ deadline 2026-04-15 }}", BEFORE, "hạn 15/4/2026", "due by 15 April 2026"),
    ("{{ deadline 2026-04-15 }}", ON, "hạn cuối là hôm nay, 15/4/2026", "due today, 15 April 2026"),
    ("{{ deadline 2026-04-15 }}", AFTER, "đã hết hạn ngày 15/4/2026", "the deadline passed on 15 April 2026"),
    ("{{ from 2026-04-15 }}", BEFORE, "sẽ áp dụng từ 15/4/2026", "will apply from 15 April 2026"),
    ("{{ from 2026-04-15 }}", ON, "áp dụng từ hôm nay, 15/4/2026", "applies from today, 15 April 2026"),
    ("{{ from 2026-04-15 }}", AFTER, "áp dụng từ 15/4/2026", "has applied since 15 April 2026"),
    ("{{ effective 2026-04-15 }}", BEFORE, "sẽ có hiệu lực từ 15/4/2026", "will take effect on 15 April 2026"),
    ("{{ event 2026-04-15 }}", AFTER, "đã diễn ra ngày 15/4/2026", "took place on 15 April 2026"),
    ("{{ Event 2026-04-15 }}", BEFORE, "Sẽ diễn ra ngày 15/4/2026", "Will take place on 15 April 2026"),
])
def test_each_kind_is_worded_for_the_day(token, day, vi, en):
    assert plain_words(token, "vi", day) == vi
    assert plain_words(token, "en", day) == en


def test_html_carries_the_date_as_data():
    out = html_words("Báo cáo {{ deadline 2026-04-15 }}.", "vi", AFTER)
    assert out == ('Báo cáo <span class="ward-dated ward-dated--past">đã hết hạn ngày '
                   '<time datetime="2026-04-15">15/4/2026</time></span>.')


@pytest.mark.parametrize("inner, message", [
    ("deadline 2026-02-30", "ngày “2026-02-30” không có thật"),
    ("deadline 15/4/2026", "“15/4/2026” không phải ngày dạng NĂM-THÁNG-NGÀY"),
    ("han 2026-04-15", "không có loại mốc thời gian “han”"),
    ("nonsense", "“{{ nonsense }}” không phải mốc thời gian"),
])
def test_bad_tokens_are_named(inner, message):
    statement, problem = parse(inner)
    assert statement is None and problem.startswith(message)
    [(offset, token, found, fix)] = token_problems(f"x {{{{ {inner} }}}}")
    assert offset == 2 and found == message and fix


def test_ward_tokens_are_not_dated_statements():
    assert token_problems("{{ ward.name }} {{ward.phone}}") == []


def test_build_refuses_a_bad_token_with_file_and_line(make_site):
    body = "Dòng một.\n\nHạn nộp {{ deadline 2026-13-01 }}.\n"
    make_site({**minimal_pages(), "docs/a.vi.md": page(body=body), "docs/a.en.md": page("A", "An English page for the test site.")})
    with pytest.raises(BuildFailed) as failure:
        make_site.build()
    [line] = [l for l in str(failure.value).splitlines() if "2026-13-01" in l]
    assert line.startswith("docs/a.vi.md:8: {{ deadline 2026-13-01 }}: ngày “2026-13-01” không có thật")


def test_a_past_deadline_is_built_as_past(make_site, monkeypatch):
    body = "Các đơn vị báo cáo, {{ deadline 2026-04-15 }}. Hội nghị tổng kết {{ event 2027-01-10 }}."
    description = '"Kế hoạch: báo cáo {{ deadline 2026-04-15 }}, tổng kết sau đó."'
    files = {**minimal_pages(), "docs/a.vi.md": page(description=description, body=body),
             "docs/a.en.md": page("A", "An English page for the test site.", "Units report, {{ deadline 2026-04-15 }}.")}
    monkeypatch.setenv("WARDPUB_TODAY", "2026-11-28")
    site = make_site(files).build()
    html = (site / "a" / "index.html").read_text(encoding="utf-8")
    assert 'đã hết hạn ngày <time datetime="2026-04-15">15/4/2026</time>' in html
    assert 'sẽ diễn ra ngày <time datetime="2027-01-10">10/1/2027</time>' in html
    assert '<meta name="description" content="Kế hoạch: báo cáo đã hết hạn ngày 15/4/2026, tổng kết sau đó.">' in html
    assert "the deadline passed on" in (site / "en" / "a" / "index.html").read_text(encoding="utf-8")
    # The same page built before the day says what is still ahead.
    monkeypatch.setenv("WARDPUB_TODAY", "2026-04-01")
    html = (make_site.build() / "a" / "index.html").read_text(encoding="utf-8")
    assert 'hạn <time datetime="2026-04-15">15/4/2026</time>' in html and "đã hết hạn" not in html
