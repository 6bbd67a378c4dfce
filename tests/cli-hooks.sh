#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The pre-exec hooks without root, under tests/shim: bootimg --load
# records the staged entry, bootimg --exec and --pre-exec-hooks run the
# hooks in $sysconfdir/bootimg/pre-exec.d (below BOOTIMG_SYSROOT) in
# order with that entry in their environment, and a hook that fails or
# runs out of time unstages the kernel instead of booting it; then
# bootimg-reboot --init=direct reboots through the firmware.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-hooks

fixture qemu-pc-1g "$tmp/root"
mkdir -p "$tmp/root/sys/kernel" "$tmp/root/run"
loaded() { echo "$1" >"$tmp/root/sys/kernel/kexec_loaded"; }
loaded 0
"$fake" "$tmp/vmlinuz"
"$fixed" 3001 1 >"$tmp/a.cpio"
"$fixed" 5000 2 >"$tmp/b.cpio"
hooks=$tmp/root${sysconfdir:-/etc}/bootimg/pre-exec.d
record=$tmp/root/run/bootimg/staged-entry
rebooted() { has "reboot cmd=0x45584543" "$tmp/log"; }
unstaged() {
	has "kexec_file_load kernel=none initrd=none flags=0x1" "$tmp/log" ||
	has "kexec_load entry=0x0 nr_segments=0" "$tmp/log"
}

# --- bootimg --load records the staged entry ---------------------------
echo key >"$tmp/key"
run -- --load "$tmp/vmlinuz" --method=kexec --initrd-file="$tmp/key:/etc/key" \
	--command-line='root=/dev/vda debug quiet' --remove=debug
check "--initrd-file and --remove: exit 0" [ $rc -eq 0 ]
check "--load records the --initrd-file files and the composed command line" eval \
	'[ "$(tr "\0" "|" <"$record")" = "BOOTIMG_ENTRY=|BOOTIMG_KERNEL=$tmp/vmlinuz|BOOTIMG_INITRD=|BOOTIMG_INITRDS=|BOOTIMG_INITRD_FILES=$tmp/key:/etc/key|BOOTIMG_CMDLINE=root=/dev/vda quiet|" ]'

run BOOTIMG_ENTRY="Debian, 6.1" -- --load "$tmp/vmlinuz" --method=kexec \
	--initrd="$tmp/a.cpio" --initrd="$tmp/b.cpio" \
	--command-line='root=/dev/vda "two words"' --append=quiet
check "--load: exit 0" [ $rc -eq 0 ]
check "--load records the entry, kernel, initrds and command line" eval \
	'[ "$(tr "\0" "|" <"$record")" = "BOOTIMG_ENTRY=Debian, 6.1|BOOTIMG_KERNEL=$tmp/vmlinuz|BOOTIMG_INITRD=$tmp/a.cpio|BOOTIMG_INITRDS=$tmp/a.cpio
$tmp/b.cpio|BOOTIMG_INITRD_FILES=|BOOTIMG_CMDLINE=root=/dev/vda \"two words\" quiet|" ]'

# --- hooks: in order, run-parts names only, with the entry -------------
mkdir -p "$hooks"
hook() {	# hook NAME MODE BODY
	printf '#!/bin/sh\necho "${0##*/}" >>"%s/order"\n%s\n' "$tmp" "$3" \
		>"$hooks/$1"
	chmod "$2" "$hooks/$1"
}
hook 20-second 755 "env | grep '^BOOTIMG_' | sort >'$tmp/env'"
hook 10-first 755 ""
hook 15-not-executable 644 ""
hook 30-backup~ 755 ""
hook 30-old.dpkg-old 755 ""
hook .hidden 755 ""
mkdir "$hooks/40-directory"
loaded 1
run BOOTIMG_KERNEL=/stale -- --exec
check "--exec: the hooks ran, in the order of their names, no others" \
	eval '[ "$(tr "\n" " " <"$tmp/order")" = "10-first 20-second " ]'
check "--exec: then the kexec" rebooted
check "a hook sees the staged entry, not an inherited variable" eval \
	'has "BOOTIMG_KERNEL=$tmp/vmlinuz" "$tmp/env" &&
	 has "BOOTIMG_ENTRY=Debian, 6.1" "$tmp/env" &&
	 has "BOOTIMG_CMDLINE=root=/dev/vda \"two words\" quiet" "$tmp/env" &&
	 lacks /stale "$tmp/env"'

# --- a failing hook: no kexec, the kernel unstaged ---------------------
rm -f "$tmp/order"
hook 20-second 755 "exit 3"
run -- --exec
check "a failing hook: exit 10, no kexec, the kernel unstaged" \
	eval '[ $rc -eq 10 ] && ! rebooted && unstaged'
check "a failing hook: one line names it and its status" \
	has "bootimg: pre-exec hook $hooks/20-second failed (exit 3)" "$tmp/err"
check "a failing hook: the later ones do not run" \
	eval '[ "$(tr "\n" " " <"$tmp/order")" = "10-first 20-second " ]'
check "a failing hook: the record is gone with the kernel" [ ! -e "$record" ]

hook 20-second 755 "sleep 30"
start=$SECONDS
run BOOTIMG_PRE_EXEC_TIMEOUT=1 -- --exec
check "a hook out of time is stopped: exit 10, unstaged, in seconds" \
	eval '[ $rc -eq 10 ] && ! rebooted && unstaged && [ $((SECONDS - start)) -lt 10 ]'
check "a hook out of time: one line says so" \
	has "bootimg: pre-exec hook $hooks/20-second took more than 1 s; stopped it" "$tmp/err"
run BOOTIMG_PRE_EXEC_TIMEOUT=0 -- --exec
check "BOOTIMG_PRE_EXEC_TIMEOUT=0: refused, no kexec" eval \
	'[ $rc -eq 10 ] && ! rebooted && has "BOOTIMG_PRE_EXEC_TIMEOUT=0: the value must be" "$tmp/err"'

# --- --pre-exec-hooks, for systemd-shutdown ----------------------------
hook 20-second 755 "exit 0"
rm -f "$tmp/order"
loaded 0
run -- --pre-exec-hooks
check "--pre-exec-hooks with nothing staged: exit 0, no hook" \
	eval '[ $rc -eq 0 ] && [ ! -e "$tmp/order" ]'
loaded 1
run -- --pre-exec-hooks
check "--pre-exec-hooks: the hooks, no kexec" \
	eval '[ $rc -eq 0 ] && [ -s "$tmp/order" ] && ! rebooted && ! unstaged'
hook 20-second 755 "exit 1"
run -- --pre-exec-hooks
check "--pre-exec-hooks, a hook fails: exit 10, unstaged" \
	eval '[ $rc -eq 10 ] && unstaged && ! rebooted'
rm -rf "$hooks"
run -- --exec
check "no hook directory: --exec boots" rebooted

# --- bootimg-reboot --init=direct falls back to a firmware reboot ------
mkdir -p "$tmp/bin" "$hooks"
printf '#!/bin/sh\necho "reboot $*" >>"%s/calls"\n' "$tmp" >"$tmp/bin/reboot"
chmod +x "$tmp/bin/reboot"
hook 10-first 755 "exit 1"
: >"$tmp/calls"
reboot_run() {
	: >"$tmp/log"
	env PATH="$tmp/bin:$b:$PATH" BOOTIMG_SYSROOT="$tmp/root" \
		BOOTIMG_SHIM_LOG="$tmp/log" LD_PRELOAD="$shim" \
		"$b/bootimg-reboot" --defaults=/dev/null --init=direct \
		--kernel="$tmp/vmlinuz" --command-line=x --method=kexec "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
}
reboot_run
check "bootimg-reboot, a hook fails: exit 4, reboot -f, no kexec" eval \
	'[ $rc -eq 4 ] && [ "$(cat "$tmp/calls")" = "reboot -f" ] && ! rebooted'
check "bootimg-reboot, a hook fails: says it reboots through the firmware" \
	has "a pre-exec hook failed; rebooting the normal way" "$tmp/err"
: >"$tmp/calls"
reboot_run --no-fallback
check "bootimg-reboot --no-fallback, a hook fails: exit 3, no reboot" eval \
	'[ $rc -eq 3 ] && [ ! -s "$tmp/calls" ] && ! rebooted'
echo "1..$n"
