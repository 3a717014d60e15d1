"""A strict reader of Moodle's GIFT format, for checking what wardpub.site.quiz.exports writes.

Reads the subset a question bank uses and refuses anything doubtful instead
of guessing, unlike Moodle's lenient importer: comments (//), $CATEGORY
lines, questions separated by blank lines, each `::name::text {answers}`
with answers either TRUE/FALSE/T/F or a list of `=right`, `~wrong` and
`~%weight%text` choices, optional `#feedback` per answer and `####general
feedback`. Every ~ = # { } : in text must be escaped with a backslash (as
must the backslash itself); an unescaped one, an unknown escape, a weight
Moodle does not accept, or a question without a right answer is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIAL = "~=#{}:"
# The grade percentages Moodle's importer accepts (positive and negative).
MOODLE_WEIGHTS = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                  12.5, 11.11111, 10, 5}


class GiftError(ValueError):
    pass


@dataclass
class Answer:
    text: str
    weight: float
    feedback: str = ""


@dataclass
class GiftQuestion:
    category: str
    name: str
    text: str
    kind: str  # "truefalse" or "multichoice"
    truth: bool | None = None
    answers: list[Answer] = field(default_factory=list)
    general_feedback: str = ""


def unescape(text: str, where: str) -> str:
    """Text with its escapes resolved; an unescaped special character or an unknown escape is an error."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            if i + 1 >= len(text):
                raise GiftError(f"{where}: a lone backslash at the end")
            nxt = text[i + 1]
            if nxt in SPECIAL + "\\":
                out.append(nxt)
            elif nxt == "n":
                out.append("\n")
            else:
                raise GiftError(f"{where}: unknown escape \\{nxt}")
            i += 2
            continue
        if char in SPECIAL:
            raise GiftError(f"{where}: unescaped {char!r} in {text!r}")
        out.append(char)
        i += 1
    return "".join(out)


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split at unescaped characters of marks: [(mark before the piece, piece)], the first mark being ''."""
    pieces, current, mark, i = [], [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if text[i] in marks:
            pieces.append((mark, "".join(current)))
            current, mark = [], text[i]
            i += 1
            continue
        current.append(text[i])
        i += 1
    pieces.append((mark, "".join(current)))
    return pieces


def _find_unescaped(text: str, char: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def _general_feedback(body: str, where: str) -> tuple[str, str]:
    """Split off `####general feedback` (four unescaped #)."""
    i = 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
            continue
        if body.startswith("####", i):
            return body[:i], unescape(body[i + 4:].strip(), where + " general feedback")
        i += 1
    return body, ""


def parse_question(block: str, category: str) -> GiftQuestion:
    if not block.startswith("::"):
        raise GiftError(f"question without a name: {block[:60]!r}")
    end_name = block.find("::", 2)
    while end_name > 0 and block[end_name - 1] == "\\":
        end_name = block.find("::", end_name + 1)
    if end_name < 0:
        raise GiftError(f"unclosed name: {block[:60]!r}")
    name = unescape(block[2:end_name], "name")
    rest = block[end_name + 2:]
    opening = _find_unescaped(rest, "{")
    closing = _find_unescaped(rest, "}", opening + 1) if opening >= 0 else -1
    if opening < 0 or closing < 0:
        raise GiftError(f"{name}: no {{answers}}")
    if rest[closing + 1:].strip():
        raise GiftError(f"{name}: text after the answers")
    text = unescape(rest[:opening].strip(), f"{name} text")
    body, general = _general_feedback(rest[opening + 1:closing].strip(), name)
    body = body.strip()
    question = GiftQuestion(category, name, text, "multichoice", general_feedback=general)
    head = split_unescaped(body, "#")[0][1].strip()
    if head.upper() in ("T", "TRUE", "F", "FALSE"):
        question.kind = "truefalse"
        question.truth = head.upper().startswith("T")
        return question
    pieces = split_unescaped(body, "=~")
    if pieces[0][1].strip():
        raise GiftError(f"{name}: text before the first answer: {pieces[0][1]!r}")
    for mark, piece in pieces[1:]:
        piece = piece.strip()
        weight = 100.0 if mark == "=" else 0.0
        match = re.match(r"%(-?\d+(?:\.\d+)?)%", piece)
        if match:
            if mark == "=":
                raise GiftError(f"{name}: a weight on a = answer")
            weight = float(match.group(1))
            if abs(weight) not in MOODLE_WEIGHTS and weight != 0:
                raise GiftError(f"{name}: weight {weight} is not one Moodle accepts")
            piece = piece[match.end():]
        parts = split_unescaped(piece, "#")
        answer_text = unescape(parts[0][1].strip(), f"{name} answer")
        feedback = unescape(parts[1][1].strip(), f"{name} feedback") if len(parts) > 1 else ""
        if len(parts) > 2:
            raise GiftError(f"{name}: more than one feedback on an answer")
        if not answer_text:
            raise GiftError(f"{name}: an empty answer")
        question.answers.append(Answer(answer_text, weight, feedback))
    if len(question.answers) < 2:
        raise GiftError(f"{name}: fewer than two answers")
    if not any(a.weight > 0 for a in question.answers):
        raise GiftError(f"{name}: no right answer")
    positive = sum(a.weight for a in question.answers if a.weight > 0)
    if abs(positive - 100) > 0.01:
        raise GiftError(f"{name}: the right answers' weights add up to {positive}, not 100")
    return question


def read_gift(text: str) -> list[GiftQuestion]:
    questions, category, block = [], "", []

    def flush():
        if block:
            questions.append(parse_question(" ".join(line.strip() for line in block), category))
            block.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if stripped.startswith("$CATEGORY:"):
            flush()
            category = stripped[len("$CATEGORY:"):].strip()
            continue
        if not stripped:
            flush()
            continue
        block.append(line)
    flush()
    return questions
