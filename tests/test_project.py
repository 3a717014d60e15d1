"""wardpub.project: the whole project checked before a build, each part again only when its inputs change."""

import os

import yaml

from sites import SiteMaker, article, minimal_pages, news_index
from wardpub.project import check_project

ARTICLE = "docs/tin-tuc/2025/tin-thu.vi.md"


def small_project(tmp_path) -> SiteMaker:
    return SiteMaker(tmp_path)({**minimal_pages(), **news_index(), ARTICLE: article(title='"Tin thử"')})


def checked(maker: SiteMaker):
    config = yaml.safe_load((maker.root / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])
    return check_project(config["extra"], maker.root / "docs", config["site_url"])


def touched(path, text: str) -> None:
    """Write text and move the file's time on, as a save in an editor does."""
    stat = path.stat() if path.exists() else None
    path.write_text(text, encoding="utf-8")
    if stat is not None:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_a_saved_article_is_checked_again_and_the_kits_are_not(tmp_path):
    maker = small_project(tmp_path)
    first = checked(maker)
    touched(maker.root / ARTICLE, article(title='"Tin đã sửa"'))
    second = checked(maker)
    assert [a.meta.title for a in second.articles] == ["Tin đã sửa"]
    assert second.results is first.results and first.results is not None


def test_a_mistake_in_a_saved_article_is_reported(tmp_path):
    maker = small_project(tmp_path)
    assert checked(maker).problems == []
    touched(maker.root / ARTICLE, article(category="khong-co-chu-de-nay"))
    lines = [str(p) for p in checked(maker).problems]
    assert len(lines) == 1 and "tin-thu.vi.md" in lines[0] and "category" in lines[0]


def test_a_changed_table_or_page_checks_the_kits_again(tmp_path):
    maker = small_project(tmp_path)
    first = checked(maker)
    sources = maker.root / "docs" / "_data" / "sources.yml"
    touched(sources, sources.read_text(encoding="utf-8") + "\n# một ghi chú\n")
    second = checked(maker)
    assert second.results is not first.results
    page = maker.root / "docs" / "index.vi.md"
    touched(page, page.read_text(encoding="utf-8") + "\nThêm một câu.\n")
    assert checked(maker).results is not second.results
