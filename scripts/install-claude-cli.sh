#!/usr/bin/env bash
# Installs the real Claude Code CLI for the end-to-end tests into <repo>/.tools/claude/claude.
# The CLI ships inside the PyPI wheel of claude-agent-sdk (a registry package), so this
# works on machines whose only network is PyPI. Idempotent: silent when already installed.
set -euo pipefail

SDK_VERSION="0.2.184"        # bundles Claude Code 2.1.327
CLAUDE_VERSION="2.1.327"
MEMBER="claude_agent_sdk/_bundled/claude"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest_dir="$repo_root/.tools/claude"
dest="$dest_dir/claude"

# Already there with the right version: nothing to say.
if [[ -x "$dest" ]] && "$dest" --version 2>/dev/null | grep -q "^$CLAUDE_VERSION "; then
  exit 0
fi

die() { echo "install-claude-cli: $*" >&2; exit 1; }

pip_cmd=()
if command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
  pip_cmd=(python3 -m pip)
elif command -v pip3 >/dev/null 2>&1; then
  pip_cmd=(pip3)
elif command -v pip >/dev/null 2>&1; then
  pip_cmd=(pip)
else
  die "pip is missing. Install it (Debian: apt-get install python3-pip) and re-run."
fi
command -v unzip >/dev/null 2>&1 || die "unzip is missing. Install it (Debian: apt-get install unzip) and re-run."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "install-claude-cli: downloading claude-agent-sdk==$SDK_VERSION from PyPI ..." >&2
# The wheel is platform-specific; ask for the one matching this machine.
if ! "${pip_cmd[@]}" download --quiet --no-deps --only-binary=:all: \
      --dest "$tmp" "claude-agent-sdk==$SDK_VERSION" >"$tmp/pip.log" 2>&1; then
  cat "$tmp/pip.log" >&2
  die "pip download of claude-agent-sdk==$SDK_VERSION failed (see above)."
fi

wheel="$(ls "$tmp"/claude_agent_sdk-*.whl 2>/dev/null | head -n 1 || true)"
[[ -n "$wheel" ]] || die "pip download produced no claude_agent_sdk wheel in $tmp."

unzip -q -o -j "$wheel" "$MEMBER" -d "$tmp/x" \
  || die "the wheel $(basename "$wheel") does not contain $MEMBER (unsupported platform?)."

mkdir -p "$dest_dir"
# Install atomically so a concurrent run never sees a half-written binary.
mv -f "$tmp/x/claude" "$dest.partial.$$"
chmod +x "$dest.partial.$$"
mv -f "$dest.partial.$$" "$dest"

"$dest" --version
