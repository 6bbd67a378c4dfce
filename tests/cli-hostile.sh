#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Decompression bombs at the bootimg command, under the syscall shim:
# refused in one line, with nothing loaded, and measured (peak RSS), so
# not golden cases; tests/cli/hostile holds the other hostile input.
# TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-hostile
CLI_TIMEOUT=20

nothing_loaded() { ! grep -q kexec "$tmp/log"; }
one_line() { [ "$(wc -l <"$tmp/err")" -eq 1 ] && has "$1" "$tmp/err"; }

fixture qemu-pc-1g "$tmp/root"
"$fake" "$tmp/vmlinuz"

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
