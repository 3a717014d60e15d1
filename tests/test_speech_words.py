"""overrides/assets/javascripts/speech-words.js, run in Node: what "Nghe bài" hands the
voice. Numbers, dates, percentages and document numbers become words of the page's
language; every case of tests/data/speech-words.yml is one test."""

import json
import subprocess

import pytest
import yaml

from wardpub import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "overrides" / "assets" / "javascripts" / "speech-words.js"
CASES = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "speech-words.yml").read_text(encoding="utf-8"))
PARAMS = [pytest.param(language, text, words, id=f"{language}: {text}") for language, pairs in CASES.items() for text, words in pairs]


@pytest.fixture(scope="module")
def spoken():
    """Every case through the script in one Node process: (language, text) -> words."""
    inputs = [[language, text] for language, pairs in CASES.items() for text, _ in pairs]
    program = (f"const s = require({json.dumps(str(SCRIPT))});"
               "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
               "process.stdout.write(JSON.stringify(cases.map(([l, t]) => s.words(t, l))));")
    out = subprocess.run(["node", "-e", program], input=json.dumps(inputs), capture_output=True, text=True, check=True)
    return {(language, text): words for (language, text), words in zip(inputs, json.loads(out.stdout))}


@pytest.mark.parametrize("language, text, words", PARAMS)
def test_read_as_words(spoken, language, text, words):
    assert spoken[(language, text)] == words


def test_text_without_numbers_is_unchanged(spoken):
    out = subprocess.run(["node", "-e", f"process.stdout.write(require({json.dumps(str(SCRIPT))}).words('Thầy ra thầy, trò ra trò.', 'vi'))"],
                         capture_output=True, text=True, check=True)
    assert out.stdout == "Thầy ra thầy, trò ra trò."
