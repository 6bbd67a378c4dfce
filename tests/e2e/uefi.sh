#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# uefi: in qemu (TCG) with OVMF and a VGA card, Debian's kernel, booted by
# UEFI, boots a second kernel with bootimg's file and kexec methods.  The
# second kernel must keep EFI with its runtime services (the efivars
# device), the ACPI tables (DSDT) and the EFI framebuffer (efifb in
# /proc/fb), besides the checks of boot-matrix.  Prints TAP: one ok/not
# ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression),
# BOOTIMG_E2E_TIMEOUT (seconds a boot may take; 480 here: the firmware
# alone takes a minute or more under TCG).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 uefi
e2e_ovmf || e2e_bail "OVMF is not installed (package ovmf)"
export BOOTIMG_E2E_TIMEOUT=${BOOTIMG_E2E_TIMEOUT:-480}
work=$e2e_work
e2e_images "$work" "$kernel"

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

for method in file kexec; do
	name=uefi-$method
	e2e_selected "$name" || continue
	dir=$work/cases/$name
	e2e_load_case "$dir" "$method" 2
	start=$SECONDS more=
	e2e_boot "$work" "$dir" 1 uefi vga
	if why=$(e2e_check "$dir" "$work" 1 2) &&
	   more=$(uefi_check "$dir/serial.log"); then
		e2e_result "$name" 0 "$why, EFI runtime, ACPI, efifb kept, $((SECONDS - start)) s"
	else
		[ -n "$more" ] && why=$more
		e2e_result "$name" 1 "$why" "$dir/serial.log"
	fi
done
e2e_finalize
