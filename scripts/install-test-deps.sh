#!/usr/bin/env bash
# Installs what the tests need and a fresh machine lacks: PostgreSQL server, Chromium and a Chinese font, from Debian packages.
set -euo pipefail
need=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
# A Chinese font, or the browser tests' screenshots of Chinese pages show boxes instead of characters.
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || need+=(fonts-wqy-zenhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian packages..."
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
