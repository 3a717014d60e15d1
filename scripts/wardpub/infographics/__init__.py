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
- `check`    the part of `wardpub.validate.check_project` that refuses bad specs
- `gallery`  the gallery page, the sections on content pages, the files MkDocs copies
- `cards`    a page's 1200×630 preview card from its title and section (og:image)
- `measure`  the benchmark's figures (`make bench`)
"""

from .cards import render_page_card
from .check import check_share_kit, share_kit_inputs, watched_folders
from .gallery import page_section, site_files

__all__ = ["check_share_kit", "page_section", "render_page_card", "share_kit_inputs", "site_files", "watched_folders"]
