#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Hostile input at the bootimg command, under the syscall shim: files
# that are not regular files (a FIFO must not make bootimg wait), bytes
# from an image that a terminal would interpret, and a decompression
# bomb.  Each is refused or shown safely, in one line, with nothing
# loaded.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-hostile
CLI_TIMEOUT=20

nothing_loaded() { ! grep -q kexec "$tmp/log"; }
one_line() { [ "$(wc -l <"$tmp/err")" -eq 1 ] && has "$1" "$tmp/err"; }

cp -r "$src/tests/fixtures/qemu-pc-1g" "$tmp/root"
chmod -R u+w "$tmp/root"
"$fake" "$tmp/vmlinuz"
mb_image "$tmp/mb" '\x03\x00\x01\x00' '\xfb\x4f\x51\xe4' '\x20\x00\x10\x00'

# --- not a regular file: refused before anything reads or waits --------
mkfifo "$tmp/fifo"
for args in "--info $tmp/fifo" "--load $tmp/fifo" \
	"--load $tmp/vmlinuz --initrd=$tmp/fifo" \
	"--load $tmp/mb --method=kexec --module=$tmp/fifo" \
	"--load $tmp/vmlinuz --initrd=/dev/null"; do
	# shellcheck disable=SC2086
	run -- $args
	file=${args##*[ =]}
	check "'$args': exit 4, no hang" [ $rc -eq 4 ]
	check "'$args': one line naming the file and the cause" \
		one_line "bootimg: $file: cannot be read: not a regular file"
	check "'$args': nothing loaded" nothing_loaded
done

# --- bytes a terminal would interpret, printed escaped ------------------
# The version string (at 0x400 in the fake bzImage) clears the screen,
# starts a line of its own, and holds DEL, a C1 CSI and a byte that is no
# UTF-8; "é" is valid UTF-8 and stays.
cp "$tmp/vmlinuz" "$tmp/evil"
printf '6.1.0-\033[2J\nfake: ok\177 \302\233x \377 \303\251\0' |
	dd of="$tmp/evil" bs=1 seek=$((0x400)) conv=notrunc status=none
evil_name=$tmp/$'bad\033]0;title\007name'
cp "$tmp/evil" "$evil_name"
run -- --info "$evil_name"
check "--info on a hostile version string: exit 0" [ $rc -eq 0 ]
check "--info: no ESC, BEL, DEL, C1 or invalid byte reaches the terminal" \
	eval '! LC_ALL=C grep -q $'"'"'[\001-\011\013-\037\177\233\377]'"'"' "$tmp/out"'
check "--info: the version is one line, escaped as \\xHH, UTF-8 kept" \
	has 'version:          6.1.0-\x1b[2J\x0afake: ok\x7f \xc2\x9bx \xff é' "$tmp/out"
check "--info: the file name is escaped too" \
	has 'file:             '"$tmp"'/bad\x1b]0;title\x07name' "$tmp/out"
check "--info: as many lines as for a plain image" \
	eval '[ $(wc -l <"$tmp/out") -eq $("$bootimg" --info "$tmp/vmlinuz" | wc -l) ]'
run -- -v -s --load "$evil_name"
fcheck "-v: the staged file's name is escaped" \
	has "bootimg: staged $tmp/bad\\x1b]0;title\\x07name with method file" "$tmp/err"
run -- --load "$evil_name" --initrd="$tmp/missing"$'\033[2J'
check "an error names a hostile file escaped, in one line" \
	one_line "bootimg: $tmp/missing\\x1b[2J: no such file"

# --- decompression bombs: --info and --load unpack only what a kernel is -
# 1 GiB of zeros, and a real bzImage header followed by 1 GiB of zeros,
# each compressed to about 1 MiB.  bootimg must refuse both (exit 3, one
# line) without inflating them: peak RSS far below 1 GiB.
measure() {	# measure ARGS...: run bootimg; sets rc, secs, rss_kib
	: >"$tmp/log"
	env BOOTIMG_SYSROOT="$tmp/root" BOOTIMG_SHIM_LOG="$tmp/log" \
		LD_PRELOAD="$shim" /usr/bin/time -o "$tmp/time" -f '%e %M' \
		timeout "$CLI_TIMEOUT" "$bootimg" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
	read -r secs rss_kib < <(tail -n 1 "$tmp/time")
}
if [ -x /usr/bin/time ]; then
	head -c 1G /dev/zero | gzip -1 >"$tmp/zeros.gz"
	head -c 1G /dev/zero | zstd -1 -q >"$tmp/zeros.zst"
	{ cat "$tmp/vmlinuz"; head -c 1G /dev/zero; } | gzip -1 >"$tmp/header.gz"
	for bomb in zeros.gz:"not a kernel image" zeros.zst:"not a kernel image" \
		header.gz:"a decompression bomb"; do
		file=$tmp/${bomb%%:*} cause=${bomb#*:}
		for args in "--info $file" "-n --load $file" "-c --load $file"; do
			# shellcheck disable=SC2086
			measure $args
			echo "# '${args/$tmp\//}': exit $rc in $secs s, peak RSS $rss_kib KiB"
			check "bomb '${args/$tmp\//}': exit 3, one line: $cause" \
				eval '[ $rc -eq 3 ] && one_line "bootimg: $file: " &&
				has "$cause" "$tmp/err" && nothing_loaded'
			check "bomb '${args/$tmp\//}': peak RSS below 200 MiB" \
				[ "$rss_kib" -lt 204800 ]
		done
	done
else
	skip "decompression bombs (no /usr/bin/time: Debian package time)"
fi

echo "1..$n"
