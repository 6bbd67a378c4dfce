#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The image formats through the bootimg command, under the syscall shim
# (tests/shim): what --info says, what each method hands the kernel, and
# broken images refused with exit 3 and a message naming the file.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-formats
fake_uki=$b/tests/unit/make-fake-uki
mkbootcmd=$b/mkbootcmd
if [ ! -x "$fake_uki" ] || [ ! -x "$mkbootcmd" ]; then
	echo "Bail out! build the tree first (make check)"
	exit 99
fi

nothing_loaded() { ! grep -q kexec "$tmp/log"; }
bad() {	# bad FILE WORDS DESCRIPTION: every method refuses FILE with exit 3
	local m
	want="bootimg: $1: $2"
	for m in file kexec; do
		run -- --load "$1" --method=$m
		check "$3 ($m): exit 3, one line naming the file, nothing loaded" \
			eval '[ $rc -eq 3 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
			has "$want" "$tmp/err" && nothing_loaded'
	done
}

cp -r "${srcdir:-.}/tests/fixtures/qemu-pc-1g" "$tmp/root"
chmod -R u+w "$tmp/root"
"$fake" "$tmp/bzImage"
payload=$(tail -c +2561 "$tmp/bzImage" | sha)

# --- whole-file compressed images --------------------------------------
for codec in gzip xz zstd; do
	if ! command -v $codec >/dev/null; then
		skip "no $codec command"
		continue
	fi
	f=$tmp/bzImage.$codec
	$codec -c "$tmp/bzImage" >"$f"
	run -- --info "$f"
	check "$codec: --info says bzImage, $codec-compressed" \
		has "format:           bzImage, $codec-compressed" "$tmp/out"
	run -- --load "$f" --method=file --command-line=x
	fcheck "$codec: the file method gets a memfd of the unpacked image" \
		has "kexec_file_load kernel=$(digest "$tmp/bzImage") initrd=none" "$tmp/log"
	run -- --load "$f" --method=kexec --command-line=x
	check "$codec: the kexec method loads the unpacked payload" \
		has "segment 0 mem=0x1000000 memsz=0x800000 bufsz=0x10000 sha256=$payload" "$tmp/log"
	head -c $(($(wc -c <"$f") - 10)) "$f" >"$tmp/short.$codec"
	bad "$tmp/short.$codec" "truncated or corrupt" "$codec: truncated"
	size=$(wc -c <"$f")
	{ head -c $((size / 2)) "$f"; printf 'XXXXXXXX'
	  tail -c +$((size / 2 + 9)) "$f"; } >"$tmp/corrupt.$codec"
	bad "$tmp/corrupt.$codec" "truncated or corrupt" "$codec: corrupted"
	echo "just text" | $codec -c >"$tmp/text.$codec"
	bad "$tmp/text.$codec" "not a kernel image" "$codec: not a kernel inside"
done

# --- --fast-boot: the payload fields checked before anything is loaded ---
# put32 FILE OFFSET VALUE: a little-endian 32-bit field of a copy of FILE
put32() {
	local out=$tmp/$(basename "$1").$3
	cp "$1" "$out"
	printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($3 & 255)) \
		$(($3 >> 8 & 255)) $(($3 >> 16 & 255)) $(($3 >> 24 & 255)))" |
		dd of="$out" bs=1 seek=$(($2)) conv=notrunc status=none
	echo "$out"
}
fast_bad() {	# fast_bad FILE WORDS DESCRIPTION
	local m
	want="bootimg: $1: $2"
	for m in kexec auto; do
		run -- --load "$1" --fast-boot --method=$m --command-line=x
		check "--fast-boot, $3 ($m): exit 3, one line naming the file, nothing loaded" \
			eval '[ $rc -eq 3 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
			has "$want" "$tmp/err" && nothing_loaded'
	done
}
fast_bad "$(put32 "$tmp/bzImage" 0x248 0x20000)" "truncated or corrupt" \
	"payload_offset past the image"
fast_bad "$(put32 "$tmp/bzImage" 0x24c 0x10001)" "truncated or corrupt" \
	"payload_length past the image"
fast_bad "$(put32 "$tmp/bzImage" 0x24c 0)" "truncated or corrupt" \
	"payload_length 0"
fast_bad "$(put32 "$tmp/bzImage" 0x24c 0x100)" "--fast-boot cannot unpack" \
	"a payload no codec knows"
run -- --load "$tmp/bzImage" --fast-boot --method=file
check "--fast-boot --method=file: a usage error (exit 2), nothing loaded" \
	eval '[ $rc -eq 2 ] && has "--fast-boot needs the kexec or module" "$tmp/err" &&
	nothing_loaded'
# KASLR kept: -v says where _text went, or that nokaslr kept it linked;
# a relocation table entry outside the vmlinux (the x86_64 fake's).
"$b/tests/unit/make-fake-fastboot" "$tmp/fast" &&
	"$b/tests/unit/make-fake-fastboot" "$tmp/fast-bad" 0x81010000 || exit 99
if [ "${BOOTIMG_ARCH:-x86_64}" = i386 ]; then
	skip "--fast-boot -v: KASLR (i386: the fake vmlinux is 64-bit)"
	skip "--fast-boot -v: nokaslr (i386: the fake vmlinux is 64-bit)"
else
	run -- --load "$tmp/fast" --fast-boot --method=kexec --command-line=x -v
	check "--fast-boot -v: loaded, says where KASLR put _text" \
		eval '[ $rc -eq 0 ] && has "bootimg: fast boot, KASLR: _text at 0xffffffff" "$tmp/err"'
	run -- --load "$tmp/fast" --fast-boot --method=kexec -v \
		--command-line="a nokaslr"
	check "--fast-boot -v, nokaslr: loaded where it was linked" \
		eval '[ $rc -eq 0 ] && has "no KASLR: \"nokaslr\" in the command line: _text at 0xffffffff81000000, physical 0x1000000" "$tmp/err"'
fi
fast_bad "$tmp/fast-bad" "--fast-boot: the relocation table" \
	"a relocation table entry outside the vmlinux"

# --- unified kernel images (UKI) -----------------------------------------
uki_cmdline='root=/dev/vda console=ttyS0 "quoted arg"'
printf '070701 a\n' >"$tmp/a.cpio"		# 9 bytes: padded to 12
head -c 5000 /dev/urandom >"$tmp/b.cpio"
"$fake_uki" "$tmp/uki.efi" "$uki_cmdline" "$tmp/a.cpio"
{ cat "$tmp/a.cpio"; head -c 3 /dev/zero; cat "$tmp/b.cpio"; } >"$tmp/ab"
{ cat "$tmp/a.cpio"; head -c 3 /dev/zero; } >"$tmp/a-padded"
quoted() { printf 'cmdline_len=%d cmdline="%s"' $((${#1} + 1)) "${1//\"/\\\"}"; }
run -- --info "$tmp/uki.efi"
check "UKI: --info says UKI (bzImage)" \
	has "format:           UKI (bzImage)" "$tmp/out"
run -- --load "$tmp/uki.efi" --method=file
fcheck "UKI: the file method gets its .linux, .initrd and .cmdline" \
	has "kexec_file_load kernel=$(digest "$tmp/bzImage") initrd=$(digest "$tmp/a-padded") flags=0x0 $(quoted "$uki_cmdline")" "$tmp/log"
run -- --load "$tmp/uki.efi" --method=file --initrd="$tmp/b.cpio" --append=quiet
fcheck "UKI: --initrd comes after its .initrd, --append after its .cmdline" \
	has "initrd=$(digest "$tmp/ab") flags=0x0 $(quoted "$uki_cmdline quiet")" "$tmp/log"
run -- --load "$tmp/uki.efi" --method=file --command-line=x --append=y
fcheck "UKI: --command-line replaces its .cmdline" \
	has "$(quoted "x y")" "$tmp/log"
run -- --load "$tmp/uki.efi" --method=kexec --initrd="$tmp/b.cpio"
check "UKI: the kexec method loads the bzImage's payload and both initrds" \
	eval 'has "segment 0 mem=0x1000000 memsz=0x800000 bufsz=0x10000 sha256=$payload" "$tmp/log" &&
	      has "sha256=$(sha <"$tmp/a.cpio")" "$tmp/log" &&
	      has "sha256=$(sha <"$tmp/b.cpio")" "$tmp/log"'
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EINVAL -- -v --load "$tmp/uki.efi"
fcheck "UKI: auto falls back from file to kexec with the same inputs" \
	eval '[ $rc -eq 0 ] && has "used kexec_load" "$tmp/err" &&
	      has "sha256=$payload" "$tmp/log"'
"$fake_uki" "$tmp/uki-plain.efi" ""
run -- --load "$tmp/uki-plain.efi" --method=file
fcheck "UKI without .cmdline and .initrd: none" \
	has "initrd=none flags=0x4 cmdline_len=1" "$tmp/log"

# Broken UKIs: exit 3, one line naming the file and the cause.
size=$(wc -c <"$tmp/uki.efi")
head -c $((size - 100)) "$tmp/uki.efi" >"$tmp/uki-short.efi"
bad "$tmp/uki-short.efi" "truncated or corrupt" "UKI: truncated"
cp "$tmp/uki.efi" "$tmp/uki-pe.efi"
printf '\377\377\377\177' | dd of="$tmp/uki-pe.efi" bs=1 seek=60 \
	conv=notrunc 2>/dev/null
bad "$tmp/uki-pe.efi" "truncated or corrupt" "UKI: PE header offset past the end"
LC_ALL=C sed 's/\.linux/.linus/' "$tmp/uki.efi" >"$tmp/uki-nolinux.efi"
bad "$tmp/uki-nolinux.efi" "not a kernel image that bootimg can boot" \
	"UKI: an EFI program without .linux"
check "UKI: the message says what a UKI is" \
	has "a UKI: an EFI program with a .linux section" "$tmp/err"

# mkbootcmd's command for a Type #2 entry boots it with bootimg as it is,
# however large the UKI (this one holds an initrd of 5 MiB).
bls=$tmp/bls/boot
mkdir -p "$bls/loader/entries" "$bls/EFI/Linux"
echo "default test-*" >"$bls/loader/loader.conf"
head -c $((5 << 20)) /dev/urandom >"$tmp/big.cpio"
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


# --- multiboot kernels ---------------------------------------------------
mb_image "$tmp/mb" '\x03\x00\x01\x00' '\xfb\x4f\x51\xe4' '\x20\x00\x10\x00'
printf 'first module' >"$tmp/mod1"
printf 'second\n' >"$tmp/mod2"
run -- --info "$tmp/mb"
check "multiboot: --info names the format" \
	has "format:           multiboot (a.out kludge)" "$tmp/out"
run -- --load "$tmp/mb" --method=kexec --command-line="x y" \
	--module="$tmp/mod1 a b" --module="$tmp/mod2"
check "multiboot: the kexec method loads the kernel and both modules" \
	eval '[ $rc -eq 0 ] && has "segment 0 mem=0x100000 memsz=0x2000 bufsz=0x1000" "$tmp/log" &&
	      has "sha256=$(sha <"$tmp/mod1")" "$tmp/log" &&
	      has "sha256=$(sha <"$tmp/mod2")" "$tmp/log"'
run -- -v --load "$tmp/mb" --module="$tmp/mod1"
check "multiboot: auto falls back from file to kexec" \
	eval '[ $rc -eq 0 ] && has "used kexec_load" "$tmp/err" &&
	      has "sha256=$(sha <"$tmp/mod1")" "$tmp/log"'
run -- --load "$tmp/mb" --method=file --module="$tmp/mod1"
check "multiboot --method=file: exit 7, one line, nothing loaded" \
	eval '[ $rc -eq 7 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	      has "kexec_file_load cannot load this image format" "$tmp/err" &&
	      nothing_loaded'
run -- --load "$tmp/mb" --method=kexec --module="$tmp/mod1" \
	--module="$tmp/missing args"
check "multiboot: a missing module is named, exit 4, nothing loaded" \
	eval '[ $rc -eq 4 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	      has "bootimg: $tmp/missing: no such file" "$tmp/err" &&
	      nothing_loaded'
run -- --load "$tmp/bzImage" --method=kexec --module="$tmp/mod1"
check "--module with a bzImage: exit 9, one line, nothing loaded" \
	eval '[ $rc -eq 9 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	      has "bootimg: $tmp/bzImage: only a multiboot kernel takes --module" "$tmp/err" &&
	      nothing_loaded'
run -- --load "$tmp/mb" --method=kexec --initrd="$tmp/mod1"
check "--initrd with a multiboot kernel: exit 9, one line, nothing loaded" \
	eval '[ $rc -eq 9 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	      has "bootimg: $tmp/mb: a multiboot kernel takes --module, not --initrd" "$tmp/err" &&
	      nothing_loaded'
mb_image "$tmp/mb-video" '\x07\x00\x01\x00' '\xf7\x4f\x51\xe4' '\x20\x00\x10\x00'
run -- --load "$tmp/mb-video" --method=kexec
check "multiboot asking for a video mode: exit 7, one line, nothing loaded" \
	eval '[ $rc -eq 7 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	      has "bootimg: $tmp/mb-video: a multiboot kernel that needs" "$tmp/err" &&
	      nothing_loaded'
mb_image "$tmp/mb-entry" '\x03\x00\x01\x00' '\xfb\x4f\x51\xe4' '\x00\x00\x20\x00'
bad "$tmp/mb-entry" "truncated or corrupt" "multiboot: entry outside the image"

echo "1..$n"
