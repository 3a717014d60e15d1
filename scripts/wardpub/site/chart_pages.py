"""Charts on the site's pages: the figure (image, its numbers as a table, sources,
downloads) and a content point's section of charts, each with its embed code.

Drawing and caching are wardpub.media.charts'.
"""

from __future__ import annotations

import html

from .. import language as lang
from ..data.pages import page_key
from ..media.chartdraw import FORMATS
from ..media.charts import Chart, Resolved, relative_root, render, resolve, site_path, svg_size
from .embedding import code_control


def table_html(resolved: Resolved) -> str:
    e = lambda text: html.escape(text, quote=False)
    t = lambda key: e(lang.t(key, resolved.language))
    caption = f"<caption>{t('chart.table_caption')}</caption>"
    if resolved.type == "bars":
        grouped = any(row.group for row in resolved.rows)
        head = (f"<th scope=\"col\">{t('chart.group')}</th>" if grouped else "") + \
            f"<th scope=\"col\">{e(resolved.item_heading)}</th><th scope=\"col\">{e(resolved.value_heading)}</th>"
        body = "".join(
            "<tr>" + (f"<td>{e(row.group)}</td>" if grouped else "")
            + f"<th scope=\"row\">{e(row.label)}</th><td class=\"ward-num\">{e(row.table_text)}</td></tr>"
            for row in resolved.rows)
    elif resolved.type == "timeline":
        head = f"<th scope=\"col\">{t('chart.year')}</th><th scope=\"col\">{t('chart.targets')}</th>"
        body = "".join(f"<tr><th scope=\"row\">{e(year)}</th><td><ul>{''.join(f'<li>{e(p)}</li>' for p in points)}</ul></td></tr>"
                       for year, points in resolved.milestones)
    else:
        head = f"<th scope=\"col\">{t('chart.period')}</th>" + "".join(f"<th scope=\"col\">{e(n)}</th>" for n in resolved.series_names)
        body = "".join(f"<tr><th scope=\"row\">{e(c)}</th>" + "".join(f"<td class=\"ward-num\">{e(texts[i])}</td>" for texts in resolved.series_texts)
                       + "</tr>" for i, c in enumerate(resolved.categories))
    return f'<table class="ward-chart__table">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def figure_html(chart: Chart, language: str, page_url: str, project) -> str:
    """The chart as a page shows it: image, title, its numbers as a table, sources, share links."""
    resolved = resolve(chart, language, project.registries, project.ward)
    root = relative_root(page_url)
    svg = render(chart, language, "svg", project.registries, project.ward)
    width, height = svg_size(svg.path)
    e = html.escape
    sample = f' <strong class="ward-sample-tag">{e(lang.t("chart.sample_stamp", language))}</strong>' if chart.spec.sample else ""
    note = f'<span class="ward-chart__note">{e(resolved.note)}</span>' if resolved.note else ""
    if chart.spec.source:
        sources = f"{e(lang.t('chart.source', language, count=len(chart.spec.source)))}: [src:{', '.join(str(n) for n in chart.spec.source)}]"
    else:
        sources = e(lang.t("chart.source_line", language, sources=chart.spec.source_note[language]))
    shared = [fmt for fmt in FORMATS if fmt != "svg"
              and render(chart, language, fmt, project.registries, project.ward, project.site_url) is not None]
    downloads = " · ".join(
        f'<a href="{root}{site_path(chart.id, language, fmt)}" download>{fmt.replace("x", "×")}</a>' for fmt in shared)
    return (
        f'<figure class="ward-chart" id="bieu-do-{chart.id}">\n'
        f'<figcaption><span class="ward-chart__title">{e(resolved.title)}</span>{sample}{note}</figcaption>\n'
        f'<img src="{root}{svg.site_path}" alt="{e(resolved.description)}" width="{width}" height="{height}" loading="lazy" decoding="async">\n'
        f'{table_html(resolved)}\n'
        f'<p class="ward-chart__meta"><span class="ward-chart__source">{sources}</span> '
        f'<span class="ward-chart__downloads">{e(lang.t("chart.download", language))}: {downloads}</span></p>\n'
        f'</figure>'
    )


def page_section(page, language: str, project) -> str:
    """The charts of a content page's point (front matter `category:`), before its sources."""
    if project.results is None:
        return ""
    key = (page.meta or {}).get("category")
    category = project.registries.categories.get(key) if key else None
    # Only the content point's own page shows its charts (articles carry a category too).
    if category is None or category.page != page_key(page.file.src_uri):
        return ""
    charts = project.results.charts.for_category(key)
    if not charts:
        return ""
    figures = "\n\n".join(figure_html(chart, language, page.url, project) + "\n"
                            + code_control(project.site_url, "chart", chart.id, chart.spec.title[language], language)
                            for chart in charts)
    return f"## {lang.t('chart.heading', language)}\n\n{figures}\n"
