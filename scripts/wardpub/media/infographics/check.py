"""The infographics' part of `wardpub.project.check_project`.

Owns `check_share_kit`: load and check every template and spec
(wardpub.media.infographics.specs), resolve every image (…resolve), then lay out
each image that is not in the cache yet (…render.plan, which draws nothing)
and turn what does not fit into one line per field:

    infographics/x.yml: title.vi: không vừa khung ở khổ 1200x630 (tràn 46 px
    theo chiều cao ở cỡ chữ nhỏ nhất 40 px). Sửa: rút gọn khoảng 12 ký tự

An image already in the cache fitted when it was rendered (its key covers
everything it depends on), so a run with nothing changed lays out nothing.
The site address is drawn on every image, so fits are checked when the
caller passes site_url (the build, the plugin, `wardpub validate` and
`wardpub infographics` all do); without it only the files are checked.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Optional

from ...data.pages import page_key
from ...problems import Problem
from ...data.registries import Registries
from ...data.ward import Ward
from .output import ImageCache
from .render import LayoutProblem, plan
from .resolve import Job, ShareKit, resolve_kit
from .specs import kit_inputs, load_kit

FOLDER = "infographics"


def kit_folder(project_root: Path) -> Path:
    return Path(project_root) / FOLDER


def watched_folders(config_file: str | Path) -> list[Path]:
    """Folders `mkdocs serve` should watch besides docs/: the project's infographics, if any."""
    folder = kit_folder(Path(config_file).parent)
    return [folder] if folder.is_dir() else []


def share_kit_inputs(project_root: Path) -> list[Path]:
    """Files whose change must re-run the check (validate.py's memo fingerprint)."""
    return kit_inputs(kit_folder(project_root))


def check_share_kit(project_root: Path, ward: Optional[Ward], registries: Registries, pages: dict,
                    site_url: Optional[str], cache: Optional[ImageCache] = None) -> tuple[Optional[ShareKit], list[Problem]]:
    folder = kit_folder(project_root)
    if not folder.is_dir() or ward is None or registries.problems:
        return None, []
    kit, problems = load_kit(folder, registries)
    present = {page_key(rel) for rel in pages}
    for spec_id, spec in kit.specs.items():
        page = registries.categories[spec.category].page
        if page not in present:
            problems.append(Problem(kit.files[spec_id], "category", f"trang {page} của nội dung này không có trong docs/",
                                    "tạo trang hoặc sửa page: trong docs/_data/categories.yml"))
    share_kit = resolve_kit(kit, ward, registries, site_url or "https://example.invalid/")
    if site_url:  # the site address is drawn on every image: fits are known only with it
        problems += layout_problems(share_kit.jobs, cache or ImageCache())
    return share_kit, problems


def layout_problems(jobs: list[Job], cache: ImageCache) -> list[Problem]:
    """Lay out every image not yet rendered; one Problem per field that does not fit, naming its formats."""
    found: dict[tuple[str, str, str], list[tuple[str, LayoutProblem]]] = {}
    for job in jobs:
        if cache.has(job):
            continue
        _, problems = plan(job.data)
        for problem in problems:
            found.setdefault((job.file, problem.field, problem.kind), []).append((job.format, problem))
    lines = []
    for (file, where, kind), hits in found.items():
        lines.append(as_problem(file, where, kind, hits))
    return lines


def as_problem(file: str, where: str, kind: str, hits: list[tuple[str, LayoutProblem]]) -> Problem:
    first = hits[0][1]
    if where == "(mẫu)":
        where = "(chữ của mẫu)"
    if kind == "glyph":
        return Problem(file, where, f"phông chữ không có ký tự {first.detail}",
                       "thay bằng ký tự khác (ví dụ “→” bằng “-”, “✓” bằng chữ) hoặc xóa")
    formats = sorted({fmt for fmt, _ in hits}, key=lambda f: [fmt for fmt, _ in hits].index(f))
    if kind == "qr":
        return Problem(file, where, f"mã QR của địa chỉ trang quá dày cho khung ở khổ {', '.join(formats)} "
                                    f"(mỗi ô {first.detail} px, cần tối thiểu 3 px)", "rút ngắn id của infographic hoặc site_url")
    worst: dict[str, LayoutProblem] = {}
    for fmt, problem in hits:
        if fmt not in worst or problem.excess > worst[fmt].excess:
            worst[fmt] = problem
    axis = "chiều cao" if first.axis == "height" else "chiều ngang"
    detail = ", ".join(f"{fmt} (tràn {worst[fmt].excess} px)" for fmt in formats)
    biggest = max(worst.values(), key=lambda p: p.excess)
    message = (f"không vừa khung ở khổ {detail} theo {axis}, ở cỡ chữ nhỏ nhất {biggest.size} px"
               if len(formats) > 1 else
               f"không vừa khung ở khổ {formats[0]} (tràn {biggest.excess} px theo {axis} ở cỡ chữ nhỏ nhất {biggest.size} px)")
    return Problem(file, where, message, f"rút gọn khoảng {characters_to_cut(biggest)} ký tự")


def characters_to_cut(problem: LayoutProblem) -> int:
    """A rough count: text scales with the area it needs, so cut the share that overflows (at least one)."""
    if problem.room <= 0:
        return max(1, math.ceil(problem.length * 0.2))
    share = problem.excess / (problem.room + problem.excess)
    return max(1, math.ceil(problem.length * share))
