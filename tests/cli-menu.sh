#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-menu on the fixture devices of tests/fixtures/menu (its
# --test-devices hook: no root, no disks): what --list finds, the
# problems it lists (a corrupt grub.cfg, a file system that did not
# mount, a missing kernel), the menu driven by keystrokes on its input,
# and the boot itself with its syscalls trapped by tests/shim.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-menu
menu=$b/bootimg-menu

cp -r "$src/tests/fixtures/menu" "$tmp/menu"
cp -r "$src/tests/fixtures/qemu-pc-1g" "$tmp/root"
chmod -R u+w "$tmp/menu" "$tmp/root"
find "$tmp/menu" -name 'vmlinuz*' -empty -exec "$fake" {} \;
devices=$tmp/menu/devices

# menu_run [VAR=VALUE...] -- INPUT ARGS...: bootimg-menu ARGS with INPUT
# (printf's format) on its input, under the shim; $tmp/out, $tmp/err
# (the fixture's path shown as @), $rc.
menu_run() {
	local vars=() input
	while [ "$1" != -- ]; do vars+=("$1"); shift; done
	input=$2
	shift 2
	: >"$tmp/log"
	# shellcheck disable=SC2059
	printf "$input" | timeout "${CLI_TIMEOUT:-60}" \
		env BOOTIMG_SYSROOT="$tmp/root" BOOTIMG_SHIM_LOG="$tmp/log" \
		"${vars[@]}" LD_PRELOAD="$shim" \
		"$menu" --test-devices="$devices" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
	sed -i "s|$tmp/menu|@|g" "$tmp/out" "$tmp/err"
}

# --- --list: every device's entries, and the problems ----------------
menu_run -- '' --list
check "--list finds entries: exit 0" [ $rc -eq 0 ]
cat >"$tmp/want" <<'WANT'
* 0  vda2  Debian GNU/Linux  (6.1.0-fake)
  1  vdb1  Other disk, by label  (6.1.0-fake)
  2  vdb1  Other disk, by file  (6.1.0-fake)
  3  vdc1  Fedora Linux (6.5.6-300.fc39.x86_64) 39 (Workstation Edition)  (6.1.0-fake)
  4  vdf1  Ubuntu  (6.1.0-fake)
  5  sr0  Debian Live  (6.1.0-fake)
problem: vda2: Debian GNU/Linux, with Linux 6.1.0-gone: @/boot/vmlinuz-6.1.0-gone: no such file
problem: vdd1: @/broken/grub/grub.cfg:2: { without a matching }
problem: vde1: cannot mount (xfs): Structure needs cleaning
WANT
check "--list: GRUB (search by UUID, label, file), BLS, btrfs @, isolinux; three problems" \
	diff -u "$tmp/want" "$tmp/out"
check "--list makes no syscall" [ ! -s "$tmp/log" ]

menu_run -- '' --list --json
check "--list --json parses" json_ok
check "--list --json: 6 entries, 3 problems" \
	[ "$(jqv '.entries | length'),$(jqv '.problems | length')" = 6,3 ]
check "--list --json: the default's files and command line" \
	[ "$(jqv '.entries[0] | [.default, .kernel, .initrds[0], .cmdline, .id] | @tsv')" = \
	  "$(printf 'true\t@/boot/vmlinuz-6.1.0-test\t@/boot/initrd.img-6.1.0-test\troot=UUID=root-uuid ro quiet\tgnulinux-simple-0b6a55c4')" ]
check "--list --json: the ESP's grub.cfg hands over to /boot's" \
	[ "$(jqv '.entries[0].config')" = @/esp/EFI/debian/grub.cfg ]

# --- choosing: --entry, bootimg.entry's twin, keys ---------------------
menu_run -- '' --dry-run --timeout=0
check "--timeout=0 boots the default at once" \
	[ $rc -eq 0 ] && has "kernel: @/boot/vmlinuz-6.1.0-test" "$tmp/out"
check "--dry-run: its initrd and command line" \
	has "initrd: @/boot/initrd.img-6.1.0-test" "$tmp/out" &&
	has "cmdline: root=UUID=root-uuid ro quiet" "$tmp/out"
check "--dry-run makes no syscall" [ ! -s "$tmp/log" ]
menu_run -- '' --dry-run --timeout=0 --entry=other-label
check "--entry=ID" has "kernel: @/other/vmlinuz-6.2.0-label" "$tmp/out"
menu_run -- '' --dry-run --timeout=0 --entry="Debian Live"
check "--entry=TITLE, a syslinux APPEND's initrd=" \
	has "kernel: @/iso/live/vmlinuz-6.1.0-live" "$tmp/out" &&
	has "initrd: @/iso/live/initrd.img" "$tmp/out"
menu_run -- '' --dry-run --timeout=0 --entry=3
check "--entry=NUMBER" has "kernel: @/bls/vmlinuz-6.5.6-300.fc39.x86_64" "$tmp/out"
menu_run -- '' --dry-run --timeout=0 --entry=nothing
check "--entry naming no entry: exit 4, one line" \
	[ $rc -eq 4 ] && has "bootimg-menu: --entry=nothing: no such entry" "$tmp/err"

menu_run -- '\033[B\r' --dry-run --timeout=30
check "Down, Enter: the second entry" \
	[ $rc -eq 0 ] && has "kernel: @/other/vmlinuz-6.2.0-label" "$tmp/out"
menu_run -- '\033[B\033[A\033[A\r' --dry-run --timeout=30
check "Down, Up, Up: wraps to the last entry" \
	has "kernel: @/iso/live/vmlinuz-6.1.0-live" "$tmp/out"
menu_run -- '4\r' --dry-run --timeout=30
check "a digit, Enter: that entry" has "kernel: @/btrfs/@/boot/vmlinuz-6.8.0-btrfs" "$tmp/out"
menu_run -- 'e\177\177\177\177\177single\r' --dry-run --timeout=30
check "e edits the command line, then boots with it" \
	has "cmdline: root=UUID=root-uuid ro single" "$tmp/out"
menu_run -- 'e\033\r' --dry-run --timeout=30
check "e, Escape: the edit is dropped" \
	has "cmdline: root=UUID=root-uuid ro quiet" "$tmp/out"
menu_run -- '' --dry-run --timeout=1
check "the countdown boots the default" \
	[ $rc -eq 0 ] && has "Booting entry 0 in 1 s" "$tmp/out" &&
	has "kernel: @/boot/vmlinuz-6.1.0-test" "$tmp/out"
menu_run -- 'q' --timeout=30
check "q leaves the menu: exit 1" [ $rc -eq 1 ] && [ ! -s "$tmp/log" ]
check "the menu lists the problems too" \
	has "vde1: cannot mount (xfs): Structure needs cleaning" "$tmp/out"

# --- booting: kexec_file_load, then the reboot into it -----------------
menu_run -- '' --timeout=0
check "a boot stages the entry (kexec_file_load) and executes it" \
	[ $rc -eq 0 ] &&
	has 'kexec_file_load kernel=' "$tmp/log" &&
	has 'cmdline="root=UUID=root-uuid ro quiet"' "$tmp/log" &&
	has 'reboot' "$tmp/log"
menu_run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM -- '\rxq' --timeout=30
check "a failed boot shows its error and the menu comes back" \
	[ $rc -eq 1 ] && has "bootimg-menu: @/boot/vmlinuz-6.1.0-test:" "$tmp/err" &&
	has "Press a key to return to the menu." "$tmp/out" &&
	[ "$(grep -c 'choose an entry' "$tmp/out")" -ge 2 ] &&
	lacks reboot "$tmp/log"

menu_run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM -- 'q' --timeout=0
check "--timeout=0: a failed boot brings the menu up" \
	[ $rc -eq 1 ] && has "choose an entry" "$tmp/out" &&
	has "bootimg-menu: @/boot/vmlinuz-6.1.0-test:" "$tmp/err"
menu_run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM -- '' --timeout=0
check "--timeout=0, no input: the failure's exit code (bootimg's 6)" \
	[ $rc -eq 6 ]

# --- hostile or empty input ------------------------------------------
printf 'vda1 hd0,gpt1\n' >"$tmp/short"
devices=$tmp/short menu_run -- '' --list
check "a malformed device table: exit 5, FILE:LINE: cause" \
	[ $rc -eq 5 ] && has "short:1: not \"NAME GRUB-NAME DIRECTORY" "$tmp/err"
grep vde1 "$src/tests/fixtures/menu/devices" >"$tmp/menu/only-bad"
devices=$tmp/menu/only-bad menu_run -- '' --timeout=0
check "nothing bootable: exit 3, the problem said" \
	[ $rc -eq 3 ] && has "problem: vde1: cannot mount" "$tmp/err" &&
	has "no bootable entry on any device" "$tmp/err"
menu_run -- '' --dry-run --timeout=0 --entry=
check "--entry= (empty): names no entry" [ $rc -eq 4 ]
menu_run -- '' --timeout=soon
check "--timeout=soon: usage error" [ $rc -eq 2 ]
menu_run -- '' --json
check "--json without --list: usage error" [ $rc -eq 2 ]

echo "1..$n"
