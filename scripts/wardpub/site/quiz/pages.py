"""The quiz on the site: the practice page, the contest page, and the files they link.

Owns two of the plugin's PAGE_SECTIONS, chosen by a page's front matter:

- `quiz: practice` (/thi-tim-hieu/): a "Practice" section whose container the
  page's own script (overrides/assets/javascripts/quiz.js) fills from the
  bank's JSON in the page's language; the page may hold no form controls of
  its own (wardpub.data.sanitize refuses them in content), and without JavaScript
  the container says what the practice is and points to the paper sheets.
  Then the ready-made paper sets (question sheet and answer key per set,
  with their sizes) and the bank for schools' platforms (Moodle XML, GIFT,
  CSV) with how to import it;
- `quiz: contest` (/thi-tim-hieu/cuoc-thi/): the current round worded by the
  day the site is built (upcoming, open with the form's link, closed with
  results pending, results), its rules and what the form collects and why,
  earlier rounds, and the site's own promise to collect nothing. No question
  or answer of the bank is ever on this page.

`site_files` makes the files both pages link to, once per build whatever the
number of languages: the bank's JSON and the three export formats per
language, and every ready-made set's two PDFs per language (cached by content,
so an unchanged set is not redrawn).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Optional

from ... import language as lang
from ...data.articles import today
from ...cache import generated
from ...media.charts import relative_root, site_address
from ...text import heading_slug
from .check import Quiz
from .exports import DOWNLOADS, FOLDER, bank_json, export_files
from .rounds import Round
from .sheets import SheetFiles, render_sheet

ROUND_SIZE = 10
SECONDS_PER_QUESTION = 60
PRACTICE_PAGE = "thi-tim-hieu/index.md"
CONTEST_PAGE = "thi-tim-hieu/cuoc-thi.md"


def bank_path(language: str) -> str:
    return f"{FOLDER}/ngan-hang-cau-hoi-{language}.json"


# The last quiz whose files were made, and those files: MkDocs asks once per language.
_made: list = [None, [], []]


def _make_files(project) -> tuple[list[tuple[str, Path]], list[SheetFiles]]:
    quiz: Quiz = project.quiz
    if _made[0] is quiz:
        return _made[1], _made[2]
    files, sheets = [], []
    for language in lang.LANGUAGES:
        publisher = project.ward.site_name(language)
        data = bank_json(quiz.bank, language, project.registries, publisher,
                         site_address(project.site_url, language), ROUND_SIZE, SECONDS_PER_QUESTION)
        files.append((bank_path(language), generated(f"quiz-{Path(bank_path(language)).name}", data)))
        for path, content in export_files(quiz.bank, language, project.registries, project.site_url, publisher).items():
            files.append((path, generated(f"quiz-{Path(path).name}", content)))
        for sheet in quiz.sheets:
            made = render_sheet(sheet, language, project.registries, project.ward, project.site_url)
            sheets.append(made)
            files += [(made.questions_path, made.questions_file), (made.key_path, made.key_file)]
    _made[:] = [quiz, files, sheets]
    return files, sheets


def site_files(project) -> list[tuple[str, Path]]:
    """(site path, file on disk) of the bank's JSON, the exports and the paper sets, for on_files."""
    if getattr(project, "quiz", None) is None or project.ward is None:
        return []
    return _make_files(project)[0]


# ── the practice page ───────────────────────────────────────────────────────

def _e(text: str) -> str:
    return html.escape(text, quote=True)


_MARK = "\x00"


def _with_link(key: str, language: str, link: str, **values) -> str:
    """An interface string, escaped, with its {link} placeholder replaced by a ready <a> element."""
    return _e(lang.t(key, language, link=_MARK, **values)).replace(_MARK, link)


def _size(path: Path, language: str) -> str:
    kilobytes = max(1, round(path.stat().st_size / 1024))
    return f"{lang.number(kilobytes, language)} KB"


def _paper_section(sheets: list[SheetFiles], quiz: Quiz, language: str, root: str) -> str:
    t = lambda key, **values: _e(lang.t(key, language, **values))
    titles = {sheet.id: sheet.title[language] for sheet in quiz.sheets}
    rows = []
    for made in (s for s in sheets if s.language == language):
        links = []
        for label, path, file in ((t("quiz.paper_questions"), made.questions_path, made.questions_file),
                                  (t("quiz.paper_key"), made.key_path, made.key_file)):
            text = lang.t("quiz.paper_file", language, label=html.unescape(label), size=_size(file, language))
            links.append(f'<td><a href="{root}{path}" download>{_e(text)}</a></td>')
        rows.append(f'<tr><th scope="row">{_e(titles[made.sheet])}</th><td>{made.count}</td>{"".join(links)}</tr>')
    table = (f'<table class="ward-quiz__sets"><caption>{t("quiz.paper_caption")}</caption>'
             f'<thead><tr><th scope="col">{t("quiz.paper_set")}</th><th scope="col">{t("quiz.paper_count_heading")}</th>'
             f'<th scope="col">{t("quiz.paper_questions")}</th><th scope="col">{t("quiz.paper_key")}</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table>')
    return (f"## {lang.t('quiz.paper_heading', language)}\n\n<p>{t('quiz.paper_intro')}</p>\n\n"
            f'<div class="ward-table-scroll" role="region" aria-label="{t("quiz.paper_caption")}" tabindex="0">{table}</div>\n\n'
            f"<p>{t('quiz.paper_more')}</p>")


def _exports_section(quiz: Quiz, language: str, root: str) -> str:
    t = lambda key, **values: _e(lang.t(key, language, **values))
    links = " · ".join(
        f'<a href="{root}{DOWNLOADS}/cau-hoi-{language}.{suffix}" download>{t(label)}</a>'
        for suffix, label in (("moodle.xml", "quiz.export_xml"), ("gift.txt", "quiz.export_gift"), ("csv", "quiz.export_csv")))
    return (f"## {lang.t('quiz.exports_heading', language)}\n\n<p>{t('quiz.exports_intro', count=len(quiz.bank.entries))}</p>\n\n"
            f'<p class="ward-downloads">{links}</p>\n\n<p>{t("quiz.exports_how")}</p>\n\n<p>{t("quiz.exports_csv")}</p>')


def practice_section(project, language: str, page_url: str) -> str:
    quiz: Quiz = project.quiz
    root = relative_root(page_url)
    _, sheets = _make_files(project)
    paper_anchor = heading_slug(lang.t("quiz.paper_heading", language), "-")
    paper = f'<a href="#{paper_anchor}">{_e(lang.t("quiz.no_script_link", language))}</a>'
    no_script = _e(lang.t("quiz.no_script", language, paper=_MARK)).replace(_MARK, paper)
    contest = f'<a href="{root}{_page_link(CONTEST_PAGE, language)}">{_e(lang.t("quiz.contest_link_text", language))}</a>'
    parts = [
        f"## {lang.t('quiz.setup_heading', language)}",
        f'<p>{_e(lang.t("quiz.setup_rules", language, count=ROUND_SIZE))}</p>',
        f'<div class="ward-quiz" data-ward-quiz data-bank="{root}{bank_path(language)}" data-root="{root}" '
        f'data-load-failed="{_e(lang.t("quiz.load_failed", language))}">\n'
        f'<p class="ward-quiz__nojs">{no_script}</p>\n</div>',
        f'<p class="ward-quiz__privacy">{_e(lang.t("quiz.privacy", language))}</p>',
        f'<p>{_with_link("quiz.contest_link", language, contest)}</p>',
    ]
    if sheets:
        parts.append(_paper_section(sheets, quiz, language, root))
    if quiz.bank.entries:
        parts.append(_exports_section(quiz, language, root))
    return "\n\n".join(parts) + "\n"


def _page_link(page: str, language: str) -> str:
    """Site-relative URL of a docs page in a language (the quiz pages link each other)."""
    from .exports import page_url

    return page_url(page, language)


# ── the contest page ────────────────────────────────────────────────────────

def state_sentence(round_: Round, language: str, day: dt.date) -> str:
    """What a reader needs to know first, worded for the day the site is built."""
    d = lambda value: lang.date(value, language)
    state = round_.state(day)
    if state == "upcoming":
        return lang.t("quiz.state_upcoming", language, opens=d(round_.opens), closes=d(round_.closes))
    if state == "open":
        return lang.t("quiz.state_open", language, closes=d(round_.closes))
    if state == "results":
        return lang.t("quiz.state_results", language, closes=d(round_.closes), published=d(round_.results.published))
    after = (lang.t("quiz.state_closed_due", language, due=d(round_.results_due))
             if round_.results_due is not None and round_.results_due >= day else lang.t("quiz.state_closed_soon", language))
    return f"{lang.t('quiz.state_closed', language, closes=d(round_.closes))} {after}"


def _round_html(round_: Round, language: str, day: dt.date, contact: str, heading: str = "##") -> str:
    t = lambda key, **values: _e(lang.t(key, language, **values))
    d = lambda value: lang.date(value, language)
    state = round_.state(day)
    parts = [f"{heading} {round_.title[language]}",
             f'<p class="ward-quiz__state ward-quiz__state--{state}"><strong>{_e(state_sentence(round_, language, day))}</strong></p>']
    if state == "open":
        parts.append(f'<p><a class="md-button md-button--primary" href="{_e(round_.form.url)}" rel="noopener external">'
                     f'{t("quiz.contest_join", service=round_.form.service)}</a></p>\n<p class="ward-quiz__note">{t("quiz.contest_join_note")}</p>')
    if state == "results":
        link = (f' <a href="{_e(round_.results.url)}" rel="noopener">{t("quiz.contest_results_link")}</a>'
                if round_.results.url else "")
        parts.append(f'<div class="admonition success"><p class="admonition-title">{t("quiz.contest_results")}</p>'
                     f'<p>{_e(round_.results.text[language])}{link}</p></div>')
    paper = t("quiz.contest_questions_value", count=round_.questions) + (t("quiz.contest_minutes", minutes=round_.minutes) if round_.minutes else "")
    details = [
        (t("quiz.contest_dates"), t("quiz.contest_dates_value", opens=d(round_.opens), closes=d(round_.closes))),
        (t("quiz.contest_audience"), _e(round_.audience[language])),
        (t("quiz.contest_organiser"), _e(round_.organiser[language])),
        (t("quiz.contest_questions"), paper),
    ]
    parts.append(f"<p><strong>{t('quiz.contest_details')}</strong></p>\n<dl class=\"ward-quiz__details\">"
                 + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in details) + "</dl>")
    parts.append(f"<p><strong>{t('quiz.contest_rules')}</strong></p>\n<ol>"
                 + "".join(f"<li>{_e(rule[language])}</li>" for rule in round_.rules) + "</ol>")
    if round_.prizes is not None:
        parts.append(f"<p><strong>{t('quiz.contest_prizes')}</strong>: {_e(round_.prizes[language])}</p>")
    if state in ("upcoming", "open"):
        rows = "".join(f'<tr><th scope="row">{_e(c.item[language])}</th><td>{_e(c.why[language])}</td></tr>' for c in round_.form.collects)
        parts.append(
            f"<p>{t('quiz.data_form', service=round_.form.service)}</p>\n"
            f'<table class="ward-quiz__collects"><caption>{t("quiz.data_caption")}</caption>'
            f'<thead><tr><th scope="col">{t("quiz.data_item")}</th><th scope="col">{t("quiz.data_why")}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>\n"
            f"<p>{t('quiz.data_kept', date=d(round_.form.kept_until), contact=contact)}</p>")
    return "\n\n".join(parts)


def contest_section(project, language: str, page_url: str, day: Optional[dt.date] = None) -> str:
    quiz: Quiz = project.quiz
    day = day or today()
    root = relative_root(page_url)
    values = project.ward.values(language) if project.ward else {}
    contact = " · ".join(v for v in (values.get("email"), values.get("phone")) if v)
    current = quiz.rounds.current(day)
    parts = []
    if current is None:
        practice = f'<a href="{root}{_page_link(PRACTICE_PAGE, language)}">{_e(lang.t("quiz.contest_practice_link", language))}</a>'
        parts += [f'<p class="ward-quiz__state"><strong>{_e(lang.t("quiz.contest_none", language))}</strong></p>',
                  f'<p>{_with_link("quiz.contest_practice", language, practice)}</p>']
    else:
        parts.append(_round_html(current, language, day, contact))
        earlier = [r for r in quiz.rounds.rounds if r is not current and r.state(day) in ("closed", "results")]
        if earlier:
            parts.append(f"## {lang.t('quiz.contest_past', language)}")
            parts += [_round_html(r, language, day, contact, heading="###") for r in earlier]
    parts += [f"## {lang.t('quiz.data_heading', language)}", f"<p>{_e(lang.t('quiz.data_site', language))}</p>"]
    if current is None or current.state(day) not in ("upcoming", "open"):
        parts.append(f"<p>{_e(lang.t('quiz.data_general', language))}</p>")
    return "\n\n".join(parts) + "\n"


def page_section(page, language: str, project) -> str:
    """The practice or contest page's content (front matter `quiz:`); other pages get nothing."""
    kind = (page.meta or {}).get("quiz")
    if not kind or getattr(project, "quiz", None) is None:
        return ""
    if kind == "practice":
        return practice_section(project, language, page.url)
    return contest_section(project, language, page.url)
