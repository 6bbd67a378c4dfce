#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mkbootcmd end to end: in qemu (TCG), the first kernel's init runs
# mkbootcmd on a boot loader configuration in its own file system and
# evaluates the bootimg command it prints; the second kernel reports the
# command line and initrds it got, which must be the default entry's.
#   mkbootcmd-grub  the grub.cfg and grubenv grub-mkconfig wrote in a
#                   Debian chroot (tests/bootcfg/debian-grub-mkconfig), the
#                   default entry's kernel, initrds and options pointed at
#                   the test kernel; the saved default is in a submenu and
#                   the other entries name kernels that do not exist
#   mkbootcmd-bls   Boot Loader Specification entries: the default is the
#                   one loader.conf's glob names, not the first in order
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 mkbootcmd usr/sbin/mkbootcmd
work=$e2e_work
corpus=$e2e_top/tests/bootcfg
e2e_images "$work" "$kernel"

# add_mkbootcmd ROOT: mkbootcmd and its library in a case's file system
add_mkbootcmd() {
	mkdir -p "$1/usr/sbin" "$1/usr/lib"
	cp -a "$BOOTIMG_STAGE/usr/sbin/mkbootcmd" "$1/usr/sbin/"
	cp -a "$BOOTIMG_STAGE"/usr/lib/libbootcfg.so* "$1/usr/lib/"
	e2e_copy_libs "$1" "$BOOTIMG_STAGE/usr/sbin/mkbootcmd"
}

# The Debian grub.cfg: the saved entry (generic kernel, in the submenu)
# boots /stage2/vmlinuz with both test initrds and the case's line.
grub_case() {	# grub_case ROOT CMDLINE
	local src=$corpus/debian-grub-mkconfig/tree/boot/grub generic
	generic=$(sed -n 's/^saved_entry=.*>gnulinux-\(.*\)-advanced-.*/\1/p' \
		"$src/grubenv")
	mkdir -p "$1/boot/grub"
	cp "$src/grubenv" "$1/boot/grub/"
	sed -e "s|^\(\s*linux\s*\)/boot/vmlinuz-$generic .*|\1/stage2/vmlinuz $2|" \
	    -e "s|^\(\s*initrd\s*\)/boot/initrd.img-$generic\$|\1/stage2/a.cpio /stage2/b.cpio|" \
	    "$src/grub.cfg" >"$1/boot/grub/grub.cfg"
}

bls_case() {	# bls_case ROOT CMDLINE
	mkdir -p "$1/boot/loader/entries"
	printf 'default test-*\n' >"$1/boot/loader/loader.conf"
	printf 'title Newer, not the default\nversion 9.9\nlinux /vmlinuz-missing\noptions %s\n' \
		"$2" >"$1/boot/loader/entries/zz-other-9.9.conf"
	printf 'title Test\nversion 1.0\nlinux /stage2/vmlinuz\ninitrd /stage2/a.cpio\ninitrd /stage2/b.cpio\noptions %s\n' \
		"$2" >"$1/boot/loader/entries/test-1.0.conf"
}

for name in mkbootcmd-grub mkbootcmd-bls; do
	e2e_selected "$name" || continue
	dir=$work/cases/$name
	cmdline="console=ttyS0 panic=-1 quiet bootimg.case=$name token=$RANDOM$RANDOM"
	e2e_case "$dir" exec="bootimg --exec" cmdline="$cmdline" \
		run='mkbootcmd --list; cmd=$(mkbootcmd) || exit; echo "$cmd"; eval "$cmd"'
	add_mkbootcmd "$dir/root"
	"${name#mkbootcmd-}_case" "$dir/root" "$cmdline"
	e2e_boot "$work" "$dir" 1
	why=$(e2e_check "$dir" "$work" 1 2)
	e2e_result "$name" $? "$why" "$dir/serial.log"
done
e2e_finalize
