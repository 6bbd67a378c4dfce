#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# GRUB's one-shot entry: with next_entry in grubenv (set by grub-reboot)
# mkbootcmd's default is that entry; mkbootcmd --consume-oneshot removes
# it exactly as `grub-editenv grubenv unset next_entry` does (the
# reference in tests/fixtures/grubenv-oneshot was made by Debian 12's
# grub-editenv, and is made again when it is installed), and
# bootimg-reboot consumes it once the default entry is staged.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-oneshot
mk=$b/mkbootcmd
ref=$src/tests/fixtures/grubenv-oneshot
cp -r "$src/tests/bootcfg/debian-grub-mkconfig/tree" "$tmp/tree"
chmod -R u+w "$tmp/tree"
env=$tmp/tree/boot/grub/grubenv
cloud=vmlinuz-6.1.0-50-cloud-amd64 saved=vmlinuz-6.1.0-50-amd64
mk_run() { "$mk" --root="$tmp/tree" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

cp "$ref/before" "$env"
mk_run
check "next_entry set: the default is the one-shot entry" has "/boot/$cloud " "$tmp/out"
mk_run --consume-oneshot
check "--consume-oneshot: exit 0, nothing printed" \
	eval '[ $rc -eq 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]'
check "--consume-oneshot: grubenv as grub-editenv unset next_entry leaves it" \
	cmp -s "$env" "$ref/after"
if command -v grub-editenv >/dev/null; then
	cp "$ref/before" "$tmp/editenv"
	grub-editenv "$tmp/editenv" unset next_entry
	check "the reference is what this grub-editenv writes" cmp -s "$tmp/editenv" "$ref/after"
else
	skip "no grub-editenv (grub-common) to remake the reference"
fi
check "no temporary file left" eval '[ "$(ls "$tmp/tree/boot/grub")" = "grub.cfg
grubenv" ]'
mk_run
check "consumed: the default is the saved entry again" has "/boot/$saved " "$tmp/out"
mk_run --consume-oneshot
check "nothing to consume: exit 0, grubenv untouched" \
	eval '[ $rc -eq 0 ] && cmp -s "$env" "$ref/after"'
rm "$env"
mk_run --consume-oneshot
check "no grubenv: exit 0" eval '[ $rc -eq 0 ] && [ ! -e "$env" ]'

# --- hostile blocks are left alone -----------------------------------
bad() {	# bad DESCRIPTION: $env holds it
	cp "$env" "$tmp/bad"
	mk_run --consume-oneshot
	check "$1: exit 3, one line naming grubenv, untouched" eval \
		'[ $rc -eq 3 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
		 has "grub: grubenv is not a GRUB environment block" "$tmp/err" &&
		 cmp -s "$env" "$tmp/bad"'
}
head -c 1000 "$ref/before" >"$env"
bad "a grubenv of 1000 bytes"
{ cat "$ref/before"; echo x; } >"$env"
bad "a grubenv of 1026 bytes"
{ printf '# GRUB environment block\n'; tail -c +25 "$ref/before"; } >"$env"
bad "a grubenv without its header"
ln -sf "$ref/before" "$env"
mk_run --consume-oneshot
check "a symlinked grubenv is not followed" eval \
	'[ $rc -ne 0 ] && cmp -s "$ref/before" "$src/tests/fixtures/grubenv-oneshot/before" && [ -L "$env" ]'
rm -f "$env"

# --- bootimg-reboot consumes it once the default entry is staged ------
mkdir -p "$tmp/bin" "$tmp/root"
cp -r "$src/tests/fixtures/qemu-pc-1g/." "$tmp/root/"
chmod -R u+w "$tmp/root"
printf '#!/bin/sh\necho "systemctl $*" >>"%s/calls"\n' "$tmp" >"$tmp/bin/systemctl"
chmod +x "$tmp/bin/systemctl"
"$fake" "$tmp/tree/boot/$cloud"
"$fake" "$tmp/tree/boot/$saved"
reboot_run() {
	: >"$tmp/log"; : >"$tmp/calls"
	env PATH="$tmp/bin:$b:$PATH" BOOTIMG_SYSROOT="$tmp/root" \
		BOOTIMG_SHIM_LOG="$tmp/log" LD_PRELOAD="$shim" \
		"$b/bootimg-reboot" --defaults=/dev/null --init=systemd \
		--config="$tmp/tree/boot/grub/grub.cfg" --method=kexec "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
}
cp "$ref/before" "$env"
reboot_run --entry=0
check "bootimg-reboot --entry: the one-shot is not consumed" \
	eval '[ $rc -eq 0 ] && cmp -s "$env" "$ref/before"'
reboot_run
check "bootimg-reboot: the one-shot entry staged, then consumed" eval \
	'[ $rc -eq 0 ] && has "kexec_load entry" "$tmp/log" &&
	 cmp -s "$env" "$ref/after" && [ "$(cat "$tmp/calls")" = "systemctl kexec" ]'
reboot_run -n
check "bootimg-reboot -n shows the mkbootcmd command" \
	has "mkbootcmd --consume-oneshot --config=$tmp/tree/boot/grub/grub.cfg" "$tmp/out"
head -c 1000 "$ref/before" >"$env"
reboot_run
check "bootimg-reboot, a bad grubenv: a warning, the reboot goes on" eval \
	'[ $rc -eq 0 ] && has "one-shot entry (next_entry) was not consumed" "$tmp/err" &&
	 [ "$(cat "$tmp/calls")" = "systemctl kexec" ]'
echo "1..$n"
