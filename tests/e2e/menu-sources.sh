#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-menu with several sources at once (issue 13): in one qemu
# (TCG) boot the first kernel loads the storage and file system modules
# and runs bootimg-menu, which finds
#   vda  an xfs file system whose /boot/grub/grub.cfg (Debian's style,
#        search --fs-uuid) boots the Debian kernel;
#   vdb  a Fedora-style /boot partition on btrfs: grub2/grub.cfg with
#        blscfg, grub2/grubenv's kernelopts, and two BLS entries in
#        loader/entries/MACHINE-ID-VERSION.conf, one with "options
#        $kernelopts", one with its own options;
#   vdc  an EFI system partition (vfat, mkfs.vfat and mtools) holding a
#        unified kernel image in EFI/Linux (BLS Type #2), made with
#        e2e_make_uki;
#   sr0  an iso9660 image (Rock Ridge, Joliet) with a real isolinux:
#        isolinux/isolinux.cfg with two LABELs, the second naming its
#        files relative to the configuration's directory, on an IDE
#        CD-ROM; a hybrid image, as Debian's, whose MBR partition 1
#        holds the same file system again (xorriso -partition_offset);
#   vdd  the same image as a disk (a USB stick): vdd and vdd1 hold one
#        file system, listed once, on vdd;
#   sr1  a plain ISO 9660 image (no Rock Ridge, no Joliet: Linux shows
#        its names in lower case) with isolinux in boot/isolinux, as
#        Tiny Core Linux's CD, whose isolinux.cfg names its files in
#        upper case, as isolinux matches them.
# --list must show every entry with its source, title and version.
# Then, with bootimg.timeout=60, keystrokes sent over the serial console
# stop the countdown, choose the ISO's second label (Down), edit its
# command line ("e", " edited=1", Enter), and the second kernel must
# report the edited command line and both initrds.  The images are
# made without root: mkfs.xfs -p (a prototype file), mkfs.btrfs
# --rootdir, mkfs.vfat and mcopy, xorriso.
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 menu-sources usr/sbin/bootimg-menu
e2e_need_command mkfs.xfs mkfs.btrfs mkfs.vfat mcopy xorriso objcopy
[ -f "$E2E_UKI_STUB" ] || e2e_skip "no $E2E_UKI_STUB (systemd-boot-efi)"
isolinux_bin=/usr/lib/ISOLINUX/isolinux.bin
isohybrid_mbr=/usr/lib/ISOLINUX/isohdpfx.bin
ldlinux=/usr/lib/syslinux/modules/bios/ldlinux.c32
if [ ! -f "$isolinux_bin" ] || [ ! -f "$isohybrid_mbr" ] || [ ! -f "$ldlinux" ]; then
	e2e_skip "no isolinux (packages isolinux, syslinux-common)"
fi
work=$e2e_work
e2e_images "$work" "$kernel"

# The modules, in the order they load, from the kernel's package: virtio
# disks, the IDE CD-ROM, xfs, btrfs, iso9660 and vfat.
modules="virtio_ring.ko virtio.ko virtio_pci_legacy_dev.ko"
modules+=" virtio_pci_modern_dev.ko virtio_pci.ko virtio_blk.ko"
modules+=" scsi_common.ko scsi_mod.ko libata.ko ata_piix.ko cdrom.ko"
modules+=" sr_mod.ko crc32c_generic.ko libcrc32c.ko xfs.ko"
modules+=" zstd_compress.ko raid6_pq.ko xor.ko blake2b_generic.ko"
modules+=" btrfs.ko isofs.ko fat.ko vfat.ko nls_cp437.ko nls_ascii.ko"
package=$(basename "$(dirname "$(dirname "$kernel")")")
abi=${package#linux-image-}
# shellcheck disable=SC2086
e2e_kernel_modules moddir "$kernel" menu-sources $modules

# boot_files DIR: the kernel and the test initrds in DIR.
boot_files() {
	mkdir -p "$1"
	cp "$kernel" "$1/vmlinuz-$abi"
	cp "$work/a.cpio" "$work/b.cpio" "$1/"
}

# xfs_proto DIR: mkfs.xfs's prototype file for DIR's tree (files and
# directories, owned by root).
xfs_proto() {
	local dir=$1 entry name
	for entry in "$dir"/*; do
		name=${entry##*/}
		if [ -d "$entry" ]; then
			echo "$name d--755 0 0"
			xfs_proto "$entry"
			echo '$'
		else
			echo "$name ---644 0 0 $entry"
		fi
	done
}

# grub_disk IMAGE UUID CMDLINE: xfs, /boot/grub/grub.cfg as Debian's.
grub_disk() {
	local tree=$work/grub-tree
	rm -rf "$tree"
	boot_files "$tree/boot"
	mkdir -p "$tree/boot/grub"
	cat >"$tree/boot/grub/grub.cfg" <<CFG
set default=0
search --no-floppy --fs-uuid --set=root $2
menuentry 'Debian GNU/Linux, on xfs' --id gnulinux-simple-$2 {
	search --no-floppy --fs-uuid --set=root $2
	linux	/boot/vmlinuz-$abi $3 grub
	initrd	/boot/a.cpio /boot/b.cpio
}
CFG
	{ printf 'menu-sources\n0 0\nd--755 0 0\n'; xfs_proto "$tree"; echo '$'; } \
		>"$work/xfs.proto"
	rm -f "$1"
	truncate -s 300M "$1"
	mkfs.xfs -q -m uuid="$2" -L grub-xfs -p "$work/xfs.proto" "$1" ||
		return 1
	rm -rf "$tree" "$work/xfs.proto"
}

# bls_disk IMAGE CMDLINE: btrfs, a /boot partition as Fedora's.
bls_disk() {
	local tree=$work/bls-tree id=5e1ec7ed0c0ffee0a11ce0ddba11f00d env
	rm -rf "$tree"
	boot_files "$tree"
	mkdir -p "$tree/grub2" "$tree/loader/entries"
	cat >"$tree/grub2/grub.cfg" <<'CFG'
set pager=1
if [ -f ${config_directory}/grubenv ]; then
  load_env -f ${config_directory}/grubenv
elif [ -s $prefix/grubenv ]; then
  load_env
fi
set default="${saved_entry}"
set timeout=5
insmod blscfg
blscfg
CFG
	env="# GRUB Environment Block
saved_entry=$id-$abi
kernelopts=$2 kernelopts
"
	{ printf '%s' "$env"; printf '%*s' $((1024 - ${#env})) '' | tr ' ' '#'; } \
		>"$tree/grub2/grubenv"
	cat >"$tree/loader/entries/$id-$abi.conf" <<CFG
title Fedora Linux ($abi) 41 (Workstation Edition)
version $abi
linux /vmlinuz-$abi
initrd /a.cpio /b.cpio
options \$kernelopts
grub_users \$grub_users
grub_arg --unrestricted
grub_class fedora
CFG
	cat >"$tree/loader/entries/$id-$abi.debug.conf" <<CFG
title Fedora Linux ($abi) 41 (Workstation Edition) debug
version $abi.debug
linux /vmlinuz-$abi
initrd /a.cpio
initrd /b.cpio
options $2 debug-entry
grub_class fedora
CFG
	rm -f "$1"
	truncate -s 128M "$1"
	mkfs.btrfs -q -L fedora-boot -r "$tree" "$1" >/dev/null ||
		return 1
	rm -rf "$tree"
}

# esp_disk IMAGE CMDLINE: vfat, EFI/Linux/test-uki.efi.
esp_disk() {
	local uki=$work/test-uki.efi
	printf '%s' "$2 uki" >"$work/uki.cmdline"
	printf 'ID=test\nPRETTY_NAME="Test UKI on an ESP"\nVERSION_ID=1\n' \
		>"$work/uki.osrel"
	e2e_make_uki "$kernel" "$work/a.cpio" "$work/uki.cmdline" \
		"$work/uki.osrel" "$uki" || return 1
	rm -f "$1"
	mkfs.vfat -C -n ESP "$1" 32768 >/dev/null || return 1
	mmd -i "$1" ::EFI ::EFI/Linux && mcopy -i "$1" "$uki" ::EFI/Linux/ ||
		return 1
	rm -f "$uki" "$work/uki.cmdline" "$work/uki.osrel"
}

# iso_image IMAGE CMDLINE: iso9660 with isolinux.  The first label names
# its files from the image's top, the second relative to isolinux/.
iso_image() {
	local tree=$work/iso-tree
	rm -rf "$tree"
	boot_files "$tree/live"
	mkdir -p "$tree/isolinux"
	cp "$isolinux_bin" "$ldlinux" "$tree/isolinux/"
	cat >"$tree/isolinux/isolinux.cfg" <<CFG
DEFAULT live
TIMEOUT 50
PROMPT 0

LABEL live
	MENU LABEL Live system
	KERNEL /live/vmlinuz-$abi
	APPEND initrd=/live/a.cpio,/live/b.cpio $2 live

LABEL test
	MENU LABEL Live system (test)
	LINUX ../live/vmlinuz-$abi
	INITRD ../live/a.cpio,../live/b.cpio
	APPEND $2 recovery
CFG
	rm -f "$1"
	xorriso -as mkisofs -quiet -r -J -V MENU_SOURCES -o "$1" \
		-isohybrid-mbr "$isohybrid_mbr" -partition_offset 16 \
		-b isolinux/isolinux.bin -c isolinux/boot.cat -no-emul-boot \
		-boot-load-size 4 -boot-info-table "$tree" >/dev/null 2>&1 ||
		return 1
	rm -rf "$tree"
}

# plain_iso IMAGE CMDLINE: ISO 9660 level 2 alone, isolinux in
# boot/isolinux, its paths in upper case.
plain_iso() {
	local tree=$work/plain-tree
	rm -rf "$tree"
	mkdir -p "$tree/boot/isolinux"
	cp "$kernel" "$tree/boot/vmlinuz"
	cp "$work/a.cpio" "$work/b.cpio" "$tree/boot/"
	cp "$isolinux_bin" "$ldlinux" "$tree/boot/isolinux/"
	cat >"$tree/boot/isolinux/isolinux.cfg" <<CFG
DEFAULT plain
LABEL plain
	MENU LABEL Plain ISO 9660, upper case
	KERNEL /BOOT/VMLINUZ
	INITRD /BOOT/A.CPIO,/BOOT/B.CPIO
	APPEND $2 plain
CFG
	rm -f "$1"
	xorriso -as mkisofs -quiet -iso-level 2 -V PLAIN_ISO -o "$1" \
		-b boot/isolinux/isolinux.bin -c boot/isolinux/boot.cat \
		-no-emul-boot -boot-load-size 4 -boot-info-table "$tree" \
		>/dev/null 2>&1 || return 1
	rm -rf "$tree"
}

# check_list LOG: --list's lines, or why not.
check_list() {
	local log=$1 want line
	want=("* 0  sr0  Live system  ($abi)"
	      "  1  sr0  Live system (test)  ($abi)"
	      "  2  sr1  Plain ISO 9660, upper case  ($abi)"
	      "  3  vda  Debian GNU/Linux, on xfs  ($abi)"
	      "  4  vdb  Fedora Linux ($abi) 41 (Workstation Edition) debug  ($abi)"
	      "  5  vdb  Fedora Linux ($abi) 41 (Workstation Edition)  ($abi)"
	      "  6  vdc  Test UKI on an ESP  ($abi)"
	      "  7  vdd  Live system  ($abi)"
	      "  8  vdd  Live system (test)  ($abi)")
	for line in "${want[@]}"; do
		grep -qF "BOOTIMG-MENU-LIST $line" "$log" ||
			{ echo "--list lacks '$line'"; return 1; }
	done
	if [ "$(grep -c "BOOTIMG-MENU-LIST [ *] [0-9]" "$log")" -ne ${#want[@]} ]; then
		echo "--list has more entries than ${#want[@]}: $(grep "BOOTIMG-MENU-LIST [ *] [0-9]" "$log" | tail -n +$((${#want[@]} + 1)) | tr '\n' ';')"
		return 1
	fi
	if grep -q "BOOTIMG-MENU-LIST problem:" "$log"; then
		echo "--list has a problem: $(e2e_field "$log" "BOOTIMG-MENU-LIST problem: ")"
		return 1
	fi
}

name=sources-keys
if e2e_selected $name; then
	dir=$work/cases/$name
	uuid=$(cat /proc/sys/kernel/random/uuid)
	base="console=ttyS0 panic=-1 quiet bootimg.case=$name token=$RANDOM$RANDOM"
	# shellcheck disable=SC2086
	e2e_menu_case "$dir" "$base recovery edited=1" sr1 "$moddir" $modules
	start=$SECONDS
	grub_disk "$work/grub.img" "$uuid" "$base" ||
		e2e_bail "cannot make the xfs disk"
	bls_disk "$work/bls.img" "$base" || e2e_bail "cannot make the btrfs disk"
	esp_disk "$work/esp.img" "$base" || e2e_bail "cannot make the ESP"
	iso_image "$work/live.iso" "$base" || e2e_bail "cannot make the ISO image"
	plain_iso "$work/plain.iso" "$base" ||
		e2e_bail "cannot make the plain ISO image"
	echo "# images made in $((SECONDS - start)) s"
	E2E_QEMU_ARGS=(
		-drive "file=$work/grub.img,if=virtio,format=raw,readonly=on"
		-drive "file=$work/bls.img,if=virtio,format=raw,readonly=on"
		-drive "file=$work/esp.img,if=virtio,format=raw,readonly=on"
		-drive "file=$work/live.iso,if=virtio,format=raw,readonly=on"
		-drive "file=$work/live.iso,if=ide,index=0,media=cdrom,format=raw"
		-drive "file=$work/plain.iso,if=ide,index=1,media=cdrom,format=raw")
	log=$dir/serial.log
	start=$SECONDS
	e2e_menu_boot_keys "$work" "$dir" '\033[Be edited=1\r' bootimg.timeout=60
	if why=$(check_list "$log") && why=$(e2e_check "$dir" "$work" 1 2); then
		why="the ISO's second label, edited: $why, --list of 6 sources $(e2e_menu_list_ms "$log") ms, boot $((SECONDS - start)) s"
		e2e_result $name 0 "$why"
	else
		e2e_result $name 1 "$why" "$log"
	fi
fi
e2e_finalize
