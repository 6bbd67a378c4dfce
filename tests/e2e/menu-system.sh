#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-menu boots a real installed system (issue 13's disk case), in
# qemu (TCG).  The disk (menu-system-disk, made once by an installer VM
# and cached): Debian bookworm on GPT, /boot on its own ext4 partition,
# root on LVM (menusys/root), grub.cfg written by grub-mkconfig, the
# initrd by update-initramfs with lvm2's hook, a marker on the root file
# system.  The first stage: Debian's kernel (the system's own) with an
# initramfs of busybox, bootimg-menu, lvm and the virtio, ext4 and
# dm-mod modules, started with -kernel and bootimg.timeout=0.
#   menu-system  bootimg-menu activates the volume group (dm-0 is
#                menusys-root afterwards), lists grub.cfg's default entry
#                on vda2 (/boot, found by search --fs-uuid) with no
#                problem, and boots it; the system reaches multi-user
#                with root on /dev/mapper/menusys-root, the marker read
#                back, and /proc/cmdline equal to the grub entry's
#                command line: its linux line's words after the kernel.
#                GRUB itself would put BOOT_IMAGE=/vmlinuz-... first;
#                bootimg-menu, like mkbootcmd(8), does not add it.
# The disk is booted with snapshot=on: the cache is never written.
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads, the debootstrap tree, the disk),
# BOOTIMG_E2E_ONLY, BOOTIMG_E2E_TIMEOUT (a boot; default here 900 s;
# the installer's, 1800 s).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init menu-system
e2e_need_stage usr/sbin/bootimg-menu
e2e_need_arch x86_64
e2e_need_command qemu-system-x86_64 debootstrap mkfs.ext4 debugfs cpio
e2e_selected menu-system || e2e_bail "no case ran (BOOTIMG_E2E_ONLY?)"
work=$e2e_work

start=$SECONDS
disk=$("$here/menu-system-disk" "$cache" "$work") ||
	e2e_bail "cannot make the disk (menu-system-disk)"
echo "# the disk: $disk ($((SECONDS - start)) s)"
export BOOTIMG_E2E_TIMEOUT=${BOOTIMG_E2E_TIMEOUT:-900}
# shellcheck source=tests/e2e/menu-system-stage1
. "$here/menu-system-stage1"
menu_system_stage1 "$work" "$cache/system/rootfs-systemd" "$disk" ||
	e2e_bail "cannot build the first stage's initramfs"

dir=$work/cases/menu-system
want=$(cat "$disk/cmdline")
e2e_case "$dir" exec=bootimg-menu cmdline="$want" run="$MENU_SYSTEM_RUN"
E2E_QEMU_ARGS=(-drive "file=$disk/disk.img,if=virtio,format=raw,snapshot=on")
start=$SECONDS
e2e_boot "$work" "$dir" 1 bios none bootimg.timeout=0
seconds=$((SECONDS - start))
log=$dir/serial.log
release=$(cat "$disk/kernel")
release=${release#vmlinuz-}
field() { e2e_field "$log" "BOOTIMG-MENU-SYSTEM $1"; }
if grep -q BOOTIMG-STAGE1-FAIL "$log"; then
	why=$(e2e_field "$log" "BOOTIMG-STAGE1-FAIL ")
elif [ "$(e2e_field "$log" "BOOTIMG-MENU-DM ")" != menusys-root ]; then
	why="bootimg-menu did not activate menusys/root (dm-0: '$(e2e_field "$log" "BOOTIMG-MENU-DM ")')"
elif ! grep -q "BOOTIMG-MENU-LIST \* 0  vda2  Debian GNU/Linux  ($release)" "$log"; then
	why="bootimg-menu --list did not show grub.cfg's default entry on vda2"
elif grep -q "BOOTIMG-MENU-LIST problem:" "$log"; then
	why="bootimg-menu --list: $(e2e_field "$log" "BOOTIMG-MENU-LIST problem: ")"
elif ! grep -q "BOOTIMG-MENU-SYSTEM DONE" "$log"; then
	why="the system did not report at multi-user"
elif [ "$(field cmdline=)" != "$want" ]; then
	why="cmdline: got '$(field cmdline=)', want the grub entry's '$want'"
elif [ "$(field root=)" != "/dev/mapper/menusys-root boot=/dev/vda2" ]; then
	why="mounts: $(field root=)"
elif [ "$(field marker=)" != "$(cat "$disk/marker")" ]; then
	why="marker: got '$(field marker=)', want '$(cat "$disk/marker")'"
elif [ "$(field multi-user=)" != active ]; then
	why="multi-user.target is $(field multi-user=)"
else
	why=
fi
if [ -z "$why" ]; then
	e2e_result menu-system 0 "grub entry booted from LVM to multi-user in $seconds s, --list $(e2e_field "$log" "BOOTIMG-MENU-TIME " |
		awk -F'[= ]' '{printf "%d", ($4 - $2) * 1000}') ms"
else
	e2e_result menu-system 1 "$why" "$log"
fi
e2e_finalize
