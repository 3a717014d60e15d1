"""MkDocs hooks of the wardpub plugin. Thin: each hook hands over to a module.

Run order matters with mkdocs-static-i18n, which builds the whole site once
per language and switches `theme.language` in its own on_config (priority
-100). Our on_config runs after it (-110) so it sees the language being built.
Our on_post_build runs before Material's search plugin (priority 10 > 0):
it takes the entries Material's parser made, writes the folded index, and
leaves Material an empty list, so Material's search_index.json keeps only its
settings and a first visit downloads a few hundred bytes instead of the index.
"""

from __future__ import annotations

import os
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from . import fonts, language, pages, search_index, ward
from .cache import generated, write_atomic
from .validate import Project, check_project


# Functions (page, language, project) -> Markdown that add a section to a page.
PAGE_SECTIONS: tuple = ()


class WardConfig(base.Config):
    pass


class WardPlugin(BasePlugin[WardConfig]):
    def __init__(self):
        self.project: Project | None = None
        self.language = language.DEFAULT_LANGUAGE

    @event_priority(-110)
    def on_config(self, config):
        self.language = config.theme.get("language", language.DEFAULT_LANGUAGE)
        self.project = check_project(dict(config.extra), config.docs_dir)
        if self.project.problems:
            raise PluginError("\n".join(str(p) for p in self.project.problems))
        config.site_name = self.project.ward.site_name(self.language)
        return config

    def on_env(self, env, config, files):
        env.filters["ward_date"] = lambda value, style="short": language.date(value, self.language, style)
        env.globals["ward_t"] = lambda key, **values: language.t(key, self.language, **values)
        env.filters["ward_search_worker"] = search_index.with_worker
        env.globals["ward"] = self.project.ward.values(self.language)
        env.filters["ward_absolute"] = lambda url: urljoin(config.site_url or "", url or "")
        return env

    def on_files(self, files: Files, config):
        # Material's lunr search is replaced by ours: its worker and language packs are dead weight.
        for file in list(files):
            if file.src_uri.startswith(search_index.MATERIAL_SEARCH_ASSETS):
                files.remove(file)
        # Generated files come from the cache folder with a real source path:
        # mkdocs-static-i18n then treats them like theme assets, copied once at the root.
        web_fonts = fonts.web_fonts()
        for font in web_fonts:
            files.append(File.generated(config, font.path, abs_src_path=str(font.source)))
        css = ward.brand_css(self.project.ward.colours, fonts.font_face_css(web_fonts))
        files.append(File.generated(config, "assets/stylesheets/brand.css", abs_src_path=str(generated("brand.css", css))))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        # Sections other modules add to a page (its infographics, charts, latest
        # news...) go before the source list, which pages.render puts last.
        added = [section(page, self.language, self.project) for section in PAGE_SECTIONS]
        markdown = "\n\n".join([markdown.rstrip(), *filter(None, added)]) + "\n"
        values = self.project.ward.values(self.language)
        return pages.render(markdown, page.meta, self.language, values, self.project.registries)

    @event_priority(10)
    def on_post_build(self, config):
        material = config.plugins.get("material/search")
        if material is None or not hasattr(material, "search_index"):
            return
        entries = material.search_index.entries
        documents = search_index.documents_from_entries(entries)
        entries.clear()
        # With mkdocs-static-i18n, site_dir stays the root for every language.
        for path, data in search_index.build_index(documents, self.language).items():
            write_atomic(os.path.join(config.site_dir, path), data)
