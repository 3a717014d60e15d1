"""The quiz pages in the built site: what they link exists, every explaining link lands on its heading."""

import json
import re
from pathlib import Path

import pytest

from wardpub.site.quiz.bank import load_bank
from wardpub.data.registries import load_registries

LANGUAGES = [pytest.param("vi", "", id="vi"), pytest.param("en", "en/", id="en")]


@pytest.mark.parametrize("language, prefix", LANGUAGES)
def test_every_explaining_link_of_the_bank_lands_on_an_anchor_of_its_page(site, language, prefix):
    data = json.loads((site / f"thi-tim-hieu/ngan-hang-cau-hoi-{language}.json").read_text(encoding="utf-8"))
    for question in data["questions"]:
        path, _, anchor = question["page"]["url"].partition("#")
        assert path.startswith(prefix)
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert anchor and f'id="{anchor}"' in page, (question["id"], question["page"]["url"])
        for source in question["sources"]:
            if source["url"] and "://" not in source["url"]:
                assert (site / source["url"] / "index.html").is_file()


@pytest.mark.parametrize("language, prefix", LANGUAGES)
def test_the_practice_page_links_files_that_exist_and_has_no_form_of_its_own(site, language, prefix):
    html = (site / prefix / "thi-tim-hieu" / "index.html").read_text(encoding="utf-8")
    main = html[html.index('<article'):html.index('</article>')]
    assert "<form" not in main and "<input" not in main  # the script builds the controls
    links = re.findall(r'href="(\.\./(?:\.\./)?thi-tim-hieu/tai-ve/[^"]+)"', main)
    assert len([l for l in links if l.endswith(".pdf")]) == 2 * len(load_sets_ids())
    assert {l.rsplit(".", 1)[-1] for l in links} == {"pdf", "xml", "txt", "csv"}
    for link in links:
        target = (site / prefix / "thi-tim-hieu" / link).resolve()
        assert target.is_file() and target.stat().st_size > 1000, link
        assert f"-{language}." in link
    assert 'data-bank="../' in main and "ward-quiz__nojs" in main
    assert 'src="../assets/javascripts/quiz.js"' in html or 'src="../../assets/javascripts/quiz.js"' in html


def load_sets_ids():
    import yaml

    from wardpub import DATA_DIR

    return [item["id"] for item in yaml.safe_load((DATA_DIR / "quiz" / "sheets.yml").read_text(encoding="utf-8"))]


@pytest.mark.parametrize("language, prefix", LANGUAGES)
def test_the_contest_page_holds_no_answer_key(site, language, prefix):
    html = (site / prefix / "thi-tim-hieu" / "cuoc-thi" / "index.html").read_text(encoding="utf-8")
    assert "quiz.js" not in html and "ngan-hang-cau-hoi" not in html
    bank = load_bank(load_registries())
    texts = [q.question.question[language] for q in (e for e in bank.entries)]
    answers = [text for e in bank.entries for text, right in e.question.choices(language) if right and len(text) > 12]
    for text in texts + answers:
        assert text not in html, text
