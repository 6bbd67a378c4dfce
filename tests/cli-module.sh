#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# --method=module without root: bootimg's ioctls on /dev/bootimg are
# trapped by tests/shim (the device is a plain file below BOOTIMG_SYSROOT)
# and their exact arguments compared with the kexec_load plan.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-module

segments() { grep '^  segment' "$1"; }

cp -r "$src/tests/fixtures/qemu-pc-1g" "$tmp/root"
chmod -R u+w "$tmp/root"
mkdir -p "$tmp/root/dev" "$tmp/root/proc/sys/kernel"
: >"$tmp/root/dev/bootimg"
"$fake" "$tmp/vmlinuz"
head -c 3001 /dev/urandom >"$tmp/a.cpio"
head -c 5000 /dev/urandom >"$tmp/b.cpio"
load=(--load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" --initrd="$tmp/b.cpio"
	--command-line='console=ttyS0 x="two words"')

# --- LOAD carries the kexec_load plan, field for field ------------------
run -- "${load[@]}" --method=kexec
segments "$tmp/log" >"$tmp/kexec-segments"
entry=$(sed -n 's/^kexec_load entry=\(0x[0-9a-f]*\) .*/\1/p' "$tmp/log")
run -- "${load[@]}" --method=module
check "module method loads" [ $rc -eq 0 ]
check "one LOAD: version 1, no flags, kexec's entry, 5 segments" \
	has "bootimg_ioctl LOAD version=1 flags=0x0 entry=$entry nr_segments=5" "$tmp/log"
segments "$tmp/log" >"$tmp/module-segments"
check "the segments are kexec_load's: places, sizes and contents" \
	cmp -s "$tmp/kexec-segments" "$tmp/module-segments"
check "no kexec syscall was made" lacks kexec "$tmp/log"

# --- errors of the device ------------------------------------------------
run BOOTIMG_SHIM_ERRNO_BOOTIMG_LOAD=EADDRNOTAVAIL -- "${load[@]}" -m module
check "a segment outside RAM: exit 8, says so" eval \
	'[ $rc -eq 8 ] && has "outside the machine'"'"'s RAM" "$tmp/err"'
run BOOTIMG_SHIM_ERRNO_BOOTIMG_LOAD=EPROTO -- "${load[@]}" -m module
check "another interface version: exit 7" [ $rc -eq 7 ]
run BOOTIMG_SHIM_ERRNO_BOOTIMG_LOAD=EPERM -- "${load[@]}" -m module
check "refused by the driver: exit 6" [ $rc -eq 6 ]
mv "$tmp/root/dev/bootimg" "$tmp/root/dev/gone"
run -- "${load[@]}" --method=module
check "no /dev/bootimg: exit 7, says to load bootimg.ko" eval \
	'[ $rc -eq 7 ] && has "/dev/bootimg: bootimg.ko is not loaded" "$tmp/err"'
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- "${load[@]}"
check "auto without kexec and without the module: kexec's error (exit 7)" \
	eval '[ $rc -eq 7 ] && lacks /dev/bootimg "$tmp/err"'
mv "$tmp/root/dev/gone" "$tmp/root/dev/bootimg"

# --- auto falls back to the module only where kexec is unavailable -------
# bootimg.ko loaded: sysfs has its initstate.
mkdir -p "$tmp/root/sys/module/bootimg"
echo live >"$tmp/root/sys/module/bootimg/initstate"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- -v "${load[@]}"
check "auto: no kexec syscalls (ENOSYS) -> module" eval \
	'[ $rc -eq 0 ] && has "bootimg_ioctl LOAD" "$tmp/log"'
check "-v names the method used" has "staged $tmp/vmlinuz with method module" "$tmp/err"
check "-v says why: no kexec_load" has "no kexec_load (ENOSYS); used bootimg.ko" "$tmp/err"

# The driver built into the kernel (the kernel patch): its parameters in
# sysfs, no initstate; without sysfs, no bootimg in /proc/modules.
in_tree="no kexec_load (ENOSYS); used the in-tree bootimg driver"
rm "$tmp/root/sys/module/bootimg/initstate"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- -v "${load[@]}"
check "-v: built in (/sys/module/bootimg without initstate) -> the in-tree driver" \
	eval '[ $rc -eq 0 ] && has "$in_tree" "$tmp/err" && lacks bootimg.ko "$tmp/err"'
rmdir "$tmp/root/sys/module/bootimg"
printf 'loop 32768 0 - Live 0x0\nbootimg 40960 0 - Live 0x0\n' >"$tmp/root/proc/modules"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- -v "${load[@]}"
check "-v: no sysfs, /proc/modules lists bootimg -> bootimg.ko" \
	has "no kexec_load (ENOSYS); used bootimg.ko" "$tmp/err"
rm "$tmp/root/proc/modules"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- -v "${load[@]}"
check "-v: no sysfs, no /proc/modules (no CONFIG_MODULES) -> the in-tree driver" \
	has "$in_tree" "$tmp/err"
echo 1 >"$tmp/root/proc/sys/kernel/kexec_load_disabled"
for file_errno in EPERM ENOSYS; do
	run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=$file_errno \
		BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM -- "${load[@]}"
	check "auto, kexec_load_disabled ($file_errno, EPERM): exit 6, module untouched" \
		eval '[ $rc -eq 6 ] && lacks bootimg_ioctl "$tmp/log"'
	check "auto, kexec_load_disabled: one line naming it and --method=module" \
		eval '[ $(wc -l <"$tmp/err") -eq 1 ] &&
		has "kexec_load_disabled=1" "$tmp/err" &&
		has "--method=module" "$tmp/err"'
done
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM -- "${load[@]}" --method=module
check "kexec_load_disabled: an explicit --method=module still loads" eval \
	'[ $rc -eq 0 ] && has "bootimg_ioctl LOAD" "$tmp/log" && lacks kexec "$tmp/log"'
echo 0 >"$tmp/root/proc/sys/kernel/kexec_load_disabled"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM -- "${load[@]}"
check "auto: EPERM with kexec enabled (lockdown) stays EPERM, exit 6" eval \
	'[ $rc -eq 6 ] && lacks bootimg_ioctl "$tmp/log"'
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS -- "${load[@]}"
check "auto: a working kexec_load wins over the module" eval \
	'has "kexec_load entry" "$tmp/log" && lacks bootimg_ioctl "$tmp/log"'

# --- status, exec, unload -------------------------------------------------
rm "$tmp/root/sys/kernel/kexec_loaded"
run BOOTIMG_SHIM_BOOTIMG_LOADED=1 -- --status
check "--status without kexec: staged through bootimg.ko, exit 0" eval \
	'[ $rc -eq 0 ] && has "kernel:        staged (bootimg.ko)" "$tmp/out"'
run -- --status
check "--status: nothing staged, exit 1" eval \
	'[ $rc -eq 1 ] && has "not staged" "$tmp/out"'
run BOOTIMG_SHIM_BOOTIMG_LOADED=1 -- --exec
check "--exec: EXEC ioctl, no reboot(2)" eval \
	'has "bootimg_ioctl EXEC" "$tmp/log" && lacks reboot "$tmp/log"'
run BOOTIMG_SHIM_BOOTIMG_LOADED=1 BOOTIMG_SHIM_ERRNO_BOOTIMG_EXEC=EBUSY -- --exec
check "--exec: a refused EXEC is reported, exit 1" [ $rc -eq 1 ]
run -- --exec
check "--exec with nothing staged: exit 1, no EXEC" eval \
	'[ $rc -eq 1 ] && lacks "bootimg_ioctl EXEC" "$tmp/log"'
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- --unload
check "--unload without kexec: UNLOAD ioctl, exit 0" eval \
	'[ $rc -eq 0 ] && has "bootimg_ioctl UNLOAD" "$tmp/log"'
run BOOTIMG_SHIM_ERRNO_BOOTIMG_UNLOAD=EPERM \
	BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- --unload
check "--unload: the driver's refusal is reported, exit 6" [ $rc -eq 6 ]

echo "1..$n"
