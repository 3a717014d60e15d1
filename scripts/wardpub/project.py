"""Every check on editors' input, run before anything is built.

Owns `check_project`: one pass over the configuration's ward block, the
shared tables, every Markdown page and every news article (including the
active-content rules of wardpub.data.sanitize, update notes and the chronology
of articles' sources in wardpub.data.chronology), every chart, every infographic
spec and template, laid out in every format (wardpub.media.infographics.check),
with the figures on all of them sourced and in context (wardpub.data.figures),
their clips (wardpub.media.clips),
every post of the post kit and the campaign calendar (wardpub.site.posts), and
the quiz's questions, contest rounds and paper sets (wardpub.site.quiz.check),
returning all problems at once. The
MkDocs plugin, `wardpub validate` and the pre-commit hook all call it, so an
editor sees the same lines everywhere. Results are cached per process on the
files' sizes and times, because MkDocs builds once per language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Optional

from . import DOCS_DIR
from .cache import digest, kept_results
from .data.articles import Article, collect_articles, is_article
from .data.chronology import note_problems
from .data import figures
from .site.dashboard import Results, load_results
from .media.clips.kit import ClipKit, check_clips, clip_inputs
from .site.frontpage import lead_problems
from .media.infographics.check import check_share_kit, share_kit_inputs
from .media.infographics.resolve import ShareKit
from .media.printkit.kit import PrintKit, check_print_kit, print_kit_inputs
from .site.quiz import Quiz, check_quiz
from .data.pages import PageMeta, SourceFile, blank_translation, pairing_problems, read_markdown, validate_page
from .site.posts.calendar import Plan, load_plan
from .site.posts.campaign import load_campaign
from .site.posts.kit import PostKit, collect_posts
from .problems import Problem
from .data.sanitize import markdown_problems
from .data.registries import Registries, load_registries
from .data.ward import Ward, load_ward, logo_problems


@dataclass
class Project:
    ward: Optional[Ward]
    registries: Registries
    pages: dict[str, PageMeta]  # docs-relative path -> meta
    articles: list[Article]  # newest first, drafts and future ones included
    problems: list[Problem]
    results: Optional[Results] = None  # the units' statistics and every chart (wardpub.site.dashboard)
    infographics: Optional[ShareKit] = None  # every infographic, resolved and laid out (wardpub.media.infographics)
    site_url: str = ""  # the public address (mkdocs.yml site_url), for absolute links
    posts: Optional[PostKit] = None  # every article's and infographic's ready posts (wardpub.site.posts)
    calendar: Optional[Plan] = None  # the campaign calendar (docs/_data/lich-dang-bai.yml)
    printkit: Optional[PrintKit] = None  # every printed item, the slides and the outline (wardpub.media.printkit)
    quiz: Optional[Quiz] = None  # the question bank, contest rounds and paper sets (wardpub.site.quiz)
    clips: Optional[ClipKit] = None  # every infographic's clip, resolved and scheduled (wardpub.media.clips)
    inputs_key: str = ""  # a digest of every input but the pages: results kept across builds name it


_memo: dict[tuple, Project] = {}


def _fingerprint(paths: list[Path], extra: dict) -> tuple:
    stats = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return stats, repr(sorted(extra.get("ward", {}).items()))


def markdown_files(docs_dir: Path) -> list[Path]:
    """Every page and article file (blank English files are no translation: see pages.blank_translation)."""
    return sorted(p for p in docs_dir.rglob("*.md") if "_data" not in p.relative_to(docs_dir).parts and not blank_translation(p))


def blank_translations(docs_dir: Path) -> set[str]:
    """Docs-relative paths of the blank English files, which the build leaves out."""
    return {p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*.en.md") if blank_translation(p)}


def shared_inputs(docs_dir: Path) -> list[Path]:
    """Every input that is not a page: the data files (chart specs and the units' CSV reports
    included), the infographics' specs and templates, the clips' timelines, the print kit."""
    data_dir = Path(docs_dir) / "_data"
    root = Path(docs_dir).parent
    return (sorted(p for p in data_dir.rglob("*") if p.is_file()) + share_kit_inputs(root) + clip_inputs(root)
            + print_kit_inputs(root))


def shared_fingerprint(extra: dict, docs_dir: Path, site_url: Optional[str]) -> tuple:
    """Changes when anything but a page changes (site_url is printed on images and in their QR codes)."""
    return _fingerprint(shared_inputs(docs_dir), extra), site_url


def _check_kits(docs_dir: Path, ward, registries: Registries, pages: dict, site_url: Optional[str]) -> tuple:
    """The units' results and charts, the infographics with their clips, the print kit and the quiz;
    their problems in two lists: those reported before the post kit's, those after."""
    data_dir = docs_dir / "_data"
    results = load_results(data_dir, registries)
    problems = list(results.problems)
    share_kit, share_problems = check_share_kit(docs_dir.parent, ward, registries, pages, site_url)
    problems += share_problems
    # Their clips: timelines, lengths, music, and the clip format's fits (wardpub.media.clips).
    clip_kit, clip_problems = check_clips(docs_dir.parent, share_kit, ward, registries, site_url) if not share_problems else (None, [])
    problems += clip_problems
    # Figures carry their sources and, where they mislead alone, their context (wardpub.data.figures).
    for chart in results.charts.charts:
        problems += figures.chart_problems(chart)
    if share_kit is not None:
        for spec_id, spec in share_kit.kit.specs.items():
            problems += figures.spec_problems(spec, share_kit.kit.files[spec_id])
    print_kit, print_problems = check_print_kit(docs_dir.parent, ward, registries, share_kit, results, site_url)
    quiz, quiz_problems = check_quiz(data_dir, docs_dir, registries)
    return results, share_kit, clip_kit, print_kit, quiz, problems, print_problems + quiz_problems


_parts: dict = {}  # part of the check -> (its inputs' key, its result)


def _part(name, key, make: Callable):
    """One part of the check, made again only when its inputs changed: a live preview checks the
    project on every save, and a saved article should not re-check every spec, kit and question."""
    held = _parts.get(name)
    if held is None or held[0] != key:
        held = _parts[name] = (key, make())
    return held[1]


def _text_problems(source: SourceFile) -> list[Problem]:
    """The markup and figure rules on a file's text, kept across builds for text that did not change
    (they read every sentence of every article: most of a large site's check)."""
    def check() -> list[dict]:
        found = markdown_problems(source.body, source.file, source.body_line) + figures.markdown_problems(source)
        return [asdict(problem) for problem in found]

    key = digest(source.file, str(source.body_line), source.body, source.meta)
    return [Problem(**problem) for problem in kept_results("checks").get_or_make(key, check)]


def _check_file(path: Path, rel: str, registries: Registries) -> tuple[SourceFile, list[Problem], Optional[PageMeta]]:
    """One page or article read and checked on its own: (its source, its problems, a page's meta)."""
    source: SourceFile = read_markdown(path)
    problems = _text_problems(source)
    if is_article(rel):
        return source, problems, None
    meta, page_problems = validate_page(source, registries)
    return source, problems + page_problems + note_problems(source), meta


def check_project(extra: dict, docs_dir: Path = DOCS_DIR, site_url: Optional[str] = None) -> Project:
    docs_dir = Path(docs_dir)
    data_dir = docs_dir / "_data"
    paths = markdown_files(docs_dir)
    pages_key = _fingerprint(paths, {})
    shared_key = shared_fingerprint(extra, docs_dir, site_url)
    key = pages_key, shared_key
    if key in _memo:
        return _memo[key]

    def identity():
        ward, ward_problems = load_ward(extra)
        if ward is not None:
            ward_problems = ward_problems + logo_problems(ward, docs_dir)
        return ward, ward_problems, load_registries(data_dir)

    ward, ward_problems, registries = _part("identity", (shared_key, docs_dir), identity)
    problems = list(ward_problems) + registries.problems
    pages: dict[str, PageMeta] = {}
    article_sources: dict[str, SourceFile] = {}
    vi_only: set[Path] = set()
    for path, stat in zip(paths, pages_key[0]):
        rel = path.relative_to(docs_dir).as_posix()
        source, file_problems, meta = _part(("file", str(path)), (stat, shared_key),
                                             lambda path=path, rel=rel: _check_file(path, rel, registries))
        problems += file_problems
        if is_article(rel):
            article_sources[rel] = source
            vi_only.add(path)  # an English twin is optional for articles
        elif meta is not None:
            pages[rel] = meta
            if meta.vi_only:
                vi_only.add(path)
    kept_results("checks").save()
    kept_results("front-matter").save()
    articles, article_problems = collect_articles(article_sources, docs_dir, registries)
    problems += article_problems + pairing_problems(docs_dir, paths, vi_only)
    # What the pages (not the articles) and the shared inputs decide, re-made only when those change:
    # the kits read the pages' front matter, the quiz links their headings.
    page_files = tuple(stat for path, stat in zip(paths, pages_key[0]) if not is_article(path.relative_to(docs_dir).as_posix()))
    results, share_kit, clip_kit, print_kit, quiz, kit_problems, later_problems = _part(
        "kits", (shared_key, page_files, docs_dir), lambda: _check_kits(docs_dir, ward, registries, pages, site_url))
    problems += kit_problems

    # The post kit's texts and the calendar (their images are checked when the kit is built).
    posts, calendar = None, None
    if ward is not None:
        campaign = load_campaign(data_dir)
        posts, post_problems = collect_posts(articles, share_kit, ward, registries, campaign.campaign, site_url or "", docs_dir,
                                             {"clips": clip_kit})
        calendar, calendar_problems = load_plan(data_dir, posts.items)
        # A file with a problem already gets no post-kit lines: fixing it changes its posts anyway.
        flagged = {problem.file for problem in problems}
        problems += campaign.problems + [p for p in post_problems if p.file not in flagged] + calendar_problems
    problems += later_problems

    project = Project(ward, registries, pages, articles, problems, results, share_kit, site_url or "", posts, calendar,
                      print_kit, quiz, clip_kit, digest(repr(shared_key)))
    project.problems += lead_problems(project)
    _memo.clear()
    _memo[key] = project
    return project
