"""Serving the built site in production: headers that GitHub Pages cannot send.

Owns the Content-Security-Policy (no 'unsafe-inline' scripts: the hashes of
the inline scripts Material writes are collected from the built pages, so they
follow upgrades), the framing rules (only /embed/ pages, only for the ward's
origins from `extra.ward.embed_origins`), the web editor's own policy and
noindex under admin/, caching and compression, 301 redirects for the short
links the QR codes carry (wardpub.media.shortlinks), each language's own not-found
page, rendered
into an nginx configuration beside site/ at every build; and `run_nginx`,
which serves a build with that configuration on loopback (tests, previews).
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import RESOURCES_DIR
from ..cache import write_atomic
from ..language import DEFAULT_LANGUAGE, LANGUAGES
from ..media.shortlinks import read_links

# On the pages' bytes: a large site has thousands of pages, and decoding them all would take longer than the search.
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:json|ld\+json)\")[^>]*>(.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions ('sha256-…') for every inline script of every page."""
    hashes = set()
    pages = (os.path.join(folder, name) for folder, _, names in os.walk(site) for name in names if name.endswith(".html"))
    for page in pages:
        with open(page, "rb") as handle:
            matches = _INLINE_SCRIPT.finditer(handle.read())
        for match in matches:
            digest = hashlib.sha256(match.group(1)).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def content_security_policy(site: Path) -> str:
    """The policy for every page (frame-ancestors is added per path by the server)."""
    # Zalo's share script (and what it opens) is the one third party, loaded only when a
    # reader presses the Zalo button (share-kit.js).
    zalo = "https://*.zalo.me"
    directives = [
        "default-src 'self'",
        "script-src 'self' https://sp.zalo.me " + " ".join(inline_script_hashes(site)),
        "style-src 'self' 'unsafe-inline'",  # Material sets element styles from its script
        f"img-src 'self' data: {zalo} https://*.zdn.vn",
        "font-src 'self'",
        f"connect-src 'self' {zalo}",
        "worker-src 'self'",
        f"frame-src 'self' {zalo}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(d.strip() for d in directives)


def editor_content_security_policy(editor_origins: list[str] | tuple[str, ...] = ()) -> str:
    """The policy for the web editor under admin/ (Decap CMS), which needs more than the site.

    'unsafe-eval': Decap validates its configuration with ajv, which compiles schemas
    with new Function; 'wasm-unsafe-eval': its chunks compile WebAssembly. Inline styles:
    its components style themselves at run time. It talks to GitHub's API and to the
    OAuth proxy that signs staff in (editor_origins, from cms/config.yml), shows the
    user's GitHub avatar, and previews pictures from blob: URLs.
    """
    origins = " ".join(editor_origins)
    directives = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com",
        "font-src 'self' data:",
        f"connect-src 'self' https://api.github.com {origins}",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(" ".join(d.split()) for d in directives)


def nginx_config(site: Path, site_url: str, embed_origins: list[str] | tuple[str, ...],
                 listen: str = "80", server_name: str | None = None,
                 editor_origins: list[str] | tuple[str, ...] = ()) -> str:
    """The nginx server configuration for site/ as published at site_url."""
    parts = urlsplit(site_url)
    prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
    site = Path(site).resolve()
    env = Environment(loader=FileSystemLoader(RESOURCES_DIR), undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template("nginx.conf.j2").render(
        root=site,
        prefix=prefix,
        listen=listen,
        server_name=server_name or parts.hostname or "_",
        csp=content_security_policy(site),
        editor_csp=editor_content_security_policy(editor_origins),
        embed_origins=list(embed_origins),
        short_links=sorted(read_links(site).items()),
        # Languages with their own folder (and their own not-found page); the default one is the root.
        languages=[code for code in LANGUAGES if code != DEFAULT_LANGUAGE],
    )


def write_nginx_config(site: Path, site_url: str, embed_origins, target: Path, editor_origins=()) -> Path:
    write_atomic(target, nginx_config(site, site_url, embed_origins, editor_origins=editor_origins))
    return target


_MAIN = """user {user};
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/site.conf;
}}
"""


def free_port() -> int:
    """A loopback port nothing listens on now (for test and benchmark servers)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def run_nginx(site: Path, site_url: str, embed_origins, nginx: str = "nginx", editor_origins=()):
    """Serve site/ with the production configuration on a free loopback port; yield the site's base URL."""
    with tempfile.TemporaryDirectory(prefix="wardpub-nginx-") as prefix:
        port = free_port()
        Path(prefix, "site.conf").write_text(nginx_config(site, site_url, embed_origins, f"127.0.0.1:{port}", "127.0.0.1", editor_origins))
        # Workers run as the current user (when started as root), so they read a site under a private folder.
        Path(prefix, "nginx.conf").write_text(_MAIN.format(prefix=prefix, user=getpass.getuser()))
        server = subprocess.Popen([shutil.which(nginx) or "/usr/sbin/nginx", "-c", f"{prefix}/nginx.conf", "-p", prefix],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(100):
                with socket.socket() as attempt:
                    if attempt.connect_ex(("127.0.0.1", port)) == 0:
                        break
                if server.poll() is not None:
                    raise RuntimeError(server.stderr.read().decode())
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}{urlsplit(site_url).path}"
        finally:
            server.terminate()
            server.wait(timeout=10)
            server.stderr.close()
