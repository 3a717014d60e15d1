"""The results dashboard (/thong-ke/): what the units reported, for everyone to see.

Owns `load_results` (the units' statistics and every chart, spec files and the
two made from the reports, checked together for wardpub.project), the charts
made from the reports (participation per unit, sorted; activity by month),
the page section that fills the page whose front matter says `dashboard:
true` (sample-figures banner, totals, the two charts with their tables, units
yet to report before the deadline, a sortable table of every unit, the column
schema in both languages with the template to download), and the files the
page links to: the blank template and every report as one canonical CSV.

The section is plain HTML that is complete without JavaScript;
overrides/assets/javascripts/sortable-table.js only adds sorting.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .. import DATA_DIR
from ..data import dated
from .. import language as lang
from ..cache import generated
from ..media.charts import Bar, Chart, ChartSet, ChartSpec, Series, load_charts, relative_root
from .chart_pages import figure_html
from .embedding import code_control
from ..problems import Problem, display_path
from ..data.registries import Bilingual, Registries
from ..data.statistics import ACTIVITY_GROUPS, COLUMNS, KIND_LABELS, STATS_DIR, TEMPLATE_NAME, UNITS_FILE, Statistics, canonical_csv, load_statistics, template_csv

TEMPLATE_PATH = f"thong-ke/{TEMPLATE_NAME}"
DATA_PATH = "thong-ke/so-lieu.csv"
PARTICIPATION = "ty-le-hoc-tap-theo-don-vi"
ACTIVITY = "hoat-dong-theo-thang"


@dataclass
class Results:
    statistics: Statistics
    charts: ChartSet
    problems: list[Problem] = field(default_factory=list)


def _in_both_languages(key: str, **values) -> Bilingual:
    return Bilingual(**{language: lang.t(key, language, **values) for language in lang.LANGUAGES})


def result_charts(statistics: Statistics) -> list[Chart]:
    """The dashboard's two charts, as chart specs made from the reports."""
    if not statistics.has_data:
        return []
    file = display_path(STATS_DIR / UNITS_FILE)
    sample = statistics.sample
    # Sample figures are stamped once, on the chart (and tagged beside it on the page), not again in its source line.
    source_note = _in_both_languages("dashboard.source_note")
    reported = sorted((s for s in statistics.units if s.reported), key=lambda s: (-s.rate, s.unit.vi))
    bars = [Bar(label=Bilingual(vi=s.unit.vi, en=s.unit.en), value=round(s.rate * 100, 1)) for s in reported]
    participation = ChartSpec(
        type="bars", title=_in_both_languages("dashboard.participation_title"), description=_in_both_languages("dashboard.participation_description"),
        source_note=source_note, unit="percent", scale_max=100, sample=sample, bars=bars,
        item_label=_in_both_languages("dashboard.col_unit"), value_label=_in_both_languages("dashboard.col_rate"))
    months = statistics.months()
    activity = ChartSpec(
        type="columns", title=_in_both_languages("dashboard.activity_title"), description=_in_both_languages("dashboard.activity_description"),
        source_note=source_note, sample=sample,
        categories=[Bilingual(**{language: lang.month(m, language) for language in lang.LANGUAGES}) for m in months],
        series=[Series(name=name, values=[statistics.activity(keys, m) for m in months]) for _, name, keys in ACTIVITY_GROUPS])
    return [Chart(PARTICIPATION, participation, file), Chart(ACTIVITY, activity, file)]


def load_results(data_dir: Path = DATA_DIR, registries: Optional[Registries] = None) -> Results:
    """The units' statistics and every chart, with every problem in them."""
    statistics = load_statistics(Path(data_dir) / "thong-ke")
    charts = load_charts(Path(data_dir) / "charts", registries, result_charts(statistics) if not statistics.problems else [])
    return Results(statistics, charts, statistics.problems + charts.problems)


def site_files(project) -> list[tuple[str, Path]]:
    """The blank template and all reports as one CSV, for the page's download links."""
    results = project.results
    if results is None or results.statistics.registry is None:
        return []
    return [(TEMPLATE_PATH, generated("mau-bao-cao.csv", template_csv())),
            (DATA_PATH, generated("so-lieu.csv", canonical_csv(results.statistics.reports)))]


# ── the page section ────────────────────────────────────────────────────────

def _translate(key: str, language: str, **values) -> str:
    return html.escape(lang.t(key, language, **values))


def _render_banner(language: str) -> str:
    return (f'<div class="admonition warning ward-sample">\n<p class="admonition-title">{_translate("dashboard.sample_title", language)}</p>\n'
            f'<p>{_translate("dashboard.sample_text", language)}</p>\n</div>')


def _render_totals(statistics: Statistics, language: str) -> str:
    n = lambda value: lang.number(value, language)
    reported = len(statistics.units) - len(statistics.missing())
    studied, members = statistics.total("da_hoc_tap"), statistics.total("tong_dang_vien")
    items = [
        (f"{n(reported)}/{n(len(statistics.units))}", lang.t("dashboard.total_reported", language, period=lang.month(statistics.period, language, "long"))),
        (lang.percent(studied / members, language) if members else "–", lang.t("dashboard.total_rate", language, studied=n(studied), members=n(members))),
        (n(statistics.total("hoi_nghi") + statistics.total("sinh_hoat_chi_bo") + statistics.total("trao_doi_chuyen_de")), lang.t("dashboard.total_sessions", language)),
        (n(statistics.total("tin_bai_trang_phuong") + statistics.total("bai_mang_xa_hoi")), lang.t("dashboard.total_posts", language)),
        (n(statistics.total("infographic") + statistics.total("video_clip")), lang.t("dashboard.total_media", language)),
        (n(statistics.total("pano_khau_hieu")), lang.t("dashboard.total_panels", language)),
        (n(statistics.total("cuoc_thi")), lang.t("dashboard.total_contests", language, entrants=n(statistics.total("nguoi_du_thi")))),
        (n(statistics.total("hoat_dong_truong_hoc")), lang.t("dashboard.total_school", language)),
    ]
    cells = "\n".join(f"<li><strong>{html.escape(value)}</strong> {html.escape(label)}</li>" for value, label in items)
    return f'<div class="ward-figures ward-figures--compact">\n<ul>\n{cells}\n</ul>\n</div>'


def _render_missing(statistics: Statistics, language: str) -> str:
    # The deadline is a dated statement: worded as ahead or past on the day of the build.
    deadline = dated.html_words(f"{{{{ deadline {statistics.deadline.isoformat()} }}}}", language, dated.today())
    period = lang.month(statistics.period, language, "long")
    intro = f'<p class="ward-deadline">{lang.t("dashboard.deadline", language, period=html.escape(period), deadline=deadline)}</p>'
    missing = statistics.missing()
    if not missing:
        return f'{intro}\n<p>{_translate("dashboard.all_reported", language)}</p>'
    items = "\n".join(f"<li>{html.escape(s.unit.name(language))} <span class=\"ward-kind\">({html.escape(KIND_LABELS[s.unit.kind][language])})</span></li>"
                      for s in missing)
    return f'{intro}\n<ul class="ward-missing">\n{items}\n</ul>'


# Columns of the units table: (heading key or schema column, how to read a unit).
_TABLE_COUNTS = ("hoi_nghi", "sinh_hoat_chi_bo", "trao_doi_chuyen_de", "tin_bai_trang_phuong", "bai_mang_xa_hoi",
                 "infographic", "video_clip", "pano_khau_hieu", "cuoc_thi", "nguoi_du_thi", "hoat_dong_truong_hoc")


def _render_units_table(statistics: Statistics, language: str) -> str:
    e = html.escape
    schema = {c.key: c for c in COLUMNS}
    heads = [("text", lang.t("dashboard.col_unit", language)), ("text", lang.t("dashboard.col_kind", language)),
             ("key", lang.t("dashboard.col_latest", language)), ("number", lang.t("dashboard.col_studied", language)),
             ("number", lang.t("dashboard.col_rate", language))]
    heads += [("number", schema[key].label(language)) for key in _TABLE_COUNTS]
    rate_column = 4
    head_cells = "".join(
        f'<th scope="col" data-type="{kind}"' + (' aria-sort="descending"' if i == rate_column else "") + f">{e(text)}</th>"
        for i, (kind, text) in enumerate(heads))
    rows = []
    ordered = sorted(statistics.units, key=lambda s: (-(s.rate if s.rate is not None else -1), s.unit.vi))
    for s in ordered:
        name = e(s.unit.name(language)) + (f' <span class="ward-sample-tag">{_translate("dashboard.sample_tag", language)}</span>' if s.unit.sample else "")
        cells = [f'<th scope="row" data-sort="{e(s.unit.name(language))}">{name}</th>',
                 f"<td>{e(KIND_LABELS[s.unit.kind][language])}</td>"]
        if s.reported:
            latest = s.latest.period
            cells.append(f'<td data-sort="{latest.isoformat()}">{e(lang.month(latest, language))}</td>')
            cells.append(f'<td data-sort="{s.total("da_hoc_tap")}" class="ward-num">{lang.number(s.total("da_hoc_tap"), language)}/{lang.number(s.total("tong_dang_vien"), language)}</td>')
            cells.append(f'<td data-sort="{s.rate:.4f}" class="ward-num">{e(lang.percent(s.rate, language))}</td>')
            cells += [f'<td data-sort="{s.total(k)}" class="ward-num">{lang.number(s.total(k), language)}</td>' for k in _TABLE_COUNTS]
        else:
            none = _translate("dashboard.not_reported", language)
            cells.append(f'<td data-sort="" class="ward-none">{none}</td>')
            cells += ['<td data-sort="-1" class="ward-num">–</td>'] * (2 + len(_TABLE_COUNTS))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = _translate("dashboard.table_caption", language)
    attrs = (f'data-sortable data-sort-hint="{_translate("dashboard.sort_hint", language)}" '
             f'data-sorted-ascending="{_translate("dashboard.sorted_ascending", language)}" '
             f'data-sorted-descending="{_translate("dashboard.sorted_descending", language)}"')
    return (f'<p>{_translate("dashboard.table_intro", language)}</p>\n'
            f'<div class="ward-table-scroll" role="region" aria-labelledby="bang-don-vi-caption" tabindex="0">\n'
            f'<table class="ward-units" {attrs}>\n<caption id="bang-don-vi-caption">{caption}</caption>\n'
            f"<thead><tr>{head_cells}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>")


def _render_schema(language: str, root: str) -> str:
    e = lambda text: html.escape(text, quote=False)
    heads = "".join(f'<th scope="col">{_translate(key, language)}</th>' for key in
                    ("dashboard.schema_key", "dashboard.schema_vi", "dashboard.schema_en", "dashboard.schema_about", "dashboard.schema_plan"))
    rows = "".join(
        f'<tr><th scope="row"><code>{c.key}</code></th><td lang="vi">{e(c.vi)}</td><td lang="en">{e(c.en)}</td>'
        f'<td>{e(c.about(language))}' + (f' <strong>{_translate("dashboard.required", language)}</strong>' if c.required else "")
        + f'</td><td>{e(c.plan)}</td></tr>'
        for c in COLUMNS)
    links = (f'<p class="ward-downloads"><a href="{root}{TEMPLATE_PATH}" download>{_translate("dashboard.template_link", language)}</a> · '
             f'<a href="{root}{DATA_PATH}" download>{_translate("dashboard.data_link", language)}</a></p>')
    table = (f'<div class="ward-table-scroll" role="region" aria-labelledby="cac-cot-caption" tabindex="0">\n'
             f'<table class="ward-schema">\n<caption id="cac-cot-caption">{_translate("dashboard.schema_caption", language)}</caption>\n'
             f"<thead><tr>{heads}</tr></thead>\n<tbody>{rows}</tbody>\n</table>\n</div>")
    return f'<p>{_translate("dashboard.schema_intro", language)}</p>\n\n{links}\n\n{table}'


def page_section(page, language: str, project) -> str:
    """Fills the dashboard page; every other page gets nothing."""
    if not (page.meta or {}).get("dashboard") or project.results is None:
        return ""
    results = project.results
    statistics = results.statistics
    root = relative_root(page.url)
    h = lambda key: f"## {lang.t(key, language)}"
    parts = []
    if statistics.sample:
        parts.append(_render_banner(language))
    if not statistics.has_data:
        parts += [f'<p>{_translate("dashboard.no_data", language)}</p>']
    else:
        parts += [h("dashboard.totals"), _render_totals(statistics, language)]
        for ident, heading in ((PARTICIPATION, "dashboard.participation"), (ACTIVITY, "dashboard.activity")):
            chart = results.charts.get(ident)
            if chart:
                parts += [h(heading), figure_html(chart, language, page.url, project)]
    if statistics.registry is not None:
        parts += [h("dashboard.missing"), _render_missing(statistics, language)]
        if statistics.has_data:
            parts += [h("dashboard.table"), _render_units_table(statistics, language)]
    parts += [h("dashboard.schema"), _render_schema(language, root)]
    if getattr(project, "site_url", ""):  # the dashboard page offers its embed code (not the embed itself)

        parts.append(code_control(project.site_url, "dashboard", "", lang.t("embed.dashboard_title", language), language))
    return "\n\n".join(parts) + "\n"
