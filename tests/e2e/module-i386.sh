#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# module-i386: in qemu-system-i386 (TCG), Debian's 686 kernel boots a
# second 686 kernel through bootimg.ko (the i386 handoff: paging off from
# an identity-mapped page, copy, the 32-bit entry), with the kernel's own
# kexec switched off (kernel.kexec_load_disabled=1 before the module is
# loaded, with override_kexec_load_disabled=1).  The module is built with
# ARCH=i386 against the linux-headers packages that match each kernel
# exactly (scripts/fetch-headers).
# Cases, one boot each:
#   i386-module-smp1  686: --method=kexec refused, bad plans refused
#                     (overlap, outside RAM) and the staged kernel kept,
#                     then --method=module; bootimg --exec
#   i386-module-smp2  686, two CPUs: --method=auto refuses (exit 6,
#                     nothing staged: it never falls back to the module
#                     because kexec is disabled), then --method=module;
#                     an ordinary `reboot -f` hands off
#   i386-pae-smp2     686-pae (3-level page tables), two CPUs:
#                     --method=module; bootimg --exec
# The second kernel reports its command line, initrds, memory and CPUs.
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: as boot-i386 (BOOTIMG_STAGE of an i386 build,
# BOOTIMG_I386_SYSROOT, BOOTIMG_E2E_CACHE, BOOTIMG_E2E_ONLY,
# BOOTIMG_E2E_TIMEOUT).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_i386 module-i386
work=$e2e_work
gcc -m32 -static -O2 -Wall -Wextra -I"$e2e_top/kernel/uapi" \
	-o "$work/bad-plan" "$e2e_guest/bad-plan.c" ||
	e2e_bail "cannot build guest/bad-plan.c"

# flavour FLAVOUR: the kernel's images in $work/FLAVOUR and bootimg.ko,
# built in a copy of kernel/ against the matching headers, in
# $work/FLAVOUR/kernel.
flavour() {
	local kernel kdir dir=$work/$1
	kernel=$("$e2e_top/scripts/fetch-kernel" "$1" "$cache") || return 1
	kdir=$("$e2e_top/scripts/fetch-headers" "$1" "$cache") || return 1
	e2e_prepare "$dir" "$kernel" || return 1
	mkdir -p "$dir/kernel"
	cp -r "$e2e_top"/kernel/Kbuild "$e2e_top"/kernel/*.[chS] \
		"$e2e_top"/kernel/uapi "$dir/kernel/"
	if ! make -s -C "$kdir" M="$dir/kernel" ARCH=i386 CONFIG_BOOTIMG=m \
		modules >"$dir/kbuild.log" 2>&1; then
		echo "# bootimg.ko (i386) does not build against $kdir"
		tail -20 "$dir/kbuild.log" | sed 's/^/#   /'
		return 1
	fi
	echo "# bootimg.ko built against $(basename "$kdir") ($(modinfo -F vermagic "$dir/kernel/bootimg.ko"))"
}

# module_case NAME RUN EXEC: RUN starts as guest/module-setup says (kexec
# off, then the module).
module_case() {
	e2e_case "$work/cases/$1" run=". /case/module-setup
$2" exec="$3" cmdline="$(e2e_cmdline "$1")"
	cp "$work/bad-plan" "$e2e_guest/module-setup" "$work/cases/$1/root/case/"
}

module_case i386-module-smp1 '
expect 6 $load --method=kexec
expect 0 $load --command-line="$CMDLINE" --method=module
/case/bad-plan || { echo "BOOTIMG-STAGE1-FAIL bad plans"; exit 1; }
dmesg | grep -E "bootimg: (segments .* overlap|segment .* (is not all System RAM|beyond))" | sed "s/^/BOOTIMG-STAGE1-KMSG /"
bootimg --status | grep -q "staged (bootimg.ko)" || { echo "BOOTIMG-STAGE1-FAIL not staged after bad plans"; exit 1; }' \
	'bootimg --exec'
module_case i386-module-smp2 '
expect 6 $load --command-line="$CMDLINE"
expect 1 bootimg --status
expect 0 $load --command-line="$CMDLINE" --method=module' \
	'reboot -f'
module_case i386-pae-smp2 '
grep -qw pae /proc/cpuinfo || { echo "BOOTIMG-STAGE1-FAIL no pae"; exit 1; }
expect 0 $load --command-line="$CMDLINE" --method=module' \
	'bootimg --exec'

cases=("i386-module-smp1 1 686" "i386-module-smp2 2 686" "i386-pae-smp2 2 686-pae")
for c in "${cases[@]}"; do
	# shellcheck disable=SC2086
	set -- $c
	e2e_selected "$1" || continue
	dir=$work/cases/$1
	images=$work/$3
	[ -f "$images/kernel/bootimg.ko" ] || flavour "$3" || {
		e2e_result "module $1" 1 "no $3 kernel, headers or bootimg.ko"
		continue
	}
	cp "$images/kernel/bootimg.ko" "$dir/root/case/"
	e2e_boot "$images" "$dir" "$2"
	why=$(e2e_check "$dir" "$images" "$2" 2)
	e2e_result "module $1" $? "$why" "$dir/serial.log"
	grep -h 'BOOTIMG-STAGE1-KMSG\|bad-plan' "$dir/serial.log" | cut -d' ' -f2- | sed 's/^/#   /'
done
e2e_finalize
