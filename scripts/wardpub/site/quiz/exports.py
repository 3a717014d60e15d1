"""The bank as files: the practice page's JSON, and GIFT, Moodle XML and CSV for schools.

Owns how a checked question reads in one language (`Resolved`: its text, its
choices, the explanation, where the fact comes from and the page that
explains it) and every file made from the whole bank:

- `thi-tim-hieu/ngan-hang-cau-hoi-<lang>.json`, fetched by the practice page's
  own script (overrides/assets/javascripts/quiz.js). It holds the right
  answers: practice is graded in the browser, which is why official contest
  rounds are not (wardpub.site.quiz.rounds). Links in it are relative to the site
  root; the script resolves them against the page, so the site works under
  any sub-path.
- `cau-hoi-<lang>.gift.txt`: Moodle's GIFT text format, one category per
  content point, special characters escaped (~ = # { } : and the backslash).
- `cau-hoi-<lang>.moodle.xml`: Moodle XML, the format most school platforms
  import: multichoice (single or multiple answers, with fractions) and
  truefalse, texts as HTML in CDATA, the explanation as general feedback.
- `cau-hoi-<lang>.csv`: one row per question for spreadsheets and other
  tools; UTF-8 with a byte-order mark and CRLF so Excel reads it, headers
  in the file's language.

The three school formats list the choices in the same fixed order
(`Question.ordered_choices` with the seed "export"), so a CSV's letters match
what the GIFT and XML files show, and link back to the site with absolute
addresses. Output is deterministic: the same bank gives the same bytes.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from string import ascii_uppercase
from typing import Optional
from urllib.parse import urljoin

from lxml import etree

from ... import language as lang
from ...data.registries import Registries
from .bank import APPENDIX, Bank, Entry

FOLDER = "thi-tim-hieu"
DOWNLOADS = f"{FOLDER}/tai-ve"
EXPORT_SEED = "export"
PLAN_PAGE = "ke-hoach-tuyen-truyen.md"
MAX_OPTIONS = 6


@dataclass(frozen=True)
class Source:
    label: str  # "Dân trí, 1/9/2025" or "Kế hoạch tuyên truyền của phường, mục II.1"
    url: str  # absolute (press) or site-relative (the ward plan's page); "" when unknown


@dataclass(frozen=True)
class Resolved:
    """A question as readers of one language see it."""

    id: str
    language: str
    point: str
    point_number: int
    point_name: str
    type: str
    difficulty: str
    text: str
    choices: tuple  # ((text, right), ...)
    explanation: str
    sources: tuple  # (Source, ...)
    page: str  # site-relative URL of the explaining page, with its anchor
    page_title: str  # "<point name> › <section>" or the point's name

    @property
    def prompt(self) -> str:
        """The question as printed or exported: a multiple-answer one says so (the practice page says it itself)."""
        if self.type == "multiple":
            return f"{self.text} ({lang.t('quiz.choose_all', self.language)})"
        return self.text

    @property
    def answer_letters(self) -> str:
        return ", ".join(ascii_uppercase[n] for n, (_, right) in enumerate(self.choices) if right)


def page_url(page: str, language: str, anchor: str = "") -> str:
    """Site-relative URL of a docs page ("nghi-quyet-71/x.md" -> "en/nghi-quyet-71/x/#a")."""
    path = page[: -len(".md")]
    path = "" if path == "index" else path.removesuffix("/index") + "/"
    prefix = "" if language == lang.DEFAULT_LANGUAGE else f"{language}/"
    return f"{prefix}{path}" + (f"#{anchor}" if anchor else "")


def plan_label(section: str, language: str) -> str:
    if section == APPENDIX:
        return lang.t("quiz.plan_appendix", language)
    return lang.t("quiz.plan_section", language, section=section)


def resolve(entry: Entry, language: str, registries: Registries, seed: Optional[str] = None) -> Resolved:
    """One question in one language; choices in stored order, or shuffled for `seed`."""
    question = entry.question
    sources = []
    for number in question.sources:
        source = registries.sources[number]
        label = f"{source.outlet}, {lang.date(source.date, language)}" if source.date else source.outlet
        sources.append(Source(label, source.url or ""))
    if question.plan is not None:
        sources.append(Source(plan_label(question.plan, language), page_url(PLAN_PAGE, language)))
    name = entry.category[language]
    section = question.section[language] if question.section else ""
    choices = question.ordered_choices(language, seed) if seed else question.choices(language)
    return Resolved(
        id=question.id, language=language, point=question.point, point_number=entry.category.point, point_name=name,
        type=question.type, difficulty=question.difficulty, text=question.question[language],
        choices=tuple(choices), explanation=question.explanation[language], sources=tuple(sources),
        page=page_url(entry.page, language, entry.anchors[language]),
        page_title=f"{name} › {section}" if section else name,
    )


def resolve_all(bank: Bank, language: str, registries: Registries, seed: Optional[str] = None) -> list[Resolved]:
    return [resolve(entry, language, registries, seed) for entry in bank.entries]


def absolute(url: str, site_url: str) -> str:
    return urljoin(site_url or "", url) if url and "://" not in url else url


# ── the practice page's JSON ────────────────────────────────────────────────

# Interface strings the practice script needs, from strings.yml (one table for the whole site).
SCRIPT_STRINGS = (
    "quiz.again", "quiz.answer", "quiz.band_high", "quiz.band_low", "quiz.band_middle", "quiz.card_address",
    "quiz.card_alt", "quiz.card_correct", "quiz.card_download", "quiz.card_heading", "quiz.card_note",
    "quiz.card_share", "quiz.card_title", "quiz.choose_all", "quiz.choose_one", "quiz.clear_progress",
    "quiz.difficulty_easy", "quiz.difficulty_hard", "quiz.difficulty_medium", "quiz.explanation",
    "quiz.finish", "quiz.marked_right", "quiz.marked_yours", "quiz.next", "quiz.no_answer", "quiz.pick_first",
    "quiz.progress_cleared", "quiz.progress_line", "quiz.progress_none", "quiz.progress_point",
    "quiz.question_of", "quiz.read_more", "quiz.review", "quiz.right", "quiz.right_answer",
    "quiz.right_answers", "quiz.round_intro", "quiz.round_intro_point", "quiz.score", "quiz.score_line",
    "quiz.setup_all", "quiz.setup_point", "quiz.setup_points", "quiz.setup_start", "quiz.setup_timer",
    "quiz.setup_timer_hint", "quiz.setup_timer_legend", "quiz.source", "quiz.timer_left", "quiz.timer_off",
    "quiz.timer_started", "quiz.timer_stopped", "quiz.timer_up", "quiz.timer_warning", "quiz.wrong",
    "quiz.your_answer",
)


def _source_json(source: Source) -> dict:
    return {"label": source.label, "url": source.url}


def bank_json(bank: Bank, language: str, registries: Registries, publisher: str, address: str,
              round_size: int, seconds_per_question: int) -> str:
    """The practice page's data in one language: points, questions with answers, interface strings."""
    questions = resolve_all(bank, language, registries)
    points = []
    for key in bank.point_keys:
        category = registries.categories[key]
        points.append({"key": key, "number": category.point, "name": category[language],
                       "page": page_url(category.page, language), "count": len(bank.for_point(key))})
    data = {
        "version": 1,
        "language": language,
        "publisher": publisher,
        "address": address,
        "round_size": round_size,
        "seconds_per_question": seconds_per_question,
        "points": points,
        "questions": [{
            "id": q.id, "point": q.point, "type": q.type, "difficulty": q.difficulty, "text": q.text,
            "options": [{"text": text, "correct": right} for text, right in q.choices],
            "explanation": q.explanation, "sources": [_source_json(s) for s in q.sources],
            "page": {"url": q.page, "title": q.page_title},
        } for q in questions],
        "strings": {key.removeprefix("quiz."): lang.t(key, language) for key in SCRIPT_STRINGS},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


# ── GIFT ────────────────────────────────────────────────────────────────────

_GIFT_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\~=#{}:"})


def gift_escape(text: str) -> str:
    """Text safe inside GIFT: the format's control characters escaped, one line."""
    return " ".join(text.split()).translate(_GIFT_SPECIAL)


def feedback_text(q: Resolved, language: str, site_url: str) -> str:
    """The explanation followed by where it comes from and where to read more (plain text)."""
    sources = "; ".join(s.label for s in q.sources)
    more = absolute(q.page, site_url)
    return (f"{q.explanation} {lang.t('quiz.source', language)}: {sources}. "
            f"{lang.t('quiz.read_more', language)}: {q.page_title} ({more})")


def _fractions(q: Resolved) -> list[str]:
    """Moodle grade percentages: 100 for the single right choice; for several, shares of 100 and -100 for a wrong one."""
    right = sum(r for _, r in q.choices)
    share = 100 / right
    return [(f"{share:.5f}".rstrip("0").rstrip(".") if r else "-100") for _, r in q.choices]


def gift(bank: Bank, language: str, registries: Registries, site_url: str, publisher: str) -> str:
    questions = resolve_all(bank, language, registries, EXPORT_SEED)
    lines = [f"// {lang.t('quiz.export_comment', language, publisher=publisher)}", ""]
    current = None
    for q in questions:
        if q.point != current:
            current = q.point
            # Moodle reads a category line as it is (no escapes); "/" would start a subcategory.
            lines += [f"$CATEGORY: $course$/top/{lang.t('quiz.export_category', language)}/"
                      f"{q.point_number}. {q.point_name.replace('/', '-')}", ""]
        general = gift_escape(feedback_text(q, language, site_url))
        head = f"::{gift_escape(q.id)}::{gift_escape(q.prompt)} "
        if q.type == "true_false":
            truth = q.choices[0][1]  # "true" comes first and is right when the answer is true
            lines += [head + "{" + ("TRUE" if truth else "FALSE") + f"####{general}" + "}", ""]
            continue
        if q.type == "single":
            answers = [("=" if right else "~") + gift_escape(text) for text, right in q.choices]
        else:
            answers = [f"~%{fraction}%{gift_escape(text)}" for (text, _), fraction in zip(q.choices, _fractions(q))]
        lines += [head + "{", *(f"\t{a}" for a in answers), f"\t####{general}", "}", ""]
    return "\n".join(lines)


# ── Moodle XML ──────────────────────────────────────────────────────────────

def _text(parent: etree._Element, tag: str, value: str, fmt: Optional[str] = "html", cdata: bool = True) -> etree._Element:
    element = etree.SubElement(parent, tag, format=fmt) if fmt else etree.SubElement(parent, tag)
    inner = etree.SubElement(element, "text")
    inner.text = etree.CDATA(value) if cdata else value
    return element


def _feedback_html(q: Resolved, language: str, site_url: str) -> str:
    e = html.escape
    sources = "; ".join(f'<a href="{e(absolute(s.url, site_url))}">{e(s.label)}</a>' if s.url else e(s.label) for s in q.sources)
    more = e(absolute(q.page, site_url))
    return (f"<p>{e(q.explanation)}</p><p>{e(lang.t('quiz.source', language))}: {sources}</p>"
            f'<p>{e(lang.t("quiz.read_more", language))}: <a href="{more}">{e(q.page_title)}</a></p>')


def moodle_xml(bank: Bank, language: str, registries: Registries, site_url: str) -> bytes:
    quiz = etree.Element("quiz")
    current = None
    for q in resolve_all(bank, language, registries, EXPORT_SEED):
        if q.point != current:
            current = q.point
            category = etree.SubElement(quiz, "question", type="category")
            path = f"$course$/top/{lang.t('quiz.export_category', language)}/{q.point_number}. {q.point_name.replace('/', '-')}"
            _text(category, "category", path, fmt=None, cdata=False)
        kind = "truefalse" if q.type == "true_false" else "multichoice"
        question = etree.SubElement(quiz, "question", type=kind)
        _text(question, "name", q.id, fmt=None, cdata=False)
        _text(question, "questiontext", f"<p>{html.escape(q.prompt)}</p>")
        _text(question, "generalfeedback", _feedback_html(q, language, site_url))
        etree.SubElement(question, "defaultgrade").text = "1"
        etree.SubElement(question, "penalty").text = "1" if kind == "truefalse" else "0.3333333"
        etree.SubElement(question, "hidden").text = "0"
        etree.SubElement(question, "idnumber").text = q.id
        if kind == "truefalse":
            truth = q.choices[0][1]
            for value, right in (("true", truth), ("false", not truth)):
                answer = etree.SubElement(question, "answer", fraction="100" if right else "0", format="moodle_auto_format")
                etree.SubElement(answer, "text").text = value
                _text(answer, "feedback", "")
        else:
            etree.SubElement(question, "single").text = "true" if q.type == "single" else "false"
            etree.SubElement(question, "shuffleanswers").text = "true"
            etree.SubElement(question, "answernumbering").text = "ABCD"
            for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
                _text(question, tag, "")
            fractions = ["100" if r else "0" for _, r in q.choices] if q.type == "single" else _fractions(q)
            for (text, _), fraction in zip(q.choices, fractions):
                answer = etree.SubElement(question, "answer", fraction=fraction, format="html")
                etree.SubElement(answer, "text").text = etree.CDATA(f"<p>{html.escape(text)}</p>")
                _text(answer, "feedback", "")
        tags = etree.SubElement(question, "tags")
        for value in (f"nq71-{q.point}", q.difficulty):
            etree.SubElement(etree.SubElement(tags, "tag"), "text").text = value
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ── CSV ─────────────────────────────────────────────────────────────────────

CSV_COLUMNS = ("id", "point_number", "point", "type", "difficulty", "question",
               *(f"option_{c.lower()}" for c in ascii_uppercase[:MAX_OPTIONS]), "answer", "explanation", "sources", "page")


def csv_text(bank: Bank, language: str, registries: Registries, site_url: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([lang.t(f"quiz.csv_{column}", language) for column in CSV_COLUMNS])
    for q in resolve_all(bank, language, registries, EXPORT_SEED):
        options = [text for text, _ in q.choices] + [""] * (MAX_OPTIONS - len(q.choices))
        writer.writerow([q.id, q.point_number, q.point_name, q.type, q.difficulty, q.prompt, *options,
                         q.answer_letters.replace(", ", ";"), q.explanation,
                         "; ".join(f"{s.label} {absolute(s.url, site_url)}".strip() for s in q.sources),
                         absolute(q.page, site_url)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_files(bank: Bank, language: str, registries: Registries, site_url: str, publisher: str) -> dict[str, bytes]:
    """Site path -> bytes of the three school formats in one language."""
    return {
        f"{DOWNLOADS}/cau-hoi-{language}.gift.txt": gift(bank, language, registries, site_url, publisher).encode("utf-8"),
        f"{DOWNLOADS}/cau-hoi-{language}.moodle.xml": moodle_xml(bank, language, registries, site_url),
        f"{DOWNLOADS}/cau-hoi-{language}.csv": csv_text(bank, language, registries, site_url),
    }
