"""What the site shows of the post kit: the "Đăng bài" panels and the calendar page.

Owns the HTML of:

- the panel under each article (the plugin's `ward_post_kit` template
  global puts it after the article, its sources and its share bar) and under
  each infographic in the gallery and on its content page (through the
  gallery's hooks): a `<details>` element, closed, labelled for the
  communications team, out of the reading flow and hidden in print. Inside:
  the Facebook post and the Zalo message as text with copy buttons (added by
  share-kit.js to elements marked data-ward-copy; without the script the text
  is plain and selectable), their lengths against their limits, the images to
  attach with their size, use and alt text, the Zalo OA article draft and the
  zip of everything;
- the calendar page (`lich-dang-bai.vi.md`, for staff, out of the menu): this
  week and the next, day by day, each entry linking its item's panel and zip,
  days already past folded away, days worded relative to the build day, and
  the iCalendar feed to subscribe to.

Links are relative to the page, so the site works under any sub-path.
"""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import urlsplit

from ... import language as lang
from ...media.infographics.resolve import absolute_url, relative_url
from .calendar import FEED, Plan
from .kit import Post, PostKit
from ...data.post_limits import HOOK_MAX, ZALO_MESSAGE_MAX

CALENDAR_PAGE = "lich-dang-bai.vi.md"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _copyable(ident: str, text: str, language: str, label_key: str) -> str:
    """A text with a copy button; newlines as character references keep the HTML block on one line for Markdown."""
    t = lambda key: _e(lang.t(key, language))
    body = _e(text).replace("\n", "&#10;")
    return (f'<pre class="ward-post-kit__text" id="{ident}" tabindex="0" data-ward-copy data-ward-copy-label="{t(label_key)}" '
            f'data-ward-copied="{t("posts.copied")}" data-ward-copy-failed="{t("posts.copy_failed")}">{body}</pre>')


def panel(post: Post, page: str, language: str) -> str:
    """The folded "Đăng bài" panel of one post, as shown on the page at site-relative URL page."""
    t = lambda key, **values: _e(lang.t(key, language, **values))
    link = lambda path: _e(relative_url(path, page))
    ident = post.anchor
    text_lang = f' lang="{post.language}"' if post.language != language else ""
    parts = [f'<details class="ward-post-kit" id="{ident}">',
             f'<summary>{t("posts.panel")} <span class="ward-post-kit__for">{t("posts.panel_for")}</span></summary>',
             f'<div class="ward-post-kit__body"{text_lang}>']
    if post.language != language:
        parts.append(f'<p class="ward-post-kit__note" lang="{language}">{t("posts.vietnamese_only")}</p>')
    parts.append(f'<p><a class="md-button md-button--primary ward-post-kit__zip" href="{link(post.zip_path)}" '
                 f'download="{_e(post.zip_path.rsplit("/", 1)[-1])}">{t("posts.zip")}</a></p>')
    hook = len(post.texts.hook)
    parts += [f'<p class="ward-post-kit__label" lang="{language}">{t("posts.facebook")} '
              f'<span class="ward-post-kit__count">{t("posts.hook_count", length=hook, max=HOOK_MAX)}</span></p>',
              _copyable(f"{ident}-facebook", post.texts.facebook, language, "posts.copy_facebook"),
              f'<p class="ward-post-kit__label" lang="{language}">{t("posts.zalo")} '
              f'<span class="ward-post-kit__count">{t("posts.length_count", length=len(post.texts.zalo), max=ZALO_MESSAGE_MAX)}</span></p>',
              _copyable(f"{ident}-zalo", post.texts.zalo, language, "posts.copy_zalo")]
    items = []
    for attachment in post.offered_attachments:
        uses = ", ".join(lang.t(f"posts.use.{use}", language) for use in attachment.uses)
        items.append(f'<li><a href="{link(attachment.site_path)}" download="{_e(attachment.name)}">{_e(attachment.name)}</a> '
                     f'({attachment.width}×{attachment.height}; {_e(uses)})<br><span class="ward-post-kit__alt">'
                     f'{t("posts.alt")} {_e(attachment.alt)}</span></li>')
    parts += [f'<p class="ward-post-kit__label" lang="{language}">{t("posts.images")}</p>',
              '<ul class="ward-post-kit__files">' + "".join(items) + "</ul>",
              f'<p class="ward-post-kit__label" lang="{language}">{t("posts.zalo_article")}</p>',
              f'<p lang="{language}"><a href="{link(post.zalo_path)}" download="{_e(post.zalo_path.rsplit("/", 1)[-1])}">'
              f'{_e(post.zalo_path.rsplit("/", 1)[-1])}</a>: {t("posts.zalo_article_help")}</p>',
              "</div>", "</details>"]
    return "".join(parts)


def item_panel(kit: PostKit | None, ident: str, page: str, language: str, today: dt.date) -> str:
    """The panel of an item on a page of the language's site ("" when it has no post yet)."""
    if kit is None:
        return ""
    post = kit.get(ident, language) or kit.get(ident, lang.DEFAULT_LANGUAGE)
    if post is None or (post.published is not None and post.published > today):
        return ""
    return panel(post, page, language)


# ── the calendar page ───────────────────────────────────────────────────────

def relative_day(day: dt.date, today: dt.date, language: str) -> str:
    """"Hôm nay", "Ngày mai", "3 ngày nữa", "2 ngày trước"... and the date."""
    delta = (day - today).days
    words = {0: "posts.today", 1: "posts.tomorrow", -1: "posts.yesterday"}
    if delta in words:
        relative = lang.t(words[delta], language)
    elif delta > 0:
        relative = lang.t("posts.in_days", language, days=delta)
    else:
        relative = lang.t("posts.days_ago", language, days=-delta)
    return f"{relative} – {lang.date(day, language, 'day')}"


def _entry(entry, kit: PostKit, page: str, language: str) -> str:
    t = lambda key, **values: _e(lang.t(key, language, **values))
    kind, title, _ = kit.items[entry.item]
    post = kit.get(entry.item, "vi")
    when = entry.time.strftime("%H:%M") if entry.time else lang.t("posts.all_day", language)
    channels = ", ".join(lang.t(f"posts.channel.{c}", language) for c in entry.channels)
    name = _e(title)
    if post is not None:
        name = f'<a href="{_e(relative_url(post.panel_url, page))}">{name}</a>'
    line = f'<li><strong>{_e(when)}</strong> · {name} ({t("posts.kind." + kind)}) · {_e(channels)}'
    if post is not None:
        line += f' · <a href="{_e(relative_url(post.zip_path, page))}" download>{t("posts.zip_short")}</a>'
    if entry.note:
        line += f'<br><span class="ward-post-kit__note">{_e(entry.note)}</span>'
    return line + "</li>"


def _days(entries, kit: PostKit, page: str, language: str, today: dt.date) -> str:
    out = []
    for day in sorted({e.date for e in entries}):
        listed = "".join(_entry(e, kit, page, language) for e in entries if e.date == day)
        out.append(f'<h3 class="ward-calendar__day">{_e(relative_day(day, today, language))}</h3>\n'
                   f'<ul class="ward-calendar__entries">{listed}</ul>')
    return "\n".join(out)


def calendar_section(plan: Plan, kit: PostKit, site_url: str, page: str, language: str, today: dt.date) -> str:
    """This week and the next, past days folded, then the feed to subscribe to."""
    t = lambda key, **values: _e(lang.t(key, language, **values))
    monday = today - dt.timedelta(days=today.weekday())
    parts = []
    for n, key in enumerate(("posts.this_week", "posts.next_week")):
        start, end = monday + dt.timedelta(days=7 * n), monday + dt.timedelta(days=7 * n + 6)
        span = f"{lang.date(start, language)} – {lang.date(end, language)}"
        entries = [e for e in plan.entries if start <= e.date <= end]
        past = [e for e in entries if e.date < today]
        coming = [e for e in entries if e.date >= today]
        block = [f'<h2 class="ward-calendar__week">{t(key)} <span class="ward-calendar__span">({_e(span)})</span></h2>']
        if past:
            block.append(f'<details class="ward-calendar__past"><summary>{t("posts.past_days", count=len(past))}</summary>\n'
                         f"{_days(past, kit, page, language, today)}\n</details>")
        block.append(_days(coming, kit, page, language, today) if coming
                     else f'<p class="ward-calendar__empty">{t("posts.nothing_planned")}</p>')
        parts.append("\n".join(block))
    later = [e for e in plan.entries if e.date > monday + dt.timedelta(days=13)]
    if later:
        parts.append(f'<details class="ward-calendar__later"><summary>{t("posts.later", count=len(later))}</summary>\n'
                     f"{_days(later, kit, page, language, today)}\n</details>")
    feed = absolute_url(site_url, FEED)
    webcal = "webcal://" + feed.split("://", 1)[-1] if urlsplit(feed).scheme in ("http", "https") else feed
    parts.append(f'<h2 class="ward-calendar__week">{t("posts.subscribe")}</h2>\n'
                 f'<p>{t("posts.subscribe_help")}</p>\n'
                 f'<p><a class="md-button" href="{_e(webcal)}">{t("posts.subscribe_phone")}</a> '
                 f'<a class="md-button" href="{_e(relative_url(FEED, page))}" download>{t("posts.download_ics")}</a></p>\n'
                 f'<p>{t("posts.feed_address")} <code>{_e(feed)}</code></p>')
    return '<div class="ward-calendar">\n' + "\n\n".join(parts) + "\n</div>"


def page_section(page, language: str, project) -> str:
    """One of the plugin's PAGE_SECTIONS: the calendar on its page."""
    from ...data.articles import today

    if page.file.src_uri != CALENDAR_PAGE or getattr(project, "posts", None) is None:
        return ""
    return calendar_section(project.calendar, project.posts, project.site_url, page.url, language, today())
