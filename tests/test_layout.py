"""wardpub.site.layout: which sidebars each kind of page keeps, and markup Material writes
that is made valid."""

from types import SimpleNamespace

from wardpub.site.layout import TOC_MIN, hidden_parts, valid_markup


def toc(levels):
    return [SimpleNamespace(level=level, children=[]) for level in levels]


def test_publication_pages_have_no_sidebars():
    for kind in ("home", "listing", "article"):
        assert hidden_parts(kind, toc([2] * 9), in_section=True, editor_hide=None) == ("navigation", "toc")


def test_content_pages_keep_a_menu_in_a_section_and_a_toc_when_long():
    assert hidden_parts("content", toc([2] * TOC_MIN), in_section=True, editor_hide=None) == ()
    assert hidden_parts("content", toc([2] * (TOC_MIN - 1) + [3, 3]), in_section=True, editor_hide=None) == ("toc",)
    assert hidden_parts("content", toc([2] * TOC_MIN), in_section=False, editor_hide=None) == ("navigation",)
    assert hidden_parts("content", toc([]), in_section=True, editor_hide=["navigation"]) == ("navigation",)  # the editor's choice


def test_materials_invalid_markup_is_made_valid():
    page = ('<label class="md-nav__link" for="__nav_2" tabindex="">x</label><label class="md-nav__title" for="__toc">'
            '<div class="md-search" data-md-component="search" role="dialog">')
    out = valid_markup(page, "vi")
    assert 'tabindex=""' not in out and 'for="__toc"' not in out
    assert 'role="dialog" aria-label="Tìm kiếm trên trang">' in out
    with_toggle = '<input id="__toc" type="checkbox"><label class="md-nav__title" for="__toc">'
    assert valid_markup(with_toggle, "en") == with_toggle  # a real toggle keeps its label
