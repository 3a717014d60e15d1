"""Life after Material for MkDocs: build the site with an alternative and say what differs.

Material for MkDocs 9 gets fixes until 5 May 2027 and MkDocs 1.6.1 is the last
1.x; the pinned versions keep building after that. This module tries the
candidates for a move, each installed in a throw-away virtual environment from
`.github/eol/requirements-<stack>.txt`, and compares their output with the
pinned build (`make site`):

  wardpub eol-build STACK OUT   with the alternative's Python: copy the project's
                                files into OUT, write the configuration the stack
                                needs (STACKS says what and why), build into
                                OUT/site, run the steps `wardpub build` runs after
                                MkDocs, record OUT/build.json and OUT/build.log
  wardpub eol-report SITE OUT   with any Python: Markdown tables of what differs
                                from the pinned SITE (languages, pages, our
                                plugin's outputs, search, fonts, Material's inline
                                scripts, the language switcher), for a CI summary

`.github/workflows/eol-check.yml` runs both weekly and on pull requests without
ever blocking a merge. Only the standard library, PyYAML and wardpub modules
that do not import MkDocs are used, so it runs in every stack's environment.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

import yaml

from .. import PROJECT_ROOT
from ..cache import CACHE_ENV
from ..site.serving import inline_script_hashes
from ..site.sitemaps import finish as finish_sitemaps

LOG_TAIL = 400  # characters of a failed build's error kept in the report
LIST_LIMIT = 12  # missing or extra pages named in the report, per list


# ─── Reading the project's configuration ────────────────────────────────────

class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely: `!!python/...` tags become their names, never run."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")
_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def plugin_entries(config: dict) -> list[tuple[str, dict]]:
    """The `plugins:` list as (name, options) pairs, in order."""
    entries = []
    for entry in config.get("plugins") or []:
        if isinstance(entry, str):
            entries.append((entry, {}))
        else:
            (name, options), = entry.items()
            entries.append((name, dict(options or {})))
    return entries


def i18n_languages(config: dict) -> list[dict]:
    """mkdocs-static-i18n's `languages:` list (empty without the plugin)."""
    return next((options.get("languages", []) for name, options in plugin_entries(config) if name == "i18n"), [])


def language_roots(config: dict) -> list[str]:
    """Site-relative folder of each built language: "" for the default, "<locale>/" for the others."""
    return ["" if language.get("default") else f"{language['locale']}/"
            for language in i18n_languages(config) if language.get("build", True)] or [""]


# ─── The stacks: what each needs in its configuration, and why ──────────────

def materialx_overrides(config: dict) -> dict:
    """Configuration keys ProperDocs + mkdocs-materialx need over the project's mkdocs.yml.

    - mkdocs-materialx registers its theme as `materialx` only (`material` is unknown).
    - Its search defaults to Pagefind; the lunr provider keeps the entries our
      folded index is made from.
    - mkdocs-static-i18n sets `theme.language` and the language switcher
      (`extra.alternate`) only for a theme named `material`: each language sets
      them itself here (the switcher then leads to the other language's home,
      not to the same page).
    Plugin lists replace rather than merge under INHERIT, so the whole list is repeated.
    """
    base = urlsplit(config.get("site_url") or "/").path.rstrip("/")
    languages = i18n_languages(config)
    alternates = [{"name": language["name"], "link": f"{base}/{root}", "lang": language["locale"]}
                  for language, root in zip(languages, language_roots(config))]
    plugins = []
    for name, options in plugin_entries(config):
        if name == "search":
            options = {**options, "provider": "lunr"}
        elif name == "i18n":
            options = {**options, "languages": [
                {**language, "theme": {"language": language["locale"]}, "extra": {"alternate": alternates}}
                for language in languages]}
        plugins.append({name: options} if options else name)
    return {"theme": {"name": "materialx"}, "plugins": plugins}


def no_overrides(config: dict) -> dict:
    return {}


@dataclass(frozen=True)
class Stack:
    name: str
    title: str
    packages: tuple[str, ...]  # distributions whose installed versions the report names
    module: str  # run as `python -m <module> build -f <config>`
    overrides: Callable[[dict], dict]  # the project's config -> keys this stack changes
    build_options: tuple[str, ...] = ()
    # Keys to try next when the build as configured fails, and why.
    fallback: tuple[str, dict] | None = None


STACKS = {
    "properdocs": Stack(
        "properdocs", "ProperDocs + mkdocs-materialx + mkdocs-static-i18n",
        ("properdocs", "mkdocs-materialx", "mkdocs-static-i18n"), "properdocs", materialx_overrides,
        build_options=("--strict",),
    ),
    "zensical": Stack(
        "zensical", "Zensical", ("zensical",), "zensical", no_overrides,
        fallback=("without overrides/: its templates call what our plugin adds, and Zensical runs no MkDocs plugin",
                  {"theme": {"custom_dir": None}}),
    ),
}


# ─── Building with a stack ──────────────────────────────────────────────────

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def first_error(log: str) -> str:
    """The line that says why a build failed: the first ERROR line, else the last line."""
    lines = [line.strip() for line in _ANSI.sub("", log).splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith(("ERROR", "Error:"))]
    line = (errors or lines or ["(no output)"])[0 if errors else -1]
    return line[:LOG_TAIL]


def installed_versions(packages: tuple[str, ...]) -> dict[str, str]:
    versions = {}
    for package in packages:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def copy_project(project_root: Path, out: Path) -> None:
    """Copy the project's own files (tracked or not ignored by git) into out/.

    Zensical refuses a docs_dir or custom_dir outside the folder holding its
    configuration, and the pages read folders beside docs/ (infographics/...),
    so the builds run on a copy; generated files and caches stay behind.
    """
    if out.exists():
        shutil.rmtree(out)
    listed = subprocess.run(["git", "-C", str(project_root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = project_root / name
        if source.is_file() and not source.resolve().is_relative_to(out.resolve()):
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, out / name)


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values again instead of YAML anchors, so the recorded configuration reads plainly."""

    def ignore_aliases(self, data) -> bool:
        return True


def as_yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)


def build(stack: Stack, out: Path, project_root: Path = PROJECT_ROOT) -> dict:
    """Build the project with `stack` into out/site; record and return what happened."""
    config = read_config(project_root / "mkdocs.yml")
    copy_project(project_root, out)
    attempts = [("as configured", stack.overrides(config))]
    if stack.fallback:
        description, keys = stack.fallback
        attempts.append((description, {**attempts[0][1], **keys}))
    record = {"stack": stack.name, "title": stack.title, "date": dt.date.today().isoformat(),
              "versions": installed_versions(stack.packages), "attempts": [], "built": None}
    with open(out / "build.log", "w", encoding="utf-8") as log:
        for label, keys in attempts:
            variant = out / f"eol-{stack.name}.yml"
            variant.write_text(as_yaml({"INHERIT": "mkdocs.yml", "site_dir": "site", **keys}), encoding="utf-8")
            command = [sys.executable, "-m", stack.module, "build", *stack.build_options, "-f", variant.name]
            shutil.rmtree(out / "site", ignore_errors=True)
            # The images the pinned build drew are reused: what is compared is the builder, not the drawing.
            env = {CACHE_ENV: str(project_root / ".cache"), **os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
            run = subprocess.run(command, cwd=out, capture_output=True, text=True, errors="replace", env=env)
            output = _ANSI.sub("", run.stdout + run.stderr)
            log.write(f"=== {stack.title}, {label}: {' '.join(command[1:])} (exit {run.returncode})\n{output}\n")
            record["attempts"].append({"label": label, "command": " ".join(["python", *command[1:]]),
                                       "config": as_yaml(keys) if keys else "",
                                       "returncode": run.returncode,
                                       "error": first_error(output) if run.returncode else ""})
            if run.returncode == 0 and (out / "site").is_dir():
                # What `wardpub build` does after MkDocs, whichever tool built the pages.
                finish_sitemaps(out / "site", config.get("site_url") or "", language_roots(config))
                record["built"] = label
                break
    (out / "build.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return record


# ─── What a built site holds ────────────────────────────────────────────────

_HTML_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link"')
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
# A script, stylesheet, font or icon fetched from an absolute address (canonical and
# hreflang links are absolute too, but nothing fetches them).
_THIRD_PARTY_HTML = re.compile(r'<script\b[^>]*\bsrc="(?:https?:)?//|'
                               r'<link\b(?=[^>]*\brel="[^"]*\b(?:stylesheet|preload|preconnect|modulepreload|icon)\b)'
                               r'[^>]*\bhref="(?:https?:)?//')
_THIRD_PARTY_CSS = re.compile(r"(?:url\(|@import\s)\s*[\"']?(?:https?:)?//")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def html_lang(page: Path) -> str:
    match = _HTML_LANG.search(_read(page)) if page.is_file() else None
    return match.group(1) if match else ""


def detect_language_roots(site: Path) -> dict[str, str]:
    """Folder ("" or "en/") -> `<html lang>` of each language's home page."""
    roots = {"": html_lang(site / "index.html")} if (site / "index.html").is_file() else {}
    for child in sorted(p for p in site.iterdir() if p.is_dir()) if site.is_dir() else []:
        lang = html_lang(child / "index.html")
        if lang and lang != roots.get(""):
            roots[f"{child.name}/"] = lang
    return roots


def pages(site: Path, roots: list[str]) -> dict[str, set[str]]:
    """Language root -> the site-relative paths of its HTML pages (embed pages are counted with our outputs)."""
    found: dict[str, set[str]] = {root: set() for root in roots}
    ordered = sorted(roots, key=len, reverse=True)  # "en/" before ""
    for page in site.rglob("*.html") if site.is_dir() else []:
        path = page.relative_to(site).as_posix()
        root = next((r for r in ordered if path.startswith(r)), None)
        if root is None or path[len(root):].startswith("embed/"):
            continue
        found[root].add(path)
    return found


def matching_files(site: Path, *patterns: str) -> set[Path]:
    return {path for pattern in patterns for path in site.glob(pattern) if path.is_file()}


def count_files(*patterns: str) -> Callable[[Path], int]:
    return lambda site: len(matching_files(site, *patterns))


def count_pages_containing(text: str) -> Callable[[Path], int]:
    def count(site: Path) -> int:
        return sum(1 for page in site.rglob("*.html") if text in _read(page))
    return count


def count_sitemap_indexes(site: Path) -> int:
    return sum(1 for path in site.glob("**/sitemap.xml") if "<sitemapindex" in _read(path)[:500])


FOLDED_INDEX = ("search/*/meta.json", "search/*/terms/*.json", "search/*/docs/*.json")

# What our plugin (and the steps around MkDocs) add, and where each comes from.
OUR_OUTPUTS: tuple[tuple[str, Callable[[Path], int]], ...] = (
    ("News listings per category (plugin on_files, after i18n)", count_files("**/tin-tuc/chu-de/*/index.html")),
    ("Brand stylesheet (plugin on_files)", count_files("assets/stylesheets/brand.css")),
    ("Web fonts, Be Vietnam Pro subsets (plugin on_files)", count_files("assets/fonts/*.woff2")),
    ("Infographic images and manifest (plugin on_files)", count_files("infographics/**/*.png", "infographics/manifest.json")),
    ("Chart images and manifest (plugin on_files)", count_files("charts/**/*.svg", "charts/**/*.png", "charts/manifest.json")),
    ("Link-preview cards (plugin on_files)", count_files("og/**/*.png")),
    ("Post kits: zips, Zalo drafts, images, manifest (plugin on_files)", count_files("post-kit/**/*")),
    ("Campaign calendar feed (plugin on_files)", count_files("*.ics")),
    ("Print kit files (plugin on_files)", count_files("print/**/*")),
    ("Folded search index files (plugin on_post_build)", count_files(*FOLDED_INDEX)),
    ("News feeds (plugin on_post_build)", count_files("feed.xml", "feed.json", "*/feed.xml", "*/feed.json")),
    ("Embed pages and oEmbed files (plugin on_post_build)", count_files("**/embed/**/index.html", "**/embed/**/oembed.json")),
    ("Sitemap indexes at language roots (after MkDocs)", count_sitemap_indexes),
    ("Pages with a share bar (template global from on_env)", count_pages_containing('class="ward-share-bar"')),
    ("Pages still showing a raw [src:N] (on_page_markdown links them)", count_pages_containing("[src:")),
)


def search_worker(site: Path) -> str:
    """The search worker the theme's #__config names on the home page ("none" without one)."""
    match = _CONFIG.search(_read(site / "index.html")) if (site / "index.html").is_file() else None
    try:
        search = json.loads(match.group(1)).get("search") if match else None
    except json.JSONDecodeError:
        search = None
    if isinstance(search, dict):  # mkdocs-materialx 10 names a provider and its worker
        search = search.get("options", {}).get("workerUrl")
    return str(search or "none")


def folded_index_languages(site: Path) -> str:
    return ", ".join(sorted(p.parent.name for p in site.glob("search/*/meta.json"))) or "none"


def other_search_files(site: Path) -> int:
    """Search files that are neither our folded index nor Material's settings file (another engine's index)."""
    ours = matching_files(site, *FOLDED_INDEX, "search/search_index.json")
    return len(matching_files(site, "search/**/*", "search.json") - ours)


def file_size(relative: str) -> Callable[[Path], str]:
    def size(site: Path) -> str:
        path = site / relative
        return f"{path.stat().st_size:,} B" if path.is_file() else "absent"
    return size


def third_party_files(site: Path) -> int:
    """HTML and CSS files that load a script, stylesheet or font from another origin."""
    html = sum(1 for page in site.rglob("*.html") if _THIRD_PARTY_HTML.search(_read(page)))
    css = sum(1 for sheet in site.rglob("*.css") if _THIRD_PARTY_CSS.search(_read(sheet)))
    return html + css


def font_faces(site: Path) -> int:
    brand = site / "assets/stylesheets/brand.css"
    return _read(brand).count("@font-face") if brand.is_file() else 0


def switcher_to_same_page(site: Path, roots: list[str]) -> tuple[int, int]:
    """(pages whose language switcher leads to the same page in every other language, pages)."""
    leading, total = 0, 0
    for root, paths in pages(site, roots).items():
        for path in sorted(paths):
            if not path.endswith("index.html"):
                continue  # 404.html has no translation
            total += 1
            text = _read(site / path)
            url = path[: -len("index.html")]
            canonical = _CANONICAL.search(text)
            canonical_path = urlsplit(canonical.group(1)).path if canonical else "/" + url
            prefix = canonical_path[: len(canonical_path) - len(url)] if canonical_path.endswith(url) else "/"
            links = {lang: urlsplit(urljoin(prefix + url, href)).path for href, lang in _SWITCH.findall(text)}
            counterparts = {other: prefix + other + url[len(root):] for other in roots if other != root}
            langs = {other: html_lang(site / other / "index.html") for other in counterparts}
            if counterparts and all(links.get(langs[other]) == target for other, target in counterparts.items()):
                leading += 1
    return leading, total


# ─── The comparison ─────────────────────────────────────────────────────────

SAME, DIFFERS, MISSING = "✅ same", "⚠️ differs", "❌ missing"


def status(reference, candidate) -> str:
    if reference == candidate:
        return SAME
    return MISSING if candidate in (0, "0", "", "none", "absent", "no answer", None) else DIFFERS


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def statuses(self) -> list[str]:
        column = self.header.index("Status") if "Status" in self.header else None
        return [row[column] for row in self.rows] if column is not None else []


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    escape = lambda cell: str(cell).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows])


def _listed(paths: set[str]) -> str:
    shown = sorted(paths)[:LIST_LIMIT]
    more = len(paths) - len(shown)
    return ", ".join(f"`{p}`" for p in shown) + (f" … and {more} more" if more else "")


def compare(reference: Path, candidate: Path) -> list[Table]:
    """Every check of candidate/ against the pinned reference/, as tables."""
    roots = detect_language_roots(reference)
    ref_pages, cand_pages = pages(reference, list(roots)), pages(candidate, list(roots))

    languages = Table("Languages and pages", ["Language (folder)", "`<html lang>` pinned", "alternative",
                                              "Pages pinned", "alternative", "Missing", "Extra", "Status"])
    for root, lang in roots.items():
        cand_lang = html_lang(candidate / root / "index.html") or "no home page"
        missing, extra = ref_pages[root] - cand_pages[root], cand_pages[root] - ref_pages[root]
        same = cand_lang == lang and not missing and not extra
        languages.rows.append([f"{lang} (`/{root}`)", lang, cand_lang, str(len(ref_pages[root])), str(len(cand_pages[root])),
                               str(len(missing)), str(len(extra)), SAME if same else (MISSING if not cand_pages[root] else DIFFERS)])
        if missing:
            languages.notes.append(f"Missing in `/{root}`: {_listed(missing)}")
        if extra:
            languages.notes.append(f"Extra in `/{root}`: {_listed(extra)}")

    ours = Table("Our plugin's outputs (files or pages)", ["Output (where it comes from)", "Pinned", "Alternative", "Status"])
    for label, count in OUR_OUTPUTS:
        ref, cand = count(reference), count(candidate)
        ours.rows.append([label, str(ref), str(cand), status(ref, cand)])

    search = Table("Search", ["Check", "Pinned", "Alternative", "Status"])
    for label, measure in (("Folded index languages (`search/<lang>/meta.json`)", folded_index_languages),
                           ("Worker named in Material's `__config`", search_worker),
                           ("Material's `search/search_index.json`", file_size("search/search_index.json")),
                           ("Other search files (another engine's index)", other_search_files),
                           ("Material's lunr assets left in `assets/javascripts/lunr/`", count_files("assets/javascripts/lunr/**/*"))):
        ref, cand = measure(reference), measure(candidate)
        search.rows.append([label, str(ref), str(cand), status(ref, cand)])

    fonts = Table("Fonts and the brand stylesheet", ["Check", "Pinned", "Alternative", "Status"])
    brand = "assets/stylesheets/brand.css"
    identical = (reference / brand).is_file() and (candidate / brand).is_file() and \
        (reference / brand).read_bytes() == (candidate / brand).read_bytes()
    present = (candidate / brand).is_file()
    fonts.rows.append(["`brand.css` byte for byte", "present" if (reference / brand).is_file() else "absent",
                       "identical" if identical else ("differs" if present else "absent"),
                       SAME if identical else (DIFFERS if present else MISSING)])
    for label, measure in (("`@font-face` rules in `brand.css`", font_faces),
                           ("Web font files (`assets/fonts/*.woff2`)", count_files("assets/fonts/*.woff2"))):
        ref, cand = measure(reference), measure(candidate)
        fonts.rows.append([label, str(ref), str(cand), status(ref, cand)])
    ref, cand = third_party_files(reference), third_party_files(candidate)  # here 0 is what we want
    fonts.rows.append(["HTML/CSS files loading another origin (fonts, scripts, styles)", str(ref), str(cand),
                       SAME if ref == cand else DIFFERS])

    theme = Table("Theme: Material's inline scripts and the language switcher", ["Check", "Pinned", "Alternative", "Status"])
    ref_hashes, cand_hashes = set(inline_script_hashes(reference)), set(inline_script_hashes(candidate))
    theme.rows.append(["Distinct inline scripts (hashes the CSP lists)", str(len(ref_hashes)),
                       f"{len(cand_hashes)} ({len(ref_hashes & cand_hashes)} shared)", status(ref_hashes, cand_hashes)])
    ref_switch, cand_switch = switcher_to_same_page(reference, list(roots)), switcher_to_same_page(candidate, list(roots))
    theme.rows.append(["Pages whose language switcher leads to the same page translated",
                       "{} of {}".format(*ref_switch), "{} of {}".format(*cand_switch), status(ref_switch[0], cand_switch[0])])
    bundle = count_files("assets/javascripts/bundle.*.min.js")
    theme.rows.append(["Theme bundle (`assets/javascripts/bundle.*.min.js`)", str(bundle(reference)), str(bundle(candidate)),
                       status(bundle(reference), bundle(candidate))])
    return [languages, ours, search, fonts, theme]


# ─── In Chromium (optional: Playwright and Debian's chromium, as the browser tests use) ───

SEARCH_QUERY = "phuong"  # typed without diacritics: our folded index finds "phường"


def site_prefix(site: Path) -> str:
    """The sub-path the site is published under, from its home page's canonical address."""
    home = site / "index.html"
    canonical = _CANONICAL.search(_read(home)) if home.is_file() else None
    return urlsplit(canonical.group(1)).path if canonical else "/"


def in_browser(site: Path, prefix: str, browser=None) -> dict[str, str]:
    """What a reader meets on the home page: header colour, search answers, errors, other origins.

    Uses the given Playwright browser, or launches Chromium (one sync Playwright per process).
    """
    from contextlib import nullcontext

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from .browser import PageRecorder, launch
    from .devserver import serve_site

    with serve_site(site, prefix) as base, (nullcontext(browser) if browser else launch()) as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        recorder = PageRecorder(page)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        header = page.locator(".md-header").first
        colour = header.evaluate("e => getComputedStyle(e).backgroundColor") if header.count() else "no header"
        answer = "no answer"
        box = page.locator("input[data-md-component=search-query]").first
        if box.count() and box.is_visible():
            box.click()
            box.press_sequentially(SEARCH_QUERY)
            try:
                page.wait_for_selector(".md-search-result__item", timeout=10_000)
                # The theme's own count ("4 tài liệu liên quan"): themes lay the items out differently.
                answer = page.locator(".md-search-result__meta").first.inner_text().strip()
            except PlaywrightTimeout:
                pass  # no answer is the finding
        return {"Header background (brand colour)": colour,
                f"Search answer to \"{SEARCH_QUERY}\" typed in the box": answer,
                "Console errors (404s included)": str(len(recorder.console_errors)),
                "Requests to other origins": str(len(recorder.foreign_requests(base)))}


def browser_table(reference: Path, candidate: Path) -> Table:
    from .browser import launch

    prefix = site_prefix(reference)
    with launch() as browser:
        ref, cand = in_browser(reference, prefix, browser), in_browser(candidate, prefix, browser)
    table = Table("In Chromium: the home page", ["Check", "Pinned", "Alternative", "Status"])
    for label in ref:
        table.rows.append([label, ref[label], cand[label],
                           status(ref[label], cand[label]) if label.startswith("Search") else (SAME if ref[label] == cand[label] else DIFFERS)])
    return table


def build_table(record: dict) -> Table:
    table = Table("Build", ["Attempt", "Command", "Exit", "Why it stopped"])
    for attempt in record.get("attempts", []):
        table.rows.append([attempt["label"], f"`{attempt['command']}`", str(attempt["returncode"]), attempt["error"] or "built"])
    for attempt in record.get("attempts", []):
        if attempt.get("config"):
            table.notes.append(f"<details><summary>Configuration over mkdocs.yml ({attempt['label']})</summary>\n\n"
                               f"```yaml\n{attempt['config'].rstrip()}\n```\n\n</details>")
    return table


def report(reference: Path, out: Path, browser: bool = False) -> str:
    """The Markdown report of OUT (written by `build`) against the pinned site at reference.

    With browser, both home pages are also opened in Chromium (header colour, search).
    """
    record = json.loads((out / "build.json").read_text(encoding="utf-8"))
    versions = ", ".join(f"{name} {version}" for name, version in record["versions"].items())
    lines = [f"## {record['title']} against the pinned build", "",
             f"{versions}; built {record['date']}. Pinned: MkDocs 1.6 + Material 9 (`make site`)."]
    tables = [build_table(record)]
    if record.get("built"):
        tables += compare(reference, out / "site")
        if browser:
            tables.append(browser_table(reference, out / "site"))
        statuses = [s for table in tables for s in table.statuses()]
        lines += ["", f"**{statuses.count(SAME)} of {len(statuses)} checks as in the pinned build**"
                  + ("" if record["built"] == "as configured" else f" (built only {record['built']})") + "."]
    else:
        lines += ["", "**No attempt built the site**: nothing to compare."]
    for table in tables:
        lines += ["", f"### {table.title}", "", markdown_table(table.header, table.rows)]
        lines += [f"\n{note}" for note in table.notes]
    return "\n".join(lines) + "\n"
