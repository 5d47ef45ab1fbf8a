#!/usr/bin/env bash
# Release bundles: for every plugins/<host>/ a zip of the plugin root with its release
# binaries, a release marketplace catalog pinning this version, and SHA256SUMS.
# Reproducible: fixed mtimes (SOURCE_DATE_EPOCH), sorted entries, normalised modes,
# stripped binaries, and a check that no build path of this checkout is left inside.
#
#   VERSION=0.1.0 RELEASE_BASE_URL=https://host/path SOURCE_DATE_EPOCH=1767225600 \
#     scripts/bundle.sh [DIST_DIR]
set -euo pipefail
export LC_ALL=C TZ=UTC

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="${1:-$root/dist}"
: "${VERSION:?set VERSION (the one version constant)}"
: "${RELEASE_BASE_URL:?set RELEASE_BASE_URL (where the release assets will be downloadable)}"
: "${SOURCE_DATE_EPOCH:?set SOURCE_DATE_EPOCH (the fixed mtime of every archive entry)}"
case "$RELEASE_BASE_URL" in https://*) ;; *) echo "bundle: RELEASE_BASE_URL must be https:// (Claude Code fetches archives over HTTPS only)" >&2; exit 1;; esac
base="${RELEASE_BASE_URL%/}"

os="$(uname -s | tr '[:upper:]' '[:lower:]')"
platform="${BUNDLE_PLATFORM:-$os-$(uname -m)}"
if command -v sha256sum >/dev/null; then sha() { sha256sum "$@"; }; else sha() { shasum -a 256 "$@"; }; fi
strip_binary() { if [ "$os" = darwin ]; then strip -S -x "$1"; else strip --strip-all "$1"; fi; }
size() { wc -c <"$1" | tr -d ' '; }

mkdir -p "$dist"
dist="$(cd "$dist" && pwd)"   # absolute: the zip step runs inside the staging folder
stage="$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bundle.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
rm -f "$dist"/gatehouse-*-"$VERSION"-"$platform".* "$dist/SHA256SUMS"

hosts=()
for dir in "$root"/plugins/*/; do
  host="$(basename "$dir")"
  [ -d "$dir/bin" ] && [ -n "$(ls -A "$dir/bin" 2>/dev/null)" ] || {
    echo "bundle: $dir has no bin/ binaries; run 'make build' first" >&2; exit 1; }
  hosts+=("$host")
done
[ "${#hosts[@]}" -gt 0 ] || { echo "bundle: no plugins/*/ folders" >&2; exit 1; }

catalog_claude() { # zip sha256
  cat <<JSON
{
  "name": "gatehouse",
  "owner": {
    "name": "Gatehouse",
    "url": "https://github.com/gatehouse-dev/gatehouse"
  },
  "description": "Gatehouse $VERSION release for $platform: governance plugins for AI coding agents.",
  "plugins": [
    {
      "name": "gatehouse",
      "source": {
        "source": "archive",
        "url": "$base/$1",
        "sha256": "$2"
      },
      "version": "$VERSION",
      "description": "Gatehouse $VERSION for Claude Code ($platform): policy checks before tool calls, redaction after, audit trail.",
      "category": "security"
    }
  ]
}
JSON
}
# The same plugin as a local (directory) marketplace, for fleets that unpack the zip with
# MDM: unpack to <dir>/gatehouse, put this file at <dir>/.claude-plugin/marketplace.json,
# and name <dir> in managed settings (gatehouse fleet render --marketplace-dir <dir>).
catalog_claude_local() {
  cat <<JSON
{
  "name": "gatehouse",
  "owner": {
    "name": "Gatehouse",
    "url": "https://github.com/gatehouse-dev/gatehouse"
  },
  "description": "Gatehouse $VERSION release for $platform, unpacked next to this catalog.",
  "plugins": [
    {
      "name": "gatehouse",
      "source": "./gatehouse",
      "version": "$VERSION",
      "description": "Gatehouse $VERSION for Claude Code ($platform): policy checks before tool calls, redaction after, audit trail.",
      "category": "security"
    }
  ]
}
JSON
}
# Codex installs from a local marketplace folder: unpack the zip to <dir>/gatehouse and
# put this file at <dir>/.agents/plugins/marketplace.json.
catalog_codex() {
  cat <<JSON
{
  "name": "gatehouse",
  "interface": {
    "displayName": "Gatehouse $VERSION"
  },
  "plugins": [
    {
      "name": "gatehouse",
      "source": {
        "source": "local",
        "path": "./gatehouse"
      },
      "policy": {
        "installation": "AVAILABLE",
        "authentication": "ON_INSTALL"
      },
      "category": "Security"
    }
  ]
}
JSON
}
# Cursor: the same local layout, at <dir>/.cursor-plugin/marketplace.json.
catalog_cursor() {
  cat <<JSON
{
  "name": "gatehouse",
  "owner": {
    "name": "Gatehouse"
  },
  "metadata": {
    "description": "Gatehouse $VERSION release for $platform.",
    "version": "$VERSION"
  },
  "plugins": [
    {
      "name": "gatehouse",
      "source": "gatehouse",
      "description": "Gatehouse $VERSION for Cursor: policy checks before tool calls, redaction after, audit trail."
    }
  ]
}
JSON
}

echo "==> bundling Gatehouse $VERSION for $platform (${hosts[*]}), mtime $SOURCE_DATE_EPOCH"
for host in "${hosts[@]}"; do
  src="$root/plugins/$host"
  dst="$stage/$host"
  mkdir -p "$dst"
  cp -R "$src/." "$dst/"
  find "$dst" \( -name .DS_Store -o -name '*.partial.*' \) -exec rm -f {} +
  find "$dst" -type d -exec chmod 0755 {} +
  find "$dst" -type f -exec chmod 0644 {} +
  for bin in "$dst"/bin/*; do chmod 0755 "$bin"; strip_binary "$bin"; done
  # No path of this checkout (or its build tree) may be baked into any file.
  if grep -rl --binary-files=binary -F "$root" "$dst" >/dev/null 2>&1; then
    echo "bundle: build paths of $root remain in:" >&2; grep -rl -F "$root" "$dst" >&2; exit 1
  fi
  find "$dst" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  zip_name="gatehouse-$host-$VERSION-$platform.zip"
  echo "  -> $zip_name"
  (cd "$dst" && find . -type f | sed 's|^\./||' | sort | zip -X -D -q -9 "$dist/$zip_name" -@)
  digest="$(sha "$dist/$zip_name" | cut -d' ' -f1)"
  catalog="gatehouse-$host-$VERSION-$platform.marketplace.json"
  case "$host" in
    claude)
      catalog_claude "$zip_name" "$digest" >"$dist/$catalog"
      local_catalog="gatehouse-$host-$VERSION-$platform.local-marketplace.json"
      catalog_claude_local >"$dist/$local_catalog"
      echo "  -> $local_catalog" ;;
    codex) catalog_codex >"$dist/$catalog" ;;
    cursor) catalog_cursor >"$dist/$catalog" ;;
    *) echo "     (no release catalog format known for host '$host'; zip only)"; catalog="" ;;
  esac
  [ -z "$catalog" ] || echo "  -> $catalog"
done

(cd "$dist" && sha $(ls gatehouse-*-"$VERSION"-"$platform".* | sort) >SHA256SUMS)
echo "==> dist summary ($dist)"
while read -r digest name; do
  printf '  %-58s %10s bytes  sha256 %s\n' "$name" "$(size "$dist/$name")" "$digest"
done <"$dist/SHA256SUMS"
