"""Embed codes: what a web editor pastes into the ward's page to frame an item,
and the "copy embed code" control shown beside each embeddable item.

A leaf module: the gallery, chart pages, the dashboard and the news list show
the control; wardpub.site.embeds builds the embed pages from them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

from .. import language as lang
from ..language import prefix
from ..media.infographics.resolve import absolute_url

# The frame's height before the host's script (if any) adjusts it.
HEIGHTS = {"infographic": 1300, "chart": 900, "dashboard": 1600, "news": 900}
EMBED_SCRIPT = "assets/javascripts/embed.js"
SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"


@dataclass(frozen=True)
class Item:
    kind: str
    ident: str  # "" for the dashboard and the news list
    title: str
    description: str
    page: str  # site-relative URL of the item on its normal page (may carry #anchor)
    markdown: Callable[[str], str]  # embed page URL -> the item's Markdown


def embed_url(kind: str, ident: str, language: str) -> str:
    return f"{prefix(language)}embed/{kind}/" + (f"{ident}/" if ident else "")


def embed_code(site_url: str, kind: str, ident: str, title: str, language: str) -> str:
    """The HTML a web editor pastes into the ward's page: the frame and the sizing script."""
    src = absolute_url(site_url, embed_url(kind, ident, language))
    script = absolute_url(site_url, EMBED_SCRIPT)
    return (f'<iframe src="{src}" title="{html.escape(title)}" width="100%" height="{HEIGHTS[kind]}" '
            f'loading="lazy" style="border:0;max-width:100%" sandbox="{SANDBOX}" data-ward-embed></iframe>\n'
            f'<script src="{script}" async></script>')


def code_control(site_url: str, kind: str, ident: str, title: str, language: str) -> str:
    """The "copy embed code" control shown beside an embeddable item (share-kit.js adds the button)."""
    t = lambda key: html.escape(lang.t(key, language))
    code_id = f"embed-{kind}-{ident or 'all'}"
    code = html.escape(embed_code(site_url, kind, ident, title, language))
    return (f'<details class="ward-embed-code"><summary>{t("embed.summary")}</summary>\n'
            f'<p>{t("embed.help")}</p>\n'
            f'<pre><code id="{code_id}" data-ward-copy data-ward-copy-label="{t("embed.copy")}" '
            f'data-ward-copied="{t("embed.copied")}" data-ward-copy-failed="{t("embed.copy_failed")}">{code}</code></pre>\n'
            f"</details>")
