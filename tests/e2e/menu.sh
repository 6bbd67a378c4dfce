#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-menu end to end (issue 13, its first case): in qemu (TCG) the
# first kernel's init loads the virtio and ext4 modules and runs
# bootimg-menu, which finds a virtio disk (an ext4 file system made with
# mkfs.ext4 -d, no root needed) holding /boot with the Debian kernel,
# the two test initrds and a grub.cfg whose entry finds its partition
# with search --fs-uuid.  bootimg.timeout=0 on the first kernel's
# command line boots that entry at once; the second kernel reports the
# command line and initrds it got, which must be the grub entry's.
#   menu-disk  the above, with bad input beside it: a second entry whose
#              kernel is missing, a disk whose ext4 group descriptors
#              are damaged (it does not mount) and one whose grub.cfg
#              is cut short; --list must show each as a problem, and
#              the good entry still boots; the time --list took (guest
#              clock, 10 ms steps) is shown, never judged
#   menu-keys  the same disk, bootimg.timeout=60: keystrokes sent over
#              the serial console stop the countdown, choose the second
#              entry (Down), edit its command line ("e", " edited=1",
#              Enter), and it boots with the edited command line
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 menu usr/sbin/bootimg-menu
e2e_need_command mkfs.ext4
work=$e2e_work
e2e_images "$work" "$kernel"

# The modules that reach an ext4 file system on a virtio disk, in the
# order they load, from the kernel's package (fetch-kernel keeps none).
modules="virtio_ring.ko virtio.ko virtio_pci_legacy_dev.ko"
modules+=" virtio_pci_modern_dev.ko virtio_pci.ko virtio_blk.ko crc16.ko"
modules+=" mbcache.ko crc32c_generic.ko jbd2.ko ext4.ko"
package=$(basename "$(dirname "$(dirname "$kernel")")")
abi=${package#linux-image-}
# shellcheck disable=SC2086
e2e_kernel_modules moddir "$kernel" menu $modules

# disk_image IMAGE UUID CMDLINE: an ext4 file system whose /boot holds
# the kernel, the test initrds and grub.cfg (CMDLINE, and CMDLINE
# recovery for the second entry), made without root.
disk_image() {
	local tree=$work/disk-tree
	rm -rf "$tree"
	mkdir -p "$tree/boot/grub"
	cp "$kernel" "$tree/boot/vmlinuz-$abi"
	cp "$work/a.cpio" "$work/b.cpio" "$tree/boot/"
	cat >"$tree/boot/grub/grub.cfg" <<CFG
set default=0
set timeout=5
search --no-floppy --fs-uuid --set=root $2
menuentry 'Debian GNU/Linux' --id gnulinux-simple-$2 {
	search --no-floppy --fs-uuid --set=root $2
	linux	/boot/vmlinuz-$abi $3
	initrd	/boot/a.cpio /boot/b.cpio
}
menuentry 'Debian GNU/Linux (recovery mode)' --id gnulinux-recovery {
	search --no-floppy --fs-uuid --set=root $2
	linux	/boot/vmlinuz-$abi $3 recovery
	initrd	/boot/a.cpio /boot/b.cpio
}
menuentry 'Debian GNU/Linux (missing kernel)' {
	linux	/boot/vmlinuz-missing $3
}
CFG
	rm -f "$1"
	mkfs.ext4 -q -F -d "$tree" -U "$2" -L menu-e2e "$1" 64M >/dev/null || return 1
	rm -rf "$tree"
}

# bad_disks DIR: DIR/damaged.img, an ext4 file system libblkid knows
# but the kernel will not mount (group 0's block bitmap out of range),
# and DIR/cut.img, whose grub.cfg ends inside a menuentry.
bad_disks() {
	local tree=$1/cut-tree
	mkfs.ext4 -q -F -b 4096 -L damaged "$1/damaged.img" 16M || return 1
	printf '\377\377\377\377\377\377\377\377' |
		dd of="$1/damaged.img" bs=1 seek=4096 conv=notrunc 2>/dev/null
	mkdir -p "$tree/boot/grub"
	printf "menuentry 'Cut short' {\n\tlinux /boot/vmlinuz\n" \
		>"$tree/boot/grub/grub.cfg"
	mkfs.ext4 -q -F -d "$tree" -L cut "$1/cut.img" 16M || return 1
	rm -rf "$tree"
}

# check_list LOG: --list's lines, or why not.
check_list() {
	local log=$1
	if ! grep -q "BOOTIMG-MENU-LIST \* 0  vda  Debian GNU/Linux  ($abi)" "$log"; then
		echo "bootimg-menu --list did not find the grub entry on vda"
	elif ! grep -q "BOOTIMG-MENU-LIST   1  vda  Debian GNU/Linux (recovery mode)  ($abi)" "$log"; then
		echo "bootimg-menu --list did not find the second entry"
	elif ! grep -q "BOOTIMG-MENU-LIST problem: vda: Debian GNU/Linux (missing kernel): /run/bootimg-menu/vda/boot/vmlinuz-missing: no such file" "$log"; then
		echo "bootimg-menu --list did not list the missing kernel"
	elif ! grep -q "BOOTIMG-MENU-LIST problem: vdb: cannot mount (ext4): Structure needs cleaning" "$log"; then
		echo "bootimg-menu --list did not list the damaged file system"
	elif ! grep -q "BOOTIMG-MENU-LIST problem: vdc: /run/bootimg-menu/vdc/boot/grub/grub.cfg:1: { without a matching }" "$log"; then
		echo "bootimg-menu --list did not list the cut grub.cfg"
	else
		return 0
	fi
	return 1
}

bad_disks "$work" >/dev/null || e2e_bail "cannot make the bad disks"
for name in menu-disk menu-keys; do
	e2e_selected $name || continue
	dir=$work/cases/$name
	uuid=$(cat /proc/sys/kernel/random/uuid)
	base="console=ttyS0 panic=-1 quiet bootimg.case=$name token=$RANDOM$RANDOM"
	cmdline=$base timeout=0
	[ $name = menu-keys ] && cmdline="$base recovery edited=1" timeout=60
	# shellcheck disable=SC2086
	e2e_menu_case "$dir" "$cmdline" vdc "$moddir" $modules
	disk_image "$work/disk.img" "$uuid" "$base" ||
		e2e_bail "cannot make the disk image"
	E2E_QEMU_ARGS=()
	for disk in disk damaged cut; do
		E2E_QEMU_ARGS+=(-drive "file=$work/$disk.img,if=virtio,format=raw,readonly=on")
	done
	log=$dir/serial.log
	if [ $name = menu-keys ]; then
		e2e_menu_boot_keys "$work" "$dir" '\033[Be edited=1\r' \
			bootimg.timeout=$timeout
	else
		e2e_boot "$work" "$dir" 1 bios none bootimg.timeout=$timeout
	fi
	if why=$(check_list "$log") && why=$(e2e_check "$dir" "$work" 1 2); then
		why="booted the grub entry: $why, --list of 3 disks $(e2e_menu_list_ms "$log") ms"
		e2e_result $name 0 "$why"
	else
		e2e_result $name 1 "$why" "$log"
	fi
done
e2e_finalize
