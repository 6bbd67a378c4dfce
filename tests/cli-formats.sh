#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The image formats through the bootimg command, under the syscall shim,
# where a golden case (tests/cli/formats holds the rest) does not fit:
# --fast-boot's KASLR puts _text at a random place, and mkbootcmd's
# command for a UKI is run as it prints it.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-formats
fake_uki=$b/tests/unit/make-fake-uki
mkbootcmd=$b/mkbootcmd
if [ ! -x "$fake_uki" ] || [ ! -x "$mkbootcmd" ]; then
	echo "Bail out! build the tree first (make check)"
	exit 99
fi

fixture qemu-pc-1g "$tmp/root"
"$fake" "$tmp/bzImage"

# --- --fast-boot -v says where KASLR put _text ----------------------------
"$b/tests/unit/make-fake-fastboot" "$tmp/fast" || exit 99
if [ "${BOOTIMG_ARCH:-x86_64}" = i386 ]; then
	skip "--fast-boot -v: KASLR (i386: the fake vmlinux is 64-bit)"
else
	run -- --load "$tmp/fast" --fast-boot --method=kexec --command-line=x -v
	check "--fast-boot -v: loaded, says where KASLR put _text" \
		eval '[ $rc -eq 0 ] && has "bootimg: fast boot, KASLR: _text at 0xffffffff" "$tmp/err"'
fi

# --- mkbootcmd's command for a Type #2 entry boots it with bootimg as it
# is, however large the UKI (this one holds an initrd of 5 MiB) ---------
uki_cmdline='root=/dev/vda console=ttyS0 "quoted arg"'
quoted() { printf 'cmdline_len=%d cmdline="%s"' $((${#1} + 1)) "${1//\"/\\\"}"; }
bls=$tmp/bls/boot
mkdir -p "$bls/loader/entries" "$bls/EFI/Linux"
echo "default test-*" >"$bls/loader/loader.conf"
"$fixed" $((5 << 20)) 3 >"$tmp/big.cpio"
"$fake_uki" "$bls/EFI/Linux/test-6.1.efi" "$uki_cmdline" "$tmp/big.cpio"
"$mkbootcmd" --root="$tmp/bls" >"$tmp/cmd" 2>"$tmp/err"
check "mkbootcmd prints a bootimg command for the UKI entry" \
	has "bootimg --load $bls/EFI/Linux/test-6.1.efi" "$tmp/cmd"
mapfile -d '' args < <("$mkbootcmd" --root="$tmp/bls" --format=args --null)
run -- "${args[@]}" --method=file
fcheck "mkbootcmd's arguments stage the UKI with its own initrd and command line" \
	eval '[ $rc -eq 0 ] && has "kexec_file_load kernel=$(digest "$tmp/bzImage") initrd=$(digest "$tmp/big.cpio") flags=0x0 $(quoted "$uki_cmdline")" "$tmp/log"'
eval "set -- $(cut -d' ' -f2- "$tmp/cmd")"
run -- "$@" --method=kexec
check "mkbootcmd's shell line stages it with the kexec method" \
	eval '[ $rc -eq 0 ] && has "sha256=$(sha <"$tmp/big.cpio")" "$tmp/log"'

echo "1..$n"
