"""wardpub.site.languages: the languages built side by side give the bytes of a build one after
the other, a failure in the other language's process stops the build with its own line, and
the sitemaps of both languages are joined as mkdocs-static-i18n writes them."""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sites import article, minimal_pages, news_index, page
from wardpub.site import languages
from wardpub.site.publish import BuildFailed

needs_two_cores = pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: the languages are built one after the other")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def small_site() -> dict[str, str]:
    return {**minimal_pages(), **news_index(),
            "docs/tin-tuc/2025/tin-thu.vi.md": article(),
            "docs/tin-tuc/2025/tin-thu.en.md": article(body="Content of the article [src:43].", title='"Test news"',
                                                        description='"A test article for the news listing of the site."')}


BUILD = """
import sys
from wardpub.site import languages
from wardpub.site.publish import BuildFailed, build_site, configure_logging

configure_logging()
forked, fork = [], languages._fork
languages._fork = lambda config, language: forked.append(language) or fork(config, language)
try:
    build_site(sys.argv[1], sys.argv[2])
except BuildFailed as failure:
    print(failure)
print(" ".join(forked))
"""


def build_in_a_new_process(root: Path, target: Path, **env: str) -> subprocess.CompletedProcess:
    """Build the small site in a process of its own (one without threads, as `wardpub build` starts:
    this one may hold a thread pool since it compressed an image). Its output's last line names the
    languages it forked; a failure's line comes before."""
    return subprocess.run([sys.executable, "-c", BUILD, str(target), str(root / "mkdocs.yml")], cwd=root, check=True,
                          capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1764000000", **env})


@needs_two_cores
def test_languages_built_side_by_side_give_the_bytes_of_one_after_the_other(make_site, tmp_path):
    make_site(small_site())
    assert build_in_a_new_process(make_site.root, tmp_path / "side").stdout == "en\n"
    assert build_in_a_new_process(make_site.root, tmp_path / "one", **{languages.JOBS_ENV: "1"}).stdout == "\n"
    side_by_side, one_after_the_other = tree(tmp_path / "side"), tree(tmp_path / "one")
    assert sorted(side_by_side) == sorted(one_after_the_other)
    assert [name for name in side_by_side if side_by_side[name] != one_after_the_other[name]] == []
    # Both languages' pages are in the one full sitemap, the English build's alternates included.
    pages = side_by_side["sitemap-pages.xml"].decode("utf-8")
    assert "nq71/tin-tuc/2025/tin-thu/</loc>" in pages and "nq71/en/tin-tuc/2025/tin-thu/</loc>" in pages


@needs_two_cores
def test_a_failure_in_the_other_languages_build_stops_the_build_with_its_line(make_site, tmp_path):
    make_site(small_site())
    good = make_site.build()
    before = (good / "index.html").read_bytes()
    make_site({"docs/index.en.md": page("Home", "A page to test the system with.", "See [the plan](khong-co-trang-nay.md).")})
    done = build_in_a_new_process(make_site.root, good)
    assert done.stdout == "Aborted with 1 warnings in strict mode!\nen\n"  # as one process reports it
    assert "khong-co-trang-nay.md" in done.stderr  # MkDocs' own warning, from the English build
    assert (good / "index.html").read_bytes() == before
    # Neither language's folder is left behind.
    assert sorted(p.name for p in good.parent.iterdir() if p.name.startswith(".")) == []


def test_a_process_with_threads_builds_one_language_after_the_other(monkeypatch):
    assert languages._threads() >= 1
    class Config:
        plugins = {"i18n": type("I18n", (), {"build_languages": ["vi", "en"], "default_language": "vi"})()}

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.delenv(languages.JOBS_ENV, raising=False)
    monkeypatch.setattr(languages, "_threads", lambda: 1)
    assert languages.side_by_side(Config()) == ["en"]
    monkeypatch.setattr(languages, "_threads", lambda: 2)
    assert languages.side_by_side(Config()) == []
    monkeypatch.setattr(languages, "_threads", lambda: 1)
    monkeypatch.setenv(languages.JOBS_ENV, "1")
    assert languages.side_by_side(Config()) == []


def sitemap(*locations: str) -> str:
    entries = "".join(f"\n    <url>\n        <loc>{loc}</loc>\n    </url>" for loc in locations)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}\n</urlset>")


def test_joined_sitemaps_list_the_first_languages_pages_then_the_later_ones(tmp_path):
    first, later = tmp_path / "site" / "sitemap.xml", tmp_path / "en-build" / "sitemap.xml"
    first.parent.mkdir(), later.parent.mkdir()
    first.write_text(sitemap("https://x.vn/a/"), encoding="utf-8")
    later.write_text(sitemap("https://x.vn/en/a/", "https://x.vn/en/b/"), encoding="utf-8")
    with gzip.GzipFile(later.with_name("sitemap.xml.gz"), "wb", mtime=1764000000) as out:
        out.write(later.read_bytes())
    languages.join_sitemaps(first, later)
    assert first.read_text(encoding="utf-8") == sitemap("https://x.vn/a/", "https://x.vn/en/a/", "https://x.vn/en/b/")
    stamped = first.with_name("sitemap.xml.gz").read_bytes()
    assert gzip.decompress(stamped) == first.read_bytes() and int.from_bytes(stamped[4:8], "little") == 1764000000
