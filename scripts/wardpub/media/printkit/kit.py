"""The print kit's part of `wardpub.project.check_project`, and the files the site gets.

Owns `check_print_kit`: load and check the print specs and slogans
(wardpub.media.printkit.specs), resolve every item and the study session
(…items, …deck), then lay out each document not yet in the cache and turn
what does not fit into one line naming file, field and format. A document
already drawn fitted when it was drawn (its key covers everything it
depends on), so a build with nothing changed lays out nothing.
`site_files` draws what is missing and lists the files for the plugin.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ...problems import Problem
from ...data.registries import Registries
from ...data.ward import Ward
from .deck import meeting_items
from .items import Document, PrintItem, layout_problems, resolve_items
from .output import PrintCache, render_documents, site_files as output_files
from .specs import FOLDER, inputs, load_print_specs


@dataclass
class PrintKit:
    site_url: str
    items: list[PrintItem] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        return [document for item in self.items for document in item.documents]


def kit_folder(project_root: Path) -> Path:
    return Path(project_root) / FOLDER


def print_kit_inputs(project_root: Path) -> list[Path]:
    """Files whose change must re-run the check (validate.py's memo fingerprint)."""
    return inputs(kit_folder(project_root))


def check_print_kit(project_root: Path, ward: Optional[Ward], registries: Registries, share_kit, results,
                    site_url: Optional[str], cache: Optional[PrintCache] = None) -> tuple[Optional[PrintKit], list[Problem]]:
    folder = kit_folder(project_root)
    if not folder.is_dir() or ward is None or registries.problems or share_kit is None:
        return None, []
    if ward.colours_cmyk is None:
        return None, [Problem("mkdocs.yml", "extra.ward.colours_cmyk", "thiếu màu thương hiệu cho bản in (CMYK)",
                              "thêm colours_cmyk: primary, primary_dark, accent, text, link, mỗi màu [C, M, Y, K]")]
    infographics = share_kit.kit.specs
    specs, problems = load_print_specs(folder, registries, infographics)
    if problems:
        return None, problems
    url = site_url or "https://example.invalid/"
    items = resolve_items(specs, infographics, ward, registries, url, share_kit.kit.files)
    charts = results.charts if results is not None else None
    meetings, more = meeting_items(folder, specs.templates, infographics, charts, ward, registries, url,
                                   Path(project_root) / "docs")
    if more:
        return None, more
    kit = PrintKit(url, items + meetings)
    if site_url:  # the site address and QR codes are printed: fits are known only with it
        cache = cache or PrintCache()
        problems += layout_problems(kit.documents, cache.has)
    return kit, problems


_rendered: list = [None, {}]


def kit_files(kit: PrintKit, cache: Optional[PrintCache] = None, author: str = "") -> dict[str, Path]:
    """Site path -> file for every document and the manifest, drawing what the cache lacks (once per kit)."""
    if _rendered[0] is not kit:
        cache = cache or PrintCache()
        render_documents(kit.documents, cache, author)
        _rendered[:] = [kit, output_files(kit.items, kit.site_url, cache)]
    return _rendered[1]


def site_files(project) -> list[tuple[str, Path]]:
    """(site path, file on disk) of every print file and the manifest, for the plugin's on_files."""
    kit = getattr(project, "printkit", None)
    if kit is None:
        return []
    return list(kit_files(kit, author=project.ward.committee["vi"]).items())
