"""The site's search index: folded, sharded, loaded only when a reader searches.

Material's own index holds every page's full text in one file that each first
visit downloads. This module turns the same entries (Material's parser splits
pages into sections) into, per language:

  search/<lang>/meta.json          document count, shard keys, chunk size, page starts
  search/<lang>/terms/<key>.json   postings of the folded tokens starting with <key>
  search/<lang>/docs/<n>.json      [location, title, excerpt] of documents n*CHUNK...

The worker (overrides/assets/javascripts/workers/folded-search.js) fetches
meta.json and the shards a query needs on the first keystroke, so a reader who
never searches downloads none of it, and a query's cost does not grow with the
whole index. Tokens are folded with `text.tokens`, which the worker mirrors.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..text import nfc, tokens

# Material's lunr worker and language packs, which this index replaces.
MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")

DOCS_PER_CHUNK = 32  # small chunks: a query fetches excerpts only for the pages it lists
EXCERPT_CHARS = 240
TITLE_WEIGHT = 20  # a token in a section title counts as this many occurrences
ADDRESS_WEIGHT = 10  # a token of the page's address (its Vietnamese slug) on the page's first section
MAX_TERM_FREQUENCY = 9

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_KEY_UNSAFE = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True)
class Document:
    location: str
    title: str
    text: str


def shard_key(token: str) -> str:
    """The shard a token lives in: its first two characters, ASCII-safe."""
    return _KEY_UNSAFE.sub("_", token[:2])


def plain_text(markup: str) -> str:
    return nfc(_SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip())


def documents_from_entries(entries: list[dict]) -> list[Document]:
    """Material search entries (location, title, HTML text) as plain-text documents."""
    return [Document(e["location"], plain_text(e["title"]), plain_text(e.get("text", ""))) for e in entries]


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def page_starts(documents: list[Document]) -> list[int]:
    """Delta-encoded id of each page's first document (a page's sections follow it)."""
    starts, previous_page, previous_start = [], None, 0
    for doc_id, doc in enumerate(documents):
        page = doc.location.split("#")[0]
        if page != previous_page:
            starts.append(doc_id - previous_start)
            previous_page, previous_start = page, doc_id
    return starts


def _encode(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


@lru_cache(maxsize=20000)
def _token_counts(text: str) -> Counter:
    """A section's tokens and how often each occurs (not to be changed: a live preview rebuilds the
    index on every save from thousands of sections, nearly all as they were)."""
    return Counter(tokens(text))


def build_index(documents: list[Document], language: str) -> dict[str, bytes]:
    """Every file of one language's index, keyed by site-relative path."""
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    for doc_id, doc in enumerate(documents):
        text_counts = _token_counts(doc.text)
        title_tokens = set(tokens(doc.title))
        # Slugs come from Vietnamese titles, so "binh-dan-hoc-vu-so" helps on both languages' pages.
        address_tokens = set() if "#" in doc.location else set(tokens(doc.location.replace("en/", "", 1)))
        for token in text_counts.keys() | title_tokens | address_tokens:
            weight = min(text_counts[token], MAX_TERM_FREQUENCY)
            weight += TITLE_WEIGHT if token in title_tokens else 0
            weight += ADDRESS_WEIGHT if token in address_tokens else 0
            postings[token][doc_id] = weight

    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for token in sorted(postings):
        flat, previous = [], 0
        for doc_id in sorted(postings[token]):
            flat += [doc_id - previous, postings[token][doc_id]]  # delta-encoded ids keep shards small
            previous = doc_id
        shards[shard_key(token)][token] = flat

    base = f"search/{language}/"
    files = {f"{base}terms/{key}.json": _encode(shard) for key, shard in shards.items()}
    for start in range(0, len(documents), DOCS_PER_CHUNK):
        chunk = [[d.location, d.title, excerpt(d.text)] for d in documents[start:start + DOCS_PER_CHUNK]]
        files[f"{base}docs/{start // DOCS_PER_CHUNK}.json"] = _encode(chunk)
    meta = {"documents": len(documents), "chunk": DOCS_PER_CHUNK, "shards": sorted(shards), "pages": page_starts(documents)}
    files[f"{base}meta.json"] = _encode(meta)
    return files


_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


@lru_cache(maxsize=64)  # pages at the same depth share one block: parse it once
def with_worker(config_block: str, worker_url: str) -> str:
    """Material's #__config script with its search worker replaced by ours.

    The block's JSON is parsed and re-serialised, so only the documented
    `search` key (Material 9) or its worker (mkdocs-materialx 10) changes;
    everything else the theme puts there is kept.
    """
    from jinja2.utils import htmlsafe_json_dumps
    from markupsafe import Markup

    match = _CONFIG_SCRIPT.search(config_block)
    if not match:
        raise ValueError("Material's __config script was not found: has the theme changed?")
    data = json.loads(match.group(2))
    if isinstance(data.get("search"), dict):  # mkdocs-materialx 10: {"provider", "options": {"workerUrl", ...}}
        data["search"]["options"]["workerUrl"] = worker_url
    else:
        data["search"] = worker_url
    start, end = match.span(2)
    return Markup(str(config_block[:start]) + str(htmlsafe_json_dumps(data)) + str(config_block[end:]))
