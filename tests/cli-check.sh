#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg --check without root, as user nobody when run as root: the
# facts only root reads are unknown, and said so.  Not golden cases,
# whose bootimg believes it is root (tests/cli/check holds the rest).
# TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-check

if ! command -v jq >/dev/null || ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP jq and python3 are needed (scripts/install-deps)"
	exit 0
fi

# --- without root: the facts only root reads are unknown, and said so --
nr=$(mktemp -d "${TMPDIR:-/tmp}/cli-check-nr.XXXXXX") || exit 99
mkdir -p "$nr/sys/kernel/security"
echo x >"$nr/sys/kernel/security/lsm"
echo 'none [integrity] confidentiality' >"$nr/sys/kernel/security/lockdown"
chmod -R a+rX "$nr"
chmod 600 "$nr/sys/kernel/security/lockdown"
as_nobody() {
	if [ "$(id -u)" -ne 0 ]; then "$@"
	elif command -v setpriv >/dev/null; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else return 77
	fi
}
as_nobody env BOOTIMG_SYSROOT="$nr" LD_PRELOAD="$shim" "$bootimg" --check \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 77 ] || ! [ -r "$bootimg" ]; then
	skip "not root: no setpriv to drop root"
else
	check "not root: lockdown needs root, and the load too" eval \
		'has "lockdown:            unknown (reading it needs root)" "$tmp/out" && has "privileges:          not root" "$tmp/out"'
	as_nobody env BOOTIMG_SYSROOT="$nr" LD_PRELOAD="$shim" "$bootimg" \
		--check --json >"$tmp/out" 2>"$tmp/err"
	check "not root: --json lists lockdown in needs_root" eval \
		'json_ok && [ "$(jqv ".facts.needs_root[0], .facts.root")" = "lockdown
false" ]'
fi
rm -rf "$nr"

echo "1..$n"
