"""Serving the built site in production: headers that GitHub Pages cannot send.

Owns the Content-Security-Policy (no 'unsafe-inline' scripts: the hashes of
the inline scripts Material writes are collected from the built pages, so they
follow upgrades), the framing rules (only /embed/ pages, only for the ward's
origins from `extra.ward.embed_origins`), caching and compression, rendered
into an nginx configuration beside site/ at every build.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import PACKAGE_DIR
from .cache import write_atomic

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:json|ld\+json)\")[^>]*>(.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions ('sha256-…') for every inline script of every page."""
    hashes = set()
    for page in site.rglob("*.html"):
        for match in _INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def content_security_policy(site: Path) -> str:
    """The policy for every page (frame-ancestors is added per path by the server)."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site)),
        "style-src 'self' 'unsafe-inline'",  # Material sets element styles from its script
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(d.strip() for d in directives)


def nginx_config(site: Path, site_url: str, embed_origins: list[str] | tuple[str, ...],
                 listen: str = "80", server_name: str | None = None) -> str:
    """The nginx server configuration for site/ as published at site_url."""
    parts = urlsplit(site_url)
    prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
    site = Path(site).resolve()
    env = Environment(loader=FileSystemLoader(PACKAGE_DIR / "data"), undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template("nginx.conf.j2").render(
        root=site,
        prefix=prefix,
        listen=listen,
        server_name=server_name or parts.hostname or "_",
        csp=content_security_policy(site),
        embed_origins=list(embed_origins),
    )


def write_nginx_config(site: Path, site_url: str, embed_origins, target: Path) -> Path:
    write_atomic(target, nginx_config(site, site_url, embed_origins))
    return target
