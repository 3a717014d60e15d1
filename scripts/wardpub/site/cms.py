"""The web editor: Decap CMS, self-hosted under /admin/.

Owns what the build adds at `admin/` when the project has `cms/config.yml`:
Decap's prebuilt bundle and js-yaml copied from node_modules (pinned in
package.json; nothing comes from a CDN), the ward's extensions
(`cms/wardpub-cms.js`: file formats, the Vietnamese date widget, checks before
saving, previews), the page (`cms/index.html.j2`: noindex, the site's
stylesheets for the preview) and the configuration: `cms/config.yml` with
every `options_from:` filled from the shared tables (categories, content
points, tags, sources, infographic templates, what the campaign calendar
may schedule and on which channels) and every `folders_from: pages`
with the folders of the site's pages, so the editor offers exactly what validation accepts.

`make cms` sets WARDPUB_CMS_LOCAL_BACKEND to the address of the decap-server
it started; only then does the configuration name a local backend, so the
published editor always goes through GitHub. /admin/ is a static folder,
not a page: it is in no sitemap, search index or feed.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from typing import Iterator, Optional

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import PROJECT_ROOT, language
from ..cache import generated
from ..data.datafiles import load_yaml
from .posts.calendar import CHANNELS
from ..problems import Problem

ADMIN = "admin"
LOCAL_BACKEND_ENV = "WARDPUB_CMS_LOCAL_BACKEND"
CONFIG = "config.yml"
EXTENSIONS = "wardpub-cms.js"
PAGE_TEMPLATE = "index.html.j2"
DECAP = "decap-cms/dist"
# Decap's entry point, the chunks it loads on demand and their WebAssembly (no source maps).
_BUNDLE = re.compile(r"^(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm)$")
JS_YAML = "js-yaml/dist/js-yaml.min.js"


def cms_dir(config_file: str | Path) -> Path:
    """The project's editor sources: cms/ beside mkdocs.yml."""
    return Path(config_file).resolve().parent / "cms"


def enabled(config_file: str | Path) -> bool:
    return (cms_dir(config_file) / CONFIG).is_file()


def node_modules(config_file: str | Path) -> Path:
    """The project's node_modules, else this package's (tests build copies of the project)."""
    for root in (Path(config_file).resolve().parent, PROJECT_ROOT):
        if (root / "node_modules" / DECAP).is_dir():
            return root / "node_modules"
    return PROJECT_ROOT / "node_modules"


# ── the configuration ───────────────────────────────────────────────────────

def _options(project, source: str) -> list[dict]:
    """The choices a select offers, as validation accepts them."""
    registries = project.registries
    if source == "categories":
        return [{"label": c.vi, "value": key} for key, c in registries.categories.items()]
    if source == "content-points":  # categories with a content page: what an infographic may belong to
        return [{"label": c.vi, "value": key} for key, c in registries.categories.items() if c.page]
    if source == "tags":
        return [{"label": t.vi, "value": key} for key, t in registries.tags.items()]
    if source == "sources":
        return [{"label": f"{n}. {s.outlet}: {s.about.vi}", "value": n} for n, s in sorted(registries.sources.items())]
    if source == "infographic-templates":
        templates = project.infographics.templates if project.infographics else {}
        return [{"label": f"{t.title.vi} ({name})", "value": name}
                for name, t in sorted(templates.items()) if t.kind == "infographic"]
    if source == "post-items":  # what the campaign calendar may schedule: articles and infographics
        articles = [{"label": f"Tin: {a.meta.title}", "value": a.slug} for a in project.articles if not a.meta.draft]
        graphics = [{"label": f"Infographic: {item.spec.title.vi}", "value": item.spec.id}
                    for item in (project.infographics.infographics if project.infographics else [])]
        return articles + graphics
    if source == "post-channels":
        return [{"label": language.t(f"posts.channel.{c}", "vi"), "value": c} for c in CHANNELS]
    raise ValueError(f"cms/config.yml: options_from: {source} is not a list the build knows")


def _page_folders(project, collection: dict) -> list[dict]:
    """One folder collection per folder holding pages (its Vietnamese files name the pairs)."""
    folders = sorted({rel.rpartition("/")[0] for rel in project.pages if rel.endswith(".vi.md")})
    expanded = []
    for folder in folders:
        titles = [meta.title for rel, meta in sorted(project.pages.items())
                  if rel.rpartition("/")[0] == folder and rel.endswith(".vi.md")]
        index = project.pages.get("/".join(filter(None, [folder, "index.vi.md"])))
        one = {key: value for key, value in collection.items() if key != "folders_from"}
        one["name"] = "-".join(filter(None, [collection["name"], folder.replace("/", "-")]))
        one["label"] = f"{collection['label']}: {index.title if index and folder else 'các trang chính'}"
        one["folder"] = "/".join(filter(None, ["docs", folder]))
        one["description"] = f"{collection.get('description', '')} Trong mục này: {', '.join(titles)}.".strip()
        expanded.append(one)
    return expanded


def _fill(node, project):
    """Replace every options_from with the current choices, recursively."""
    if isinstance(node, list):
        out = []
        for item in node:
            if isinstance(item, dict) and item.get("folders_from") == "pages":
                out += [_fill(one, project) for one in _page_folders(project, item)]
            else:
                out.append(_fill(item, project))
        return out
    if not isinstance(node, dict):
        return node
    out = {key: _fill(value, project) for key, value in node.items() if key != "options_from"}
    if "options_from" in node:
        out["options"] = _options(project, node["options_from"])
    return out


def editor_config(base: dict, project, site_url: str, local_backend: Optional[str] = None) -> dict:
    """The configuration Decap reads: base with its lists filled in, for this site."""
    config = _fill(copy.deepcopy(base), project)
    config.setdefault("site_url", site_url)
    config.setdefault("display_url", site_url)
    if local_backend:
        config["local_backend"] = {"url": local_backend}
    return config


def load_base(config_file: str | Path) -> tuple[Optional[dict], list[Problem]]:
    data, problems = load_yaml(cms_dir(config_file) / CONFIG)
    if not problems and not isinstance(data, dict):
        problems = [Problem("cms/config.yml", "(tệp)", "tệp phải là một nhóm trường", "khôi phục tệp từ git")]
    return (data if not problems else None), problems


def editor_origins(config_file: str | Path) -> list[str]:
    """Origins the published editor talks to besides GitHub's API: the OAuth proxy (backend.base_url)."""
    if not enabled(config_file):
        return []
    base, problems = load_base(config_file)
    url = str(((base or {}).get("backend") or {}).get("base_url") or "")
    match = re.match(r"^https://[^/\s\[\]]+", url)
    return [match.group(0)] if match else []


# ── the files the build adds ────────────────────────────────────────────────

def bundle_files(modules: Path) -> Iterator[tuple[str, Path]]:
    dist = modules / DECAP
    if not dist.is_dir():
        raise FileNotFoundError(f"{dist} is missing: run `make site` (it runs `npm ci`) to install the web editor")
    for path in sorted(dist.iterdir()):
        if _BUNDLE.match(path.name):
            yield f"{ADMIN}/{path.name}", path
    yield f"{ADMIN}/js-yaml.min.js", modules / JS_YAML


def page_html(site_name: str, preview_styles: list[str], preview_collections: list[str], folder: Path) -> str:
    env = Environment(loader=FileSystemLoader(folder), undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    return env.get_template(PAGE_TEMPLATE).render(site_name=site_name, preview_styles=preview_styles,
                                                  preview_collections=preview_collections)


def site_files(project, config_file: str | Path, site_url: str, site_name: str, stylesheets: list[str]) -> list[tuple[str, Path]]:
    """(site path, source file) of everything under admin/, or nothing when the project has no editor."""
    if not enabled(config_file):
        return []
    folder = cms_dir(config_file)
    base, problems = load_base(config_file)
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    config = editor_config(base, project, site_url, os.environ.get(LOCAL_BACKEND_ENV))
    text = "# Generated by the build from cms/config.yml: edit that file instead.\n" + \
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=200)
    styles = [f"../{href}" for href in stylesheets]
    # Markdown collections get a preview drawn like the site's pages.
    markdown = [c["name"] for c in config.get("collections", []) if c.get("format") == "ward-frontmatter"]
    files = [
        (f"{ADMIN}/{CONFIG}", generated("cms-config.yml", text)),
        (f"{ADMIN}/index.html", generated("cms-index.html", page_html(site_name, styles, markdown, folder))),
        (f"{ADMIN}/{EXTENSIONS}", folder / EXTENSIONS),
    ]
    return files + list(bundle_files(node_modules(config_file)))
