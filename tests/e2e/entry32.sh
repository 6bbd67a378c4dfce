#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# entry32: in qemu (TCG), Debian's amd64 kernel boots a second kernel
# through the 32-bit entry: the x86_64 purgatory leaves long mode and
# enters the kernel in protected mode with paging off, as a 32-bit boot
# loader would.  Cases:
#   entry32-kexec  the amd64 bzImage with --entry=32 --method=kexec,
#                  two initrds, two CPUs
#   entry32-auto   the same with --method=auto (kexec_file_load has no
#                  32-bit entry, so auto starts at kexec), one CPU
#   amd64-to-686   Debian's 686 (i386) kernel, which has no 64-bit
#                  entry, booted from the amd64 one with --method=auto
#                  and two initrds (the second kernel's busybox is i386)
# The second kernel's report is checked as in boot-matrix.  Prints one
# ok/not ok line a case (TAP, tests/e2e/lib.sh).
#
# Environment: as boot-matrix (BOOTIMG_STAGE, BOOTIMG_E2E_CACHE,
# BOOTIMG_E2E_ONLY, BOOTIMG_E2E_WORK, BOOTIMG_E2E_TIMEOUT).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 entry32
work=$e2e_work
e2e_images "$work/amd64" "$kernel"
if e2e_selected amd64-to-686; then
	sysroot=${BOOTIMG_I386_SYSROOT:-$cache/i386-sysroot}
	"$e2e_top/scripts/fetch-debs" i386 "$sysroot" busybox-static ||
		e2e_bail "no i386 busybox (scripts/fetch-debs)"
	e2e_kernel i386 686
	BOOTIMG_E2E_STAGE2_BUSYBOX=$sysroot/bin/busybox \
		e2e_images "$work/686" "$kernel" "$i386"
fi

# NAME IMAGES METHOD SMP INITRDS ENTRY
cases=("entry32-kexec amd64 kexec 2 2 --entry=32"
	"entry32-auto amd64 auto 1 1 --entry=32"
	"amd64-to-686 686 auto 2 2")
for c in "${cases[@]}"; do
	# shellcheck disable=SC2086
	set -- $c
	name=$1 images=$work/$2 method=$3 smp=$4 initrds=$5 entry=${6:-}
	e2e_selected "$name" || continue
	dir=$work/cases/$name
	load="bootimg -v --load /stage2/vmlinuz --initrd=/stage2/a.cpio"
	[ "$initrds" -lt 2 ] || load="$load --initrd=/stage2/b.cpio"
	e2e_case "$dir" exec="bootimg --exec" \
		run="$load $entry --method=$method --command-line=\"\$CMDLINE\" && bootimg -n $entry --load /stage2/vmlinuz | grep '(32-bit)'" \
		cmdline="$(e2e_cmdline "$name")"
	e2e_boot "$images" "$dir" "$smp"
	why=$(e2e_check "$dir" "$images" "$smp" "$initrds")
	e2e_result "$name" $? "$why" "$dir/serial.log"
done
e2e_finalize
