#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg --load where a golden case cannot say it: how often the kernel
# is opened (strace), and runs without privileges under the syscall shim
# (as nobody when run as root), since their user varies; tests/cli/load
# holds the rest.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-load

fixture qemu-pc-1g "$tmp/root"
"$fake" "$tmp/vmlinuz"
"$fixed" 5000 2 >"$tmp/b.cpio"

# The command line -v, --dry-run and the staged-entry record show comes
# with the load (the plan): the kernel is opened and unpacked once.
# LeakSanitizer cannot run under ptrace: the sanitizer build leaves it
# out here.
opens_of_kernel() {	# opens_of_kernel ARGS...: how often bootimg ARGS opens it
	env BOOTIMG_SYSROOT="$tmp/root" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -f -qq -e trace=open,openat \
		-o "$tmp/trace" env LD_PRELOAD="$shim" "$bootimg" "$@" \
		>"$tmp/out" 2>"$tmp/err" || echo failed
	grep -c "\"$tmp/vmlinuz\"" "$tmp/trace"
}
# On i386, auto tries fast boot first, and the fake kernel's vmlinux is
# 64-bit only, which the i386 purgatory cannot enter: it is opened once
# more, without fast boot.
load_opens=1
[ "${BOOTIMG_ARCH:-x86_64}" = i386 ] && load_opens=2
if strace -f -qq -o /dev/null true 2>/dev/null; then
	check "--load -v: the kernel is opened $load_opens time(s)" \
		[ "$(opens_of_kernel -v --load "$tmp/vmlinuz" --append=x=1)" = $load_opens ]
	check "--load -v: the command line it got" \
		has "bootimg: command line: x=1" "$tmp/err"
	check "--dry-run --json: the kernel is opened once" \
		[ "$(opens_of_kernel --dry-run --json --load "$tmp/vmlinuz" \
			--append=x=1)" = 1 ]
	check "--dry-run --json: the command line it gets" \
		[ "$(jqv .command_line)" = x=1 ]
else
	for case in "--load -v" "--load -v" "--dry-run --json" "--dry-run --json"; do
		skip "$case: strace cannot trace here"
	done
fi

if [ "$(id -u)" -ne 0 ]; then
	asuser=()
elif command -v setpriv >/dev/null; then
	asuser=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
	for case in "no privilege" "no privilege" "unreadable initrd" \
		"unreadable initrd"; do
		skip "$case: root without setpriv to drop it"
	done
	echo "1..$n"
	exit 0
fi
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
