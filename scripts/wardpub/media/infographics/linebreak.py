"""Where Vietnamese (and English) text on an image may break across lines.

Owns the rules, applied by wardpub.media.infographics.layout when it wraps text:

- never inside a word of several syllables or a name: "Nghị quyết",
  "giáo dục", "Bộ Chính trị", "Tô Lâm", "phổ thông", "châu Á", "Dân trí".
  Words come from a Vietnamese word segmenter, plus the project's held list
  of names and terms (data/line-breaking.yml, `terms`), matched in any case;
- never inside a token written without spaces: a document number
  ("71-NQ/TW"), a date ("22/8/2025"), a web address, a number with its sign
  ("20%"). A token wider than the line is not cut: the text shrinks, and at
  its smallest size it is refused like any text that does not fit;
- a number stays with its unit and with the word that announces it. A *unit*
  is what says how the number is counted: a currency, a magnitude or a
  measure after it ("580.133 tỷ đồng", "5 triệu", "3–5 tuổi", "580,133
  billion"; `units` in the data file, longest first), never a counted noun
  ("8 nhóm nhiệm vụ" may break after "8"). Words before a number that it
  completes stay too ("năm 2030", "Nghị quyết 71", "VND 580,133";
  `before_number`), as do English dates ("21 Mar 2025", "1 January 2026");
- a run of symbols with no letter or digit ("≥", "–") stays with its
  neighbour, as before;
- a spec forces a no-break with "~" between two words ("Tô~Lâm", LaTeX's
  tie; turned into a no-break space when the spec is read, see
  `ties_to_nbsp`) or a no-break space, and a break with a line break in its
  text (a YAML `|` block, or "\\n" in double quotes).

Joins between space-separated tokens are FREE (break here), SOFT (inside a
long segmenter word of four syllables or more, such as "trung học phổ
thông", or between a number and the word announcing it: broken only when
the whole is wider than the line, and then only between its halves) or HARD
(never). `layout.wrap` breaks greedily on
these units, then keeps a lone syllable off the last line and, for balanced
layers, evens the lines out.

The segmenter is underthesea (`word_tokenize`, CRF model trained on
VLSP 2013), chosen after trying the alternatives on this site's texts:

- underthesea 9.5 (maintained, releases in 2026): its model (5 MB) and
  dictionary ship inside the wheel; word_tokenize works with no network
  (checked in an empty network namespace); it found "Nghị quyết", "Bộ Chính
  trị", "châu Á", "Dân trí", "trung học phổ thông", "Bộ Giáo dục và Đào tạo"
  and misjoined only "Tô Lâm ký" (harmless: a longer unit), 0.3 ms a
  sentence, 0.3 s to import. Install: about 55 MB with its dependencies
  (huggingface-hub among them, never called by word_tokenize);
- pyvi 0.1.1 (last release 2021): its CRF model ships too, but it needs
  scikit-learn and SciPy (334 MB installed) and split "Bộ Chính trị" and
  "châu Á";
- word lists on PyPI (`vietnamese` 0.0.8 is an encoding converter, not a
  list): none maintained; a hand list alone misses most words.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ... import RESOURCES_DIR
from ...data.datafiles import load_yaml
from ...text import NBSP

DATA_FILE = RESOURCES_DIR / "line-breaking.yml"
FREE, SOFT, HARD = 0, 1, 2
# A tie: "~" between two characters that are not spaces (not after "/": "example.org/~user" is an address).
LONG_WORD = 4  # syllables from which a segmenter word may break between its halves
_NUMBER = re.compile(r"^[^\w]*\d")  # "580.133", "≥20%", "(2030", "2026–2035"
_YEAR = re.compile(r"^\d{4}\W*$")
_DAY = re.compile(r"^\d{1,2}$")
_CLAUSE_END = frozenset(",;:.!?…")
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]))


@dataclass(frozen=True)
class Rules:
    terms: tuple[tuple[str, ...], ...]  # lower-cased, split into syllables
    units: tuple[tuple[str, ...], ...]  # longest first
    before_number: frozenset[tuple[str, ...]]


@lru_cache(maxsize=1)
def rules(path: Path = DATA_FILE) -> Rules:
    data, problems = load_yaml(Path(path))
    if problems:
        raise ValueError(str(problems[0]))
    split = lambda words: tuple(tuple(w.lower().split()) for w in words)
    units = tuple(sorted(split(data.get("units") or []), key=len, reverse=True))
    return Rules(split(data.get("terms") or []), units, frozenset(split(data.get("before_number") or [])))


@lru_cache(maxsize=4096)
def segment(paragraph: str) -> tuple[str, ...]:
    """The words of a paragraph as the segmenter finds them (syllables joined by spaces)."""
    from underthesea import word_tokenize  # 0.3 s to import: only when something is laid out

    return tuple(word_tokenize(paragraph.replace(NBSP, " "), use_token_normalize=False))


def _core(token: str) -> str:
    """A token without the punctuation around it, lower-cased: "“Bình" -> "bình"."""
    return token.strip("“”\"'‘’()[]{},.;:!?…").lower()


@lru_cache(maxsize=4096)
def joins(paragraph: str, language: str = "vi") -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The space-separated tokens of a paragraph and the join after each but the last (FREE, SOFT, HARD).

    The segmenter reads Vietnamese only; the held terms and the rules for numbers apply in both languages.
    """
    tokens = tuple(t for t in paragraph.split(" ") if t)
    result = [FREE] * max(len(tokens) - 1, 0)
    if len(tokens) < 2:
        return tokens, tuple(result)
    starts, position = [], 0
    for token in tokens:
        position = paragraph.index(token, position)
        starts.append(position)
        position += len(token)

    def token_at(offset: int) -> int:  # index of the token holding a character offset
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def join(first: int, last: int, strength: int) -> None:
        for n in range(first, last):
            result[n] = max(result[n], strength)

    # Words of the segmenter, located in the paragraph syllable by syllable.
    search = paragraph.replace(NBSP, " ")
    cursor = 0
    for word in segment(paragraph) if language == "vi" else ():
        syllables = word.split()
        if len(syllables) < 2:
            found = search.find(word, cursor)
            cursor = found + len(word) if found >= 0 else cursor
            continue
        found = search.find(syllables[0], cursor)
        end = found
        for syllable in syllables:
            end = search.find(syllable, end)
            if end < 0:
                break
            end += len(syllable)
        if found < 0 or end < 0:
            continue
        cursor = end
        join(token_at(found), token_at(end - 1), SOFT if len(syllables) >= LONG_WORD else HARD)

    cores = [_core(t) for t in tokens]
    r = rules()
    for term in r.terms:
        size = len(term)
        for n in range(len(tokens) - size + 1):
            if tuple(cores[n:n + size]) == term:
                join(n, n + size - 1, HARD)
    for n, token in enumerate(tokens):
        if not any(c.isalnum() for c in token):  # symbols stay with a neighbour ("≥ 20%", "chi –")
            join(n, n + 1, HARD) if n + 1 < len(tokens) else join(n - 1, n, HARD)
        if not _NUMBER.match(token):
            continue
        ends_clause = token[-1] in _CLAUSE_END
        for unit in r.units if not ends_clause else ():  # the unit after a number
            if tuple(cores[n + 1:n + 1 + len(unit)]) == unit:
                join(n, n + len(unit), HARD)
                break
        for words in r.before_number:  # the word that announces it (parted only when both cannot share a line)
            if n >= len(words) and tuple(cores[n - len(words):n]) == words and tokens[n - 1][-1] not in _CLAUSE_END:
                join(n - 1, n, SOFT)
        if _DAY.match(token) and n + 1 < len(tokens) and cores[n + 1] in _MONTHS:  # "21 Mar 2025"
            join(n, n + 1, HARD)
        if _YEAR.match(token) and n >= 1 and cores[n - 1] in _MONTHS:
            join(n - 1, n, HARD)
    return tokens, tuple(result)


def pieces(paragraph: str, fits, language: str = "vi") -> list[tuple[str, int]]:
    """Unbreakable pieces of a paragraph, in order, as (text, syllables).

    A word joined SOFT is one piece when `fits(text)` says it fits a line; else it is
    cut at the SOFT join nearest its middle, and each half likewise.
    """
    tokens, links = joins(paragraph, language)
    if not tokens:
        return []
    words: list[list[int]] = [[0]]
    for n, link in enumerate(links, start=1):
        if link == FREE:
            words.append([n])
        else:
            words[-1].append(n)
    result: list[tuple[str, int]] = []

    def add(word: list[int]) -> None:
        text = " ".join(tokens[i] for i in word)
        cuts = [k for k in range(1, len(word)) if links[word[k] - 1] == SOFT]
        if not cuts or fits(text):
            result.append((text, len(word)))
            return
        middle = min(cuts, key=lambda k: (min(k, len(word) - k) < 2, abs(len(word) / 2 - k)))
        add(word[:middle])
        add(word[middle:])

    for word in words:
        add(word)
    return result
