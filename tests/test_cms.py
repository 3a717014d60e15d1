"""wardpub.site.cms: the web editor's configuration follows the shared tables and the site."""

import json
from pathlib import Path

import pytest
import yaml

from wardpub import PROJECT_ROOT
from wardpub.site.cms import editor_config, editor_origins, load_base, site_files
from wardpub.site.serving import editor_content_security_policy, nginx_config
from wardpub.project import check_project
from mkdocs.config import load_config

CONFIG = PROJECT_ROOT / "mkdocs.yml"


@pytest.fixture(scope="module")
def project():
    config = load_config(config_file=str(CONFIG))
    return check_project(dict(config.extra), config.docs_dir, config.site_url)


def collections(config):
    return {c["name"]: c for c in config["collections"]}


def fields(collection):
    return {f["name"]: f for f in collection["fields"]}


def test_lists_come_from_the_shared_tables(project):
    base, problems = load_base(CONFIG)
    assert problems == []
    config = editor_config(base, project, "https://example.gov.vn/nq71/")
    assert "options_from" not in yaml.safe_dump(config) and "folders_from" not in yaml.safe_dump(config)
    article = fields(collections(config)["tin-tuc"])
    assert [o["value"] for o in article["category"]["options"]] == list(project.registries.categories)
    assert [o["value"] for o in article["tags"]["options"]] == list(project.registries.tags)
    assert [o["value"] for o in article["sources"]["options"]] == sorted(project.registries.sources)
    graphic = fields(collections(config)["infographic"])
    assert {o["value"] for o in graphic["template"]["options"]} == {
        name for name, t in project.infographics.templates.items() if t.kind == "infographic"}
    assert all(project.registries.categories[o["value"]].page for o in graphic["category"]["options"])
    # Published editors go through GitHub with a second person's approval; the local backend only with make cms.
    assert config["backend"]["name"] == "github" and config["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in config
    local = editor_config(base, project, "https://example.gov.vn/nq71/", "http://127.0.0.1:8081/api/v1")
    assert local["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_every_page_is_in_a_folder_collection(project):
    base, _ = load_base(CONFIG)
    config = editor_config(base, project, "https://example.gov.vn/nq71/")
    folders = {c["folder"] for c in config["collections"] if c["name"].startswith("trang")}
    pages = {("docs/" + rel).rpartition("/")[0] for rel in project.pages if rel.endswith(".vi.md")}
    assert folders == pages and "docs/nghi-quyet-71" in folders


def test_site_files_are_self_hosted(project):
    files = dict(site_files(project, CONFIG, "https://example.gov.vn/nq71/", "Site", ["assets/stylesheets/ward.css"]))
    assert {"admin/index.html", "admin/config.yml", "admin/decap-cms.js", "admin/js-yaml.min.js", "admin/wardpub-cms.js"} <= set(files)
    assert not [uri for uri in files if uri.endswith(".map")]
    page = files["admin/index.html"].read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page and "http" not in page
    assert 'content="../assets/stylesheets/ward.css"' in page


def test_editor_policy_is_its_own(site):
    policy = editor_content_security_policy(["https://dang-nhap.example.workers.dev"])
    assert "'unsafe-eval'" in policy and "https://api.github.com https://dang-nhap.example.workers.dev" in policy
    conf = nginx_config(site, "https://example.gov.vn/nq71/", [], editor_origins=["https://dang-nhap.example.workers.dev"])
    site_policy = conf.split('default                                  "', 1)[1].split('"', 1)[0]
    assert "'unsafe-eval'" not in site_policy and policy in conf
    assert '"~^/nq71/admin/"                   "noindex, nofollow"' in conf
    assert editor_origins(CONFIG) == []  # the shipped config still names a placeholder proxy


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, dict)):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _strings(item)


def test_editor_is_in_no_sitemap_search_index_or_feed(site):
    assert (site / "admin/index.html").is_file() and (site / "admin/decap-cms.js").is_file()
    assert not (site / "en/admin").exists()  # one editor, at the root
    assert "admin/</loc>" not in (site / "sitemap-pages.xml").read_text(encoding="utf-8")
    for feed in ("feed.xml", "feed.json", "en/feed.xml", "en/feed.json"):
        assert "admin/" not in (site / feed).read_text(encoding="utf-8"), feed
    shards = [p for p in (site / "search").rglob("*.json")]
    assert shards
    for shard in shards:
        locations = [text for text in _strings(json.loads(shard.read_text(encoding="utf-8")))
                     if text.startswith(("admin/", "en/admin/"))]
        assert locations == [], shard


ROUND_TRIP = r"""
global.window = {}; global.document = {addEventListener() {}};
global.jsyaml = require(process.argv[1] + "/js-yaml");
require(process.argv[2]);
const fs = require("fs"), formats = window.wardpubCms, out = {};
for (const [format, path] of JSON.parse(fs.readFileSync(0, "utf8"))) {
  const raw = fs.readFileSync(path, "utf8");
  out[path] = formats[format].toFile(formats[format].fromFile(raw), []);
}
process.stdout.write(JSON.stringify(out));
"""


def test_editor_formats_keep_every_file_as_it_is():
    """Every article, page, spec and the sources table, read and written back by the editor's formats: same data."""
    import json
    import subprocess

    from wardpub.data.datafiles import parse_yaml
    from wardpub.data.pages import read_markdown

    files = [("frontMatter", p) for p in sorted((PROJECT_ROOT / "docs").rglob("*.md")) if "_data" not in p.parts]
    files += [("yamlRecord", p) for p in sorted((PROJECT_ROOT / "infographics").glob("*.yml"))]
    files += [("sourcesTable", PROJECT_ROOT / "docs/_data/sources.yml"), ("topList", PROJECT_ROOT / "docs/_data/lich-dang-bai.yml")]
    files += [("topList", p) for p in sorted((PROJECT_ROOT / "docs/_data/quiz/questions").glob("*.yml"))]
    result = subprocess.run(["node", "-e", ROUND_TRIP, str(PROJECT_ROOT / "node_modules"), str(PROJECT_ROOT / "cms/wardpub-cms.js")],
                            input=json.dumps([(f, str(p)) for f, p in files]), capture_output=True, text=True, check=True)
    written = json.loads(result.stdout)
    assert len(written) == len(files) > 60
    for format, path in files:
        text = written[str(path)]
        if format == "frontMatter":
            before, after = read_markdown(path), path.with_name("x" + path.name)
            after.write_text(text, encoding="utf-8")
            try:
                again = read_markdown(after)
            finally:
                after.unlink()
            assert (again.meta, again.body.strip()) == (before.meta, before.body.strip()), path
        else:
            assert parse_yaml(text, "x")[0] == parse_yaml(path.read_text(encoding="utf-8"), "x")[0], path
            assert '"19:30"' in text or "19:30" not in path.read_text(encoding="utf-8")  # clock times stay quoted
    assert written[str(PROJECT_ROOT / "docs/_data/sources.yml")].startswith("# Sources of every figure")  # its comments kept


def test_editor_writes_nfc_whatever_the_browser_gives():
    """Text typed or pasted in decomposed form (from a PDF) is stored as NFC; dates keep their ISO form."""
    import json
    import subprocess
    import unicodedata

    script = r"""
    global.window = {}; global.document = {addEventListener() {}};
    global.jsyaml = require(process.argv[1] + "/js-yaml");
    require(process.argv[2]);
    const data = JSON.parse(require("fs").readFileSync(0, "utf8"));
    process.stdout.write(window.wardpubCms.frontMatter.toFile(data, ["title", "date", "tags", "body"]));
    """
    title = unicodedata.normalize("NFD", "Phường học tập Nghị quyết")
    data = {"title": title, "date": "2026-11-20", "tags": [], "cover": "", "body": unicodedata.normalize("NFD", "Đảng viên [src:6].")}
    out = subprocess.run(["node", "-e", script, str(PROJECT_ROOT / "node_modules"), str(PROJECT_ROOT / "cms/wardpub-cms.js")],
                         input=json.dumps(data), capture_output=True, text=True, check=True).stdout
    assert out == "---\ntitle: Phường học tập Nghị quyết\ndate: 2026-11-20\ntags: []\n---\n\nĐảng viên [src:6].\n"
    assert unicodedata.is_normalized("NFC", out) and not unicodedata.is_normalized("NFC", title)
