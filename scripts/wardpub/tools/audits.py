"""Outside judges of the built pages: Lighthouse and the W3C validator, run offline.

Owns how they are run here, for the tests and `make bench` alike:

- `lighthouse`: Lighthouse 12 (npm, pinned in package.json) in Debian's
  chromium with its mobile settings (a mid-range phone, throttled as Lighthouse
  simulates it), against the site served compressed by the shipped nginx
  configuration (`wardpub.site.serving.run_nginx`). Returns the four category
  scores and the layout shift. Performance is a timing figure: tests assert
  only the others and the layout shift; `make bench` prints all four.
- `validate_html`: the W3C validator (npm `vnu-jar`, Java 17) over HTML files,
  less the two errors stock Material writes on every page (autocomplete="off"
  on its two checkboxes), which this site cannot change.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .. import PROJECT_ROOT
from .browser import CHROMIUM_ARGS, chromium_path

NODE_BIN = PROJECT_ROOT / "node_modules" / ".bin"
VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The pages the goals name, in both languages: the front page, the news list, an article, a content page.
PAGES = (
    ("front page", "", "en/"),
    ("news list", "tin-tuc/", "en/tin-tuc/"),
    ("article", "tin-tuc/2025/hoi-nghi-toan-quoc-quan-triet-nghi-quyet-71/", "en/tin-tuc/2025/hoi-nghi-toan-quoc-quan-triet-nghi-quyet-71/"),
    ("content page", "nghi-quyet-71/diem-moi-dot-pha/", "en/nghi-quyet-71/diem-moi-dot-pha/"),
)
# Stock Material: autocomplete="off" on its drawer and search checkboxes (platform notes).
STOCK_ERRORS = ("Attribute “autocomplete” is only allowed when the input type is",)


@dataclass(frozen=True)
class Scores:
    url: str
    categories: dict[str, int]  # category -> 0..100
    layout_shift: float
    failed: tuple[str, ...]  # audits that did not pass, for a reader of a failure

    def line(self) -> str:
        return ", ".join(f"{name} {score}" for name, score in self.categories.items()) + f", CLS {self.layout_shift:.3f}"


def lighthouse(url: str, timeout: int = 240) -> Scores:
    """Lighthouse's mobile run of one page (its default form factor and throttling)."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [str(NODE_BIN / "lighthouse"), url, "--output=json", "--quiet", f"--chrome-flags={flags}",
               f"--only-categories={','.join(CATEGORIES)}", "--max-wait-for-load=45000"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                         env={**os.environ, "CHROME_PATH": chromium_path()})
    if out.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}: {out.stderr[-2000:]}")
    report = json.loads(out.stdout)
    categories = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failed = tuple(sorted(
        f"{name}: {audit.get('displayValue') or audit['title']}" for name, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") in ("binary", "numeric")
    ))
    return Scores(url, categories, report["audits"]["cumulative-layout-shift"]["numericValue"], failed)


def validate_html(files: list[Path]) -> list[str]:
    """Every error the W3C validator finds in the files, as "file:line: message", less stock Material's."""
    if not files:
        return []
    out = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
                         capture_output=True, text=True)
    try:
        messages = json.loads(out.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise RuntimeError(f"the validator did not run: {out.stderr[-2000:]}") from None
    # "non-document-error": a file the validator could not read counts as an error too.
    return [f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages if m.get("type") in ("error", "non-document-error") and not m["message"].startswith(STOCK_ERRORS)]
