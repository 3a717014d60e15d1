"""The pre-commit hook runs the same validation as the build."""

import shutil
import subprocess

import yaml

from sites import article, minimal_pages
from wardpub import PROJECT_ROOT

BIN = PROJECT_ROOT / ".venv" / "bin"


def test_hook_is_the_validate_command():
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text())
    [hook] = config["repos"][0]["hooks"]
    assert hook["entry"] == ".venv/bin/wardpub validate" and hook["pass_filenames"] is False


def test_hook_refuses_a_commit_with_a_mistake(make_site):
    root = make_site({**minimal_pages(), "docs/tin-tuc/2025/tin.vi.md": article(date="16/9/2025")}).root
    shutil.copy(PROJECT_ROOT / ".pre-commit-config.yaml", root)
    (root / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    git = lambda *args: subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    git("init", "-q")
    git("add", "docs", "mkdocs.yml", ".pre-commit-config.yaml")
    result = subprocess.run([str(BIN / "pre-commit"), "run", "--all-files"], cwd=root, capture_output=True, text=True,
                            env={"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(root), "PRE_COMMIT_HOME": str(root / ".pre-commit-cache")})
    assert result.returncode != 0
    assert "docs/tin-tuc/2025/tin.vi.md: date: “16/9/2025” không phải ngày dạng NĂM-THÁNG-NGÀY" in result.stdout + result.stderr
