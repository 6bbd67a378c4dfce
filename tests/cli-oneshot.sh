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

# --- --entry=@oneshot, @default, @current on GRUB ---------------------
cp "$ref/before" "$env"
mk_run --entry=@oneshot
check "@oneshot: grubenv's next_entry" has "/boot/$cloud " "$tmp/out"
mk_run --entry=@default
check "@default: the saved entry, the one-shot aside" has "/boot/$saved " "$tmp/out"
mkdir -p "$tmp/tree/proc"
echo "BOOT_IMAGE=/boot/$saved root=/dev/zram0 ro single" >"$tmp/tree/proc/cmdline"
mk_run --entry=@current --format=args
check "@current: the entry of BOOT_IMAGE= and the command line (recovery)" \
	eval '[ $rc -eq 0 ] && has "--command-line=root=/dev/zram0 ro single" "$tmp/out"'
echo "BOOT_IMAGE=/vmlinuz-none root=/dev/sda" >"$tmp/tree/proc/cmdline"
mk_run --entry=@current
check "@current, no entry has the running kernel: exit 6" [ $rc -eq 6 ]
mk_run --consume-oneshot
mk_run --entry=@oneshot
check "@oneshot, none set: exit 6, says so" eval \
	'[ $rc -eq 6 ] && has "no entry @oneshot" "$tmp/err"'
mk_run --entry=@next
check "an unknown alias: exit 2, names the aliases" eval \
	'[ $rc -eq 2 ] && has "the aliases are @default, @oneshot and @current" "$tmp/err"'
rm -f "$env"

# --- systemd-boot: its EFI variables, below --root --------------------
cp -r "$src/tests/bootcfg/fedora-bls/tree" "$tmp/bls"
chmod -R u+w "$tmp/bls"
vars=$tmp/bls/sys/firmware/efi/efivars
mkdir -p "$vars"
efivar() {	# efivar NAME VALUE: as efivarfs shows it
	{ printf '\006\000\000\000'; printf '%s\0' "$2" | iconv -f UTF-8 -t UTF-16LE; } \
		>"$vars/$1-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f"
}
bls_run() { "$mk" --root="$tmp/bls" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
id=8f1e2d3c4b5a69788796a5b4c3d2e1f0
efivar LoaderEntryDefault "$id-6.9.7-200.fc40.x86_64.conf"
efivar LoaderEntryOneShot "$id-6.11.4-301.fc41.x86_64.conf"
efivar LoaderEntrySelected "fedora-6.12.5-200.fc41.x86_64.efi"
bls_run
check "systemd-boot: LoaderEntryOneShot boots next" has "vmlinuz-6.11.4-301" "$tmp/out"
bls_run --entry=@default
check "systemd-boot @default: LoaderEntryDefault" has "vmlinuz-6.9.7-200" "$tmp/out"
bls_run --entry=@current
check "systemd-boot @current: LoaderEntrySelected (a UKI)" has "fedora-6.12.5-200.fc41.x86_64.efi" "$tmp/out"
bls_run --consume-oneshot
check "systemd-boot --consume-oneshot: LoaderEntryOneShot deleted, the rest kept" eval \
	'[ $rc -eq 0 ] && [ ! -e "$vars/LoaderEntryOneShot-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f" ] &&
	 [ -e "$vars/LoaderEntryDefault-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f" ]'
bls_run
check "systemd-boot, consumed: LoaderEntryDefault boots next" has "vmlinuz-6.9.7-200" "$tmp/out"
printf '\006\000\000\000a' >"$vars/LoaderEntryDefault-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f"
bls_run --entry=@default
check "a malformed EFI variable: a warning naming it, then ignored" eval \
	'[ $rc -eq 0 ] && has "LoaderEntryDefault: cannot read it" "$tmp/err" &&
	 has "(ignored)" "$tmp/err"'
rm -rf "$vars"
mkdir "$tmp/outside"
ln -s "$tmp/outside" "$vars"	# absolute: below --root, it leads nowhere
vars=$tmp/outside
efivar LoaderEntryOneShot "$id-6.11.4-301.fc41.x86_64.conf"
bls_run --entry=@oneshot
rcheck "--root confines the EFI variables: a link out of it is not read" eval \
	'[ $rc -eq 6 ] && has "no entry @oneshot" "$tmp/err"'
bls_run --consume-oneshot
rcheck "--root confines the EFI variables: nothing outside is deleted" eval \
	'[ $rc -eq 0 ] && [ -e "$vars/LoaderEntryOneShot-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f" ]'

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
cp "$ref/before" "$env"
reboot_run --entry=@oneshot
check "bootimg-reboot --entry=@oneshot: staged, then consumed" eval \
	'[ $rc -eq 0 ] && cmp -s "$env" "$ref/after"'
reboot_run -n
check "bootimg-reboot -n shows the mkbootcmd command" \
	has "mkbootcmd --consume-oneshot --config=$tmp/tree/boot/grub/grub.cfg" "$tmp/out"
head -c 1000 "$ref/before" >"$env"
reboot_run
check "bootimg-reboot, a bad grubenv: a warning, the reboot goes on" eval \
	'[ $rc -eq 0 ] && has "one-shot entry (next_entry) was not consumed" "$tmp/err" &&
	 [ "$(cat "$tmp/calls")" = "systemctl kexec" ]'
echo "1..$n"
