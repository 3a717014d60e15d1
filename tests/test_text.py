"""wardpub.text, and the search worker's JavaScript copy of the same rules."""

import json
import subprocess
import unicodedata

import pytest

from wardpub import PROJECT_ROOT
from wardpub.text import fold, heading_slug, is_nfc, nfc, slug, tokens

WORKER = PROJECT_ROOT / "overrides/assets/javascripts/workers/folded-search.js"

CASES = [
    "Phường Đông Hòa",
    "giáo dục đào tạo",
    "GIÁO DỤC ĐÀO TẠO",
    unicodedata.normalize("NFD", "Nghị quyết số 71-NQ/TW ngày 22/8/2025"),
    "“Bình dân học vụ số”, chuyển đổi số.",
    "Ỗ Ệ Ữ ỹ ợ ẫ",
    "https://binhdanhocvuso.gov.vn/",
    "580.133 tỷ đồng; 1,2 triệu",
    "education_and training",
]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đà Nẵng", "da-nang"),
        ("Nghị quyết 71-NQ/TW: đột phá", "nghi-quyet-71-nq-tw-dot-pha"),
        (unicodedata.normalize("NFD", "Điểm mới"), "diem-moi"),
        ("Mục tiêu đến năm 2030", "muc-tieu-den-nam-2030"),
    ],
)
def test_slug_is_ascii_with_d_for_dj(text, expected):
    assert slug(text) == expected


def test_heading_slug_never_empty():
    assert heading_slug("“…”", "-") == "muc"


def test_fold_meets_what_people_type():
    assert fold("Phường") == "phuong"
    assert fold(unicodedata.normalize("NFD", "Phường")) == "phuong"
    assert tokens("giáo dục, đào tạo.") == ["giao", "duc", "dao", "tao"]
    assert tokens("71-NQ/TW") == ["71", "nq", "tw"]


def test_nfc_helpers():
    decomposed = unicodedata.normalize("NFD", "Việt")
    assert not is_nfc(decomposed)
    assert is_nfc(nfc(decomposed))


def test_worker_folds_and_tokenises_like_python():
    script = (
        f"const w = require({json.dumps(str(WORKER))});"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map((c) => [w.fold(c), w.tokens(c)])));"
    )
    out = subprocess.run(["node", "-e", script], input=json.dumps(CASES), capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [[fold(c), tokens(c)] for c in CASES]
