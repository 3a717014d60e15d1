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

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import DOCS_DIR
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


def check_project(extra: dict, docs_dir: Path = DOCS_DIR, site_url: Optional[str] = None) -> Project:
    docs_dir = Path(docs_dir)
    data_dir = docs_dir / "_data"
    paths = markdown_files(docs_dir)
    # Every data file counts, the chart specs and the units' CSV reports included.
    # The infographics' specs and templates too; site_url is printed on them and in their QR codes.
    key = _fingerprint(paths + sorted(p for p in data_dir.rglob("*") if p.is_file()) + share_kit_inputs(docs_dir.parent)
                       + clip_inputs(docs_dir.parent) + print_kit_inputs(docs_dir.parent), extra), site_url
    if key in _memo:
        return _memo[key]

    ward, problems = load_ward(extra)
    if ward is not None:
        problems += logo_problems(ward, docs_dir)
    registries = load_registries(data_dir)
    problems += registries.problems
    pages: dict[str, PageMeta] = {}
    article_sources: dict[str, SourceFile] = {}
    vi_only: set[Path] = set()
    for path in paths:
        rel = path.relative_to(docs_dir).as_posix()
        source: SourceFile = read_markdown(path)
        problems += markdown_problems(source.body, source.file, source.body_line) + figures.markdown_problems(source)
        if is_article(rel):
            article_sources[rel] = source
            vi_only.add(path)  # an English twin is optional for articles
            continue
        meta, page_problems = validate_page(source, registries)
        problems += page_problems + note_problems(source)
        if meta is not None:
            pages[rel] = meta
            if meta.vi_only:
                vi_only.add(path)
    articles, article_problems = collect_articles(article_sources, docs_dir, registries)
    problems += article_problems + pairing_problems(docs_dir, paths, vi_only)
    results = load_results(data_dir, registries)
    problems += results.problems

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

    print_kit, print_problems = check_print_kit(docs_dir.parent, ward, registries, share_kit, results, site_url)
    problems += print_problems

    quiz, quiz_problems = check_quiz(data_dir, docs_dir, registries)
    problems += quiz_problems

    project = Project(ward, registries, pages, articles, problems, results, share_kit, site_url or "", posts, calendar,
                      print_kit, quiz, clip_kit)
    project.problems += lead_problems(project)
    _memo.clear()
    _memo[key] = project
    return project
