"""Small infographic kits written inline by tests: the project's templates plus a few specs.

`kit_site` writes a whole small project (see sites.py) with the content page an
infographic belongs to, the project's templates and the given specs, so a test
can run `wardpub infographics` or a build on it. `spec` returns a valid spec as
a dict for a test to break one field of.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

from wardpub import PROJECT_ROOT
from wardpub.data.ward import Ward

from sites import minimal_pages, page

TEMPLATES = PROJECT_ROOT / "infographics" / "templates"
SITE_URL = "https://example.gov.vn/nq71/"

# A fixed ward, so golden images do not change when an editor fills in mkdocs.yml.
TEST_WARD = Ward.model_validate({
    "name": {"vi": "Phường [TÊN PHƯỜNG]", "en": "[WARD NAME] Ward"},
    "committee": {"vi": "Đảng ủy [TÊN PHƯỜNG]", "en": "[WARD NAME] Party Committee"},
    "publication": {"vi": "Nghị quyết 71", "en": "Resolution 71"},
    "address": {"vi": "[Địa chỉ]", "en": "[Address]"},
    "phone": "[0xx]", "email": "[x@example.gov.vn]",
    "colours": {"primary": "#a50e14", "primary_dark": "#7d0a0f", "accent": "#f2c230", "text": "#1d1d1f", "link": "#a50e14"},
})

BASE_SPEC = {
    "id": "ngan-sach",
    "category": "diem-moi-dot-pha",
    "template": "key-figure",
    "title": {"vi": "Ngân sách cho giáo dục", "en": "The education budget"},
    "figures": [
        {"value": "≥ 20%", "label": {"vi": "tổng chi ngân sách nhà nước", "en": "of total state spending"}, "sources": [6]},
    ],
    "alt": {"vi": "Tối thiểu 20% tổng chi ngân sách cho giáo dục.", "en": "At least 20% of total spending for education."},
    "caption": {"vi": "Tối thiểu 20% tổng chi ngân sách nhà nước dành cho giáo dục.", "en": "At least 20% of state spending goes to education."},
    "hashtags": {"vi": ["NghiQuyet71"], "en": ["Resolution71"]},
}


def spec(**changes) -> dict:
    """A valid spec (dict) with top-level fields replaced; a value of None removes the field."""
    data = copy.deepcopy(BASE_SPEC)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def content_pages() -> dict[str, str]:
    """The content page the test specs belong to, in both languages."""
    meta = "category: diem-moi-dot-pha\n"
    vi = page("Điểm mới", body="Nội dung.").replace("---\n\n", meta + "---\n\n", 1)
    en = page("What is new", "A page to test the system with.", "Content.").replace("---\n\n", meta + "---\n\n", 1)
    return {**minimal_pages(), "docs/nghi-quyet-71/diem-moi-dot-pha.vi.md": vi, "docs/nghi-quyet-71/diem-moi-dot-pha.en.md": en}


def kit_site(make_site, specs: dict[str, str | dict], extra: dict[str, str] | None = None):
    """A small project with the project's templates and these specs (name -> YAML text or dict)."""
    files = {**content_pages(), **(extra or {})}
    for name, data in specs.items():
        files[f"infographics/{name}.yml"] = data if isinstance(data, str) else dump(data)
    site = make_site(files)
    shutil.copytree(TEMPLATES, site.root / "infographics" / "templates", dirs_exist_ok=True)
    return site


def copy_templates(folder: Path) -> Path:
    shutil.copytree(TEMPLATES, Path(folder) / "templates", dirs_exist_ok=True)
    return Path(folder)
