"""Citations as a newspaper prints them: small numbered markers, one list at the end.

Owns how `[src:N]` (N an id of docs/_data/sources.yml) is published. Sources
are numbered per page in the order the page first cites them (1, 2, 3…, not
their ids in sources.yml), whatever part of the page cites them: the text, the
infographics and charts sections, the dashboard. A marker is glued to the word
before it (the space is dropped and a word joiner keeps the line from breaking
there), so it never starts a line of its own on a 360 px phone. The list at
the end follows the same order; each entry links back to every place that
cites it. Sources named only in front matter (`sources:`) follow, unnumbered
in the text and without links back.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .. import language as lang
from ..data.registries import Registries, Source

# A citation with the spaces before it: the marker then sits against the preceding word.
CITATION = re.compile(r"[ \t]*\[src:\s*([^\]]*)\]")
WORD_JOINER = "\u2060"


def citation_ids(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


@dataclass
class Citations:
    """The sources of one page in order of first citation, with every place each is cited."""

    language: str
    order: list[int] = field(default_factory=list)  # source ids; the page's number is the position + 1
    uses: dict[int, int] = field(default_factory=dict)  # source id -> times cited so far

    def number(self, ident: int) -> int:
        if ident not in self.order:
            self.order.append(ident)
        return self.order.index(ident) + 1

    def marker(self, match: re.Match) -> str:
        """The published marker for one `[src:…]`: superscript page numbers linking to the list."""
        links = []
        for raw in citation_ids(match.group(1)):
            ident = int(raw)
            number = self.number(ident)
            self.uses[ident] = self.uses.get(ident, 0) + 1
            label = html.escape(lang.t("sources.cite", self.language, number=number))
            links.append(f'<a id="cite-{number}-{self.uses[ident]}" href="#src-{number}" aria-label="{label}">{number}</a>')
        return f'<sup class="ward-cite">{WORD_JOINER}[{",".join(links)}]</sup>'

    def link(self, text: str) -> str:
        """Every `[src:…]` of a piece of Markdown turned into markers, numbering as it goes."""
        return CITATION.sub(self.marker, text)

    def listing(self, registries: Registries, listed: list[int] = ()) -> str:
        """The sources section that ends the page ("" when the page cites nothing)."""
        for ident in listed:
            self.number(ident)
        if not self.order:
            return ""
        items = "\n".join(self._item(n, ident, registries.sources[ident]) for n, ident in enumerate(self.order, start=1))
        heading = lang.t("sources.heading", self.language)
        return f'## {heading}\n\n<ol class="ward-sources">\n{items}\n</ol>\n'

    def _item(self, number: int, ident: int, source: Source) -> str:
        back = self._back_links(number, self.uses.get(ident, 0))
        return f'<li id="src-{number}">{source_text(source, self.language)}{back}</li>'

    def _back_links(self, number: int, count: int) -> str:
        """↩ back to where the source is cited: one link, or one per place (↩ 1 2 3)."""
        if not count:
            return ""
        t = lambda key, **values: html.escape(lang.t(key, self.language, **values))
        if count == 1:
            return f' <a class="ward-sources__back" href="#cite-{number}-1" aria-label="{t("sources.back", number=number)}">↩</a>'
        links = " ".join(f'<a href="#cite-{number}-{use}" aria-label="{t("sources.back_nth", number=number, use=use)}">{use}</a>'
                         for use in range(1, count + 1))
        # The arrow stays with the first number; a long row of places wraps like text.
        return f' <span class="ward-sources__back">↩{WORD_JOINER}{links}</span>'


def source_text(source: Source, language: str) -> str:
    """"Outlet, date: what it reports" with the report linked: how a source reads in a list."""
    parts = [html.escape(source.outlet)]
    if source.date:
        parts.append(lang.date(source.date, language))
    about = html.escape(source.about[language])
    if source.url:
        about = f'<a href="{html.escape(source.url)}" rel="noopener">{about}</a>'
    return f'{", ".join(parts)}: {about}'
