"""wardpub: the build system behind the ward's Resolution 71 publication.

One small package, one module per concern, grouped by family; imports run
one way, down this list (never up, never in a loop):

- `cli`, `tools`     the command-line entry points (thin: each calls one module); benchmarks,
                     baselines, headless Chromium for engineers (outside the build)
- `site.plugin`, `site.publish`  the MkDocs hooks and the atomic publishing build
- `project`          every check of the project, run before anything is built
- `site`             the published site's parts: listings, feeds, search, embeds, post kit, quiz
- `media`            drawing: the image engine and its outputs (images, clips, print, slides), charts
- `data`             editors' input: tables, pages, articles, reports, and the rules they pass
- foundation         `problems`, `cache`, `text`, `language`, `fonts`
- `resources`        strings, templates and schemas shipped with the package (not code)

Paths resolve from the project root (the folder holding mkdocs.yml), never
from the working directory.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"  # strings, templates, schemas shipped with the package
PROJECT_ROOT = PACKAGE_DIR.parent.parent
DOCS_DIR = PROJECT_ROOT / "docs"
DATA_DIR = DOCS_DIR / "_data"
