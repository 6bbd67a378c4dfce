#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# formats: in qemu (TCG), Debian's kernel boots a second kernel given in
# another image format: a compressed file, an ELF vmlinux (extracted from
# the Debian bzImage by this script), a UKI built by this script (also
# through mkbootcmd's command for it), and the bzImage with --fast-boot
# (three times: KASLR kept, and off with nokaslr).
# The second kernel's report is checked as in boot-matrix.  Prints one
# ok/not ok line a case (TAP, tests/e2e/lib.sh).
#
# Environment: as boot-matrix (BOOTIMG_STAGE, BOOTIMG_E2E_CACHE,
# BOOTIMG_E2E_ONLY, BOOTIMG_E2E_WORK, BOOTIMG_E2E_TIMEOUT).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 formats
work=$e2e_work
e2e_images "$work" "$kernel"

cmdline_for() {	# a case named *-nokaslr gets nokaslr
	e2e_cmdline "$1"
	[[ $1 != *-nokaslr ]] || printf ' nokaslr'
}

# A case that stages /stage2/IMAGE (put there from FILE) with ARGS.
image_case() {	# image_case NAME FILE IMAGE ARGS
	local dir=$work/cases/$1
	e2e_case "$dir" exec="bootimg --exec" cmdline="$(cmdline_for "$1")" \
		run="bootimg -v --load /stage2/$3 $4 --command-line=\"\$CMDLINE\""
	mkdir -p "$dir/root/stage2"
	cp "$2" "$dir/root/stage2/$3"
}

cases=()
if e2e_selected gzip-bzimage; then
	gzip -1 -c "$kernel" >"$work/vmlinuz.gz"
	image_case gzip-bzimage "$work/vmlinuz.gz" vmlinuz.gz \
		"--initrd=/stage2/a.cpio --method=file"
	cases+=("gzip-bzimage 1 1")
fi

if e2e_selected elf-kexec || e2e_selected xz-vmlinux; then
	e2e_extract_vmlinux "$kernel" "$work/vmlinux" ||
		e2e_bail "cannot extract the vmlinux from $kernel"
fi
if e2e_selected elf-kexec; then
	image_case elf-kexec "$work/vmlinux" vmlinux \
		"--initrd=/stage2/a.cpio --initrd=/stage2/b.cpio --method=kexec"
	cases+=("elf-kexec 2 2")
fi
if e2e_selected xz-vmlinux; then
	xz -1 -T1 -c "$work/vmlinux" >"$work/vmlinux.xz"
	image_case xz-vmlinux "$work/vmlinux.xz" vmlinux.xz \
		"--initrd=/stage2/a.cpio --method=kexec"
	cases+=("xz-vmlinux 1 1")
fi

# --fast-boot: the Debian bzImage's vmlinux unpacked by bootimg and
# entered directly (method auto, which then uses kexec_load), two initrds
# and two CPUs; again with one of each, and with nokaslr.  Then the
# KASLR check below compares the second kernels' _text.
if e2e_selected fast-boot; then
	image_case fast-boot "$kernel" vmlinuz \
		"--initrd=/stage2/a.cpio --initrd=/stage2/b.cpio --fast-boot"
	cases+=("fast-boot 2 2")
fi
for name in fast-boot-again fast-boot-nokaslr; do
	e2e_selected "$name" || continue
	image_case $name "$kernel" vmlinuz "--initrd=/stage2/a.cpio --fast-boot"
	cases+=("$name 1 1")
done

# A UKI (e2e_make_uki): the Debian bzImage, a.cpio and the case's
# command line; b.cpio comes from --initrd.  uki-kexec stages it
# directly, uki-file with the command mkbootcmd prints for it as a BLS
# Type #2 entry (EFI/Linux/*.efi).
make_uki() {	# make_uki CMDLINE-FILE OUT
	e2e_make_uki "$kernel" "$work/a.cpio" "$1" /etc/os-release "$2"
}
for method in kexec file; do
	name=uki-$method
	e2e_selected "$name" || continue
	if [ ! -f "$E2E_UKI_STUB" ]; then
		e2e_result "$name" 1 "no $E2E_UKI_STUB (systemd-boot-efi)"
		continue
	fi
	dir=$work/cases/$name
	if [ $method = kexec ]; then
		e2e_case "$dir" exec="bootimg --exec" \
			cmdline="$(cmdline_for "$name")" \
			run="bootimg -v --load /stage2/uki.efi --initrd=/stage2/b.cpio --method=$method"
		mkdir -p "$dir/root/stage2"
		make_uki "$dir/root/case/cmdline" "$dir/root/stage2/uki.efi" ||
			continue
	else
		e2e_case "$dir" exec="bootimg --exec" \
			cmdline="$(cmdline_for "$name")" \
			run='cmd=$(mkbootcmd) || exit; echo "$cmd"; eval "$cmd -v --initrd=/stage2/b.cpio --method=file"'
		mkdir -p "$dir/root/boot/loader/entries" "$dir/root/boot/EFI/Linux" \
			"$dir/root/usr/sbin" "$dir/root/usr/lib"
		echo "default test-*" >"$dir/root/boot/loader/loader.conf"
		make_uki "$dir/root/case/cmdline" \
			"$dir/root/boot/EFI/Linux/test-1.0.efi" || continue
		cp -a "$BOOTIMG_STAGE/usr/sbin/mkbootcmd" "$dir/root/usr/sbin/"
		cp -a "$BOOTIMG_STAGE"/usr/lib/libbootcfg.so* "$dir/root/usr/lib/"
		e2e_copy_libs "$dir/root" "$BOOTIMG_STAGE/usr/sbin/mkbootcmd"
	fi
	cases+=("$name 1 2")
done

run_one() {	# run_one NAME SMP INITRDS: boot, check, print the verdict
	local dir=$work/cases/$1 why
	e2e_boot "$work" "$dir" "$2"
	why=$(e2e_check "$dir" "$work" "$2" "$3")
	e2e_result "$1" $? "$why" "$dir/serial.log"
}

# KASLR kept: each randomised kernel runs where bootimg -v said (its
# _text and "Kernel code"), and not where it was linked nor where the
# other one ran: the virtual offset alone has 473 slots for this kernel,
# so the physical place is compared too.  With nokaslr it runs where it
# was linked.
check_kaslr() {
	local linked="ffffffff81000000 1000000" a b n
	a=$(e2e_kaslr_text "$work/cases/fast-boot")
	b=$(e2e_kaslr_text "$work/cases/fast-boot-again")
	n=$(e2e_kaslr_text "$work/cases/fast-boot-nokaslr")
	for t in "$a" "$b"; do
		[ "${t##* }" = KASLR ] || { echo "randomised: $t"; return 1; }
		[ "${t% *}" != "$linked" ] || { echo "at the link address"; return 1; }
	done
	[ "$a" != "$b" ] || { echo "the same place twice: $a"; return 1; }
	[ "$n" = "$linked no-KASLR" ] || { echo "nokaslr: $n"; return 1; }
	echo "_text, physical: ${a% *}; ${b% *}; with nokaslr ${n% *}"
}

for c in "${cases[@]}"; do
	# shellcheck disable=SC2086
	run_one $c
done
if e2e_selected fast-boot-kaslr; then
	why=$(check_kaslr)
	e2e_result fast-boot-kaslr $? "$why"
fi
e2e_finalize
