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

e2e_init_x86_64 cross-version
e2e_kernel second cloud-amd64
work=$e2e_work
e2e_images "$work" "$kernel" "$second"
echo "# $(basename "$kernel") -> $(basename "$second")"

for method in file kexec; do
	name=cross-$method
	e2e_selected "$name" || continue
	dir=$work/cases/$name
	e2e_load_case "$dir" "$method" 2
	e2e_boot "$work" "$dir" 2
	why=$(e2e_check "$dir" "$work" 2 2)
	e2e_result "$name" $? "$why" "$dir/serial.log"
done
e2e_finalize
