"""Headless Chromium for tests and benchmarks (Debian's package, driven by Playwright).

Owns how the browser is started here: no browser download is possible, so
Playwright launches /usr/bin/chromium with the flags this machine needs, and
`PageRecorder` watches what a page loads (console errors, every request, the
bytes that crossed the network) through the DevTools protocol.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    return path


@contextmanager
def launch():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageRecorder:
    """Records console errors, requested URLs and encoded bytes received by a page."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    encoded_bytes: int = 0

    def __post_init__(self):
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.cdp = self.page.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.on("Network.loadingFinished", self._finished)

    def _finished(self, event):
        self.encoded_bytes += int(event.get("encodedDataLength", 0))

    def foreign_requests(self, origin: str) -> list[str]:
        """Requests to any origin other than origin (data: and blob: URLs are local)."""
        own = urlsplit(origin)
        return [u for u in self.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and (urlsplit(u).scheme, urlsplit(u).netloc) != (own.scheme, own.netloc)]
