"""wardpub: the build system behind the ward's Resolution 71 publication.

One small package with one module per concern; command-line entry points live
in `cli`, MkDocs hooks in `plugin`. Paths resolve from the project root (the
folder holding mkdocs.yml), never from the working directory.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent
DOCS_DIR = PROJECT_ROOT / "docs"
DATA_DIR = DOCS_DIR / "_data"
