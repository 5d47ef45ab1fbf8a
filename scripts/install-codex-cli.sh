#!/usr/bin/env bash
# Installs the real OpenAI Codex CLI for the end-to-end tests into <repo>/.tools/codex.
# The CLI ships inside the PyPI wheel openai-codex-cli-bin (OpenAI's pinned runtime for
# its Python SDK), so this works on machines whose only network is PyPI. Idempotent:
# silent when the pinned version is already installed. Prints the binary path last.
set -euo pipefail

CODEX_VERSION="0.163.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo_root/.tools/codex"
binary="$dest/codex_cli_bin/bin/codex"

if [[ -x "$binary" ]] && "$binary" --version 2>/dev/null | grep -q "^codex-cli $CODEX_VERSION\$"; then
  exit 0
fi

die() { echo "install-codex-cli: $*" >&2; exit 1; }
pip_cmd=()
if command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
  pip_cmd=(python3 -m pip)
elif command -v pip3 >/dev/null 2>&1; then
  pip_cmd=(pip3)
else
  die "pip is missing. Install it (Debian: apt-get install python3-pip) and re-run."
fi

echo "install-codex-cli: installing openai-codex-cli-bin==$CODEX_VERSION from PyPI ..." >&2
tmp="$dest.partial.$$"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
if ! "${pip_cmd[@]}" install --quiet --no-deps --only-binary=:all: --target "$tmp" \
      "openai-codex-cli-bin==$CODEX_VERSION" >"$tmp.log" 2>&1; then
  cat "$tmp.log" >&2; rm -f "$tmp.log"
  die "pip install of openai-codex-cli-bin==$CODEX_VERSION failed (see above)."
fi
rm -f "$tmp.log"
[[ -x "$tmp/codex_cli_bin/bin/codex" ]] || die "the wheel has no codex_cli_bin/bin/codex (unsupported platform?)."
# Replace atomically so a concurrent run never sees a half-installed tree.
rm -rf "$dest.old"; [[ -e "$dest" ]] && mv "$dest" "$dest.old"
mv "$tmp" "$dest"; rm -rf "$dest.old"
"$binary" --version
