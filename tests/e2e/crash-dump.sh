#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# crash-dump: in qemu (TCG), Debian's kernel boots with crashkernel=256M,
# bootimg stages a panic kernel with each method (file, kexec), unloads
# and stages it again, writes a marker to /dev/kmsg and crashes the
# kernel with sysrq-c.  The panic kernel must come up, find /proc/vmcore
# with an NT_PRSTATUS note per CPU and the VMCOREINFO note, and the
# marker in the dumped memory.  Prints TAP: one ok/not ok line a case
# (tests/e2e/lib.sh).
#
# Environment: as tests/e2e/boot-matrix (BOOTIMG_STAGE, BOOTIMG_E2E_CACHE,
# BOOTIMG_E2E_JOBS, BOOTIMG_E2E_ONLY, BOOTIMG_E2E_TIMEOUT).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 crash-dump
work=$e2e_work/$(basename "$kernel")
e2e_images "$work" "$kernel"
smp=2

crash_case() {	# crash_case NAME METHOD
	local token
	token=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
	e2e_case "$work/cases/$1" \
		cmdline="console=ttyS0 panic=-1 quiet nr_cpus=1 reset_devices bootimg.case=$1 bootimg.marker=$token" \
		exec="echo c >/proc/sysrq-trigger" run="$(cat <<EOS
fail() { echo "BOOTIMG-STAGE1-FAIL \$*"; exit 1; }
echo "BOOTIMG-STAGE1 reserved \$(grep 'Crash kernel' /proc/iomem)"
load() { bootimg -v -p /stage2/vmlinuz --initrd=/stage2/a.cpio --command-line="\$CMDLINE" --method=$2 || fail "bootimg -p exited \$?"; }
staged() { bootimg --status | grep -q "panic kernel:  staged"; }
load
staged || fail "--status does not show the panic kernel"
bootimg -u -p || fail "bootimg -u -p exited \$?"
staged && fail "the panic kernel is still staged after -u -p"
load
bootimg --status | sed 's/^/BOOTIMG-STAGE1 status /'
staged || fail "--status does not show the panic kernel"
echo "BOOTIMG-KMSG-\$(echo $token | rev)" >/dev/kmsg
EOS
)"
}

crash_check() {	# crash_check DIR: the panic kernel's report
	local dir=$1 log=$1/serial.log want got
	if grep -q BOOTIMG-STAGE1-FAIL "$log"; then
		e2e_field "$log" "BOOTIMG-STAGE1-FAIL "
		return 1
	fi
	grep -q "BOOTIMG-STAGE1 reserved .*Crash kernel" "$log" ||
		{ echo "crashkernel=256M reserved nothing"; return 1; }
	grep -q BOOTIMG-STAGE2-DONE "$log" ||
		{ echo "the panic kernel did not report"; return 1; }
	want=$(cat "$dir/root/case/cmdline")
	got=$(e2e_field "$log" "BOOTIMG-STAGE2 cmdline=")
	case $got in
	*"$want"*) ;;
	*) echo "cmdline: got '$got', want '$want'"; return 1 ;;
	esac
	case $got in	# the file method puts it first, the kexec method last
	*elfcorehdr=*) ;;
	*) echo "cmdline: no elfcorehdr= in '$got'"; return 1 ;;
	esac
	got=$(e2e_field "$log" "BOOTIMG-STAGE2 vmcore ")
	case $got in
	"prstatus=$smp vmcoreinfo=yes osrelease="[0-9]*) ;;
	*) echo "vmcore: got '$got', want prstatus=$smp vmcoreinfo=yes"; return 1 ;;
	esac
	[ "$(e2e_field "$log" "BOOTIMG-STAGE2 vmcore-marker ")" -ge 1 ] 2>/dev/null ||
		{ echo "the /dev/kmsg marker is not in /proc/vmcore"; return 1; }
	echo "$got, marker found, $(e2e_field "$log" "BOOTIMG-STAGE1 reserved " | sed 's/ *: Crash kernel//'), panic kernel MemTotal $(e2e_field "$log" "BOOTIMG-STAGE2 memtotal=" | cut -d' ' -f1) kB"
}

cases=(crash-file crash-kexec)
run_one() {	# run_one NAME
	local dir=$work/cases/$1 why
	e2e_boot "$work" "$dir" "$smp" bios none "crashkernel=256M"
	why=$(crash_check "$dir")
	e2e_result "$1" $? "$why" "$dir/serial.log"
}

for c in "${cases[@]}"; do
	crash_case "$c" "${c#crash-}"
done
e2e_pool run_one "${cases[@]}"
e2e_finalize
