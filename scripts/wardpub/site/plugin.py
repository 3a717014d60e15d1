"""MkDocs hooks of the wardpub plugin. Thin: each hook hands over to a module.

Run order matters with mkdocs-static-i18n, which builds the whole site once
per language (the other languages from inside its own on_post_build, at
priority -100) and switches `theme.language` in its on_config (-100):

- on_config runs after it (-110), so it sees the language being built;
- on_files runs twice: before it (0), to drop drafts and future articles so
  no language sees them, and after it (-110), to add this language's
  generated news listings, which it would otherwise try to pair by language,
  the pictures of its news cards (made from its link-preview cards) and the
  post kit's thousands of files (nothing for it to sort);
- on_post_template writes the not-found page of each language where its
  readers land (the English build's under en/, not over the Vietnamese one);
- on_post_build runs before Material's search plugin (10), taking the
  entries Material's parser made for our folded index and leaving Material an
  empty list (its search_index.json keeps only its settings, so a first visit
  downloads a few hundred bytes).

Work that needs no MkDocs object runs outside the plugin, before or after the
build (`wardpub.site.publish`): the sitemap index, the server configuration. See
the README's "Material's end of life" for what here depends on MkDocs,
Material or mkdocs-static-i18n internals.
"""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from markupsafe import Markup
from mkdocs.structure.files import File, Files, InclusionLevel

from ..media import charts
from ..media.clips import output as clip_output
from ..media.clips import pages as clip_pages
from ..media.infographics import check as infographic_checks
from ..media.printkit import kit as print_kit
from ..data import chronology, dated, pages, sanitize, ward
from . import chart_pages, cms, dashboard, embeds, feeds, frontpage, gallery, layout, print_page, quiz, search_index, social
from .. import fonts, language
from .posts import calendar as post_calendar
from .posts import kit as post_kit
from .posts import pages as post_pages
from ..cache import generated, use_project, write_output
from .news import GeneratedPage, News
from ..language import prefix
from .pictures import Pictures
from ..data.articles import NEWS_INDEX
from ..project import Project, blank_translations, check_project, shared_fingerprint


# Functions (page, language, project) -> Markdown that add a section to a page.
# Each infographic's section also offers its clip (wardpub.media.clips), once rendered.
PAGE_SECTIONS: tuple = (partial(gallery.page_section, extras=(clip_pages.item_section,)), chart_pages.page_section,
                         dashboard.page_section, post_pages.page_section, print_page.page_section, quiz.page_section)


def language_alternates(config) -> list[dict]:
    """The language switcher's entries (name, link, lang) for the page being built.

    mkdocs-static-i18n sets them as an attribute of `extra` (per page) only for
    a theme named `material`; with any other theme they come from the
    per-language `extra.alternate` override in the configuration.
    """
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def material_search_entries(config) -> list[dict] | None:
    """The sections Material's search plugin parsed from this language's pages (None without it).

    Material 9 keeps them on its plugin; mkdocs-materialx 10 on its lunr provider.
    """
    for name in ("material/search", "materialx/search"):
        plugin = config.plugins.get(name)
        index = getattr(getattr(plugin, "provider", plugin), "search_index", None)
        if index is not None:
            return index.entries
    return None


class LinkedFile(File):
    """A file the build made (images, cards, zips, fonts: most of them in the content-addressed
    cache), hard-linked into the site rather than copied. A site with 1,000 articles carries some
    500 MB of them; linking takes no time and no space. The cache never changes a file in place
    (wardpub.cache writes a new one and renames it), so the site's link keeps what was built.
    Where the site is on another file system, the file is copied as MkDocs would."""

    copied = True  # False: listed so this build's links to it resolve, copied by another language's build

    def copy_file(self, dirty: bool = False) -> None:
        if not self.copied:
            return
        if self._content is not None or self.abs_src_path is None or (dirty and not self.is_modified()):
            return super().copy_file(dirty)
        output = self.abs_dest_path
        try:
            try:
                os.link(self.abs_src_path, output)
            except FileNotFoundError:  # its folder first (asked only when missing: most files share one)
                os.makedirs(os.path.dirname(output), exist_ok=True)
                os.link(self.abs_src_path, output)
            except FileExistsError:  # from a preview's earlier build (a fresh site folder has none)
                os.remove(output)
                os.link(self.abs_src_path, output)
        except OSError:
            super().copy_file(dirty)


class WardConfig(base.Config):
    pass


class WardPlugin(BasePlugin[WardConfig]):
    def __init__(self):
        self.project: Project | None = None
        self.news: News | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.previews: social.Previews | None = None
        self.stylesheets: list[str] = []
        self.page_urls: set[str] = set()  # every page of this language build, for links to pages that may not exist yet
        self.language = language.DEFAULT_LANGUAGE
        # A live preview run with --dirty (`make serve`) rebuilds only what changed (see _dirty_pages).
        self.dirty = False
        self.shared_key: dict[str, tuple] = {}  # language -> what the last rebuild's non-page inputs were
        self.news_key: dict[str, str] = {}  # language -> what the last rebuild's pages showing news showed
        self.search_pages: dict[str, dict[str, list]] = {}  # language -> page -> its search documents

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this instance across a live preview's rebuilds (MkDocs 1.4+),
        # so a dirty rebuild can keep what earlier rebuilds made.
        self.dirty = command == "serve" and dirty

    @event_priority(-110)
    def on_config(self, config):
        # Cached files live beside the mkdocs.yml being built (`mkdocs serve` reaches here first).
        use_project(Path(config.config_file_path).parent)
        self.language = config.theme.get("language", language.DEFAULT_LANGUAGE)
        # mkdocs-static-i18n sets each page's switcher links as an attribute of extra: the last page's
        # would follow the next language's build into templates without a page (its not-found page).
        vars(config.extra).pop("alternate", None)
        self.project = check_project(dict(config.extra), config.docs_dir, config.site_url)
        if self.project.problems:
            raise PluginError("\n".join(str(p) for p in self.project.problems))
        config.site_name = self.project.ward.site_name(self.language)
        # Material's inline script then names one scope for every page, so its
        # hash is the same everywhere and the Content-Security-Policy can list it.
        config.extra["scope"] = urlsplit(config.site_url or "/").path or "/"
        if self.dirty:
            # A preview needs neither the sitemap (the published one is wardpub.site.sitemaps') nor the
            # styled not-found page (the preview server answers a plain one), and MkDocs would render
            # both on every save: the sitemap from every page, the not-found page over the whole nav.
            config.theme.static_templates.difference_update({"sitemap.xml", "404.html"})
        self.news = News(self.project.articles, self.project.registries, site_url=config.site_url)
        return config

    def on_env(self, env, config, files):
        env.filters["ward_date"] = lambda value, style="short": language.date(value, self.language, style)
        env.globals["ward_t"] = lambda key, **values: language.t(key, self.language, **values)
        env.globals["ward_t_in"] = lambda key, other: language.t(key, other)
        other = next(code for code in language.LANGUAGES if code != self.language)
        # Written as a path from the site's root: the not-found page answers at any depth.
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        env.globals["ward_other_language"] = {"lang": other, "home": root + prefix(other)}
        env.filters["ward_search_worker"] = search_index.with_worker
        env.globals["ward"] = self.project.ward.values(self.language)
        env.globals["ward_links"] = self.project.ward.links()
        env.globals["ward_logo"] = ward.logo_tag(self.project.ward, config.docs_dir)
        env.filters["ward_absolute"] = lambda url: urljoin(config.site_url or "", url or "")
        env.globals["ward_feeds"] = feeds.head_links(self.language)
        env.globals["ward_share_bar"] = self._share_bar
        env.globals["ward_related"] = lambda page: Markup(self.news.related_html(page.file.src_uri, page.url, self.language)) if page else ""
        env.globals["ward_post_kit"] = self._post_kit
        return env

    def _share_bar(self, page) -> Markup:
        """Share buttons for articles and content pages (not listings, not pages with share: false)."""
        if page is None or not page.canonical_url or page.file.src_uri in self.generated or page.meta.get("share") is False:
            return Markup("")
        return Markup(social.share_bar(page.canonical_url, page.title, self.language, self.project.ward.zalo_id()))

    def _post_kit(self, page) -> Markup:
        """The folded "Đăng bài" panel under an article (infographics get theirs from the gallery)."""
        article = self.news.by_src.get(page.file.src_uri) if page is not None else None
        if article is None:
            return Markup("")
        return Markup(post_pages.item_panel(self.project.posts, article.slug, page.url, self.language, self.news.today))

    @event_priority(0)
    def _files_before_i18n(self, files: Files, config):
        # Material's lunr search is replaced by ours: its worker and language packs are dead weight.
        # Drafts and articles dated in the future are not built at all, nor blank English files (no translation).
        untranslated = blank_translations(config.docs_dir)
        for file in list(files):
            if (file.src_uri.startswith(search_index.MATERIAL_SEARCH_ASSETS) or file.src_uri in self.news.hidden
                    or file.src_uri in untranslated):
                files.remove(file)
        # Generated files come from the cache folder with a real source path: mkdocs-static-i18n
        # then treats them like theme assets, at the root. Every language's build lists them (its
        # pages link to them); the last language's build copies them, once.
        def shared(uri: str, path) -> LinkedFile:
            file = LinkedFile.generated(config, uri, abs_src_path=str(path))
            file.copied = self.language == language.LANGUAGES[-1]
            return file

        web_fonts = fonts.web_fonts()
        for font in web_fonts:
            files.append(shared(font.path, font.source))
        css = ward.brand_css(self.project.ward.colours, fonts.font_face_css(web_fonts))
        files.append(shared("assets/stylesheets/brand.css", generated("brand.css", css)))
        # Charts (drawn only when their inputs changed), their manifest, the dashboard's CSV downloads.
        # Infographics likewise (only what changed is rendered), with their manifest.
        # The clips already rendered (all of them first, with WARDPUB_CLIPS=1), with their manifest.
        # The post kit's zips, Zalo drafts and manifest, and the campaign calendar's feed.
        # The print kit likewise (only changed documents are drawn), with its manifest.
        # The quiz's bank (JSON per language), its exports for schools and the paper sets' PDFs.
        for uri, path in (charts.site_files(self.project, config.site_url) + dashboard.site_files(self.project)
                          + gallery.site_files(self.project) + clip_output.site_files(self.project)
                          + post_calendar.site_files(self.project) + print_kit.site_files(self.project)
                          + quiz.site_files(self.project)):
            files.append(shared(uri, path))
        # Embed pages use the site's stylesheets: Material's (its name carries a hash) and ours.
        self.stylesheets = [f.src_uri for f in files if re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css", f.src_uri)]
        self.stylesheets += list(config.extra_css)
        # The web editor at /admin/ (its preview uses the same stylesheets): Decap's bundle, its configuration.
        try:
            editor = cms.site_files(self.project, config.config_file_path, config.site_url,
                                    self.project.ward.site_name(language.DEFAULT_LANGUAGE), self.stylesheets)
        except (FileNotFoundError, ValueError) as error:
            raise PluginError(str(error)) from None
        for uri, path in editor:
            files.append(shared(uri, path))
        self.stylesheets.append("assets/stylesheets/embed.css")
        return files

    @event_priority(-110)
    def _files_after_i18n(self, files: Files, config):
        # The post kit's thousands of zips and drafts, added after mkdocs-static-i18n has sorted the
        # files by language (it has nothing to do with them), are linked only from HTML (its panels),
        # which MkDocs does not check: the default language's build alone makes and copies them.
        # Languages built side by side (wardpub.site.languages) then take about as long as each other.
        if self.language == language.DEFAULT_LANGUAGE:
            for uri, path in post_kit.site_files(self.project, self.news.today):
                files.append(LinkedFile.generated(config, uri, abs_src_path=str(path)))
        self.generated = {page.src_uri: page for page in self.news.generated_pages(self.language)}
        for page in self.generated.values():
            files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        # Every page's link-preview image, the missing cards rendered together.
        self.previews = social.Previews(self.project, self.language)
        facts = social.page_facts(files.documentation_pages(), self.project, self.news, self.generated, self.language)
        for path, source in self.previews.prepare(facts):
            files.append(LinkedFile.generated(config, path, abs_src_path=str(source)))
        path, listing = self.previews.manifest()
        files.append(File.generated(config, path, content=listing))
        # The news cards' pictures: each article's cover, else its preview card, resized.
        wanted = self.news.picture_sources(self.language, self.previews.card_file, Path(config.docs_dir))
        prepared = Pictures().prepare(wanted)
        self.news.set_pictures(self.language, prepared)
        for picture in prepared.values():
            for path, source in picture.files.items():
                files.append(LinkedFile.generated(config, path, abs_src_path=str(source)))
        self.page_urls = {file.url for file in files.documentation_pages()}
        if self.dirty:
            self._dirty_pages(files, config)
        return files

    def _dirty_pages(self, files: Files, config) -> None:
        """In a dirty rebuild MkDocs renders a page only when its file is newer than its output. Pages
        that show other pages' content are rendered again when what they show of the articles changed
        (News.listing_key): the home page, the news lists, content points (their related news) and the
        campaign calendar (the articles' posts); and every page is when anything but a page changed
        (tables, specs, templates, the ward's details), since pages show infographics, charts, figures
        and sources from them, or the theme or mkdocs.yml did."""
        custom = config.theme.custom_dir
        theme = [Path(config.config_file_path)] + (sorted(p for p in Path(custom).rglob("*") if p.is_file()) if custom else [])
        key = (shared_fingerprint(dict(config.extra), Path(config.docs_dir), config.site_url),
               tuple((str(p), p.stat().st_mtime_ns) for p in theme))
        changed_data = self.shared_key.get(self.language) != key
        self.shared_key[self.language] = key
        news_key = self.news.listing_key(self.language)
        changed_news = self.news_key.get(self.language) != news_key
        self.news_key[self.language] = news_key
        for file in files.documentation_pages():
            if changed_data or (changed_news and self._shows_news(file.src_uri)):
                file.is_modified = lambda: True
            elif file.src_uri in self.generated and os.path.isfile(file.abs_dest_path):
                file.is_modified = lambda: False  # MkDocs would render a generated listing on every save

    def _shows_news(self, src_uri: str) -> bool:
        if src_uri in self.generated or src_uri in frontpage.HOME or src_uri in NEWS_INDEX:
            return True
        if src_uri.replace(".en.md", ".vi.md") == post_pages.CALENDAR_PAGE:
            return True
        meta = self.project.pages.get(src_uri)
        return meta is not None and meta.category is not None

    on_files = CombinedEvent(_files_before_i18n, _files_after_i18n)

    def on_page_markdown(self, markdown, page, config, files):
        src_uri = page.file.src_uri
        # Dated statements in the title and description (head, cards, search) are worded for today too.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = dated.plain_words(page.meta[key], self.language, self.news.today)
        if src_uri in self.news.by_src:
            markdown, meta = self.news.article_markdown(markdown, src_uri, page.url, self.language)
            page.meta.update(meta)
        if src_uri in frontpage.HOME:
            markdown = frontpage.compose(markdown, page, self.language, self.project, self.news, self.page_urls)
        # Sections other modules add to a page (its infographics, charts, related
        # news...) go before the source list, which pages.render puts last.
        added = [section(page, self.language, self.project) for section in PAGE_SECTIONS]
        added.append(self.news.section(src_uri, page.meta, page.url, self.language))
        markdown = "\n\n".join([markdown.rstrip(), *filter(None, added)]) + "\n"
        markdown = chronology.localize_update_notes(markdown, self.language)
        values = self.project.ward.page_values(self.language)
        return pages.render(markdown, page.meta, self.language, values, self.project.registries, self.news.today)

    def on_serve(self, server, config, builder):
        # The infographics' specs and templates live beside docs/: `make serve` watches them too.
        for folder in infographic_checks.watched_folders(config.config_file_path):
            server.watch(str(folder))
        return server

    def on_page_content(self, html, page, config, files):
        # The last guard against active content, whatever the Markdown looked like.
        problems = sanitize.html_problems(html, f"docs/{page.file.src_uri}")
        if problems:
            raise PluginError("\n".join(str(p) for p in problems))
        return pages.with_print_addresses(html, page.canonical_url or config.site_url)

    def on_post_page(self, output, page, config):
        return layout.valid_markup(output, self.language)

    def on_post_template(self, output, template_name, config):
        # Each language has its not-found page: the English build writes its own under en/
        # (MkDocs would put it at the root, over the Vietnamese one) and returns nothing for the root.
        if template_name != "404.html":
            return output
        output = layout.valid_markup(output, self.language)
        if self.language != language.DEFAULT_LANGUAGE:
            write_output(os.path.join(config.site_dir, prefix(self.language), "404.html"), output)
            return ""
        return output

    def on_page_context(self, context, page, config, nav):
        # mkdocs-static-i18n sets each page's language alternates; generated listings get theirs here.
        listing = self.generated.get(page.file.src_uri)
        if listing:
            # Set as an attribute, as mkdocs-static-i18n does: templates read config.extra.alternate.
            config.extra.alternate = [
                {**alternate, "link": listing.alternates[alternate["lang"]]} for alternate in language_alternates(config)
            ]
        # What kind of page this is: which sidebars it keeps, its kicker, whether it can be listened to.
        shape = layout.shape(page, self.language, self.project, self.news, set(self.generated))
        page.meta["hide"] = list(shape.hide)
        context["ward_page"] = shape.context()
        locale, alternates = social.locales(self.language)
        article = self.news.by_src.get(page.file.src_uri)
        context["ward_social"] = {
            "image": self.previews.meta(page.url, config.site_url),
            "type": "article" if article else "website",
            "published": article.meta.date.isoformat() if article else None,
            "locale": locale,
            "locale_alternates": alternates,
        }
        return context

    @event_priority(10)
    def on_post_build(self, config):
        outputs = feeds.feed_files(self.news, self.language, config.site_url, config.site_name)
        outputs |= embeds.Writer(config, self.project, self.news, self.language, self.stylesheets).files()
        for path, data in outputs.items():
            write_output(os.path.join(config.site_dir, path), data)
        entries = material_search_entries(config)
        if entries is None:
            return
        documents = search_index.documents_from_entries(entries)
        entries.clear()
        if self.dirty:  # only some pages were rendered: the others keep their documents from earlier rebuilds
            pages = self.search_pages.setdefault(self.language, {})
            rendered: dict[str, list] = {}
            for document in documents:
                rendered.setdefault(document.location.split("#")[0], []).append(document)
            pages.update(rendered)
            documents = [document for page in pages.values() for document in page]
        # With mkdocs-static-i18n, site_dir stays the root for every language.
        for path, data in search_index.build_index(documents, self.language).items():
            write_output(os.path.join(config.site_dir, path), data)
