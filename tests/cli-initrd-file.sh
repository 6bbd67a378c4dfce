#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# --initrd-file under the syscall shim: the archive each method gets,
# compared byte for byte with one written here independently, and the
# arguments and files it refuses.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-initrd-file

nothing_loaded() { lacks kexec_load "$tmp/log" && lacks kexec_file "$tmp/log"; }

cp -r "$src/tests/fixtures/qemu-pc-1g" "$tmp/root"
chmod -R u+w "$tmp/root"
"$fake" "$tmp/vmlinuz"
head -c 3001 /dev/urandom >"$tmp/a.cpio"
printf 'secret\n' >"$tmp/key"
chmod 644 "$tmp/key"
head -c 4099 /dev/urandom >"$tmp/blob"
chmod 755 "$tmp/blob"

# newc INO MODE FILE NAME: one entry of a newc archive (FILE - for none),
# padded: the format as the kernel's initramfs unpacker reads it.
newc() {
	local size=0 pad
	[ "$3" = - ] || size=$(wc -c <"$3")
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%s\0' \
		"$1" "$2" 0 0 $(( $2 & 040000 ? 2 : 1 )) 0 "$size" 0 0 0 0 \
		$((${#4} + 1)) 0 "$4"
	pad=$(( (4 - (110 + ${#4} + 1) % 4) % 4 ))
	head -c "$pad" /dev/zero
	[ "$3" = - ] || cat "$3"
	head -c $(( (4 - size % 4) % 4 )) /dev/zero
}
{
	newc 1 $((040755)) - etc
	newc 2 $((040755)) - etc/keys
	newc 3 $((0100600)) "$tmp/key" etc/keys/root.key
	newc 4 $((0100640)) "$tmp/blob" etc/keys/blob
	newc 5 $((0100700)) "$tmp/blob" run
	newc 0 0 - 'TRAILER!!!'
} >"$tmp/want.cpio"
files=(--initrd-file="$tmp/key:/etc/keys/root.key"
	--initrd-file="$tmp/blob:etc/keys/blob:640" --initrd-file="$tmp/blob:run")

run -- -s --load "$tmp/vmlinuz" "${files[@]}" --command-line=x
fcheck "file method: the archive alone is the initrd, byte for byte" \
	has "initrd=$(digest "$tmp/want.cpio") flags=0x0" "$tmp/log"
run -- -s --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" "${files[@]}"
{ cat "$tmp/a.cpio"; head -c 3 /dev/zero; cat "$tmp/want.cpio"; } >"$tmp/both"
fcheck "file method: after the --initrd, 4-byte aligned" \
	has "initrd=$(digest "$tmp/both") flags=0x0" "$tmp/log"
run -- -c --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" "${files[@]}"
check "kexec method: loads" [ $rc -eq 0 ]
check "kexec method: the archive is the segment after the --initrd" \
	has "bufsz=$(printf 0x%x "$(wc -c <"$tmp/want.cpio")") sha256=$(sha <"$tmp/want.cpio")" "$tmp/log"
run -- -n --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" "${files[@]}"
check "--dry-run plans the archive as one more initrd" \
	eval '[ $(grep -c "^initrd " "$tmp/out") -eq 2 ] && nothing_loaded'
mkdir -p "$tmp/root/dev"
: >"$tmp/root/dev/bootimg"
run -- -m module --load "$tmp/vmlinuz" "${files[@]}"
check "module method: the archive is a segment too" \
	has "sha256=$(sha <"$tmp/want.cpio")" "$tmp/log"
rm "$tmp/root/dev/bootimg"

# Refused: a clear line naming the argument or file, nothing loaded.
bad() {	# bad CODE TEXT DESCRIPTION ARGS...
	local code=$1 text=$2 desc=$3; shift 3
	run -- -s --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" "$@"
	check "$desc: exit $code, names it, nothing loaded" eval \
		'[ $rc -eq $code ] && head -n 1 "$tmp/err" | grep -qF -- "$text" && nothing_loaded'
}
for dest in '' / etc/ /etc/../shadow .. a//b ./a etc/.; do
	bad 2 "bootimg: --initrd-file=$tmp/key:$dest: DEST must be" \
		"DEST '$dest'" --initrd-file="$tmp/key:$dest"
done
bad 2 "--initrd-file=$tmp/key: give SRC:DEST" "no DEST" \
	--initrd-file="$tmp/key"
bad 2 "--initrd-file=:x: give SRC:DEST" "no SRC" --initrd-file=":x"
for mode in 8 abc 17777 ''; do
	bad 2 "MODE must be octal" "MODE '$mode'" \
		--initrd-file="$tmp/key:k:$mode"
done
bad 4 "bootimg: $tmp/missing: no such file" "a missing SRC" \
	--initrd-file="$tmp/missing:k"
bad 4 "bootimg: $tmp: is a directory" "a directory as SRC" \
	--initrd-file="$tmp:k"
mkfifo "$tmp/fifo"
CLI_TIMEOUT=10 bad 4 "bootimg: $tmp/fifo: cannot be read: not a regular file" \
	"a FIFO as SRC, without waiting for a writer" --initrd-file="$tmp/fifo:k"
truncate -s 257M "$tmp/huge"
bad 4 "bootimg: $tmp/huge: too large for --initrd-file" "a SRC over 256 MiB" \
	--initrd-file="$tmp/huge:k"
mb_image "$tmp/mb" '\x00\x00\x01\x00' '\xfe\x4f\x51\xe4' '\x00\x00\x10\x00'
run -- -c --load "$tmp/mb" --initrd-file="$tmp/key:k"
check "a multiboot kernel takes no --initrd-file (exit 9)" \
	eval '[ $rc -eq 9 ] && nothing_loaded'

echo "1..$n"
