#!/bin/sh
# Runs a command as if MANAGED_DIR were the machine's Claude Code managed-settings folder
# (/etc/claude-code), without root and without touching the real /etc:
#   with_managed_settings.sh MANAGED_DIR SCRATCH_DIR command [args...]
# It enters a new user + mount namespace (unshare -rm), lays a throwaway overlay over
# /etc (upper layer in SCRATCH_DIR), creates /etc/claude-code there and bind-mounts
# MANAGED_DIR onto it. Claude Code 2.1.327 ignores CLAUDE_CODE_MANAGED_SETTINGS_PATH
# (see FINDINGS.md g), so this is how the tests deliver endpoint-managed settings.
set -eu
managed=$1; scratch=$2; shift 2
mkdir -p "$scratch/upper" "$scratch/work"
exec unshare -rm sh -c '
  set -e
  mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1/upper,workdir=$1/work" /etc
  mkdir -p /etc/claude-code
  mount --bind "$0" /etc/claude-code
  shift
  exec "$@"' "$managed" "$scratch" "$@"
