#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg --load without privileges under the syscall shim (as nobody
# when run as root): what cannot be a golden case, since its user
# varies; tests/cli/load holds the rest.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-load

if [ "$(id -u)" -ne 0 ]; then
	asuser=()
elif command -v setpriv >/dev/null; then
	asuser=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
	echo "1..0 # SKIP root without setpriv to drop it"
	exit 0
fi
fixture qemu-pc-1g "$tmp/root"
"$fake" "$tmp/vmlinuz"
"$fixed" 5000 2 >"$tmp/b.cpio"
chmod 755 "$tmp"; chmod 644 "$tmp/vmlinuz"; chmod 000 "$tmp/b.cpio"
# as_nobody [VAR=VALUE...] -- ARGS...: bootimg without root, under the shim
as_nobody() {
	local vars=()
	while [ "$1" != -- ]; do vars+=("$1"); shift; done
	shift
	: >"$tmp/log"; chmod 666 "$tmp/log"
	env BOOTIMG_SYSROOT="$tmp/root" BOOTIMG_SHIM_LOG="$tmp/log" \
		"${vars[@]}" LD_PRELOAD="$shim" \
		"${asuser[@]}" "$bootimg" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
}

as_nobody BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM -- --load "$tmp/vmlinuz"
fcheck "no privilege: exit 6" [ $rc -eq 6 ]
fcheck "no privilege: says root is needed" has "needs root" "$tmp/err"
as_nobody -- --load "$tmp/vmlinuz" --initrd="$tmp/b.cpio"
check "unreadable initrd: exit 4" [ $rc -eq 4 ]
check "unreadable initrd: named with the cause" \
	has "b.cpio: cannot read it: permission denied" "$tmp/err"
echo "1..$n"
