#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The image formats through the bootimg command, under the syscall shim
# (tests/shim): what --info says, what each method hands the kernel, and
# broken images refused with exit 3 and a message naming the file.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-formats

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
	check "$codec: the file method gets a memfd of the unpacked image" \
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
	bad "$tmp/text.$codec" "not a Linux kernel" "$codec: not a kernel inside"
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

echo "1..$n"
