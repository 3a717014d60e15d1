"""The published site: the MkDocs plugin and everything it adds to pages.

News listings, feeds, search, embeds, sitemaps, link previews, the galleries
and dashboards, the post kit, the quiz, the web editor's admin page, the
production server configuration and the atomic build. Modules here may read
`wardpub.media`, `wardpub.data`, `wardpub.project` and the foundation.
"""
