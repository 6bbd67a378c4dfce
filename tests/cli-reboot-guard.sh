#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-reboot's guard without root or a watchdog: --watchdog records
# the attempt (and its token on the new command line) in the state file
# below BOOTIMG_SYSROOT; an unconfirmed attempt of the same entry makes
# the next run fall back to a firmware reboot unless --force; --confirm
# marks it only on the boot that carries its token; bootimg --status shows
# it; no /dev/watchdog is a warning.  bootimg stages under tests/shim;
# systemctl is a fake on $PATH that logs its arguments to $tmp/calls.  TAP.
set -u
. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-reboot-guard
case $b in /*) ;; *) b=$(pwd)/$b ;; esac
if [ "${BOOTIMG_ARCH:-x86_64}" = i386 ]; then
	echo "1..0 # SKIP i386: no kexec_file_load to stage with"
	exit 0
fi

fixture qemu-pc-1g "$tmp/root"
mkdir -p "$tmp/bin" "$tmp/root/proc" "$tmp/root/dev" "$tmp/root/var/lib" \
	"$tmp/root/run" "$tmp/root/sys/kernel"
echo 0 >"$tmp/root/sys/kernel/kexec_loaded"
cat >"$tmp/bin/systemctl" <<EOS
#!/bin/sh
echo "systemctl \$*" >>"$tmp/calls"
exit \${FAKE_SYSTEMCTL_RC:-0}
EOS
chmod +x "$tmp/bin/systemctl"
"$fake" "$tmp/vmlinuz"
"$fake" "$tmp/other"
echo "BOOTIMG_WATCHDOG=20" >"$tmp/defaults"
state=$tmp/root/var/lib/bootimg/attempt

# reboot [VAR=VALUE...] -- ARGS...: bootimg-reboot through systemd, with
# kexec_file_load (reboot_run); sets $rc.
reboot() { reboot_run "$@" --init=systemd --method=file; }
field() { sed -n "s/^$1=//p" "$state"; }
# jcheck DESCRIPTION JQ-FILTER WANT: check that jq finds WANT in $tmp/out.
jcheck() {
	local filter=$2 want=$3

	if command -v jq >/dev/null; then
		check "$1" eval '[ "$(jq -r "$filter" "$tmp/out")" = "$want" ]'
	else
		skip "$1 (no jq)"
	fi
}

reboot -- --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
id=$(field id)
check "BOOTIMG_WATCHDOG, no /dev/watchdog: a warning, the kexec goes on" \
	eval '[ $rc -eq 0 ] && has "warning: no watchdog device" "$tmp/err" && has "systemctl kexec" "$tmp/calls"'
check "the attempt is recorded: entry, kernel, watchdog, unconfirmed" \
	eval '[ "$(field entry)" = kernel ] && [ "$(field kernel)" = "$tmp/vmlinuz" ] && [ "$(field watchdog)" = 20 ] && [ "$(field confirmed)" = 0 ] && [ -n "$id" ]'
check "the state file is root's only, written whole (no .new left)" \
	eval '[ "$(stat -c %a "$state")" = 600 ] && [ "$(stat -c %a "${state%/*}")" = 700 ] && [ ! -e "$state.new" ]'
check "the new command line carries bootimg.attempt=$id" \
	has "cmdline=\"root=/dev/vda bootimg.attempt=$id\"" "$tmp/log"

run -- --status
check "bootimg --status shows the attempt as failed" \
	eval 'has "kernel $tmp/vmlinuz" "$tmp/out" && has "outcome:       failed" "$tmp/out" && has "(watchdog 20 s)" "$tmp/out"'
run -- --status --json
jcheck "bootimg --status --json: the attempt, never confirmed" \
	'.last_attempt | [.id, .entry, .kernel, .watchdog, .time > 0, .confirmed] | @csv' \
	"\"$id\",\"kernel\",\"$tmp/vmlinuz\",20,true,"

reboot -- --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
check "the same kernel again: refused, a firmware reboot, exit 5" \
	eval '[ $rc -eq 5 ] && has "was never confirmed: it failed" "$tmp/err" && has "systemctl reboot" "$tmp/calls" && ! has "systemctl kexec" "$tmp/calls" && ! has bootimg.attempt "$tmp/log"'
check "the failed attempt is kept" [ "$(field id)" = "$id" ]
reboot -- -s --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
check "--stage-only: refused, no reboot, exit 5" \
	eval '[ $rc -eq 5 ] && [ ! -s "$tmp/calls" ] && has "not rebooting" "$tmp/err"'
reboot -- -n --json --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
jcheck "--dry-run --json, refused: the fallback's commands, exit 5" \
	'[.commands[].role, .exit_code] | @csv' '"unload","reboot",5'

reboot -- --kernel="$tmp/other" --command-line="root=/dev/vda"
check "another kernel is not refused" \
	eval '[ $rc -eq 0 ] && has "systemctl kexec" "$tmp/calls" && [ "$(field kernel)" = "$tmp/other" ]'
reboot -- --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
reboot -- --force --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
check "--force: kexecs the failed kernel again, a new attempt" \
	eval '[ $rc -eq 0 ] && has "systemctl kexec" "$tmp/calls" && has "booting again" "$tmp/err" && [ "$(field id)" != "$id" ]'
id=$(field id)

echo "root=/dev/vda" >"$tmp/root/proc/cmdline"
reboot -- --confirm
check "--confirm on a boot without the token: it stays unconfirmed" \
	eval '[ $rc -eq 0 ] && has "stays unconfirmed" "$tmp/err" && [ "$(field confirmed)" = 0 ]'
echo "root=/dev/vda bootimg.attempt=$id" >"$tmp/root/proc/cmdline"
for opt in --dry-run --json; do
	reboot -- --confirm $opt
	check "--confirm $opt: exit 2, nothing confirmed" \
		eval '[ $rc -eq 2 ] && [ "$(field confirmed)" = 0 ]'
done
reboot -- --confirm
check "--confirm on the attempt's boot: confirmed; no watchdog to disarm, said" \
	eval '[ $rc -eq 0 ] && has "confirmed the boot of kernel" "$tmp/err" && [ "$(field confirmed)" -gt 0 ] && has "/dev/watchdog: No such file or directory; not disarmed" "$tmp/err"'
run -- --status
check "bootimg --status: confirmed" has "outcome:       confirmed at" "$tmp/out"
run -- --status --json
jcheck "bootimg --status --json: confirmed" \
	'.last_attempt.confirmed >= .last_attempt.time' true
reboot -- --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
check "a confirmed kernel is booted again" \
	eval '[ $rc -eq 0 ] && has "systemctl kexec" "$tmp/calls"'

reboot FAKE_SYSTEMCTL_RC=1 -- -f --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
check "the kexec command fails: exit 1, no attempt left behind" \
	eval '[ $rc -eq 1 ] && [ ! -e "$state" ]'

: >"$tmp/root/dev/watchdog"
reboot -- --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
check "/dev/watchdog that is no watchdog: a warning naming it, the kexec goes on" \
	eval '[ $rc -eq 0 ] && has "warning: /dev/watchdog: Inappropriate ioctl" "$tmp/err" && has "systemctl kexec" "$tmp/calls"'
rm "$tmp/root/dev/watchdog"

echo "id=x" >"$state"; echo "junk" >>"$state"
reboot -- --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda" -w 0
check "a damaged state file: named, ignored, the kexec goes on" \
	eval '[ $rc -eq 0 ] && has "$state: damaged, ignored" "$tmp/err"'
run -- --status
check "bootimg --status: the state file is unreadable" \
	has "last attempt:  unreadable ($state: damaged)" "$tmp/out"
run -- --status --json
jcheck "bootimg --status --json: an unreadable attempt is null" \
	'.last_attempt' null
reboot -- --watchdog=0 --kernel="$tmp/vmlinuz" --command-line="root=/dev/vda"
check "--watchdog=0: no guard, no token" \
	eval '[ $rc -eq 0 ] && ! has bootimg.attempt "$tmp/log" && ! has warning "$tmp/err"'

for bad in -1 3601 x ""; do
	reboot -- -n --watchdog="$bad" --kernel="$tmp/vmlinuz"
	check "--watchdog='$bad': exit 2" eval '[ $rc -eq 2 ] && has "--watchdog takes seconds" "$tmp/err"'
done
echo "BOOTIMG_WATCHDOG=soon" >"$tmp/defaults"
reboot -- -n --kernel="$tmp/vmlinuz"
check "BOOTIMG_WATCHDOG=soon: exit 2, the file and line named" \
	eval '[ $rc -eq 2 ] && has "$tmp/defaults:1: BOOTIMG_WATCHDOG: the value must be a number of seconds" "$tmp/err"'

echo 1 >"$tmp/root/sys/kernel/kexec_loaded"
run -- --exec --watchdog=30
check "bootimg --exec --watchdog, no device: a warning, the exec goes on" \
	eval 'has "warning: no watchdog device" "$tmp/err" && has "reboot cmd=0x45584543" "$tmp/log"'
run -- --status --watchdog=30
check "bootimg --watchdog without --exec: exit 2" [ $rc -eq 2 ]

echo "1..$n"
