"""wardpub.tools.eol: the alternative stacks' configuration, build record and report against the pinned build."""

import json
import re
import shutil
import subprocess

import pytest

from wardpub import PROJECT_ROOT
from wardpub.tools.eol import DIFFERS, MISSING, SAME, STACKS, Stack, build, compare, first_error, materialx_overrides, read_config, report

SITE_URL = "https://example.gov.vn/nq71/"


def page(lang: str, url: str, switcher: dict[str, str], body: str = "Nội dung.", head: str = "") -> str:
    """A page as Material writes one: language, canonical address, language switcher, config script."""
    links = "".join(f'<a href="{href}" hreflang="{code}" class="md-select__link">{code}</a>' for code, href in switcher.items())
    config = json.dumps({"base": ".", "search": "assets/javascripts/workers/folded-search.js?lang=" + lang})
    return (f'<!doctype html><html lang="{lang}" class="no-js"><head><link rel="canonical" href="{SITE_URL}{url}">{head}'
            f'<script>var theme = "{lang}";</script></head><body>{links}<p>{body}</p>'
            f'<script id="__config" type="application/json">{config}</script></body></html>')


PINNED = {
    "index.html": page("vi", "", {"vi": "./", "en": "en/"}),
    "gioi-thieu/index.html": page("vi", "gioi-thieu/", {"vi": "./", "en": "../en/gioi-thieu/"}),
    "en/index.html": page("en", "en/", {"vi": "../", "en": "./"}),
    "en/gioi-thieu/index.html": page("en", "en/gioi-thieu/", {"vi": "../../gioi-thieu/", "en": "./"}),
    "404.html": page("vi", "404.html", {}),
    "tin-tuc/chu-de/mo-hinh-hay/index.html": page("vi", "tin-tuc/chu-de/mo-hinh-hay/", {"vi": "./", "en": "../../../en/tin-tuc/chu-de/mo-hinh-hay/"}),
    "en/tin-tuc/chu-de/mo-hinh-hay/index.html": page("en", "en/tin-tuc/chu-de/mo-hinh-hay/", {"vi": "../../../../tin-tuc/chu-de/mo-hinh-hay/", "en": "./"}),
    "embed/news/index.html": "<html lang=\"vi\"><body>embed</body></html>",
    "embed/news/oembed.json": "{}",
    "search/vi/meta.json": "{}",
    "search/vi/terms/ph.json": "{}",
    "search/en/meta.json": "{}",
    "search/search_index.json": '{"config": {}, "docs": []}',
    "assets/stylesheets/brand.css": '@font-face { src: url("../fonts/a.woff2"); }\n@font-face { src: url("../fonts/b.woff2"); }\n',
    "assets/fonts/a.woff2": "font",
    "assets/fonts/b.woff2": "font",
    "assets/javascripts/bundle.abc.min.js": "bundle",
    "feed.xml": "<rss/>",
    "en/feed.xml": "<rss/>",
    "sitemap.xml": "<?xml version='1.0'?><sitemapindex/>",
    "en/sitemap.xml": "<?xml version='1.0'?><sitemapindex/>",
}


def write_site(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def rows(tables, title):
    table = next(t for t in tables if t.title.startswith(title))
    return {row[0]: row for row in table.rows}, table


@pytest.fixture
def pinned(tmp_path):
    return write_site(tmp_path / "pinned", PINNED)


def test_the_same_site_passes_every_check(pinned, tmp_path):
    twin = shutil.copytree(pinned, tmp_path / "twin")
    tables = compare(pinned, twin)
    statuses = [s for table in tables for s in table.statuses()]
    assert len(statuses) > 20 and set(statuses) == {SAME}
    languages, _ = rows(tables, "Languages")
    assert languages["vi (`/`)"][3:5] == ["4", "4"]  # pages, 404 included, embeds counted apart
    assert languages["en (`/en/`)"][3:5] == ["3", "3"]
    theme, _ = rows(tables, "Theme")
    assert theme["Pages whose language switcher leads to the same page translated"][1] == "6 of 6"


def test_a_site_without_english_search_and_fonts_is_reported(pinned, tmp_path):
    files = {name: text for name, text in PINNED.items()
             if not name.startswith(("en/", "search/", "assets/fonts/", "assets/stylesheets/"))}
    candidate = write_site(tmp_path / "candidate", files)
    tables = compare(pinned, candidate)
    languages, table = rows(tables, "Languages")
    assert languages["en (`/en/`)"][2] == "no home page"
    assert languages["en (`/en/`)"][-1] == MISSING
    assert languages["vi (`/`)"][-1] == SAME
    assert any("`en/gioi-thieu/index.html`" in note for note in table.notes)
    search, _ = rows(tables, "Search")
    assert search["Folded index languages (`search/<lang>/meta.json`)"][1:] == ["en, vi", "none", MISSING]
    ours, _ = rows(tables, "Our plugin")
    assert ours["Web fonts, Be Vietnam Pro subsets (plugin on_files)"][-1] == MISSING
    assert ours["News feeds (plugin on_post_build)"][1:] == ["2", "1", DIFFERS]
    fonts, _ = rows(tables, "Fonts")
    assert fonts["`brand.css` byte for byte"][-1] == MISSING


def test_a_switcher_to_the_language_home_and_a_font_from_elsewhere_are_reported(pinned, tmp_path):
    files = dict(PINNED)
    # As mkdocs-static-i18n configures the switcher for a theme it does not know: each language's home.
    files["gioi-thieu/index.html"] = page("vi", "gioi-thieu/", {"vi": "/nq71/", "en": "/nq71/en/"},
                                          head='<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">')
    candidate = write_site(tmp_path / "candidate", files)
    tables = compare(pinned, candidate)
    theme, _ = rows(tables, "Theme")
    assert theme["Pages whose language switcher leads to the same page translated"][1:] == ["6 of 6", "5 of 6", DIFFERS]
    fonts, _ = rows(tables, "Fonts")
    # Canonical addresses are absolute too, but only what a browser fetches counts.
    assert fonts["HTML/CSS files loading another origin (fonts, scripts, styles)"][1:] == ["0", "1", DIFFERS]


def test_the_report_says_why_no_attempt_built(pinned, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    record = {"stack": "zensical", "title": "Zensical", "date": "2026-11-28", "versions": {"zensical": "0.0.73"}, "built": None,
              "attempts": [{"label": "as configured", "command": "python -m zensical build -f zensical.yml", "config": "",
                            "returncode": 1, "error": "RuntimeError: undefined value (in partials/copyright.html:3)"}]}
    (out / "build.json").write_text(json.dumps(record), encoding="utf-8")
    text = report(pinned, out)
    assert text.startswith("## Zensical against the pinned build")
    assert "No attempt built the site" in text
    assert "| as configured | `python -m zensical build -f zensical.yml` | 1 | RuntimeError: undefined value" in text
    assert "### Languages" not in text


def test_first_error_prefers_an_error_line_and_strips_colours():
    log = "INFO - Building\n\x1b[31mERROR\x1b[0m   -  Config value 'theme': Unrecognised theme name: 'material'.\nAborted with a configuration error!\n"
    assert first_error(log) == "ERROR   -  Config value 'theme': Unrecognised theme name: 'material'."
    assert first_error("Traceback (most recent call last):\n  File x\nAttributeError: 'LegacyConfig' object has no attribute 'alternate'\n") \
        == "AttributeError: 'LegacyConfig' object has no attribute 'alternate'"


def test_materialx_configuration_from_the_project_config():
    config = read_config(PROJECT_ROOT / "mkdocs.yml")
    # The slug function's tag is read as a name, never imported or run.
    assert config["markdown_extensions"][0]["toc"]["slugify"] == "!!python/name:wardpub.text.heading_slug"
    overrides = materialx_overrides(config)
    assert overrides["theme"] == {"name": "materialx"}
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in overrides["plugins"]]
    assert plugins == ["search", "i18n", "wardpub"]
    assert overrides["plugins"][0] == {"search": {"provider": "lunr"}}
    languages = overrides["plugins"][1]["i18n"]["languages"]
    assert [(lang["locale"], lang["theme"]) for lang in languages] == [("vi", {"language": "vi"}), ("en", {"language": "en"})]
    assert [a["link"] for a in languages[1]["extra"]["alternate"]] == ["/nq71/", "/nq71/en/"]
    assert languages[1]["nav_translations"]  # the project's own settings are kept


def test_build_records_a_failed_attempt_then_builds_with_the_fallback(tmp_path):
    project = tmp_path / "project"
    write_site(project, {"mkdocs.yml": f"site_name: Thử\nsite_url: {SITE_URL}\n", "docs/index.md": "# Trang chủ\n"})
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    stack = Stack("mkdocs", "MkDocs", ("mkdocs",), "mkdocs", lambda config: {"theme": {"name": "no-such-theme"}},
                  fallback=("with MkDocs' own theme", {"theme": {"name": "mkdocs"}}))
    record = build(stack, tmp_path / "out", project_root=project)
    first, second = record["attempts"]
    assert first["returncode"] != 0 and "no-such-theme" in first["error"]
    assert second["returncode"] == 0 and record["built"] == "with MkDocs' own theme"
    site = tmp_path / "out" / "site"
    assert (site / "index.html").is_file()
    # The step `wardpub build` runs after MkDocs ran here too.
    assert "<sitemapindex" in (site / "sitemap.xml").read_text() and (site / "sitemap-pages.xml").is_file()
    assert json.loads((tmp_path / "out" / "build.json").read_text())["versions"]["mkdocs"] == "1.6.1"


def test_every_stack_has_exact_pins_that_agree_with_the_project():
    pins = lambda path: dict(re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line).groups()
                             for line in path.read_text().splitlines() if line and not line.startswith("#"))
    normal = lambda name: re.sub(r"[-_.]+", "-", name).lower()
    project = {normal(name): version for name, version in pins(PROJECT_ROOT / "requirements.txt").items()}
    assert project["mkdocs"] == "1.6.1" and project["mkdocs-material"].startswith("9.")
    for stack in STACKS.values():
        # Installed with requirements.txt less mkdocs-material (eol-check.yml).
        stack_pins = {normal(name): version for name, version in pins(PROJECT_ROOT / f".github/eol/requirements-{stack.name}.txt").items()}
        for package in stack.packages:
            assert package in stack_pins or package in project, (stack.name, package)
        assert "mkdocs-material" not in stack_pins  # mkdocs-materialx installs into the same `material` package
        shared = {name: version for name, version in stack_pins.items() if name in project}
        assert shared == {name: project[name] for name in shared}, stack.name

