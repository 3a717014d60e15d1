"""The print and meeting kit: posters, boards, banners, a leaflet, slides and an outline from the same data.

Every printed item is laid out by the image engine (wardpub.infographics:
print templates in millimetres and points, `print/templates/`) and drawn by
its PDF backend (vector, CMYK, bleed and crop marks) and, for the study
session's slides, its PowerPoint backend. One module per concern:

- `specs`    the print items (`print/an-pham/*.yml`) and the ward's slogans (`print/khau-hieu.yml`): schema, loading, checks
- `items`    items resolved into documents (one PDF each), their keys, text that does not fit as one line per field
- `deck`     the chi bộ study session (`print/sinh-hoat-chi-bo.yml`): slides with speaker notes, the A4 outline
- `output`   drawing into the content-addressed cache, previews, `print/manifest.json`
- `kit`      the part of `wardpub.validate.check_project` that checks the kit, and the files the site gets
- `page`     the print-kit page ("Tài liệu in") for staff
- `command`  `wardpub print`
"""

from .kit import PrintKit, check_print_kit, print_kit_inputs, site_files
from .page import page_section

__all__ = ["PrintKit", "check_print_kit", "page_section", "print_kit_inputs", "site_files"]
