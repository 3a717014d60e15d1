"""Short links the site serves itself: `q/<code>/` leads to an item on its page.

Owns the codes, the pages and the server's redirects. A QR code printed on an
image must stay scannable when the ward's address is long (a QR code grows
with its text: 60 characters of site address plus a page path and an anchor
make modules too small to scan), so images carry `<site_url>q/<code>/`
instead of the item's full address.

- A code is the first CODE_LENGTH characters of the base-32 SHA-256 of the
  item's key and language ("vi/ngan-sach-cho-giao-duc"): stable as long as
  the id is, lower-case letters and digits only, the same on every build.
  Should two keys ever share a prefix, both take one more character.
- `q/<code>/index.html` is a static page (so it works on any host, GitHub
  Pages included): a meta refresh to the item, a visible link for browsers
  that do not follow it, a canonical link to the item and `noindex`.
- The nginx configuration (wardpub.site.serving) answers the same addresses with
  real 301 redirects before the static page is ever read.
- `q/links.json` lists every code with its target, for the server and tools;
  the infographics' manifest lists each image's short link too.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from dataclasses import dataclass
from pathlib import Path

from ..cache import generated
from mkdocs.utils import get_relative_url as relative_url

FOLDER = "q"
CODE_LENGTH = 5
LINKS = f"{FOLDER}/links.json"


@dataclass(frozen=True)
class ShortLink:
    code: str
    target: str  # site-relative URL of the item, anchor included ("nghi-quyet-71/x/#id")
    title: str
    language: str

    @property
    def path(self) -> str:
        """Site-relative address of the short link ("q/ab2cd/")."""
        return f"{FOLDER}/{self.code}/"

    def url(self, site_url: str) -> str:
        return (site_url if site_url.endswith("/") else site_url + "/") + self.path


def _hash(key: str) -> str:
    return base64.b32encode(hashlib.sha256(key.encode("utf-8")).digest()).decode("ascii").lower().rstrip("=")


def codes(keys: list[str]) -> dict[str, str]:
    """A short code for each key (unique; CODE_LENGTH characters unless two keys share a prefix)."""
    hashes = {key: _hash(key) for key in dict.fromkeys(keys)}
    length = {key: CODE_LENGTH for key in hashes}
    while True:
        seen: dict[str, list[str]] = {}
        for key, value in hashes.items():
            seen.setdefault(value[: length[key]], []).append(key)
        clashes = [group for group in seen.values() if len(group) > 1]
        if not clashes:
            return {key: hashes[key][: length[key]] for key in hashes}
        for group in clashes:
            for key in group:
                length[key] += 1


def links(items: list[tuple[str, str, str, str]]) -> list[ShortLink]:
    """Short links for (key, language, target, title) items, in their order."""
    found = codes([f"{language}/{key}" for key, language, _, _ in items])
    return [ShortLink(found[f"{language}/{key}"], target, title, language) for key, language, target, title in items]


def page_html(link: ShortLink, site_url: str) -> str:
    """The static page at q/<code>/: it sends the reader on at once, with a link in case it does not."""
    target = relative_url(link.target, link.path)
    canonical = (site_url if site_url.endswith("/") else site_url + "/") + link.target if site_url else target
    e = lambda value: html.escape(value, quote=True)
    return (f'<!doctype html>\n<html lang="{e(link.language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{e(link.title)}</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{e(canonical)}">\n'
            f'<meta http-equiv="refresh" content="0; url={e(target)}">\n</head>\n'
            f'<body>\n<p><a href="{e(target)}">{e(link.title)}</a></p>\n</body>\n</html>\n')


def site_files(short_links: list[ShortLink], site_url: str) -> list[tuple[str, Path]]:
    """(site path, file) of every short link's page and of q/links.json."""
    files = []
    for link in short_links:
        files.append((f"{link.path}index.html", generated(f"q-{link.code}.html", page_html(link, site_url))))
    listing = {link.code: {"target": link.target, "language": link.language} for link in short_links}
    text = json.dumps({"links": listing}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    files.append((LINKS, generated("q-links.json", text)))
    return files


def read_links(site: Path) -> dict[str, str]:
    """Code -> site-relative target, from a built site's q/links.json (none if absent)."""
    path = Path(site) / LINKS
    if not path.is_file():
        return {}
    return {code: entry["target"] for code, entry in json.loads(path.read_text(encoding="utf-8"))["links"].items()}
