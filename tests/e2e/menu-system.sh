#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-menu boots a real installed system (issue 13's disk case), in
# qemu (TCG).  The disk (menu-system-disk, made once by an installer VM
# and cached): Debian bookworm on GPT, /boot on its own ext4 partition,
# root on LVM (menusys/root), grub.cfg written by grub-mkconfig, the
# initrd by update-initramfs with lvm2's hook, a marker on the root file
# system.  The first stage: Debian's current amd64 kernel with the
# initramfs that mkbootimg-initramfs builds (e2e_first_stage: busybox,
# bootimg-menu, this host's lvm, the module set), started with -kernel
# and bootimg.timeout=0; guest/first-stage-hook runs the case's
# --list and reports what dm-0 is before /init starts bootimg-menu.
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

e2e_init_x86_64 menu-system usr/sbin/bootimg-menu
# lvm: the host's goes into the first stage (package lvm2)
e2e_need_command debootstrap mkfs.ext4 debugfs cpio lvm
e2e_selected menu-system || e2e_bail "no case ran (BOOTIMG_E2E_ONLY?)"
work=$e2e_work

start=$SECONDS
disk=$("$here/menu-system-disk" "$cache" "$work") ||
	e2e_bail "cannot make the disk (menu-system-disk)"
echo "# the disk: $disk ($((SECONDS - start)) s)"
export BOOTIMG_E2E_TIMEOUT=${BOOTIMG_E2E_TIMEOUT:-900}
e2e_first_stage E2E_STAGE1
ln -sfn "$kernel" "$work/vmlinuz"

dir=$work/cases/menu-system
want=$(cat "$disk/cmdline")
e2e_menu_case "$dir" "$want" vda2
echo 'echo "BOOTIMG-MENU-DM $(cat /sys/class/block/dm-0/dm/name 2>/dev/null)"' \
	>>"$dir/root/case/run"
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
