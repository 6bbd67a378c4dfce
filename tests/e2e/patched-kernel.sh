#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# patched-kernel: a kernel carrying the bootimg patch, built without kexec
# (scripts/build-patched-kernel: tinyconfig, CONFIG_KEXEC=n,
# CONFIG_KEXEC_FILE=n, CONFIG_KPROBES=n, CONFIG_BOOTIMG=y), boots in qemu
# (TCG) and boots Debian's kernel with `bootimg --method=auto`: auto finds
# no kexec_load (ENOSYS) and falls back to the in-tree driver, built in,
# with no module to load and no kprobe trick; -v says so, naming the
# in-tree driver, not bootimg.ko.
# Cases, with the patched x86_64 kernel first and Debian's amd64 second:
#   x86_64-exec    bootimg --exec hands off
#   x86_64-reboot  an ordinary `reboot -f` hands off
# x86_64 only: a kernel build costs about ten minutes of the CI machine,
# and the driver is the same code on i386, where module-i386 boots it as
# a module on Debian's 686 and 686-pae kernels and kernel-patch compiles
# it in the i386 tree.
# Each boots the first kernel with two CPUs and stages two initrds; the
# second kernel reports its command line, initrds, memory and CPUs.  Its
# MemTotal must be at least 93% of the first kernel's, not 97%: Debian's
# kernel keeps about 40 MB more for itself than the small one.
# Before booting, each kernel's .config and System.map are checked: the
# driver is built in and the kernel has neither kexec nor kprobes nor
# the out-of-tree module's symbol lookup (bootimg_sym).
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, x86_64),
# BOOTIMG_E2E_CACHE (downloads and the kernel builds), BOOTIMG_E2E_ONLY,
# BOOTIMG_E2E_TIMEOUT, BOOTIMG_KERNEL_PATCH (the patch `make kernel-patch`
# built; else kernel/make-patch makes it: scripts/build-patched-kernel).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init patched-kernel
e2e_need_stage usr/sbin/bootimg
e2e_need_arch x86_64
e2e_need_command qemu-system-x86_64
# NAME PATCHED-VARIANT DEBIAN-FLAVOUR EXEC
cases=("x86_64-exec x86_64 amd64 exec" "x86_64-reboot x86_64 amd64 reboot")
work=$e2e_work

# The driver is built in (its device is there with no module loaded, and
# no module state in sysfs), auto falls back to it for want of kexec_load
# and says so.
# shellcheck disable=SC2016  # expanded in the guest
run='fail() { echo "BOOTIMG-STAGE1-FAIL $*"; exit 1; }
[ -c /dev/bootimg ] || fail "no /dev/bootimg"
[ -d /sys/module/bootimg ] && [ ! -e /sys/module/bootimg/initstate ] || fail "bootimg is not built in"
[ ! -e /sys/kernel/kexec_loaded ] || fail "the kernel has kexec"
cpus=$(grep -c ^processor /proc/cpuinfo)
[ "$cpus" -eq 2 ] || fail "the first kernel runs $cpus CPUs, not 2"
set -o pipefail
bootimg -v --method=auto --load /stage2/vmlinuz --initrd=/stage2/a.cpio --initrd=/stage2/b.cpio --command-line="$CMDLINE" 2>&1 | tee /tmp/v || fail "bootimg --load exited $?"
grep -q "has no kexec_load (ENOSYS); used the in-tree bootimg driver$" /tmp/v || fail "auto did not say it fell back to the in-tree driver"
grep -q "with method module" /tmp/v || fail "not staged with the driver"
bootimg --status | grep -q "staged (bootimg.ko)" || fail "bootimg --status: $(bootimg --status 2>&1)"'

# check_kernel DIR: the build's .config and System.map in DIR.
check_kernel() {
	local config=$1/.config map=$1/System.map opt
	grep -qx CONFIG_BOOTIMG=y "$config" || { echo "CONFIG_BOOTIMG is not y"; return 1; }
	for opt in KEXEC KEXEC_FILE KEXEC_CORE KPROBES KALLSYMS; do
		! grep -q "^CONFIG_$opt=" "$config" || { echo "CONFIG_$opt is set"; return 1; }
	done
	grep -q ' bootimg_' "$map" || { echo "no bootimg_ symbols in System.map"; return 1; }
	! grep -qE ' (bootimg_sym|register_kprobe|kallsyms_lookup_name|machine_kexec)$' "$map" ||
		{ echo "System.map has $(grep -E ' (bootimg_sym|register_kprobe|kallsyms_lookup_name|machine_kexec)$' "$map" | head -n 1)"; return 1; }
	echo "BOOTIMG=y; no KEXEC, KEXEC_FILE, KPROBES, KALLSYMS, bootimg_sym"
}

for c in "${cases[@]}"; do
	# shellcheck disable=SC2086
	set -- $c
	e2e_selected "$1" || continue
	name=$1 exec="bootimg --exec"
	[ "$4" = reboot ] && exec="reboot -f"
	start=$SECONDS
	if ! patched=$("$e2e_top/scripts/build-patched-kernel" "$2" "$cache"); then
		e2e_result "patched-kernel $name build" 1 "the $2 kernel does not build"
		continue
	fi
	if ! why=$(check_kernel "$(dirname "$patched")"); then
		e2e_result "patched-kernel $name build" 1 "the $2 kernel: $why"
		continue
	fi
	e2e_result "patched-kernel $name build" 0 \
		"the $2 kernel, built or cached in $((SECONDS - start)) s: $why"
	stage2=$("$e2e_top/scripts/fetch-kernel" "$3" "$cache") || {
		e2e_result "patched-kernel $name boot" 1 "no Debian $3 kernel"
		continue
	}
	images=$work/$2-$3
	e2e_prepare "$images" "$patched" "$stage2" || {
		e2e_result "patched-kernel $name boot" 1 "cannot build the images"
		continue
	}
	dir=$work/cases/$name
	e2e_case "$dir" run="$run" exec="$exec" cmdline="$(e2e_cmdline "$name")"
	e2e_boot "$images" "$dir" 2
	why=$(e2e_check "$dir" "$images" 2 2 93)
	e2e_result "patched-kernel $name boot" $? \
		"patched $2 -> Debian $3, $exec ($why)" "$dir/serial.log"
done
e2e_finalize
