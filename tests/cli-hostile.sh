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

echo "1..$n"
