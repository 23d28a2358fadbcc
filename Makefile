# Developer entry points for the party_democratic_life Odoo 19.0 addon.
# The work is done by scripts/*.sh; this file only passes the settings on.
# Odoo 19.0 is taken from $(ODOO_SRC); when that has none, ODOO_ARCHIVE=<odoo source
# .tar.gz/.tar.xz/.zip> is unpacked there first (scripts/odoo_src.sh).
ODOO_SRC ?= /opt/odoo
VENV     ?= .venv
DB       ?= party_demo
PORT     ?= 8069
ODOO_ARCHIVE ?=
export ODOO_SRC ODOO_ARCHIVE VENV DB PORT

.PHONY: help venv run test lint bench trust i18n screenshots clean dropdb

help:
	@echo "make venv   create/refresh $(VENV) (Odoo's requirements + requirements*.txt)"
	@echo "make run    install/update the addon in database $(DB) and serve http://127.0.0.1:$(PORT)"
	@echo "make test   run the addon's tests in throwaway databases; last line: N passed, N failed"
	@echo "make lint   ruff + pylint-odoo"
	@echo "make bench  run benchmarks/bench.py (ARGS=... passes arguments)"
	@echo "make trust  reliability suite benchmarks/trust.py: load, faults, hostile input, backup (ARGS=...)"
	@echo "make i18n   export i18n/party_democratic_life.pot and merge it into i18n/zh_CN.po"
	@echo "make screenshots  retake static/description/screenshots/*.png (demo data, in Chinese) for the README"
	@echo "make clean  remove generated files: test logs, symlinked addons folder, caches (keeps $(VENV) and $(DB))"
	@echo "make dropdb drop database $(DB) and its filestore (the next make run recreates them)"

venv:
	@bash scripts/venv.sh

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

lint:
	@bash scripts/lint.sh

bench:
	@bash scripts/bench.sh $(ARGS)

trust:
	@bash scripts/trust.sh $(ARGS)

i18n:
	@bash scripts/i18n.sh

screenshots:
	@bash scripts/screenshots.sh

# .odoo-data/filestore and sessions stay: they belong to database $(DB).
clean:
	rm -rf .addons .odoo-data/test-* .odoo-data/screenshots .odoo-data/screenshots.log .odoo-data/addons-override .ruff_cache
	find . -path ./$(VENV) -prune -o -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

dropdb:
	dropdb --if-exists "$(DB)"
	rm -rf ".odoo-data/filestore/$(DB)"
