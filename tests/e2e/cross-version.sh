#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# cross-version: in qemu (TCG), Debian's amd64 kernel boots Debian's
# cloud-amd64 kernel, a different build, with bootimg's file and kexec
# methods.  The second kernel reports its command line, initrd checksums,
# memory and CPUs, as in boot-matrix.  Prints TAP: one ok/not ok line a
# case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init cross-version
e2e_need_stage usr/sbin/bootimg
e2e_need_arch x86_64
e2e_need_command qemu-system-x86_64
first=$("$e2e_top/scripts/fetch-kernel" amd64 "$cache") ||
	e2e_bail "no kernel (scripts/fetch-kernel)"
second=$("$e2e_top/scripts/fetch-kernel" cloud-amd64 "$cache") ||
	e2e_bail "no kernel (scripts/fetch-kernel)"
work=$e2e_work
e2e_prepare "$work" "$first" "$second" ||
	e2e_bail "cannot build the initramfs images"
echo "# $(basename "$first") -> $(basename "$second")"

for method in file kexec; do
	name=cross-$method
	e2e_selected "$name" || continue
	dir=$work/cases/$name
	e2e_case "$dir" exec="bootimg --exec" \
		run="bootimg -v --load /stage2/vmlinuz --initrd=/stage2/a.cpio --initrd=/stage2/b.cpio --command-line=\"\$CMDLINE\" --method=$method" \
		cmdline="console=ttyS0 panic=-1 quiet bootimg.case=$name e2e=\"two words\" token=$RANDOM$RANDOM"
	e2e_boot "$work" "$dir" 2
	why=$(e2e_check "$dir" "$work" 2 2)
	e2e_result "$name" $? "$why" "$dir/serial.log"
done
e2e_finalize
