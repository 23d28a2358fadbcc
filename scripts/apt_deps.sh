#!/usr/bin/env bash
# Install (as root) the Debian packages that the tests and reports need.
# Idempotent: apt is only called when one of them is missing.
set -euo pipefail
# Usage: apt_deps.sh [run|test]; `run` needs only what serving and printing need.
# libpq-dev: psycopg2 (pinned by Odoo as source package) compiles against it.
pkgs=(wkhtmltopdf fonts-noto-cjk libpq-dev)
[ "${1:-test}" = run ] || pkgs+=(chromium poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui)
need=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && { echo "==> System packages already installed"; exit 0; }
[ "$(id -u)" = 0 ] || { echo "ERROR: missing packages ${need[*]}; run as root: apt-get install ${need[*]}" >&2; exit 1; }
echo "==> Installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends keeps out printer/desktop stacks that wkhtmltopdf recommends.
apt-get install -y -qq --no-install-recommends "${need[@]}"
