#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# --json of mkbootcmd (--list, and the entry it picks) and of
# bootimg-reboot --dry-run: jq and python parse each, numbers and
# booleans are JSON's, and a hostile title and command line (quotes, a
# backslash, a newline, control characters, invalid UTF-8) round-trip.
# TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-json
mkbootcmd=$b/mkbootcmd
reboot=$b/bootimg-reboot

if ! command -v jq >/dev/null || ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP jq and python3 are needed (scripts/install-deps)"
	exit 0
fi

title=$(printf 'Debian "q" \\ \001\033[2J\377 \303\251\nline 2')
args=$(printf 'root=/dev/sda1 x=\001\377 y=\303\251')
printf '%s' "$title" >"$tmp/want-title"
printf '%s' "$args" >"$tmp/want-args"
printf "set default=1\nmenuentry 'Rescue' --id rescue {\n\tlinux /vmlinuz single\n}\nmenuentry '%s' --id hostile {\n\tlinux /vmlinuz %s\n\tinitrd /a.img /b.img\n}\n" \
	"$title" "$args" >"$tmp/grub.cfg"

"$mkbootcmd" --config "$tmp/grub.cfg" --list --json >"$tmp/out" 2>"$tmp/err"
check "mkbootcmd --list --json: exit 0, parses" eval '[ $? -eq 0 ] && json_ok'
check "mkbootcmd --list --json: two entries, the second the default" eval \
	'[ "$(jqv "[(.entries | length), .entries[1].default, .entries[0].default, .entries[1].initrds[1]] | @csv")" = "2,true,false,\"/boot/b.img\"" ]'
check "mkbootcmd --list --json: the hostile title round-trips" eval \
	'decoded "$tmp/out" entries.1.title | cmp -s - "$tmp/want-title"'
check "mkbootcmd --list --json: the command line round-trips" eval \
	'decoded "$tmp/out" entries.1.command_line | cmp -s - "$tmp/want-args"'
check "mkbootcmd --list --json: valid UTF-8" \
	iconv -f UTF-8 -t UTF-8 -o /dev/null "$tmp/out"

"$mkbootcmd" --config "$tmp/grub.cfg" --json >"$tmp/out" 2>"$tmp/err"
check "mkbootcmd --json: the default entry, parses" eval \
	'[ $? -eq 0 ] && json_ok && [ "$(jqv .entry.id)" = hostile ]'
check "mkbootcmd --json: the title round-trips" eval \
	'decoded "$tmp/out" entry.title | cmp -s - "$tmp/want-title"'
"$mkbootcmd" --config "$tmp/grub.cfg" --entry=rescue --json >"$tmp/out" 2>"$tmp/err"
check "mkbootcmd --entry --json: that entry" eval \
	'json_ok && [ "$(jqv ".entry.command_line, .entry.kernel")" = "single
/boot/vmlinuz" ]'
"$mkbootcmd" --config "$tmp/grub.cfg" --json --format=args >"$tmp/out" 2>"$tmp/err"
check "mkbootcmd --json --format: usage error" [ $? -eq 2 ]

cmdline=$(printf 'a "b" \\ c\001\377 \303\251')
printf '%s' "--command-line=$cmdline" >"$tmp/want-arg"
"$reboot" --dry-run --json --init=systemd --defaults=/dev/null \
	--kernel="$tmp/vmlinuz" --command-line="$cmdline" >"$tmp/out" 2>"$tmp/err"
check "bootimg-reboot --dry-run --json: exit 0, parses" eval '[ $? -eq 0 ] && json_ok'
check "bootimg-reboot --dry-run --json: stage, then systemctl kexec" eval \
	'[ "$(jqv "[.init, .commands[0].role, .commands[1].role, .commands[1].argv[1], .exit_code] | @csv")" = "\"systemd\",\"stage\",\"reboot\",\"kexec\",0" ]'
check "bootimg-reboot --dry-run --json: the command line round-trips" eval \
	'decoded "$tmp/out" commands.0.argv.3 | cmp -s - "$tmp/want-arg"'
"$reboot" --json --defaults=/dev/null --kernel="$tmp/vmlinuz" >"$tmp/out" 2>"$tmp/err"
check "bootimg-reboot --json without --dry-run: usage error" [ $? -eq 2 ]

echo "1..$n"
