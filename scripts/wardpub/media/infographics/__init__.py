"""The infographics engine and the communications team's share kit.

Every infographic is a small YAML spec (`infographics/<id>.yml`) drawn with a
template that is data too (`infographics/templates/<name>.yml`) by one
generic renderer, in four formats and two languages, into PNG files to post
and WebP files to show on the site. One module per concern:

- `specs`    the schema of specs and templates, their loading and checks
- `resolve`  a spec in one format and language as plain data, its cache key, its addresses
- `layout`   text fitting: NFC, raqm shaping, glyph check, wrapping, shrinking
- `render`   the one layout: a resolved image planned as a page of primitives (and `render`: plan, then raster)
- `scene`    the laid-out page and the backend interface every output implements (one layout, many outputs)
- `raster`   the raster backend (Pillow): stills, and frames with per-layer effects
- `output`   PNG/WebP encoding, the content-addressed cache, rendering on all cores, the manifest
- `check`    the part of `wardpub.project.check_project` that refuses bad specs
- `cards`    a page's 1200×630 preview card from its title and section (og:image)
- `linebreak` Vietnamese line breaking: words kept whole, balanced titles
- `pdf`, `powerpoint` the print and slide backends
- `command`  `wardpub infographics`
- `measure`  the benchmark's figures (`make bench`)

An infographic's content schema is data (wardpub.data.content); its pages are
the site's (wardpub.site.gallery).
This package's __init__ imports nothing: importers name the module they use.
"""
