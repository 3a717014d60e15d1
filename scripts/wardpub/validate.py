"""Every check on editors' input, run before anything is built.

Owns `check_project`: one pass over the configuration's ward block, the
shared tables, every Markdown page and every news article (including the
active-content rules of wardpub.sanitize, update notes and the chronology
of articles' sources in wardpub.chronology), every chart, every infographic
spec and template, laid out in every format (wardpub.infographics.check),
with the figures on all of them sourced and in context (wardpub.figures),
their clips (wardpub.clips),
every post of the post kit and the campaign calendar (wardpub.posts), and
the quiz's questions, contest rounds and paper sets (wardpub.quiz.check),
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
from .articles import Article, collect_articles, is_article
from .chronology import note_problems
from . import figures
from .dashboard import Results, load_results
from .clips import ClipKit, check_clips, clip_inputs
from .frontpage import lead_problems
from .infographics import check_share_kit, share_kit_inputs
from .infographics.resolve import ShareKit
from .printkit import PrintKit, check_print_kit, print_kit_inputs
from .quiz import Quiz, check_quiz
from .pages import PageMeta, SourceFile, blank_translation, pairing_problems, read_markdown, validate_page
from .posts.calendar import Plan, load_plan
from .posts.campaign import load_campaign
from .posts.kit import PostKit, collect_posts
from .problems import Problem
from .sanitize import markdown_problems
from .registries import Registries, load_registries
from .ward import Ward, load_ward, logo_problems


@dataclass
class Project:
    ward: Optional[Ward]
    registries: Registries
    pages: dict[str, PageMeta]  # docs-relative path -> meta
    articles: list[Article]  # newest first, drafts and future ones included
    problems: list[Problem]
    results: Optional[Results] = None  # the units' statistics and every chart (wardpub.dashboard)
    infographics: Optional[ShareKit] = None  # every infographic, resolved and laid out (wardpub.infographics)
    site_url: str = ""  # the public address (mkdocs.yml site_url), for absolute links
    posts: Optional[PostKit] = None  # every article's and infographic's ready posts (wardpub.posts)
    calendar: Optional[Plan] = None  # the campaign calendar (docs/_data/lich-dang-bai.yml)
    printkit: Optional[PrintKit] = None  # every printed item, the slides and the outline (wardpub.printkit)
    quiz: Optional[Quiz] = None  # the question bank, contest rounds and paper sets (wardpub.quiz)
    clips: Optional[ClipKit] = None  # every infographic's clip, resolved and scheduled (wardpub.clips)


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
    # Their clips: timelines, lengths, music, and the clip format's fits (wardpub.clips).
    clip_kit, clip_problems = check_clips(docs_dir.parent, share_kit, ward, registries, site_url) if not share_problems else (None, [])
    problems += clip_problems
    # Figures carry their sources and, where they mislead alone, their context (wardpub.figures).
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
