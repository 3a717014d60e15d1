"""The print and meeting kit: posters, boards, banners, a leaflet, slides and an outline from the same data.

Every printed item is laid out by the image engine (wardpub.media.infographics:
print templates in millimetres and points, `print/templates/`) and drawn by
its PDF backend (vector, CMYK, bleed and crop marks) and, for the study
session's slides, its PowerPoint backend. One module per concern:

- `specs`    the print items (`print/an-pham/*.yml`) and the ward's slogans (`print/khau-hieu.yml`): schema, loading, checks
- `items`    items resolved into documents (one PDF each), their keys, text that does not fit as one line per field
- `deck`     the chi bộ study session (`print/sinh-hoat-chi-bo.yml`): slides with speaker notes, the A4 outline
- `output`   drawing into the content-addressed cache, previews, `print/manifest.json`
- `kit`      the part of `wardpub.project.check_project` that checks the kit, and the files the site gets
- `command`  `wardpub print`
This package's __init__ imports nothing: importers name the module they use.
The print-kit page for staff is the site's (wardpub.site.print_page).
"""
