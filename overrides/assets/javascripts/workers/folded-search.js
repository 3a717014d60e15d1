/*
 * Search worker for Material's search box (same messages as Material's own
 * worker: SETUP 0, READY 1, QUERY 2, RESULT 3).
 *
 * Why our own: Material's index neither folds Vietnamese diacritics nor
 * splits punctuation, and it is downloaded whole on every first visit. This
 * worker folds the query exactly as scripts/wardpub/text.py folds the pages
 * ("phuong" finds "phường", NFD input finds NFC text) and fetches only the
 * index shards a query needs, on the first keystroke.
 *
 * Index layout (written by scripts/wardpub/search_index.py), per language:
 *   search/<lang>/meta.json, search/<lang>/terms/<key>.json, search/<lang>/docs/<n>.json
 */
"use strict";

const MARKS = /\p{Mn}/gu;
const TOKEN = /[\p{L}\p{N}]+/gu;
// Pages listed per query: each needs its excerpts fetched, so keep it to what a reader scans.
const MAX_GROUPS = 20;
// A prefix shorter than this matches most of the index ("ph…"), so it matches whole words only.
const MIN_PREFIX = 3;

/** Lower-case, without diacritics; đ becomes d. Mirrors wardpub.text.fold. */
function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/đ/g, "d").replace(MARKS, "").normalize("NFC");
}

/** Folded tokens: runs of letters and digits. Mirrors wardpub.text.tokens. */
function tokens(text) {
  return fold(text).match(TOKEN) || [];
}

/** Shard holding a token. Mirrors wardpub.search_index.shard_key. */
function shardKey(token) {
  return Array.from(token).slice(0, 2).join("").replace(/[^a-z0-9]/g, "_");
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Wrap the words of text that match a query term in <mark>, escaping the rest. */
function highlight(text, terms, prefixTerm) {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const folded = fold(match[0]);
    const hit = terms.has(folded) || (prefixTerm && folded.startsWith(prefixTerm));
    if (!hit) continue;
    out += escapeHtml(text.slice(last, match.index)) + "<mark>" + escapeHtml(match[0]) + "</mark>";
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * Parse a query: its folded terms (each labelled with the word as typed), and
 * the last term when it is still being typed, which then matches as a prefix.
 */
function parseQuery(query) {
  const normalized = query.normalize("NFC");
  const labels = new Map();
  for (const word of normalized.match(TOKEN) || []) {
    const term = fold(word);
    if (!labels.has(term)) labels.set(term, word);
  }
  const terms = [...labels.keys()];
  const last = terms[terms.length - 1];
  const typing = last !== undefined && last.length >= MIN_PREFIX && !/[^\p{L}\p{N}]$/u.test(normalized);
  return { terms, labels, prefix: typing ? last : null };
}

/**
 * Rank documents for parsed query q, given loaded shards and doc count.
 * Returns [{id, score, matched: Set<term>}] best first, all terms required
 * when any document has them all.
 */
function rank(q, shards, documentCount) {
  const found = new Map();
  for (const term of q.terms) {
    const shard = shards.get(shardKey(term)) || {};
    const keys = term === q.prefix ? Object.keys(shard).filter((k) => k.startsWith(term)) : (term in shard ? [term] : []);
    for (const key of keys) {
      const postings = shard[key];
      const frequency = postings.length / 2;
      const idf = Math.log(1 + documentCount / frequency);
      const exact = key === term ? 1 : 0.7;
      let id = 0;
      for (let i = 0; i < postings.length; i += 2) {
        id += postings[i];
        const entry = found.get(id) || { id, score: 0, matched: new Set() };
        entry.score += postings[i + 1] * idf * exact;
        entry.matched.add(term);
        found.set(id, entry);
      }
    }
  }
  const entries = [...found.values()];
  const best = entries.reduce((max, e) => Math.max(max, e.matched.size), 0);
  return entries
    .filter((e) => e.matched.size === best)
    .sort((a, b) => b.score - a.score || a.id - b.id);
}

/** Expand delta-encoded page start ids (meta.pages) to a sorted array. */
function pageStarts(deltas) {
  let id = 0;
  return deltas.map((delta) => (id += delta));
}

/** The page a document belongs to: index of the last start <= id. */
function pageOf(id, starts) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= id) low = middle; else high = middle - 1;
  }
  return low;
}

/**
 * Group ranked documents by page, as Material's result list expects. A page
 * ranks by its best section plus a share of its other matching sections, so a
 * page about the query beats one that mentions it once.
 */
function groupByPage(ranked, starts) {
  const groups = new Map();
  for (const entry of ranked) {
    const page = pageOf(entry.id, starts);
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(entry);
  }
  const weight = (group) => group[0].score + 0.3 * group.slice(1).reduce((sum, e) => sum + e.score, 0);
  return [...groups.values()]
    .map((group) => [weight(group), group])
    .sort((a, b) => b[0] - a[0] || a[1][0].id - b[1][0].id)
    .slice(0, MAX_GROUPS)
    .map(([, group]) => group);
}

function toItem(entry, documents, q) {
  const [location, title, text] = documents.get(entry.id);
  const matched = new Set(q.terms.filter((t) => entry.matched.has(t) && t !== q.prefix));
  const terms = {};
  for (const term of q.terms) terms[q.labels.get(term)] = entry.matched.has(term);
  return {
    location,
    title: highlight(title, matched, entry.matched.has(q.prefix) ? q.prefix : null),
    text: highlight(text, matched, entry.matched.has(q.prefix) ? q.prefix : null),
    score: entry.score,
    terms,
  };
}

/* ── worker plumbing (not run under Node, where the functions above are tested) ── */

if (typeof self !== "undefined" && typeof module === "undefined") {
  const language = new URL(self.location.href).searchParams.get("lang") || "vi";
  const base = new URL(`../../../search/${language}/`, self.location.href);
  const cache = new Map();
  let starts = null;
  let latest = 0;

  const load = (path) => {
    if (!cache.has(path)) {
      cache.set(path, fetch(new URL(path, base)).then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${path}`);
        return response.json();
      }));
    }
    return cache.get(path);
  };

  async function search(query, ticket) {
    const q = parseQuery(query);
    if (!q.terms.length) return { items: [] };
    const meta = await load("meta.json");
    const available = new Set(meta.shards);
    const keys = [...new Set(q.terms.map(shardKey))].filter((k) => available.has(k));
    const shards = new Map(await Promise.all(keys.map(async (k) => [k, await load(`terms/${k}.json`)])));
    if (ticket !== latest) return null; // the reader typed on: skip fetching excerpts for a stale query
    starts ||= pageStarts(meta.pages);
    const groups = groupByPage(rank(q, shards, meta.documents), starts);
    // Only the documents shown are fetched: a few chunks, whatever the site's size.
    const chunks = [...new Set(groups.flat().map((e) => Math.floor(e.id / meta.chunk)))];
    const documents = new Map();
    await Promise.all(chunks.map(async (n) => {
      const rows = await load(`docs/${n}.json`);
      rows.forEach((row, i) => documents.set(n * meta.chunk + i, row));
    }));
    return { items: groups.map((group) => group.map((entry) => toItem(entry, documents, q))) };
  }


  self.addEventListener("message", async (event) => {
    const message = event.data;
    // Material 9 sends the query as a string; mkdocs-materialx 10 sends {query} with an `id`
    // that its reply must carry (see the README, "Material's end of life").
    const reply = (answer) => self.postMessage("id" in message ? { id: message.id, ...answer } : answer);
    if (message.type === 0) {
      reply({ type: 1 });
    } else if (message.type === 2) {
      const ticket = ++latest;
      const query = typeof message.data === "string" ? message.data : message.data?.query ?? "";
      let result;
      try {
        result = await search(query, ticket);
      } catch (error) {
        // Offline or a missing shard: show no results rather than a stale list.
        cache.clear();
        result = { items: [] };
      }
      if (ticket === latest && result) reply({ type: 3, data: result });
    }
  });
}

if (typeof module !== "undefined") {
  module.exports = { fold, tokens, shardKey, highlight, parseQuery, rank, pageStarts, pageOf, groupByPage, toItem };
}
