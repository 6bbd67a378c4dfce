#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# uefi: in qemu (TCG) with OVMF and a VGA card, Debian's kernel, booted by
# UEFI, boots a second kernel with bootimg's file and kexec methods.  The
# second kernel must keep EFI with its runtime services (the efivars
# device), the ACPI tables (DSDT) and the EFI framebuffer (efifb in
# /proc/fb), besides the checks of boot-matrix.  Prints one PASS:/FAIL:
# line a case and "N passed, N failed".
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression),
# BOOTIMG_E2E_TIMEOUT (seconds a boot may take; 480 here: the firmware
# alone takes a minute or more under TCG).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

: "${BOOTIMG_STAGE:?set BOOTIMG_STAGE to a make install DESTDIR tree}"
[ -x "$BOOTIMG_STAGE/usr/sbin/bootimg" ] || { echo "no bootimg in $BOOTIMG_STAGE" >&2; exit 77; }
command -v qemu-system-x86_64 >/dev/null || { echo "no qemu" >&2; exit 77; }
e2e_ovmf || { echo "FAIL: uefi: OVMF is not installed (package ovmf)"; exit 1; }
export BOOTIMG_E2E_TIMEOUT=${BOOTIMG_E2E_TIMEOUT:-480}
cache=${BOOTIMG_E2E_CACHE:-$e2e_top/tests/e2e/cache}
kernel=$("$e2e_top/scripts/fetch-kernel" amd64 "$cache") || exit 1
work=${BOOTIMG_E2E_WORK:-$e2e_top/tests/e2e/work}/uefi
rm -rf "$work"
e2e_prepare "$work" "$kernel" || exit 1

# What both kernels must report besides boot-matrix's checks: EFI, its
# runtime services (the efivars operations need GetVariable), ACPI, efifb.
uefi_check() {	# uefi_check LOG
	local want="efi=yes efivars=yes dsdt=yes" got
	# The firmware's escape sequences may precede the first line.
	got=$(sed -n 's/.*BOOTIMG-STAGE1 firmware //p' "$1" | head -n 1)
	[ "$got" = "$want" ] || { echo "first kernel: got '$got', want '$want'"; return 1; }
	got=$(e2e_field "$1" "BOOTIMG-STAGE2 firmware ")
	[ "$got" = "$want" ] || { echo "second kernel: got '$got', want '$want'"; return 1; }
	got=$(e2e_field "$1" "BOOTIMG-STAGE2 fb=")
	[[ $got == *"EFI VGA"* ]] || { echo "second kernel: /proc/fb is '$got', no efifb"; return 1; }
}

passed=0 failed=0
for method in file kexec; do
	name=uefi-$method
	[[ $name =~ ${BOOTIMG_E2E_ONLY:-.} ]] || continue
	dir=$work/cases/$name
	e2e_case "$dir" exec="bootimg --exec" \
		run="bootimg -v --load /stage2/vmlinuz --initrd=/stage2/a.cpio --initrd=/stage2/b.cpio --command-line=\"\$CMDLINE\" --method=$method" \
		cmdline="console=ttyS0 panic=-1 quiet bootimg.case=$name e2e=\"two words\" token=$RANDOM$RANDOM"
	start=$SECONDS more=
	e2e_boot "$work" "$dir" 1 uefi vga
	if why=$(e2e_check "$dir" "$work" 1 2) &&
	   more=$(uefi_check "$dir/serial.log"); then
		echo "PASS: $name ($why, EFI runtime, ACPI, efifb kept, $((SECONDS - start)) s)"
		passed=$((passed + 1))
	else
		[ -n "$more" ] && why=$more
		echo "FAIL: $name: $why"
		tail -n 25 "$dir/serial.log" | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
