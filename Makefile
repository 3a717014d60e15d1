# Two commands for a fresh machine: `make site` and `make test`.
# Each sets up what it needs itself (virtual environment with pinned packages,
# npm packages, Debian's chromium) and does nothing twice. The site needs npm too:
# the web editor at /admin/ is Decap CMS, copied from node_modules at build time.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP := $(VENV)/.setup-done
NODE_SETUP := node_modules/.setup-done
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Material prints a migration banner on every build; the pin to mkdocs<2 is deliberate.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site publish test serve cms bench article validate hooks infographics clips print fix-unicode lock clean system-packages

## make site: set up and build the whole site into site/ (atomically).
site: $(SETUP) $(NODE_SETUP)
	$(BIN)/wardpub build

## make publish: the build that goes public: like make site, but refuses while any detail
## of the ward in mkdocs.yml (extra.ward, site_url) is still a placeholder.
publish: $(SETUP) $(NODE_SETUP)
	$(BIN)/wardpub build --publish

## make test: set up everything the tests need and run them all.
test: $(SETUP) $(NODE_SETUP) system-packages
	$(BIN)/pytest

## make serve: live preview (a dirty one: MkDocs renders what changed) at http://127.0.0.1:8000/ plus the path of site_url (/nq71/ as shipped) while you edit.
serve: $(SETUP) $(NODE_SETUP)
	$(BIN)/mkdocs serve --livereload --dirty

## make cms: try the web editor without GitHub: decap-server (port 8081) writes files here, the preview reloads.
cms: $(SETUP) $(NODE_SETUP)
	@echo "Trình biên tập: địa chỉ mkdocs in ra bên dưới, thêm admin/ (ví dụ http://127.0.0.1:8000/nq71/admin/). Ctrl+C để dừng."
	PORT=8081 BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn node node_modules/decap-server/dist/index.js & \
	server=$$!; trap 'kill $$server' EXIT; \
	WARDPUB_CMS_LOCAL_BACKEND=http://127.0.0.1:8081/api/v1 $(BIN)/mkdocs serve --livereload --dirty

## make bench: speed and size figures against baselines measured in the same run.
bench: $(SETUP) $(NODE_SETUP) system-packages
	$(BIN)/wardpub bench

## make article: start a new article; asks for its Vietnamese title (or TITLE="...").
article: $(SETUP)
	$(BIN)/wardpub new-article $(if $(TITLE),"$(TITLE)")

## make validate: check every article, page, spec and table without building.
validate: $(SETUP)
	$(BIN)/wardpub validate

## make hooks: check content before every git commit (pre-commit runs `wardpub validate`).
hooks: $(SETUP)
	$(BIN)/pre-commit install

## make infographics: render the infographics that changed into infographics-out/ (OUT=... for another folder).
infographics: $(SETUP)
	$(BIN)/wardpub infographics --out $(or $(OUT),infographics-out)

## make clips: render the infographics' clips that changed into clips-out/ (OUT=... for another folder).
## `WARDPUB_CLIPS=1 make site` also renders them into the site (the deploy workflow does).
clips: $(SETUP)
	$(BIN)/wardpub clips --out $(or $(OUT),clips-out)

## make print: draw the print kit's changed files into print-out/ (OUT=... for another folder).
print: $(SETUP)
	$(BIN)/wardpub print --out $(or $(OUT),print-out)

## make fix-unicode: rewrite pages and tables typed in decomposed Unicode as NFC.
fix-unicode: $(SETUP)
	$(BIN)/wardpub fix-unicode

$(SETUP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(NODE_SETUP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the browser, server, print and validator tests drive; installed only when missing.
# poppler-utils: pdfinfo, pdffonts, pdftoppm, pdftotext (the print kit and the quiz's paper sheets); LibreOffice converts the slides
# (with Liberation Sans standing in for Arial, as on an office machine without it); Java runs the W3C validator.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-impress"; \
	fc-list 2>/dev/null | grep -q LiberationSans-Regular || missing="$$missing fonts-liberation"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## make lock: re-resolve requirements.in into the pinned requirements.txt.
lock:
	rm -rf .cache/lock-venv && $(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned full dependency set, generated from requirements.in by 'make lock'. Do not edit by hand."; \
	  .cache/lock-venv/bin/pip freeze --all | grep -v '^pip=='; } > requirements.txt

clean:
	rm -rf site .build .cache
