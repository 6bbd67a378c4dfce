#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# No method copies an initrd into anonymous memory: under the syscall
# shim with BOOTIMG_SHIM_BACKING=1, kexec_load's and bootimg.ko's initrd
# segments point into the initrd files' own mappings, kexec_file_load
# gets a single initrd's own fd, and the process's anonymous memory at the
# call stays far below a 64 MiB (sparse) initrd.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-memory

fixture qemu-pc-1g "$tmp/root"
mkdir -p "$tmp/root/dev" && : >"$tmp/root/dev/bootimg"
"$fake" "$tmp/vmlinuz"
"$b/tests/unit/make-fake-fastboot" "$tmp/fast" || exit 99
truncate -s 64M "$tmp/big.img"
"$fixed" 5000 2 >"$tmp/b.cpio"
"$fixed" $((1 << 20)) 3 >"$tmp/own.cpio"
"$b/tests/unit/make-fake-uki" "$tmp/uki" "" "$tmp/own.cpio" || exit 99

# load ARGS...: bootimg --load ARGS under the shim, the log in $tmp/log
load() {
	: >"$tmp/log"
	env BOOTIMG_SYSROOT="$tmp/root" BOOTIMG_SHIM_LOG="$tmp/log" \
		BOOTIMG_SHIM_BACKING=1 LD_PRELOAD="$shim" \
		"$bootimg" --load "$@" >"$tmp/out" 2>"$tmp/err"
}
# backs N FILE: FILE backs N segments
backs() { [ "$(grep -c "^  backing [0-9]* file:$tmp/$2\$" "$tmp/log")" = "$1" ]; }
# small_anon: RssAnon at the call is under 16 MiB, a quarter of big.img
small_anon() {
	local kb
	kb=$(sed -n 's/^  memory anon_kb=\([0-9]*\) .*/\1/p' "$tmp/log")
	[ -n "$kb" ] && [ "$kb" -lt 16384 ]
}
# segments FILE...: each FILE backs exactly one segment, anon stays small
segments() {
	local f
	for f in "$@"; do
		backs 1 "$f" || return 1
	done
	small_anon
}

for method in kexec module; do
	load "$tmp/vmlinuz" --initrd="$tmp/big.img" --initrd="$tmp/b.cpio" \
		--method=$method
	check "--method=$method: each initrd's segment is its file's mapping" \
		segments big.img b.cpio
	load "$tmp/uki" --initrd="$tmp/big.img" --method=$method
	check "--method=$method: a UKI's kernel and .initrd are its mapping" \
		eval 'segments big.img && backs 2 uki'
done
if [ "${BOOTIMG_ARCH:-x86_64}" = i386 ]; then
	skip "--fast-boot: the initrd not copied (i386: the fake vmlinux is 64-bit)"
else
	load "$tmp/fast" --initrd="$tmp/big.img" --method=kexec --fast-boot
	check "--fast-boot: the initrd's segment is its file's mapping" \
		segments big.img
fi
load "$tmp/vmlinuz" --initrd="$tmp/big.img" --initrd-file="$tmp/b.cpio:/x" \
	--method=kexec
check "--initrd-file: the other initrd is still its file's mapping" \
	eval 'segments big.img &&
		grep -q "^  backing [0-9]* memfd:bootimg-initrd-files$" "$tmp/log"'

load "$tmp/vmlinuz" --initrd="$tmp/big.img" --method=file
fcheck "--method=file: one initrd is handed over as its own fd" \
	eval 'has "  backing kernel=file:$tmp/vmlinuz initrd=file:$tmp/big.img" "$tmp/log" && small_anon'
# kexec_file_load takes one initrd fd: several are concatenated in a
# memfd (shmem, freed when the call returns), written, never held in
# anonymous memory.
load "$tmp/vmlinuz" --initrd="$tmp/big.img" --initrd="$tmp/b.cpio" \
	--method=file
fcheck "--method=file: several initrds as one memfd, no anonymous copy" \
	eval 'has "initrd=memfd:bootimg-initrds" "$tmp/log" && small_anon'

echo "1..$n"
