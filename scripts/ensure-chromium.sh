#!/usr/bin/env bash
# The web chat browser test drives Debian's chromium with playwright-core (no browser downloads
# here). Installs the package when it is missing; needs root or passwordless sudo.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "ensure-chromium: installing Debian's chromium package" >&2
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y --no-install-recommends chromium >/dev/null ||
  { as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends chromium >/dev/null; }
command -v chromium >/dev/null
