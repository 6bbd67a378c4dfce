#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# watchdog: bootimg-reboot --watchdog end to end in qemu (TCG) with an
# i6300esb watchdog (-action watchdog=reset) and without -no-reboot, so
# that a watchdog reset boots the VM again through the firmware into its
# default: the same first kernel and initramfs (qemu -kernel).  A 4 MiB
# virtio disk keeps /var/lib/bootimg across resets.  The guest's side is
# tests/e2e/guest/init-watchdog; systemctl is a stand-in, as in reboot-cases:
# `systemctl kexec` saves the state and runs bootimg --exec, `systemctl
# reboot` saves it and resets.  The modules (watchdog core, i6300esb,
# virtio disk) come from the first kernel's Debian package.
# Cases:
#   hang            the second kernel hangs (panic=0, no root); the
#                   watchdog resets the VM; on that firmware boot
#                   --confirm leaves the attempt failed, bootimg --status
#                   says so, bootimg-reboot of the same kernel falls back
#                   to a firmware reboot (exit 5); on the next, --force
#                   (--watchdog=0) kexecs it and the second kernel reports.
#   success         the second system confirms (bootimg-reboot --confirm),
#                   the watchdog is disarmed, it stays up twice the timeout.
#   no-watchdog     no watchdog device: a warning, the kexec goes on.
#   stop-on-reboot  the watchdog core without stop_on_reboot=0: a warning
#                   that the kexec stops the watchdog.
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE, BOOTIMG_E2E_ONLY, BOOTIMG_E2E_WATCHDOG (the timeout,
# default 60 s: under TCG on a loaded machine, the second system took up
# to 35 s to come up and confirm).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 watchdog usr/sbin/bootimg-reboot
timeout=${BOOTIMG_E2E_WATCHDOG:-60}
work=$e2e_work
e2e_images "$work" "$kernel"

# The modules, from the kernel's package (fetch-kernel keeps no modules).
modules=watchdog.ko\ i6300esb.ko\ virtio.ko\ virtio_ring.ko\ virtio_pci.ko
modules+=\ virtio_pci_modern_dev.ko\ virtio_pci_legacy_dev.ko\ virtio_blk.ko
# shellcheck disable=SC2086
e2e_kernel_modules moddir "$kernel" watchdog $modules

# add_guest_files ROOT NAME OPTIONS: what every boot of case NAME needs
# beside busybox, bootimg and its library (stage1.cpio has those).
add_guest_files() {
	local root=$1
	mkdir -p "$root/case" "$root/lib/modules" "$root/usr/sbin" "$root/usr/bin" \
		"$root/bin"
	echo "$2" >"$root/case/name"
	echo "$timeout" >"$root/case/timeout"
	echo "$3" >"$root/case/watchdog-options"
	cp "$e2e_guest/init-watchdog" "$root/bin/"
	for m in $modules; do cp "$moddir/$m" "$root/lib/modules/"; done
	cp "$BOOTIMG_STAGE/usr/sbin/bootimg-reboot" "$root/usr/sbin/"
	e2e_copy_libs "$root" "$BOOTIMG_STAGE/usr/sbin/bootimg-reboot"
	cat >"$root/usr/bin/systemctl" <<'EOS'
#!/bin/sh
# systemd's kexec and reboot, as far as this suite is concerned: the
# state is saved to the disk first (the file systems are unmounted).
echo "BOOTIMG-WD systemctl $*"
(cd /var/lib && tar -cf /dev/vda $(ls -d bootimg e2e 2>/dev/null)) && sync
case $1 in
kexec)	exec bootimg --exec ;;
reboot)	exec /bin/busybox reboot -f ;;
esac
exit 1
EOS
	chmod +x "$root/usr/bin/systemctl"
}

# guard_cpio DIR NAME OPTIONS: the second system's initrd, DIR/guard.cpio.
guard_cpio() {
	local root=$1/guard-root
	mkdir -p "$root/bin" "$root/usr/lib" "$root/dev"
	cp "${BOOTIMG_E2E_BUSYBOX:-/bin/busybox}" "$root/bin/busybox"
	mkdir -p "$root/usr/sbin"
	cp -a "$BOOTIMG_STAGE/usr/sbin/bootimg" "$root/usr/sbin/"
	cp -a "$BOOTIMG_STAGE"/usr/lib/libbootimg.so* "$root/usr/lib/"
	e2e_copy_libs "$root" "$BOOTIMG_STAGE/usr/sbin/bootimg"
	add_guest_files "$root" "$2" "$3"
	ln -s bin/init-watchdog "$root/init"
	e2e_cpio "$root" "$1/guard.cpio"
	rm -rf "$root"
}

has() { grep -qF -- "$1" "$2"; }
seconds_between() {	# seconds_between LOG FIRST SECOND: host clock
	awk -v a="$(e2e_time "$1" "$2")" -v b="$(e2e_time "$1" "$3")" \
		'BEGIN {printf "%d", b - a}'
}

check_hang() {
	local log=$1 up
	if ! has "BOOTIMG-WD boot=2 kind=firmware" "$log"; then
		echo "no firmware boot after the hang: the watchdog did not reset the VM"
	elif has "BOOTIMG-STAGE2" "$(sed -n '/boot=2 kind/q;p' "$log" >"$log.1"; echo "$log.1")"; then
		echo "the hanging kernel reported"
	elif ! has "BOOTIMG-WD confirm: bootimg-reboot: this boot is not attempt" "$log"; then
		echo "--confirm on the firmware boot did not leave the attempt failed"
	elif ! has "BOOTIMG-WD status: outcome:       failed" "$log"; then
		echo "bootimg --status did not report the failed attempt"
	elif ! has "was never confirmed: it failed" "$log" ||
	     ! has "BOOTIMG-WD systemctl reboot" "$log" ||
	     ! has "BOOTIMG-WD boot=3 kind=firmware" "$log"; then
		echo "bootimg-reboot of the failed kernel did not reboot through the firmware"
	elif ! has "--force: booting again" "$log" ||
	     ! has "BOOTIMG-STAGE2 cmdline=console=ttyS0 panic=-1 quiet bootimg.case=good" "$log"; then
		echo "--force did not kexec the kernel again"
	else
		up=$(seconds_between "$log" "BOOTIMG-WD systemctl kexec" "BOOTIMG-WD boot=2")
		echo "reset and firmware boot ${up} s after the kexec (watchdog $timeout s)"
		[ "$up" -le $((timeout + 60)) ] && return 0
		echo "more than $((timeout + 60)) s"
	fi
	return 1
}

check_success() {
	local log=$1
	if ! has "BOOTIMG-WD boot=2 kind=second" "$log"; then
		echo "the second system did not come up"
	elif ! has "BOOTIMG-WD confirm: bootimg-reboot: confirmed the boot of kernel" "$log"; then
		echo "--confirm did not confirm"
	elif ! has "BOOTIMG-WD status: outcome:       confirmed at" "$log"; then
		echo "bootimg --status does not show the confirmation"
	elif ! has "BOOTIMG-WD still up" "$log" || has "boot=3" "$log"; then
		echo "the VM did not stay up for $((2 * timeout)) s"
	else
		echo "confirmed, up $((2 * timeout)) s after it"
		return 0
	fi
	return 1
}

check_no_watchdog() {
	local log=$1
	if ! has "warning: no watchdog device (/dev/watchdog); rebooting without one" "$log"; then
		echo "no warning about the missing watchdog"
	elif ! has "BOOTIMG-STAGE2-DONE" "$log"; then
		echo "the second kernel did not report"
	else
		echo "warned, the second kernel booted"
		return 0
	fi
	return 1
}

check_stop_on_reboot() {
	local log=$1
	if ! has "this kernel stops the watchdog at the kexec; boot it with watchdog.stop_on_reboot=0" "$log"; then
		echo "no warning about stop_on_reboot"
	elif ! has "BOOTIMG-WD second system up" "$log"; then
		echo "the second system did not come up"
	else
		echo "warned, the second system came up"
		return 0
	fi
	return 1
}

# run_case NAME DEVICE WATCHDOG-OPTIONS CHECK: one case, in e2e_pool
# (WATCHDOG-OPTIONS "-": none).
run_case() {
	local name=$1 dir=$work/cases/$1 options=${3#-} why rc start
	e2e_case "$dir" run=". /bin/init-watchdog" exec="true" cmdline="unused"
	add_guest_files "$dir/root" "$name" "$options"
	mkdir -p "$dir/root/stage2"
	guard_cpio "$dir" "$name" "$options"
	mv "$dir/guard.cpio" "$dir/root/stage2/"
	truncate -s 4M "$dir/disk.img"
	E2E_QEMU_ARGS=(-drive "file=$dir/disk.img,format=raw,if=virtio")
	[ "$2" = none ] || E2E_QEMU_ARGS+=(-device "$2" -action watchdog=reset)
	start=$SECONDS
	E2E_FIRMWARE_REBOOTS=1 BOOTIMG_E2E_TIMEOUT=${BOOTIMG_E2E_TIMEOUT:-400} \
		e2e_boot "$work" "$dir" 1
	why=$("$4" "$dir/serial.log"); rc=$?
	if has BOOTIMG-WD-FAIL "$dir/serial.log"; then
		why="$(e2e_field "$dir/serial.log" "BOOTIMG-WD-FAIL ")"; rc=1
	fi
	e2e_result "$name" "$rc" "$why, $((SECONDS - start)) s" "$dir/serial.log"
}

# hang and success wait out the watchdog's timeout, their guests mostly
# idle: they run side by side (BOOTIMG_E2E_JOBS), the short ones after.
e2e_pool run_case "hang i6300esb stop_on_reboot=0 check_hang" \
	"success i6300esb stop_on_reboot=0 check_success" \
	"no-watchdog none stop_on_reboot=0 check_no_watchdog" \
	"stop-on-reboot i6300esb - check_stop_on_reboot"

e2e_finalize
