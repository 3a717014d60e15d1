"""The web editor (Decap CMS at /admin/) against its local backend, in Chromium.

One copy of the project (a git repository), built with the local backend
switched on, served as the site; one decap-server in its git mode, which
keeps GitHub's editorial workflow: a save is a branch, the status a label,
publishing a merge into main. A staff member's path: an article with a
Vietnamese title, a cover picture and its description in both languages,
saved, sent for review, marked ready by the approver, published; the files
land where `make article` puts them and pass `wardpub validate`; the next
build shows the article on both front pages and in both feeds. Editing keeps
keys the editor has no field for; a missing required field stops the save;
nothing is requested outside the site and the local backend.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from wardpub import PROJECT_ROOT
from wardpub.data.articles import ARTICLE_PATH, ArticleMeta, today
from wardpub.tools.browser import PageRecorder
from wardpub.site.cms import LOCAL_BACKEND_ENV, node_modules
from wardpub.data.datafiles import load_yaml
from wardpub.tools.devserver import serve_site
from wardpub.data.pages import read_markdown
from wardpub.site.publish import build_site
from wardpub.site.serving import free_port
from wardpub.data.registries import load_registries

TITLE = "Đảng ủy phường quán triệt Nghị quyết 71 cho đảng viên"
SLUG = "dang-uy-phuong-quan-triet-nghi-quyet-71-cho-dang-vien"
TITLE_EN = "Ward Party Committee briefs members on Resolution 71"
EXISTING = "docs/tin-tuc/2025/phat-dong-phong-trao-binh-dan-hoc-vu-so.vi.md"
IGNORED = shutil.ignore_patterns("site", ".venv", "node_modules", ".cache", ".git", "tests", "__pycache__", "*.egg-info")


AUTHOR = {"GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "bientap@example.gov.vn",
          "GIT_COMMITTER_NAME": "Biên tập viên", "GIT_COMMITTER_EMAIL": "bientap@example.gov.vn"}


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, text=True,
                          env=dict(os.environ, **AUTHOR)).stdout


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """(project copy, base URL of its built site, local backend URL), decap-server running."""
    project = tmp_path_factory.mktemp("cms") / "project"
    shutil.copytree(PROJECT_ROOT, project, ignore=IGNORED)
    port = free_port()
    backend = f"http://127.0.0.1:{port}/api/v1"
    os.environ[LOCAL_BACKEND_ENV] = backend
    try:
        build_site(project / "site", project / "mkdocs.yml")
    finally:
        del os.environ[LOCAL_BACKEND_ENV]
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Trang web của phường")
    env = dict(os.environ, PORT=str(port), BIND_HOST="127.0.0.1", MODE="git", GIT_REPO_DIRECTORY=str(project), LOG_LEVEL="warn", **AUTHOR)
    server = subprocess.Popen(["node", str(node_modules(project / "mkdocs.yml") / "decap-server/dist/index.js")], env=env)
    try:
        for _ in range(200):
            with socket.socket() as attempt:
                if attempt.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert server.poll() is None, "decap-server stopped"
            time.sleep(0.05)
        with serve_site(project / "site", "/nq71/") as url:
            yield project, url, backend
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def cms(browser, editor):
    """The editor, logged in to the local backend, with every request recorded."""
    project, url, backend = editor
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "Công bố mục này?"
    recorder = PageRecorder(page)
    page.goto(url + "admin/", wait_until="networkidle")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Bộ sưu tập").wait_for()
    yield page, project, url
    allowed = {urlsplit(url)[:2], urlsplit(backend)[:2]}
    leaving = [u for u in recorder.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u)[:2] not in allowed]
    assert leaving == [], f"requests left the site: {leaving}"
    context.close()


def _field(page, name: str, pane: int = 0):
    """The input of a field; pane 0 is Vietnamese, 1 is English."""
    return page.locator(f"[id^='{name}-field-']").nth(pane)


def _save(page) -> None:
    page.get_by_role("button", name="Lưu").click()


def _settled(project: Path, limit: float = 30) -> None:
    """Wait until the local backend has finished its git work (no lock, nothing left uncommitted): it
    answers the browser before its last merge is done, and a busy machine showed the gap."""
    deadline = time.monotonic() + limit
    while (project / ".git" / "index.lock").exists() or git(project, "status", "--porcelain", "--untracked-files=no"):
        assert time.monotonic() < deadline, "the editor's backend left git busy or the tree changed"
        time.sleep(0.2)


def _commit(project: Path, message: str, limit: float = 30) -> None:
    """Commit the test's own change to main, as a colleague would with git, once the local backend
    is not in the middle of its own git work (it briefly checks out its branches to read them)."""
    deadline = time.monotonic() + limit
    while True:
        busy = (project / ".git" / "index.lock").exists() or git(project, "branch", "--show-current").strip() != "main"
        if not busy:
            try:
                git(project, "commit", "-q", "-am", message)
                return
            except subprocess.CalledProcessError:
                pass  # the backend took the index between our look and our commit
        assert time.monotonic() < deadline, f"could not commit “{message}”: the editor's backend kept git busy"
        time.sleep(0.2)


def _approve_and_publish(page) -> None:
    """The writer sends the saved entry for review; the approver marks it ready and publishes it."""
    page.get_by_text("Mục đã được lưu", exact=True).wait_for()
    for current, new in (("Bản nháp", "Đang xét duyệt"), ("Đang xét duyệt", "Sẵn sàng")):
        page.get_by_text(f"Trạng thái: {current}").click()
        page.get_by_role("menuitem", name=new).click()
        page.get_by_text(f"Trạng thái: {new}").wait_for()
    page.get_by_text("Công bố", exact=True).click()
    page.get_by_text("Công bố ngay").click()
    page.get_by_text("Mục đã được công bố", exact=True).wait_for()


def test_interface_is_vietnamese_and_reads_the_data_tables(cms):
    page, project, url = cms
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow"
    assert page.get_by_text("Tin tức").first.is_visible()
    assert page.get_by_text("Báo cáo của đơn vị").is_visible()
    # sources.yml is a table keyed by number: the editor's format shows it as a list of every source.
    page.goto(url + "admin/#/collections/du-lieu/entries/nguon")
    page.get_by_text(f"{len(load_registries(project / 'docs/_data').sources)} nguồn", exact=True).wait_for()
    # The campaign calendar is a list at its top: its entries show, dates the Vietnamese way.
    # (Loaded afresh: a hash change from one file entry to another keeps Decap's previous draft.)
    page.goto(url + "admin/#/collections/lich/entries/lich-dang-bai")
    page.reload()
    entries = load_yaml(project / "docs/_data/lich-dang-bai.yml")[0]
    for entry in (entries[0], entries[-1]):
        year, month, day = entry["date"].split("-")
        page.get_by_text(f"{int(day)}/{int(month)}/{year} {entry.get('time', '')}: {entry['item']}", exact=True).wait_for()
    # The quiz bank: a file of questions per content point, each file a list.
    page.goto(url + "admin/#/collections/cau-hoi/entries/muc-tieu-quan-diem")
    page.reload()
    questions = load_yaml(project / "docs/_data/quiz/questions/muc-tieu-quan-diem.yml")[0]
    page.get_by_text(questions[0]["question"]["vi"], exact=True).first.wait_for()


def test_article_without_required_field_is_not_saved(cms):
    page, project, url = cms
    page.goto(url + "admin/#/collections/tin-tuc/new")
    _field(page, "title").fill("Bài thiếu tóm tắt và chủ đề")
    _save(page)
    page.get_by_text("Tóm tắt bắt buộc nhập.").wait_for()
    assert not list((project / "docs/tin-tuc").rglob("bai-thieu-tom-tat*"))


def test_editing_keeps_keys_the_editor_does_not_know(cms):
    page, project, url = cms
    path = project / EXISTING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("draft: false\n", "draft: false\nghi_chu_noi_bo: giữ nguyên khi sửa\n", 1), encoding="utf-8")
    _commit(project, "Một khóa trình biên tập không biết")
    page.goto(url + "admin/#/collections/tin-tuc/entries/2025/phat-dong-phong-trao-binh-dan-hoc-vu-so")
    author = _field(page, "author")
    author.fill("Văn phòng Đảng ủy phường")
    _save(page)
    _approve_and_publish(page)
    _settled(project)
    edited = read_markdown(path)
    path.write_text(text, encoding="utf-8")  # the unknown key would fail validation below
    _commit(project, "Bỏ khóa thử")
    assert edited.meta["author"] == "Văn phòng Đảng ủy phường"
    assert edited.meta["ghi_chu_noi_bo"] == "giữ nguyên khi sửa"
    assert edited.meta["date"] == "2025-03-26" and edited.meta["tags"] == read_markdown(path).meta["tags"]
    assert edited.body.strip() == read_markdown(path).body.strip()


def test_new_article_with_cover_is_published_in_both_languages(cms, tmp_path):
    page, project, url = cms
    picture = tmp_path / "hoi-nghi.jpg"
    Image.new("RGB", (800, 450), (165, 14, 20)).save(picture, quality=80)
    page.goto(url + "admin/#/collections/tin-tuc/new")
    _field(page, "title").fill(TITLE)
    _field(page, "description").fill("Đảng ủy phường tổ chức hội nghị quán triệt Nghị quyết 71-NQ/TW về đột phá "
                                     "phát triển giáo dục và đào tạo cho cán bộ, đảng viên.")
    _field(page, "category").click()
    page.get_by_text("Hoạt động của phường", exact=True).click()
    bodies = page.locator("[contenteditable=true]")
    bodies.nth(0).click()
    page.keyboard.type("Sáng 20/11/2026, Đảng ủy phường quán triệt Nghị quyết 71 về giáo dục [src:6].")
    _field(page, "title", 1).fill(TITLE_EN)
    _field(page, "description", 1).fill("The ward Party Committee held a briefing on Resolution 71-NQ/TW on "
                                        "breakthroughs in education and training for cadres and Party members.")
    bodies.nth(1).click()
    page.keyboard.type("On 20 November 2026 the ward Party Committee briefed members on Resolution 71 [src:6].")
    page.get_by_text("Chọn một hình").first.click()
    page.locator("input[type=file]").set_input_files(picture)
    page.get_by_text("Lấy những cái đã chọn").click()
    page.get_by_text("Lấy những cái đã chọn").wait_for(state="hidden")  # the media library has closed
    # Without a description of the picture, nothing is saved, and the message says what to do.
    _save(page)
    page.get_by_text("Ảnh bìa chưa có lời mô tả").wait_for()
    _field(page, "cover_alt").fill("Đảng viên dự hội nghị quán triệt Nghị quyết 71 tại hội trường phường")
    _field(page, "cover_alt", 1).fill("Party members at the Resolution 71 briefing in the ward hall")
    _save(page)
    page.get_by_text("Mục đã được lưu", exact=True).wait_for()
    folder = project / "docs/tin-tuc" / str(today().year)
    vi, en = folder / f"{SLUG}.vi.md", folder / f"{SLUG}.en.md"
    # Saved on its own branch: nothing reaches main before someone approves it. (Asked of git, not of
    # the working tree, which decap-server switches to that branch for a moment whenever it reads it.)
    assert f"cms/tin-tuc/{today().year}/{SLUG}" in git(project, "branch")
    assert SLUG not in git(project, "ls-tree", "-r", "--name-only", "main", "docs/tin-tuc")
    _approve_and_publish(page)
    _settled(project)

    assert git(project, "branch", "--show-current").strip() == "main"
    assert git(project, "status", "--porcelain").strip() == ""  # everything committed
    rel = vi.relative_to(project / "docs").as_posix()
    assert ARTICLE_PATH.match(rel), rel
    for path, title in ((vi, TITLE), (en, TITLE_EN)):
        source = read_markdown(path)
        assert source.problems == []  # UTF-8, NFC, front matter that parses
        meta = ArticleMeta.model_validate(source.meta)  # every key known, every type right
        assert (meta.title, meta.date, meta.category, meta.cover, meta.draft) == (title, today(), "hoat-dong-cua-phuong", "hoi-nghi.jpg", False)
        assert "[src:6]" in source.body and "\\[" not in source.body

    checked = subprocess.run([str(PROJECT_ROOT / ".venv/bin/wardpub"), "validate", "--config", str(project / "mkdocs.yml")],
                             capture_output=True, text=True, cwd=project)
    assert checked.returncode == 0, checked.stderr
    site = build_site(project / "published", project / "mkdocs.yml")
    assert TITLE in (site / "index.html").read_text(encoding="utf-8")
    assert TITLE_EN in (site / "en/index.html").read_text(encoding="utf-8")
    assert TITLE in (site / "feed.xml").read_text(encoding="utf-8")
    assert TITLE_EN in (site / "en/feed.xml").read_text(encoding="utf-8")
    assert (site / f"tin-tuc/{today().year}/hoi-nghi.jpg").is_file()  # the cover, beside the article as make article puts it
