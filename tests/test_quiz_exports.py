"""The bank as files: GIFT read back by a strict reader, Moodle XML against its structure, CSV, the page's JSON."""

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import etree

from wardpub.site.quiz.bank import load_bank
from wardpub.site.quiz.exports import EXPORT_SEED, bank_json, csv_text, gift, gift_escape, moodle_xml, resolve_all
from wardpub.data.registries import load_registries

from gift_reader import GiftError, read_gift, unescape

REGISTRIES = load_registries()
BANK = load_bank(REGISTRIES)
SITE = "https://example.gov.vn/nq71/"
SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "quiz" / "moodle-question.xsd")))
LANGUAGES = ["vi", "en"]


# ── the strict GIFT reader, on examples first ───────────────────────────────

def test_the_reader_reads_every_kind_and_resolves_escapes():
    text = """// a comment
$CATEGORY: $course$/top/Test

::q1::Who \\= what\\: 1\\{2\\} \\~ \\# back\\\\slash {
\t=Right one#well done
\t~Wrong one
\t~Another
\t####General\\: note
}

::q2::The sky is blue. {TRUE####Because.}

::q3::Pick two {
\t~%50%A
\t~%50%B
\t~%-100%C
}
"""
    q1, q2, q3 = read_gift(text)
    assert q1.category == "$course$/top/Test" and q1.name == "q1"
    assert q1.text == "Who = what: 1{2} ~ # back\\slash"
    assert [(a.text, a.weight, a.feedback) for a in q1.answers] == [("Right one", 100, "well done"), ("Wrong one", 0, ""), ("Another", 0, "")]
    assert q1.general_feedback == "General: note"
    assert (q2.kind, q2.truth, q2.general_feedback) == ("truefalse", True, "Because.")
    assert [a.weight for a in q3.answers] == [50, 50, -100]


@pytest.mark.parametrize("bad", [
    "::q::a = b {=x ~y}",          # unescaped = in the text
    "::q::a: b {=x ~y}",           # unescaped :
    "::q::a {=x ~y} tail",         # text after the answers
    "::q::a {~x ~y}",              # no right answer
    "::q::a {~%33%x ~%33%y ~z}",   # a weight Moodle refuses, not adding up to 100
    "::q::a \\q {=x ~y}",          # unknown escape
    "::q::a {=x}",                 # one answer only
    "q without name {=x ~y}",
])
def test_the_reader_refuses_what_moodle_might_misread(bad):
    with pytest.raises(GiftError):
        read_gift(bad)


def test_escaping_round_trips_every_special_character():
    text = "a~b=c#d{e}f:g\\h  and\nnew line"
    assert unescape(gift_escape(text), "t") == "a~b=c#d{e}f:g\\h and new line"


# ── the bank's GIFT ─────────────────────────────────────────────────────────

@pytest.mark.parametrize("language", LANGUAGES)
def test_gift_reads_back_as_the_bank(language):
    read = read_gift(gift(BANK, language, REGISTRIES, SITE, "Phường thử"))
    expected = resolve_all(BANK, language, REGISTRIES, EXPORT_SEED)
    assert [q.name for q in read] == [q.id for q in expected]
    assert len({q.category for q in read}) == 7
    for got, want in zip(read, expected):
        assert got.text == " ".join(want.prompt.split())
        assert want.explanation in got.general_feedback and SITE in got.general_feedback
        if want.type == "true_false":
            assert got.kind == "truefalse" and got.truth == want.choices[0][1]
        else:
            assert [a.text for a in got.answers] == [text for text, _ in want.choices]
            assert [a.weight > 0 for a in got.answers] == [right for _, right in want.choices]


# ── Moodle XML ──────────────────────────────────────────────────────────────

@pytest.mark.parametrize("language", LANGUAGES)
def test_moodle_xml_parses_and_every_question_has_moodles_structure(language):
    data = moodle_xml(BANK, language, REGISTRIES, SITE)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.tag == "quiz"
    kinds = {"category": 0, "multichoice": 0, "truefalse": 0}
    for question in root:
        kind = question.get("type")
        kinds[kind] += 1
        copy = etree.fromstring(etree.tostring(question))
        copy.tag = f"{kind}-question"
        assert SCHEMA.validate(copy), (question.findtext("name/text"), SCHEMA.error_log)
    assert kinds == {"category": 7, "multichoice": sum(e.question.type != "true_false" for e in BANK.entries),
                     "truefalse": sum(e.question.type == "true_false" for e in BANK.entries)}
    # Texts are HTML in CDATA sections, as Moodle writes them itself.
    assert data.count(b"<![CDATA[<p>") >= 2 * len(BANK.entries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_moodle_xml_grades_each_kind_of_question(language):
    root = etree.fromstring(moodle_xml(BANK, language, REGISTRIES, SITE))
    by_id = {q.findtext("name/text"): q for q in root if q.get("type") != "category"}
    assert set(by_id) == set(BANK.by_id)
    for ident, question in by_id.items():
        entry = BANK.by_id[ident]
        fractions = [float(a.get("fraction")) for a in question.findall("answer")]
        if entry.question.type == "true_false":
            assert [a.findtext("text") for a in question.findall("answer")] == ["true", "false"]
            assert fractions == ([100, 0] if entry.question.answer else [0, 100])
            continue
        assert question.findtext("single") == ("true" if entry.question.type == "single" else "false")
        assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.01)
        right = [f > 0 for f in fractions]
        want = [r for _, r in entry.question.ordered_choices(language, EXPORT_SEED)]
        assert right == want
        texts = [etree.fromstring(a.findtext("text"), etree.HTMLParser()).findtext(".//p") for a in question.findall("answer")]
        assert texts == [t for t, _ in entry.question.ordered_choices(language, EXPORT_SEED)]
        feedback = "".join(etree.fromstring(question.findtext("generalfeedback/text"), etree.HTMLParser()).itertext())
        assert entry.question.explanation[language] in feedback


# ── CSV ─────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_has_one_row_per_question_with_letters_matching_the_options(language):
    data = csv_text(BANK, language, REGISTRIES, SITE)
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert len(header) == 16 and len(body) == len(BANK.entries)
    assert header[0] == ("ma_cau_hoi" if language == "vi" else "id")
    for row in body:
        entry = BANK.by_id[row[0]]
        choices = entry.question.ordered_choices(language, EXPORT_SEED)
        assert row[6:6 + len(choices)] == [t for t, _ in choices]
        letters = row[12].split(";")
        assert letters == ["ABCDEF"[n] for n, (_, right) in enumerate(choices) if right]
        assert row[15].startswith(SITE)


# ── the practice page's JSON ────────────────────────────────────────────────

def test_the_page_json_carries_answers_links_and_every_string_the_script_uses():
    data = json.loads(bank_json(BANK, "en", REGISTRIES, "Resolution 71 · Ward", "example.gov.vn/nq71/en", 10, 60))
    assert data["language"] == "en" and data["round_size"] == 10 and len(data["points"]) == 7
    assert sum(p["count"] for p in data["points"]) == len(data["questions"]) == len(BANK.entries)
    first = data["questions"][0]
    assert first["page"]["url"].startswith("en/nghi-quyet-71/") and "#" in first["page"]["url"]
    assert all(q["explanation"] and q["sources"] for q in data["questions"])
    assert all(sum(o["correct"] for o in q["options"]) >= 1 for q in data["questions"])
    script = (Path(__file__).parents[1] / "overrides" / "assets" / "javascripts" / "quiz.js").read_text(encoding="utf-8")
    import re

    used = {key for key in re.findall(r'\bt\("([a-z_]+)"', script) if not key.endswith("_")} | {f"difficulty_{d}" for d in ("easy", "medium", "hard")}
    assert used <= set(data["strings"]), used - set(data["strings"])


def test_exports_are_deterministic():
    assert gift(BANK, "vi", REGISTRIES, SITE, "P") == gift(BANK, "vi", REGISTRIES, SITE, "P")
    assert moodle_xml(BANK, "vi", REGISTRIES, SITE) == moodle_xml(BANK, "vi", REGISTRIES, SITE)
    assert bank_json(BANK, "vi", REGISTRIES, "P", "a", 10, 60) == bank_json(BANK, "vi", REGISTRIES, "P", "a", 10, 60)
