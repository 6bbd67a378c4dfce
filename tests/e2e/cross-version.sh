#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# cross-version: in qemu (TCG), Debian's amd64 kernel boots Debian's
# cloud-amd64 kernel, a different build, with bootimg's file and kexec
# methods.  The second kernel reports its command line, initrd checksums,
# memory and CPUs, as in boot-matrix.  Prints one PASS:/FAIL: line a case
# and "N passed, N failed".
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

: "${BOOTIMG_STAGE:?set BOOTIMG_STAGE to a make install DESTDIR tree}"
[ -x "$BOOTIMG_STAGE/usr/sbin/bootimg" ] || { echo "no bootimg in $BOOTIMG_STAGE" >&2; exit 77; }
command -v qemu-system-x86_64 >/dev/null || { echo "no qemu" >&2; exit 77; }
cache=${BOOTIMG_E2E_CACHE:-$e2e_top/tests/e2e/cache}
first=$("$e2e_top/scripts/fetch-kernel" amd64 "$cache") || exit 1
second=$("$e2e_top/scripts/fetch-kernel" cloud-amd64 "$cache") || exit 1
work=${BOOTIMG_E2E_WORK:-$e2e_top/tests/e2e/work}/cross-version
rm -rf "$work"
e2e_prepare "$work" "$first" "$second" || exit 1
echo "# $(basename "$first") -> $(basename "$second")"

passed=0 failed=0
for method in file kexec; do
	name=cross-$method
	[[ $name =~ ${BOOTIMG_E2E_ONLY:-.} ]] || continue
	dir=$work/cases/$name
	e2e_case "$dir" exec="bootimg --exec" \
		run="bootimg -v --load /stage2/vmlinuz --initrd=/stage2/a.cpio --initrd=/stage2/b.cpio --command-line=\"\$CMDLINE\" --method=$method" \
		cmdline="console=ttyS0 panic=-1 quiet bootimg.case=$name e2e=\"two words\" token=$RANDOM$RANDOM"
	e2e_boot "$work" "$dir" 2
	if why=$(e2e_check "$dir" "$work" 2 2); then
		echo "PASS: $name ($why)"
		passed=$((passed + 1))
	else
		echo "FAIL: $name: $why"
		tail -n 25 "$dir/serial.log" | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
