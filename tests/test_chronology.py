"""wardpub.data.chronology: update notes, and articles that cite only what was published by their date.

Failure cases are small inline sites (one per error line); the project's own
articles are held to the same rule.
"""

import dataclasses
import datetime as dt

import pytest

from sites import article, minimal_pages, news_index
from wardpub import DOCS_DIR
from wardpub.data.articles import ARTICLE_PATH, ArticleMeta
from wardpub.data.chronology import article_problems, localize_update_notes, update_notes
from wardpub.data.pages import read_markdown
from wardpub.data.registries import load_registries
from wardpub.project import markdown_files

A = "docs/tin-tuc/2025/tin-thu.vi.md"
# Sources with known days (docs/_data/sources.yml): 11 on 16/9/2025, 63 on 18/11/2025, 73 on 31/1/2026;
# 65 has no day, only not_before 11/12/2025; 43 has no date at all.
NOTE = '!!! update "2025-11-18"\n    Bộ đề xuất lộ trình [src:63].\n'


def test_notes_are_found_with_their_extent_and_examples_in_code_are_not():
    body = ("Đoạn đầu [src:11].\n\n"
            '!!! update "2025-11-18"\n    Dòng một.\n\n    Dòng hai [src:63].\n\nĐoạn sau.\n\n'
            '```markdown\n!!! update "2024-01-01"\n    Ví dụ trong mã.\n```\n\n'
            '??? note update "2026-02-30"\n    Ô thu gọn.\n')
    notes = update_notes(body)
    assert [(n.title, n.day) for n in notes] == [("2025-11-18", dt.date(2025, 11, 18)), ("2026-02-30", None)]
    first = notes[0]
    assert body[first.start:first.end] == '!!! update "2025-11-18"\n    Dòng một.\n\n    Dòng hai [src:63].\n'
    assert first.holds(body.index("[src:63]")) and not first.holds(body.index("Đoạn sau"))


def test_note_titles_read_as_dates_in_each_language_and_code_stays_as_written():
    body = '!!! update "2025-11-18"\n    Tin.\n\n```\n!!! update "2025-11-18"\n```\n'
    vi = localize_update_notes(body, "vi")
    en = localize_update_notes(body, "en")
    assert vi.startswith('!!! update "Cập nhật ngày 18/11/2025"\n')
    assert en.startswith('!!! update "Update, 18 November 2025"\n')
    assert vi.endswith('```\n!!! update "2025-11-18"\n```\n')
    assert localize_update_notes('!!! update "2025-02-30"\n    x\n', "vi") == '!!! update "2025-02-30"\n    x\n'
    assert localize_update_notes('!!! note "2025-11-18"\n    x\n', "vi") == '!!! note "2025-11-18"\n    x\n'


BAD = [
    pytest.param(article(body="Đoạn đầu.\n\nBộ đề xuất lộ trình [src:63]."),
                 f"{A}:13: [src:63]: nguồn số 63 đăng ngày 18/11/2025, sau ngày của bài (16/9/2025). "
                 'Sửa: đưa câu này vào ghi chú cập nhật !!! update "2025-11-18" (hoặc ngày muộn hơn)', id="later-source-in-body"),
    pytest.param(article(body="Dự thảo nghị định [src:65]."),
                 f"{A}:11: [src:65]: nguồn số 65 đăng không sớm hơn 11/12/2025, sau ngày của bài (16/9/2025)", id="not-before-source-in-body"),
    pytest.param(article(body='!!! update "2025-11-18"\n    Sắp xếp trường đại học [src:73].'),
                 f"{A}:12: [src:73]: nguồn số 73 đăng ngày 31/1/2026, sau ngày của ghi chú cập nhật (18/11/2025). "
                 "Sửa: đổi ngày ghi chú thành 2026-01-31 hoặc muộn hơn", id="later-source-in-note"),
    pytest.param(article(body='!!! update "2025-02-30"\n    Tin mới [src:43].'),
                 f"{A}:11: !!! update: “2025-02-30” không phải một ngày có thật dạng NĂM-THÁNG-NGÀY", id="impossible-note-date"),
    pytest.param(article(body='!!! update\n    Tin mới [src:43].'),
                 f"{A}:11: !!! update: tiêu đề trống không phải một ngày có thật", id="note-without-date"),
    pytest.param(article(body='!!! update "2025-09-01"\n    Tin cũ [src:43].'),
                 f"{A}:11: !!! update: ghi chú cập nhật ngày 1/9/2025 sớm hơn ngày của bài (16/9/2025)", id="note-before-article"),
    pytest.param(article(sources="[63]"),
                 f"{A}: sources: nguồn số 63 đăng ngày 18/11/2025, sau ngày của bài (16/9/2025)", id="later-source-in-front-matter"),
]


@pytest.mark.parametrize("text, expected", BAD)
def test_chronology_mistake_stops_the_build_with_one_line(make_site, text, expected):
    lines = make_site({**minimal_pages(), **news_index(), A: text}).failure_lines()
    assert any(line.startswith(expected) for line in lines), lines


def test_an_article_with_notes_builds_and_heads_them_in_each_language(make_site):
    body = "Hội nghị diễn ra [src:11].\n\n" + NOTE
    en = article(body="The conference took place [src:11].\n\n" + NOTE.replace("Bộ đề xuất lộ trình", "The Ministry proposed a roadmap"),
                 title='"Test article"', description='"A test article to check the news listings of the site."')
    site = make_site({**minimal_pages(), **news_index(), A: article(body=body), A.replace(".vi.", ".en."): en}).build()
    vi_html = (site / "tin-tuc/2025/tin-thu/index.html").read_text(encoding="utf-8")
    en_html = (site / "en/tin-tuc/2025/tin-thu/index.html").read_text(encoding="utf-8")
    assert '<div class="admonition update">' in vi_html
    assert '<p class="admonition-title">Cập nhật ngày 18/11/2025</p>' in vi_html
    assert '<p class="admonition-title">Update, 18 November 2025</p>' in en_html
    assert "2025-11-18" not in vi_html.split('<div class="admonition update">')[1].split("</div>")[0]


def test_a_content_page_may_carry_notes_but_not_impossible_ones(make_site):
    pages = minimal_pages()
    pages["docs/index.vi.md"] = pages["docs/index.vi.md"].replace("Phường và giáo dục.", '!!! update "2026-13-01"\n    Tin mới.')
    lines = make_site({**pages, **news_index()}).failure_lines()
    assert any(line.startswith("docs/index.vi.md:6: !!! update: “2026-13-01” không phải một ngày có thật") for line in lines), lines


def test_every_article_of_the_site_cites_only_what_was_published_by_its_date_or_notes():
    registries = load_registries()
    checked = 0
    for path in markdown_files(DOCS_DIR):
        rel = path.relative_to(DOCS_DIR).as_posix()
        if not ARTICLE_PATH.match(rel):
            continue
        source = read_markdown(path)
        meta = ArticleMeta.model_validate(source.meta)
        assert article_problems(source, meta.date, registries, meta.sources) == [], rel
        checked += 1
    assert checked >= 30  # every article, both languages


def test_articles_with_later_sources_carry_them_in_dated_notes():
    """The rule has teeth on the real site: an article overtaken by later news keeps that news in notes."""
    source = read_markdown(DOCS_DIR / "tin-tuc/2025/bo-chinh-tri-ban-hanh-nghi-quyet-71-ve-giao-duc.vi.md")
    assert [n.title for n in update_notes(source.body)] == ["2025-08-28", "2025-09-07", "2025-11-18"]
    # Take the roadmap of 18/11/2025 out of its note, into the body of the article of 22/8/2025.
    moved = dataclasses.replace(source, body=source.body.replace('!!! update "2025-11-18"\n    ', ""))
    problems = article_problems(moved, dt.date(2025, 8, 22), load_registries())
    assert {p.field for p in problems} == {"[src:63]", "[src:64]"}
