"""wardpub.site.search_index: the folded, sharded index, and the worker that reads it."""

import json
import subprocess
import unicodedata

import pytest

from wardpub import DOCS_DIR, PROJECT_ROOT
from wardpub.tools.baseline import build_material_baseline, tree_bytes
from wardpub.site.search_index import Document, build_index, excerpt, page_starts, plain_text, shard_key

WORKER = PROJECT_ROOT / "overrides/assets/javascripts/workers/folded-search.js"

DOCS = [
    Document("a/", "Phường học tập", "Xây dựng xã hội học tập ở phường."),
    Document("a/#muc-tieu", "Mục tiêu", "Giáo dục, đào tạo: mục tiêu đến năm 2030."),
    Document("b/", "Ngân sách", "Chi ít nhất 20% ngân sách cho giáo dục."),
]


def test_index_files_are_sharded_by_folded_prefix():
    files = build_index(DOCS, "vi")
    assert set(files) >= {"search/vi/meta.json", "search/vi/terms/ph.json", "search/vi/docs/0.json"}
    phuong = json.loads(files["search/vi/terms/ph.json"])["phuong"]
    assert phuong == [0, 1 + 20]  # document 0: once in the text, and in the title
    assert json.loads(files["search/vi/terms/a.json"])["a"] == [0, 10]  # page address a/
    meta = json.loads(files["search/vi/meta.json"])
    assert meta["documents"] == 3 and meta["pages"] == [0, 2]


def test_index_is_deterministic():
    assert build_index(DOCS, "vi") == build_index(list(DOCS), "vi")


def test_helpers():
    assert shard_key("phuong") == "ph" and shard_key("z") == "z" and shard_key("中文") == "__"
    assert page_starts(DOCS) == [0, 2]
    assert plain_text("<p>Giáo&nbsp;dục <b>đào</b>\n tạo</p>") == "Giáo dục đào tạo"
    assert excerpt("một hai ba bốn", limit=9) == "một hai…"


def run_worker(site, language, queries):
    """Rank queries with the worker's own functions against a built index on disk."""
    script = f"""
const w = require({json.dumps(str(WORKER))});
const fs = require('fs'); const path = require('path');
const base = path.join({json.dumps(str(site))}, 'search', {json.dumps(language)});
const meta = JSON.parse(fs.readFileSync(path.join(base, 'meta.json')));
const read = (p) => JSON.parse(fs.readFileSync(path.join(base, p)));
const out = JSON.parse(fs.readFileSync(0, 'utf8')).map((query) => {{
  const q = w.parseQuery(query);
  const shards = new Map(q.terms.map(w.shardKey).filter((k) => meta.shards.includes(k)).map((k) => [k, read('terms/' + k + '.json')]));
  const groups = w.groupByPage(w.rank(q, shards, meta.documents), w.pageStarts(meta.pages));
  const docs = new Map();
  for (const e of groups.flat()) {{ const n = Math.floor(e.id / meta.chunk); read('docs/' + n + '.json').forEach((r, i) => docs.set(n * meta.chunk + i, r)); }}
  return groups.map((g) => g.map((e) => w.toItem(e, docs, q)));
}});
process.stdout.write(JSON.stringify(out));
"""
    result = subprocess.run(["node", "-e", script], input=json.dumps(queries), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def page_text(site, location):
    path = site / location.split("#")[0] / "index.html"
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("query, word", [
    ("phuong", "phường"),
    ("giao duc dao tao", "giáo dục"),
    (unicodedata.normalize("NFD", "Bình dân học vụ số"), "Bình dân học vụ số"),
    ("71-NQ/TW.", "71-NQ/TW"),
    ("phu", "phường"),
])
def test_vietnamese_queries_find_pages_as_people_type_them(site, query, word):
    [groups] = run_worker(site, "vi", [query])
    assert groups, f"no result for {query!r}"
    best = groups[0][0]
    assert word.lower() in page_text(site, best["location"]).lower()
    assert "<mark>" in best["title"] + best["text"] or len(groups) > 0
    assert all(all(item["terms"].values()) for group in groups for item in group), "every result has every term"


def test_english_index_is_separate(site):
    [groups] = run_worker(site, "en", ["education"])
    assert groups and all(g[0]["location"].startswith("en/") for g in groups)


def test_query_without_match_returns_nothing(site):
    assert run_worker(site, "vi", ["xyzzyqq"]) == [[]]


def test_index_no_larger_than_one_and_a_half_materials(site, tmp_path):
    ours = tree_bytes(site / "search") - (site / "search" / "search_index.json").stat().st_size
    material = build_material_baseline(DOCS_DIR, tmp_path / "baseline")
    theirs = (material / "search" / "search_index.json").stat().st_size
    assert ours <= 1.5 * theirs, f"index {ours} bytes vs Material's {theirs}"


def test_material_index_keeps_only_its_settings(site):
    data = json.loads((site / "search" / "search_index.json").read_text())
    assert data["docs"] == [] and "config" in data
