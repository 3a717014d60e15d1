"""wardpub.data.citations: markers numbered per page in order of first use, glued to
their word, and a source list in the same order that links back to each use."""

import re

from wardpub.data.citations import WORD_JOINER, Citations
from wardpub.data.pages import render
from wardpub.data.registries import load_registries

REGISTRIES = load_registries()


def numbers_in_text(markdown: str) -> list[list[str]]:
    return [re.findall(r">(\d+)</a>", sup) for sup in re.findall(r'<sup class="ward-cite">.*?</sup>', markdown)]


def test_sources_are_numbered_in_order_of_first_use():
    out = render("A [src:26]. B [src:6,26]. C [src:3]. D [src:6].", {}, "vi", {}, REGISTRIES)
    assert numbers_in_text(out) == [["1"], ["2", "1"], ["3"], ["2"]]
    ids = [int(n) for n in re.findall(r'<li id="src-(\d+)">', out)]
    assert ids == [1, 2, 3]
    listed = out[out.index("## Nguồn"):]
    # The list follows the page's order: source 26 first, then 6, then 3.
    assert listed.index(REGISTRIES.sources[26].outlet) < listed.index("Dân trí, 1/9/2025") < listed.index("Dân trí, 30/8/2025")


def test_marker_is_glued_to_the_word_before_it():
    out = render("dân tộc [src:8]. Tăng ≥ 20% [src:6].", {}, "vi", {}, REGISTRIES)
    assert f'tộc<sup class="ward-cite">{WORD_JOINER}[' in out
    assert f'20%<sup class="ward-cite">{WORD_JOINER}[' in out


def test_each_entry_links_back_to_every_place_it_is_cited():
    out = render("A [src:6]. B [src:13]. C [src:6].", {}, "en", {}, REGISTRIES)
    assert 'id="cite-1-1" href="#src-1"' in out and 'id="cite-1-2" href="#src-1"' in out and 'id="cite-2-1" href="#src-2"' in out
    first = re.search(r'<li id="src-1">.*?</li>', out).group(0)
    assert '<a href="#cite-1-1" aria-label="Back to where source 1 is cited, place 1">1</a>' in first
    assert '<a href="#cite-1-2" aria-label="Back to where source 1 is cited, place 2">2</a>' in first
    second = re.search(r'<li id="src-2">.*?</li>', out).group(0)
    assert '<a class="ward-sources__back" href="#cite-2-1" aria-label="Back to where source 2 is cited">↩</a>' in second


def test_front_matter_sources_follow_without_links_back():
    out = render("A [src:6].", {"sources": [3, 6]}, "vi", {}, REGISTRIES)
    assert re.findall(r'<li id="src-(\d+)">', out) == ["1", "2"]
    assert "#cite-2-" not in out


def test_code_keeps_its_examples():
    out = render("Viết `[src:6]` sau con số.", {}, "vi", {}, REGISTRIES)
    assert out == "Viết `[src:6]` sau con số."


def test_one_numbering_for_text_and_added_sections():
    citations = Citations("vi")
    citations.link("Văn bản [src:13].")
    citations.link("Đồ họa [src:6] và [src:13].")  # a section added later on the same page
    assert citations.order == [13, 6]
